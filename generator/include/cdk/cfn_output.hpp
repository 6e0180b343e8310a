// cdkpp: a stack output, optionally exported for other stacks to import.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/cfn_element.hpp"
#include "cdk/value.hpp"

namespace cdk {

class CfnCondition;

struct CfnOutputProps {
  Value value;
  std::string description;
  // When set, the output is exported under this name (Export.Name).
  std::optional<Value> export_name;
  const CfnCondition* condition = nullptr;
};

class CfnOutput : public CfnElement {
 public:
  CfnOutput(Construct& scope, std::string_view id, CfnOutputProps props);

  const Value& value() const { return props_.value; }
  const std::optional<Value>& export_name() const { return props_.export_name; }

  // {"Fn::ImportValue": <export name>}; throws cdk::Error when the output is not exported.
  Value import_value() const;

  void render(RenderContext& context) const override;

 private:
  CfnOutputProps props_;
};

}  // namespace cdk
