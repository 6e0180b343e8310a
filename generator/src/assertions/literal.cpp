// cdkpp: literal comparison of values, with partial or exact objects.
// SPDX-License-Identifier: Apache-2.0
#include "literal.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace cdk::assertions::detail {
namespace {

void fail(MatchResult& result, const JsonPath& path, const std::string& name, std::string message,
          std::size_t cost = 1) {
  result.record_failure(MatchFailure{path, std::move(message), name, cost});
}

void match_object(const Pattern& pattern, const Json* actual, const JsonPath& path, bool partial,
                  const std::string& name, MatchResult& result) {
  if (actual == nullptr || !actual->is_object()) {
    fail(result, path, name, "Expected type object but received " + type_of(actual));
    return;
  }
  const auto& keys = pattern.keys();
  if (!partial) {
    for (const auto& [key, value] : actual->items()) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        fail(result, child_path(path, key), name, "Unexpected key " + key);
      }
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const Pattern& item = pattern.items()[i];
    const JsonPath at = child_path(path, keys[i]);
    const auto found = actual->find(keys[i]);
    if (found != actual->end()) {
      match_literal(item, &*found, at, partial, name, result);
    } else if (item.is_matcher_named("absent")) {
      item.matcher()->test(nullptr, at, result);
    } else {
      fail(result, at, name, fmt::format("Missing key '{}'", keys[i]));
    }
  }
}

// Each pattern element takes the first actual element after the previous one that it matches.
void match_subsequence(const std::vector<Pattern>& items, const Json& actual, const JsonPath& path,
                       const std::string& name, MatchResult& result) {
  std::size_t next = 0;
  for (std::size_t p = 0; p < items.size(); ++p) {
    std::vector<std::pair<std::size_t, MatchResult>> misses;
    bool matched = false;
    for (; next < actual.size() && !matched; ++next) {
      MatchResult trial;
      match_literal(items[p], &actual[next], child_path(path, std::to_string(next)), false, name,
                    trial);
      matched = !trial.has_failed();
      if (matched) {
        result.absorb(std::move(trial));
      } else {
        misses.emplace_back(next, std::move(trial));
      }
    }
    if (matched) continue;

    if (misses.empty()) {
      fail(result, path, name,
           fmt::format("Could not match array_with pattern {}. No more elements to try", p));
      return;
    }
    // The closest miss: the lowest cost, the first such element on a tie.
    auto closest = std::min_element(misses.begin(), misses.end(), [](const auto& a, const auto& b) {
      return a.second.failure_cost() < b.second.failure_cost();
    });
    fail(result, path, name,
         fmt::format("Could not match array_with pattern {}. This is the closest match", p), 0);
    result.absorb(std::move(closest->second));
    return;
  }
}

}  // namespace

std::string type_of(const Json* value) {
  if (value == nullptr) return "undefined";
  if (value->is_null()) return "null";
  if (value->is_array()) return "array";
  if (value->is_object()) return "object";
  if (value->is_string()) return "string";
  if (value->is_boolean()) return "boolean";
  return "number";
}

std::string describe(const Json& value) {
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  return text.size() > 100 ? text.substr(0, 97) + "..." : text;
}

JsonPath child_path(const JsonPath& path, std::string segment) {
  JsonPath child = path;
  child.push_back(std::move(segment));
  return child;
}

void match_array(const std::vector<Pattern>& items, const Json* actual, const JsonPath& path,
                 bool subsequence, bool partial, const std::string& name, MatchResult& result) {
  if (actual == nullptr || !actual->is_array()) {
    fail(result, path, name, "Expected type array but received " + type_of(actual));
    return;
  }
  if (subsequence) {
    match_subsequence(items, *actual, path, name, result);
    return;
  }
  if (items.size() != actual->size()) {
    fail(result, path, name,
         fmt::format("{} elements in array (expecting {}, got {})",
                     items.size() > actual->size() ? "Not enough" : "Too many", items.size(),
                     actual->size()));
    return;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    match_literal(items[i], &(*actual)[i], child_path(path, std::to_string(i)), partial, name,
                  result);
  }
}

void match_literal(const Pattern& pattern, const Json* actual, const JsonPath& path, bool partial,
                   const std::string& name, MatchResult& result) {
  switch (pattern.kind()) {
    case Pattern::Kind::matcher:
      pattern.matcher()->test(actual, path, result);
      return;
    case Pattern::Kind::object:
      match_object(pattern, actual, path, partial, name, result);
      return;
    case Pattern::Kind::array:
      match_array(pattern.items(), actual, path, false, partial, name, result);
      return;
    case Pattern::Kind::scalar:
      break;
  }
  const std::string expected_type = type_of(&pattern.scalar());
  if (type_of(actual) != expected_type) {
    // Costlier than a different value of the right type, so that the closest match is that one.
    fail(result, path, name,
         fmt::format("Expected type {} but received {}", expected_type, type_of(actual)), 2);
  } else if (*actual != pattern.scalar()) {
    fail(result, path, name,
         fmt::format("Expected {} but received {}", describe(pattern.scalar()), describe(*actual)));
  }
}

}  // namespace cdk::assertions::detail
