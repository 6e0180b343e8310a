// cdkpp: CloudFormation resources.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/cfn_resource.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/app.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "cdk/stack.hpp"
#include "overrides.hpp"

namespace cdk {
namespace {

// Path metadata is on unless the context turns it off, as under the AWS CDK CLI.
bool path_metadata_enabled(const Construct& construct) {
  const App* app = App::of(construct);
  if (app == nullptr) return true;
  return app->context().try_get_bool("aws:cdk:enable-path-metadata").value_or(true);
}

}  // namespace

std::string to_string(ResourcePolicy policy) {
  switch (policy) {
    case ResourcePolicy::delete_resource:
      return "Delete";
    case ResourcePolicy::retain:
      return "Retain";
    case ResourcePolicy::snapshot:
      return "Snapshot";
    case ResourcePolicy::retain_except_on_delete:
      return "RetainExceptOnDelete";
  }
  return "Delete";
}

CfnResource::CfnResource(Construct& scope, std::string_view id, std::string type, Value properties)
    : CfnElement(scope, id), type_(std::move(type)) {
  if (type_.empty()) {
    throw Error(fmt::format("'{}': a resource type must not be empty", path()));
  }
  if (!properties.is_null()) {
    if (!properties.is_object()) {
      throw Error(fmt::format("'{}': the properties of a {} must be an object, got {}", path(),
                              type_, properties.describe()));
    }
    properties_ = properties.as_object();
  }
}

void CfnResource::set_property(std::string_view name, Value value) {
  for (auto& [key, existing] : properties_) {
    if (key == name) {
      existing = std::move(value);
      return;
    }
  }
  properties_.emplace_back(std::string(name), std::move(value));
}

Object CfnResource::properties() const {
  Object merged = typed_properties();
  for (const auto& [name, value] : properties_) {
    auto existing = std::find_if(merged.begin(), merged.end(),
                                 [&](const auto& entry) { return entry.first == name; });
    if (existing != merged.end()) {
      existing->second = value;
    } else {
      merged.emplace_back(name, value);
    }
  }
  return merged;
}

void CfnResource::add_override(std::string_view path, Value value) {
  overrides_.push_back({detail::split_override_path(path), std::move(value)});
}

void CfnResource::add_deletion_override(std::string_view path) {
  overrides_.push_back({detail::split_override_path(path), std::nullopt});
}

void CfnResource::add_property_override(std::string_view path, Value value) {
  add_override("Properties." + std::string(path), std::move(value));
}

void CfnResource::add_property_deletion_override(std::string_view path) {
  add_deletion_override("Properties." + std::string(path));
}

Value CfnResource::ref() const { return Value(Reference{Reference::Kind::ref, this, nullptr, ""}); }

Value CfnResource::get_att(std::string attribute) const {
  return Value(Reference{Reference::Kind::get_att, this, nullptr, std::move(attribute)});
}

void CfnResource::add_depends_on(const CfnResource& other) {
  // As in the AWS CDK, a resource of another stack is waited for by deploying that stack first.
  if (&other.stack() != &stack()) {
    stack().add_dependency(other.stack(), fmt::format("{} -> {}", path(), other.path()));
    return;
  }
  if (std::find(depends_on_.begin(), depends_on_.end(), &other) == depends_on_.end()) {
    depends_on_.push_back(&other);
  }
}

void CfnResource::apply_removal_policy(ResourcePolicy policy) {
  deletion_policy_ = policy;
  update_replace_policy_ = policy;
}

void CfnResource::add_metadata(std::string key, Value value) {
  for (auto& [existing, held] : metadata_) {
    if (existing == key) {
      held = std::move(value);
      return;
    }
  }
  metadata_.emplace_back(std::move(key), std::move(value));
}

void CfnResource::render(RenderContext& context) const {
  // Room for every key below: a growing ordered object would copy the properties.
  constexpr std::size_t kBodyKeys = 8;
  Json body = Json::object();
  body.get_ref<Json::object_t&>().reserve(kBodyKeys);
  body["Type"] = type_;
  Json properties = context.resolve(Value(this->properties()));
  context.resolved_properties(*this, properties);
  if (!properties.empty()) body["Properties"] = std::move(properties);

  if (!depends_on_.empty()) {
    std::vector<const CfnResource*> sorted = depends_on_;
    std::sort(sorted.begin(), sorted.end(), [](const CfnResource* a, const CfnResource* b) {
      return names::locale_less(a->path(), b->path());
    });
    Json depends_on = Json::array();
    for (const CfnResource* dependency : sorted) depends_on.push_back(dependency->logical_id());
    body["DependsOn"] = std::move(depends_on);
  }

  if (update_replace_policy_) body["UpdateReplacePolicy"] = to_string(*update_replace_policy_);
  if (deletion_policy_) body["DeletionPolicy"] = to_string(*deletion_policy_);

  Object metadata;
  if (path_metadata_enabled(*this)) metadata.emplace_back("aws:cdk:path", path());
  metadata.insert(metadata.end(), metadata_.begin(), metadata_.end());
  if (!metadata.empty()) body["Metadata"] = context.resolve(Value(std::move(metadata)));

  if (condition_ != nullptr)
    body["Condition"] = context.resolve(fn::condition(*condition_))["Condition"];

  if (!overrides_.empty()) {
    Json tree = Json::object();
    for (const Override& entry : overrides_) {
      detail::add_to_override_tree(
          tree, entry.path,
          entry.value ? context.resolve(*entry.value) : Json(Json::value_t::discarded));
    }
    detail::merge_overrides(body, tree);
  }

  context.add("Resources", logical_id(), std::move(body));
}

}  // namespace cdk
