// cdkpp: a template mapping, a two-level lookup table read with Fn::FindInMap.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "cdk/cfn_element.hpp"
#include "cdk/value.hpp"

namespace cdk {

class CfnMapping : public CfnElement {
 public:
  // mapping: {top-level key: {second-level key: value}}, all literals.
  CfnMapping(Construct& scope, std::string_view id, Json mapping);
  ~CfnMapping() override;

  // Fn::FindInMap over this mapping. Throws cdk::Error naming the mapping's path when both keys
  // are literals that the mapping does not have.
  Value find_in_map(Value top_level_key, Value second_level_key) const;

  void render(RenderContext& context) const override;

 private:
  // Held by pointer so that this header, and every file that includes cdk.hpp, needs only the
  // declaration of Json: the full nlohmann header costs over a second per translation unit.
  std::unique_ptr<const Json> mapping_;
};

}  // namespace cdk
