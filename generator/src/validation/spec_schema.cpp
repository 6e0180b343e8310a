// cdkpp: resource types of the CloudFormation spec, parsed on first use.
// SPDX-License-Identifier: Apache-2.0
#include "validation/spec_schema.hpp"

#include <fmt/format.h>

#include "cdk/errors.hpp"
#include "validation/messages.hpp"

namespace cdk::detail::validation {
namespace {

std::string_view vendor_of(std::string_view type) {
  const std::size_t colons = type.find("::");
  return colons == std::string_view::npos ? std::string_view() : type.substr(0, colons);
}

const nlohmann::json& object_or_empty(const nlohmann::json& parent, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const auto found = parent.find(key);
  return found != parent.end() && found->is_object() ? *found : kEmpty;
}

}  // namespace

ResourceSchema::ResourceSchema(std::string type, std::string_view json_text)
    : type_(std::move(type)) {
  try {
    entry_ = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(fmt::format("the spec entry of {} is not valid json: {}", type_, e.what()));
  }
  if (!entry_.is_object()) throw Error(fmt::format("the spec entry of {} is not an object", type_));
  properties_ = object_or_empty(entry_, "properties");
  attributes_ = object_or_empty(entry_, "attributes");
}

const nlohmann::json* ResourceSchema::nested_properties(const std::string& name) const {
  const nlohmann::json& types = object_or_empty(entry_, "types");
  const auto found = types.find(name);
  if (found == types.end() || !found->is_object()) return nullptr;
  return &object_or_empty(*found, "properties");
}

const SpecType& ResourceSchema::parse(const std::string& type_text) const {
  auto found = parsed_.find(type_text);
  if (found == parsed_.end()) found = parsed_.emplace(type_text, parse_spec_type(type_text)).first;
  return found->second;
}

const ResourceSchema* SpecCache::find(const std::string& type) {
  auto found = schemas_.find(type);
  if (found == schemas_.end()) {
    std::unique_ptr<ResourceSchema> schema;
    if (std::optional<std::string_view> text = source_.find(type)) {
      schema = std::make_unique<ResourceSchema>(type, *text);
    }
    found = schemas_.emplace(type, std::move(schema)).first;
  }
  return found->second.get();
}

bool SpecCache::has_vendor_of(std::string_view type) {
  const std::string_view vendor = vendor_of(type);
  if (vendor.empty()) return false;
  if (vendors_.empty()) {
    for (const std::string& name : type_names()) vendors_.emplace(vendor_of(name));
  }
  return vendors_.find(vendor) != vendors_.end();
}

std::optional<std::string> SpecCache::closest_type(std::string_view type) {
  return closest_name(type, type_names());
}

const std::vector<std::string>& SpecCache::type_names() {
  if (!type_names_) {
    type_names_.emplace();
    if (source_.type_names) {
      for (std::string_view name : source_.type_names()) type_names_->emplace_back(name);
    }
  }
  return *type_names_;
}

bool is_custom_resource_type(std::string_view type) {
  return type.starts_with("Custom::") || type == kCustomResourceType;
}

}  // namespace cdk::detail::validation
