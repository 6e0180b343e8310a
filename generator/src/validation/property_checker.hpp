// cdkpp: checks one resource's properties against its spec entry, at every depth.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/value.hpp"
#include "validation/intrinsics.hpp"
#include "validation/spec_schema.hpp"
#include "validation/spec_type.hpp"

namespace cdk::detail::validation {

class PropertyChecker {
 public:
  PropertyChecker(const ResourceSchema& schema, IntrinsicTypes& intrinsics)
      : schema_(schema), intrinsics_(intrinsics) {}

  // Checks the resource's Properties (an absent one is an empty object). `open`: properties
  // that the spec does not list are allowed (custom resources). Appends one message per
  // problem, without the resource's name.
  void check_resource(const Json& properties, bool open, std::vector<std::string>& out);

 private:
  // A property set: the resource's own (owner: the resource type) or a nested type's.
  struct Shape {
    const nlohmann::json& definitions;
    const std::string& owner;
    bool open;
  };

  void check_value(const SpecType& expected, const Json& value, const std::string& path,
                   std::vector<std::string>& out);
  void check_object(const Shape& shape, const Json& value, const std::string& path,
                    std::vector<std::string>& out);
  void check_any_of(const SpecType& expected, const Json& value, const std::string& path,
                    std::vector<std::string>& out);
  void check_collection(const SpecType& expected, const Json& value, const std::string& path,
                        std::vector<std::string>& out);
  void check_intrinsic(const SpecType& expected, const Json& value, const std::string& path,
                       std::vector<std::string>& out);

  const ResourceSchema& schema_;
  IntrinsicTypes& intrinsics_;
};

}  // namespace cdk::detail::validation
