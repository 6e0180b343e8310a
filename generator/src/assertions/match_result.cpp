// cdkpp: match results, their human-readable lines and the rendering of a mismatch.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "cdk/assertions/match.hpp"
#include "literal.hpp"

namespace cdk::assertions {
namespace {

bool starts_with(const JsonPath& path, const JsonPath& prefix) {
  return path.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

// Renders the actual value, expanding only what leads to a failure.
class Renderer {
 public:
  explicit Renderer(const std::vector<MatchFailure>& failures) : failures_(failures) {}

  std::string value(const Json& actual, const JsonPath& path, std::size_t indent) const {
    if (actual.is_object()) return object(actual, path, indent);
    if (actual.is_array()) return array(actual, path, indent);
    return detail::describe_json(actual);
  }

 private:
  // A failure strictly inside the value: one at the value itself is marked beside it instead.
  bool fails_below(const JsonPath& path) const {
    return std::any_of(failures_.begin(), failures_.end(), [&](const MatchFailure& f) {
      return f.path.size() > path.size() && starts_with(f.path, path);
    });
  }

  // An untouched value: abridged, but a container of one element shows that element abridged.
  std::string abridged(const Json& actual) const {
    if (actual.empty()) return actual.is_object() ? "{}" : "[]";
    if (actual.size() > 1) return actual.is_object() ? "{ ... }" : "[ ... ]";
    if (actual.is_array()) return "[ " + abridged_item(actual.front()) + " ]";
    const auto only = actual.begin();
    return "{ " + Json(only.key()).dump() + ": " + abridged_item(only.value()) + " }";
  }
  std::string abridged_item(const Json& item) const {
    if (!item.is_structured()) return detail::describe_json(item);
    if (item.empty()) return item.is_object() ? "{}" : "[]";
    return item.is_object() ? "{ ... }" : "[ ... ]";
  }

  // The "!!" lines of one entry: failures at it, or anywhere under it when it is a scalar that
  // holds more (the decoded value of serialized_json).
  std::string marks(const JsonPath& path, bool deep, std::size_t indent) const {
    std::string out;
    for (const MatchFailure& f : failures_) {
      if (deep ? starts_with(f.path, path) : f.path == path) {
        out += "!! " + std::string(indent > 2 ? indent - 2 : 0, ' ') + f.message + "\n";
      }
    }
    return out;
  }

  std::string entry(const Json* actual, const JsonPath& path, std::size_t indent,
                    const std::string& label) const {
    const bool scalar = actual == nullptr || !actual->is_structured();
    std::string out = marks(path, scalar, indent) + std::string(indent, ' ') + label;
    return out + (actual == nullptr ? "undefined" : value(*actual, path, indent));
  }

  std::string object(const Json& actual, const JsonPath& path, std::size_t indent) const {
    if (!fails_below(path)) return abridged(actual);
    // Sorted keys, with the missing keys a failure names shown as undefined.
    std::set<std::string> keys;
    for (const auto& [key, item] : actual.items()) keys.insert(key);
    for (const MatchFailure& f : failures_) {
      if (f.path.size() == path.size() + 1 && starts_with(f.path, path)) keys.insert(f.path.back());
    }
    std::string out = "{\n";
    std::size_t left = keys.size();
    for (const std::string& key : keys) {
      const auto found = actual.find(key);
      out += entry(found == actual.end() ? nullptr : &*found, detail::child_path(path, key),
                   indent + 2, Json(key).dump() + ": ");
      out += --left > 0 ? ",\n" : "\n";
    }
    return out + std::string(indent, ' ') + "}";
  }

  std::string array(const Json& actual, const JsonPath& path, std::size_t indent) const {
    if (!fails_below(path)) return abridged(actual);
    std::string out = "[\n";
    for (std::size_t i = 0; i < actual.size(); ++i) {
      out += entry(&actual[i], detail::child_path(path, std::to_string(i)), indent + 2, "");
      out += i + 1 < actual.size() ? ",\n" : "\n";
    }
    return out + std::string(indent, ' ') + "]";
  }

  const std::vector<MatchFailure>& failures_;
};

}  // namespace

namespace detail {
std::string pointer_of(const JsonPath& path) {
  if (path.empty()) return "/";
  std::string pointer;
  for (const std::string& segment : path) {
    pointer += '/';
    for (char c : segment) {
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer.push_back(c);
      }
    }
  }
  return pointer;
}

std::string describe_json(const Json& value) {
  std::string text = value.dump();
  return text.size() > 100 ? text.substr(0, 97) + "..." : text;
}
}  // namespace detail

std::size_t MatchResult::failure_cost() const {
  std::size_t cost = 0;
  for (const MatchFailure& f : failures_) cost += f.cost;
  return cost;
}

void MatchResult::record_failure(MatchFailure failure) { failures_.push_back(std::move(failure)); }

void MatchResult::record_capture(std::shared_ptr<detail::CaptureState> capture, Json value) {
  captures_.emplace_back(std::move(capture), std::move(value));
}

void MatchResult::absorb(MatchResult&& other) {
  for (auto& f : other.failures_) failures_.push_back(std::move(f));
  for (auto& c : other.captures_) captures_.push_back(std::move(c));
  other.failures_.clear();
  other.captures_.clear();
}

void MatchResult::finish() {
  if (!has_failed()) {
    for (auto& [capture, value] : captures_) detail::add_captured(*capture, std::move(value));
  }
  captures_.clear();
}

std::vector<std::string> MatchResult::to_human_strings() const {
  std::vector<std::string> lines;
  for (const MatchFailure& f : failures_) {
    lines.push_back(fmt::format("{} at {} (using {} matcher)", f.message,
                                detail::pointer_of(f.path), f.matcher));
  }
  return lines;
}

std::string MatchResult::render_mismatch(const Json& actual) const {
  // Failures of the value as a whole follow it, as the value has no key to stand before.
  std::string out = Renderer(failures_).value(actual, {}, 0);
  for (const MatchFailure& f : failures_) {
    if (f.path.empty()) out += "\n!! " + f.message;
  }
  return out;
}

}  // namespace cdk::assertions
