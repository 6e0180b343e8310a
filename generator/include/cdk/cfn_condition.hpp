// cdkpp: a template condition, and rules (assertions on parameters checked before deploy).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/cfn_element.hpp"
#include "cdk/value.hpp"

namespace cdk {

// A named condition; expression is built from fn::equals, fn::and_, fn::or_, fn::not_, ...
class CfnCondition : public CfnElement {
 public:
  CfnCondition(Construct& scope, std::string_view id, Value expression);

  const Value& expression() const { return expression_; }

  void render(RenderContext& context) const override;

 private:
  Value expression_;
};

struct RuleAssertion {
  Value assert_condition;
  std::string description;
};

// A template rule: assertions that must hold before CloudFormation deploys the stack.
class CfnRule : public CfnElement {
 public:
  CfnRule(Construct& scope, std::string_view id, std::vector<RuleAssertion> assertions,
          std::optional<Value> rule_condition = std::nullopt);

  void render(RenderContext& context) const override;

 private:
  std::vector<RuleAssertion> assertions_;
  std::optional<Value> rule_condition_;
};

}  // namespace cdk
