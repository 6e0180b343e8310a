// cdkpp: a template parameter, a value given when the stack is deployed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/cfn_element.hpp"
#include "cdk/value.hpp"

namespace cdk {

struct CfnParameterProps {
  std::string type = "String";
  std::optional<Value> default_value;
  std::optional<std::string> allowed_pattern;
  std::vector<Value> allowed_values;
  std::optional<std::string> constraint_description;
  std::optional<std::string> description;
  std::optional<int> max_length;
  std::optional<double> max_value;
  std::optional<int> min_length;
  std::optional<double> min_value;
  bool no_echo = false;
};

class CfnParameter : public CfnElement {
 public:
  CfnParameter(Construct& scope, std::string_view id, CfnParameterProps props = {});

  // {"Ref": <logical id>} where used.
  Value value() const;

  void render(RenderContext& context) const override;

 private:
  CfnParameterProps props_;
};

}  // namespace cdk
