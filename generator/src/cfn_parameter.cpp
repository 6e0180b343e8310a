// cdkpp: template parameters.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/cfn_parameter.hpp"

#include <nlohmann/json.hpp>

namespace cdk {

CfnParameter::CfnParameter(Construct& scope, std::string_view id, CfnParameterProps props)
    : CfnElement(scope, id), props_(std::move(props)) {}

Value CfnParameter::value() const {
  return Value(Reference{Reference::Kind::ref, this, nullptr, ""});
}

void CfnParameter::render(RenderContext& context) const {
  // Keys in the order the AWS CDK writes them.
  Json body = Json::object();
  body["Type"] = props_.type;
  if (props_.default_value) body["Default"] = context.resolve(*props_.default_value);
  if (props_.allowed_pattern) body["AllowedPattern"] = *props_.allowed_pattern;
  if (!props_.allowed_values.empty()) {
    body["AllowedValues"] = context.resolve(Value(props_.allowed_values));
  }
  if (props_.constraint_description) {
    body["ConstraintDescription"] = *props_.constraint_description;
  }
  if (props_.description) body["Description"] = *props_.description;
  if (props_.max_length) body["MaxLength"] = *props_.max_length;
  if (props_.max_value) body["MaxValue"] = context.resolve(*props_.max_value);
  if (props_.min_length) body["MinLength"] = *props_.min_length;
  if (props_.min_value) body["MinValue"] = context.resolve(*props_.min_value);
  if (props_.no_echo) body["NoEcho"] = true;
  context.add("Parameters", logical_id(), std::move(body));
}

}  // namespace cdk
