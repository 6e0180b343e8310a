// cdkpp: a template mapping, a two-level lookup table read with Fn::FindInMap.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cdk/cfn_element.hpp"
#include "cdk/value.hpp"

namespace cdk {

class CfnMapping : public CfnElement {
 public:
  // mapping: {top-level key: {second-level key: value}}, all literals.
  CfnMapping(Construct& scope, std::string_view id, Json mapping);

  // Fn::FindInMap over this mapping. Throws cdk::Error naming the mapping's path when both keys
  // are literals that the mapping does not have.
  Value find_in_map(Value top_level_key, Value second_level_key) const;

  void render(RenderContext& context) const override;

 private:
  Json mapping_;
};

}  // namespace cdk
