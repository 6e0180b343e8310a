// cdkpp: the escape hatches' path syntax and the merge of overrides into a rendered resource.
// SPDX-License-Identifier: Apache-2.0
#include "overrides.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/errors.hpp"

namespace cdk::detail {
namespace {

// An object with one of these as its only key is an intrinsic function: an override never
// merges into one, nor merges one into a value, it replaces it.
constexpr std::array<std::string_view, 17> kIntrinsicKeys = {
    "Ref",        "Fn::Base64",      "Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt",
    "Fn::GetAZs", "Fn::ImportValue", "Fn::Join", "Fn::Select",    "Fn::Split",
    "Fn::Sub",    "Fn::Transform",   "Fn::And",  "Fn::Equals",    "Fn::If",
    "Fn::Not",    "Fn::Or"};

bool is_intrinsic(const Json& value) {
  return value.is_object() && value.size() == 1 &&
         std::find(kIntrinsicKeys.begin(), kIntrinsicKeys.end(), value.begin().key()) !=
             kIntrinsicKeys.end();
}

bool parse_index(const std::string& key, std::size_t& index) {
  if (key.empty()) return false;
  const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), index);
  return error == std::errc() && end == key.data() + key.size();
}

// The place that key names in target (an object, or a list indexed by key), created as null
// when absent.
Json& slot(Json& target, const std::string& key, const std::string& at) {
  if (target.is_object()) return target[key];
  std::size_t index = 0;
  if (!parse_index(key, index)) {
    throw Error(
        fmt::format("the override of '{}' names '{}' inside a list, which takes indexes", at, key));
  }
  // As in JavaScript, writing past the end leaves nulls in between.
  while (target.size() <= index) target.push_back(nullptr);
  return target[index];
}

void erase(Json& target, const std::string& key) {
  if (target.is_object()) {
    target.erase(key);
    return;
  }
  std::size_t index = 0;
  // JavaScript's delete leaves a hole in a list, which JSON.stringify writes as null.
  if (parse_index(key, index) && index < target.size()) target[index] = nullptr;
}

void merge(Json& target, const Json& source, const std::string& at) {
  for (const auto& [key, value] : source.items()) {
    const std::string here = at.empty() ? key : at + "." + key;
    if (value.is_discarded()) {
      erase(target, key);
      continue;
    }
    Json* place = &slot(target, key, here);
    if (!value.is_object()) {
      *place = value;
      continue;
    }
    if (!(place->is_object() || place->is_array()) || is_intrinsic(*place) || is_intrinsic(value)) {
      *place = Json::object();
    }
    merge(*place, value, here);
    if (place->is_object() && place->empty()) erase(target, key);
  }
}

}  // namespace

std::vector<std::string> split_override_path(std::string_view path) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '\\' && i + 1 < path.size()) {
      parts.back() += path[++i];
    } else if (path[i] == '.') {
      parts.emplace_back();
    } else {
      parts.back() += path[i];
    }
  }
  return parts;
}

void add_to_override_tree(Json& tree, const std::vector<std::string>& path, Json value) {
  Json* current = &tree;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    Json& next = (*current)[path[i]];
    if (!next.is_object()) next = Json::object();
    current = &next;
  }
  (*current)[path.back()] = std::move(value);
}

void merge_overrides(Json& entry, const Json& tree) { merge(entry, tree, ""); }

}  // namespace cdk::detail
