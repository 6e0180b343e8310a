// cdkpp: context values and their typed getters.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/context.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cdk/errors.hpp"

namespace cdk {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), ::tolower);
  return text;
}

std::string show(const Json& value) {
  return value.is_string() ? "'" + value.get<std::string>() + "'" : value.dump();
}

}  // namespace

Context::Context() = default;
Context::Context(const Context& other) = default;
Context::Context(Context&& other) noexcept = default;
Context& Context::operator=(const Context& other) = default;
Context& Context::operator=(Context&& other) noexcept = default;
Context::~Context() = default;

void Context::set(std::string key, Json value, std::string source) {
  // A new value brings its own source, or none: the old one would name the wrong origin.
  if (source.empty()) {
    sources_.erase(key);
  } else {
    sources_[key] = std::move(source);
  }
  values_[std::move(key)] = std::move(value);
}

void Context::load_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(fmt::format("cannot read context file '{}'", file.string()));
  std::stringstream text;
  text << in.rdbuf();

  Json document;
  try {
    document = Json::parse(text.str());
  } catch (const Json::parse_error& e) {
    throw Error(fmt::format("context file '{}' is not valid json: {}", file.string(), e.what()));
  }
  if (!document.is_object()) {
    throw Error(fmt::format("context file '{}' must hold a json object", file.string()));
  }

  const bool annotated = document.contains("context") && document["context"].is_object();
  const Json& values = annotated ? document["context"] : document;
  const Json sources = annotated && document.contains("sources") ? document["sources"] : Json();
  for (const auto& [key, value] : values.items()) {
    set(key, value, fmt::format("context file '{}'", file.string()));
  }
  // Sources are kept for keys without a value too: the error for a missing value then says
  // where it should have come from.
  if (sources.is_object()) {
    for (const auto& [key, source] : sources.items()) {
      if (source.is_string()) sources_[key] = source.get<std::string>();
    }
  }
}

void Context::load_json(std::string_view text, std::string source) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw Error(fmt::format("{} is not valid json: {}", source, e.what()));
  }
  if (!document.is_object()) throw Error(fmt::format("{} must hold a json object", source));
  for (const auto& [key, value] : document.items()) set(key, value, source);
}

bool Context::has(std::string_view key) const { return values_.find(key) != values_.end(); }

const Json* Context::try_get(std::string_view key) const {
  auto found = values_.find(key);
  return found == values_.end() ? nullptr : &found->second;
}

std::string Context::where(std::string_view key) const {
  auto found = sources_.find(key);
  return found == sources_.end() ? "" : " (from " + found->second + ")";
}

void Context::fail(std::string_view key, const Json& value, std::string_view expected) const {
  throw Error(fmt::format("context value '{}' is {}{}: expected {}", key, show(value), where(key),
                          expected));
}

std::optional<std::string> Context::try_get_string(std::string_view key) const {
  const Json* value = try_get(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number() || value->is_boolean()) return value->dump();
  fail(key, *value, "a string");
}

std::string Context::get_string(std::string_view key) const {
  if (auto value = try_get_string(key)) return *value;
  auto source = sources_.find(key);
  const std::string expected =
      source == sources_.end() ? "" : " (expected from " + source->second + ")";
  throw Error(
      fmt::format("context value '{}' is not set{}: pass it with -c {}=<value> or a "
                  "context file",
                  key, expected, key));
}

std::int64_t Context::get_int(std::string_view key, std::int64_t min, std::int64_t max) const {
  const Json* value = try_get(key);
  if (value == nullptr) get_string(key);

  std::int64_t result = 0;
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    fail(key, *value, "an integer");
  } else if (value->is_number_integer()) {
    result = value->get<std::int64_t>();
  } else if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      fail(key, *value, "an integer");
    }
  } else {
    fail(key, *value, "an integer");
  }

  if (result < min || result > max) {
    fail(key, *value, fmt::format("an integer from {} to {}", min, max));
  }
  return result;
}

std::optional<bool> Context::try_get_bool(std::string_view key) const {
  const Json* value = try_get(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string()) {
    const std::string text = lower(value->get<std::string>());
    if (text == "true" || text == "on" || text == "yes" || text == "1") return true;
    if (text == "false" || text == "off" || text == "no" || text == "0") return false;
  }
  fail(key, *value, "a boolean (true or false)");
}

bool Context::get_bool(std::string_view key) const {
  if (auto value = try_get_bool(key)) return *value;
  get_string(key);
  return false;
}

std::string Context::get_enum(std::string_view key, const std::vector<std::string>& allowed) const {
  std::string value = get_string(key);
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  fail(key, *try_get(key), "one of " + fmt::format("{}", fmt::join(allowed, ", ")));
}

}  // namespace cdk
