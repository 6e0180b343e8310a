// cdkpp: template mappings.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/cfn_mapping.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/errors.hpp"

namespace cdk {

CfnMapping::CfnMapping(Construct& scope, std::string_view id, Json mapping)
    : CfnElement(scope, id), mapping_(std::make_unique<const Json>(std::move(mapping))) {
  if (!mapping_->is_object()) {
    throw Error(fmt::format("'{}': a mapping must be an object of objects, got {}", path(),
                            mapping_->dump()));
  }
  for (const auto& [key, level] : mapping_->items()) {
    if (!level.is_object()) {
      throw Error(fmt::format("'{}': mapping key '{}' must hold an object, got {}", path(), key,
                              level.dump()));
    }
  }
}

CfnMapping::~CfnMapping() = default;

Value CfnMapping::find_in_map(Value top_level_key, Value second_level_key) const {
  if (top_level_key.is_string() && second_level_key.is_string()) {
    const std::string& top = top_level_key.as_string();
    const std::string& second = second_level_key.as_string();
    if (!mapping_->contains(top) || !(*mapping_)[top].contains(second)) {
      throw Error(fmt::format("'{}': mapping has no entry '{}'/'{}'", path(), top, second));
    }
  }
  Value name = logical_id_value();
  return fn::find_in_map(std::move(name), std::move(top_level_key), std::move(second_level_key));
}

void CfnMapping::render(RenderContext& context) const {
  context.add("Mappings", logical_id(), context.resolve(Value::from_json(*mapping_)));
}

}  // namespace cdk
