// cdkpp: context values, the configuration an app is synthesized with (from CMake presets,
// a context file, -c key=value or CDK_CONTEXT_JSON), read through typed getters.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "cdk/value.hpp"

namespace cdk {

class Context {
 public:
  // Defined where Json is complete, so that including this header needs only its declaration.
  Context();
  Context(const Context& other);
  Context(Context&& other) noexcept;
  Context& operator=(const Context& other);
  Context& operator=(Context&& other) noexcept;
  ~Context();

  // Sets key; source says where the value came from, for error messages ("CMake cache
  // variable CDKPP_STAGE", "-c", ...).
  void set(std::string key, Json value, std::string source = "");

  // Reads {"context": {...}, "sources": {key: source}} as written by the CMake module, or a
  // plain object of context values. Throws cdk::Error naming the file on bad JSON.
  void load_file(const std::filesystem::path& file);
  // Reads a JSON object of context values (CDK_CONTEXT_JSON).
  void load_json(std::string_view text, std::string source);

  bool has(std::string_view key) const;
  const Json* try_get(std::string_view key) const;

  // Typed getters. Each throws cdk::Error naming the key, the value and its source when the
  // key is missing or the value does not fit. Strings that spell the type are accepted, since
  // CMake cache variables are strings: "10" for an integer, "true"/"ON"/"1" for a boolean.
  std::string get_string(std::string_view key) const;
  std::optional<std::string> try_get_string(std::string_view key) const;
  std::int64_t get_int(std::string_view key,
                       std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                       std::int64_t max = std::numeric_limits<std::int64_t>::max()) const;
  bool get_bool(std::string_view key) const;
  std::optional<bool> try_get_bool(std::string_view key) const;
  std::string get_enum(std::string_view key, const std::vector<std::string>& allowed) const;

  // Every value, in key order.
  const std::map<std::string, Json, std::less<>>& values() const { return values_; }

 private:
  std::string where(std::string_view key) const;
  [[noreturn]] void fail(std::string_view key, const Json& value, std::string_view expected) const;

  std::map<std::string, Json, std::less<>> values_;
  std::map<std::string, std::string, std::less<>> sources_;
};

}  // namespace cdk
