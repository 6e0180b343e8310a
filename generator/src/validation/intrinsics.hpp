// cdkpp: what intrinsic functions resolve to, for checking them where the spec expects a type.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cdk/value.hpp"
#include "validation/spec_schema.hpp"
#include "validation/spec_type.hpp"

namespace cdk::detail::validation {

// The type of a value known only at deploy time, as far as the template tells.
struct Produced {
  enum class Kind { any, absent, string, integer, number, boolean, object, list, map };

  Kind kind = Kind::any;
  std::shared_ptr<const Produced> element;  // list and map: the element type (null: any)
};

std::string to_string(const Produced& produced);

// Whether a value of type `produced` is acceptable where the spec expects `expected`.
bool fits(const SpecType& expected, const Produced& produced);

// {"Ref": ...} or {"Fn::<name>": ...}: an object with that one key.
bool is_intrinsic(const Json& value);
// null, or {"Ref": "AWS::NoValue"}: the property is left out.
bool is_absent(const Json& value);
// A string holding a dynamic reference ("{{resolve:ssm:/name}}"), resolved at deploy time.
bool is_dynamic_reference(const Json& value);

// The arguments of Fn::GetAtt, from [id, attribute] or "id.attribute"; nullopt when the
// attribute is computed (an intrinsic) or the arguments are malformed.
struct GetAttArguments {
  std::string logical_id;
  std::string attribute;
};
std::optional<GetAttArguments> get_att_arguments(const Json& argument);

// Fn::GetAtt of a resource of the template, as the spec knows it.
struct AttributeLookup {
  // known: the spec has the attribute; unknown: a spec type without it; unchecked: any
  // attribute goes (custom and third-party types, targets that are not resources).
  enum class Status { known, unknown, unchecked };

  Status status = Status::unchecked;
  Produced type;
  const ResourceSchema* target = nullptr;  // unknown: the target's spec entry
};

// Intrinsic functions of one template.
class IntrinsicTypes {
 public:
  IntrinsicTypes(const Json& document, SpecCache& spec) : document_(document), spec_(spec) {}

  // What the intrinsic call resolves to (Fn::If is checked branch by branch, not here).
  Produced result_of(const Json& call);
  AttributeLookup look_up(const GetAttArguments& get_att);

 private:
  Produced ref_result(const std::string& name) const;

  const Json& document_;
  SpecCache& spec_;
};

}  // namespace cdk::detail::validation
