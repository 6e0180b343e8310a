// cdkpp: stack outputs.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/cfn_output.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/cfn_condition.hpp"
#include "cdk/errors.hpp"

namespace cdk {

CfnOutput::CfnOutput(Construct& scope, std::string_view id, CfnOutputProps props)
    : CfnElement(scope, id), props_(std::move(props)) {
  if (props_.value.is_null()) {
    throw Error(fmt::format("'{}': an output needs a value", path()));
  }
}

Value CfnOutput::import_value() const {
  if (!props_.export_name) {
    throw Error(
        fmt::format("'{}': only an exported output can be imported; set export_name", path()));
  }
  return fn::import_value(*props_.export_name);
}

void CfnOutput::render(RenderContext& context) const {
  Json body = Json::object();
  if (!props_.description.empty()) body["Description"] = props_.description;
  body["Value"] = context.resolve(props_.value);
  if (props_.export_name) body["Export"] = {{"Name", context.resolve(*props_.export_name)}};
  if (props_.condition != nullptr) {
    body["Condition"] = context.resolve(fn::condition(*props_.condition))["Condition"];
  }
  context.add("Outputs", logical_id(), std::move(body));
}

}  // namespace cdk
