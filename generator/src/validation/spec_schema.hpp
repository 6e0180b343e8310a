// cdkpp: resource types of the CloudFormation spec, parsed on first use and kept for one
// validation run.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "validation/spec_type.hpp"

namespace cdk::detail::validation {

// Where the spec comes from: the catalog compiled into the library, or in tests the spec file.
struct SpecSource {
  // The type's entry under "resources" as JSON text; nullopt when the spec has no such type.
  std::function<std::optional<std::string_view>(std::string_view type)> find;
  // Every type name of the spec, read only when a type is not found (for the vendor prefixes
  // and suggestions).
  std::function<std::vector<std::string_view>()> type_names;
};

// The spec as compiled into the library (generator/src/spec/catalog.hpp).
SpecSource compiled_spec();

// One resource type's entry.
class ResourceSchema {
 public:
  // Throws cdk::Error when the text is not a resource entry.
  ResourceSchema(std::string type, std::string_view json_text);

  const std::string& type() const { return type_; }
  // Property name -> {"type": ..., "required": true, ...}.
  const nlohmann::json& properties() const { return properties_; }
  // Attribute name -> type text.
  const nlohmann::json& attributes() const { return attributes_; }
  // The properties of the nested type `name`; nullptr when the resource has no such type.
  const nlohmann::json* nested_properties(const std::string& name) const;
  // A type text of this entry, parsed once; throws cdk::Error when it is not in the grammar.
  const SpecType& parse(const std::string& type_text) const;

 private:
  std::string type_;
  nlohmann::json entry_;
  nlohmann::json properties_;
  nlohmann::json attributes_;
  mutable std::map<std::string, SpecType> parsed_;
};

// The resource types met during one validation run, each parsed once.
class SpecCache {
 public:
  explicit SpecCache(SpecSource source) : source_(std::move(source)) {}

  // nullptr when the spec has no such type; throws cdk::Error when its entry is malformed.
  const ResourceSchema* find(const std::string& type);
  // True when the type's vendor ("AWS" in "AWS::S3::Bucket") has types in the spec.
  bool has_vendor_of(std::string_view type);
  // A type of the spec that `type` is probably a misspelling of.
  std::optional<std::string> closest_type(std::string_view type);

 private:
  const std::vector<std::string>& type_names();

  SpecSource source_;
  std::map<std::string, std::unique_ptr<ResourceSchema>, std::less<>> schemas_;
  std::optional<std::vector<std::string>> type_names_;
  std::set<std::string, std::less<>> vendors_;
};

// Custom resources: "Custom::<Name>" and AWS::CloudFormation::CustomResource.
bool is_custom_resource_type(std::string_view type);
inline constexpr const char* kCustomResourceType = "AWS::CloudFormation::CustomResource";

}  // namespace cdk::detail::validation
