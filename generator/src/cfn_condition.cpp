// cdkpp: template conditions and rules.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/cfn_condition.hpp"

#include <nlohmann/json.hpp>

namespace cdk {

CfnCondition::CfnCondition(Construct& scope, std::string_view id, Value expression)
    : CfnElement(scope, id), expression_(std::move(expression)) {}

void CfnCondition::render(RenderContext& context) const {
  context.add("Conditions", logical_id(), context.resolve(expression_));
}

CfnRule::CfnRule(Construct& scope, std::string_view id, std::vector<RuleAssertion> assertions,
                 std::optional<Value> rule_condition)
    : CfnElement(scope, id),
      assertions_(std::move(assertions)),
      rule_condition_(std::move(rule_condition)) {}

void CfnRule::render(RenderContext& context) const {
  Json body = Json::object();
  if (rule_condition_) body["RuleCondition"] = context.resolve(*rule_condition_);
  Json assertions = Json::array();
  for (const RuleAssertion& assertion : assertions_) {
    assertions.push_back({{"Assert", context.resolve(assertion.assert_condition)},
                          {"AssertDescription", assertion.description}});
  }
  body["Assertions"] = std::move(assertions);
  context.add("Rules", logical_id(), std::move(body));
}

}  // namespace cdk
