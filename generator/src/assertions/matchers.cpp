// cdkpp: patterns and the matchers of Match.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <regex>
#include <utility>

#include <fmt/format.h>

#include "cdk/assertions/match.hpp"
#include "cdk/errors.hpp"
#include "literal.hpp"

namespace cdk::assertions {
namespace {

using detail::describe;
using detail::type_of;

void fail(MatchResult& result, const JsonPath& path, const std::string& name, std::string message) {
  result.record_failure(MatchFailure{path, std::move(message), name});
}

// A value as indented JSON, its lines past the first kShownLines left out.
std::string indented(const Json& value) {
  constexpr std::size_t kShownLines = 20;
  const std::string text = value.dump(2);
  std::size_t end = 0;
  for (std::size_t line = 0; line < kShownLines; ++line) {
    end = text.find('\n', line == 0 ? 0 : end + 1);
    if (end == std::string::npos) return text;
  }
  const auto rest = static_cast<std::size_t>(std::count(text.begin() + end, text.end(), '\n'));
  return text.substr(0, end) + fmt::format("\n... ({} more lines)", rest);
}

// object_like, object_equals and exact: a literal compared with partial or exact objects.
class LiteralMatcher : public Matcher {
 public:
  LiteralMatcher(std::string name, Pattern pattern, bool partial)
      : name_(std::move(name)), pattern_(std::move(pattern)), partial_(partial) {}

  std::string name() const override { return name_; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    detail::match_literal(pattern_, actual, path, partial_, name_, result);
  }

 private:
  std::string name_;
  Pattern pattern_;
  bool partial_;
};

class ArrayMatcher : public Matcher {
 public:
  ArrayMatcher(std::string name, std::vector<Pattern> items, bool subsequence)
      : name_(std::move(name)), items_(std::move(items)), subsequence_(subsequence) {}

  std::string name() const override { return name_; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    detail::match_array(items_, actual, path, subsequence_, false, name_, result);
  }

 private:
  std::string name_;
  std::vector<Pattern> items_;
  bool subsequence_;
};

class AbsentMatcher : public Matcher {
 public:
  std::string name() const override { return "absent"; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    if (actual != nullptr) {
      fail(result, path, name(),
           fmt::format("Received {}, but key should be absent", describe(*actual)));
    }
  }
};

class AnyValueMatcher : public Matcher {
 public:
  std::string name() const override { return "any_value"; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    if (actual == nullptr || actual->is_null()) {
      fail(result, path, name(), "Expected a value but found none");
    }
  }
};

class NotMatcher : public Matcher {
 public:
  explicit NotMatcher(Pattern pattern) : pattern_(std::move(pattern)) {}

  std::string name() const override { return "not"; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    MatchResult inner;
    detail::match_literal(pattern_, actual, path, false, name(), inner);
    if (!inner.has_failed()) {
      fail(result, path, name(),
           "Found unexpected match: " + (actual == nullptr ? "undefined" : indented(*actual)));
    }
  }

 private:
  Pattern pattern_;
};

class SerializedJsonMatcher : public Matcher {
 public:
  explicit SerializedJsonMatcher(Pattern pattern) : pattern_(std::move(pattern)) {}

  std::string name() const override { return "serialized_json"; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    if (actual == nullptr || !actual->is_string()) {
      fail(result, path, name(), "Expected JSON as a string but found " + type_of(actual));
      return;
    }
    Json parsed;
    try {
      parsed = Json::parse(actual->get<std::string>());
    } catch (const Json::parse_error&) {
      fail(result, path, name(), "Invalid JSON string: " + describe(*actual));
      return;
    }
    // Failures inside the decoded value carry paths into it, below the string's own path.
    MatchResult inner;
    detail::match_literal(pattern_, &parsed, path, false, name(), inner);
    if (inner.has_failed()) fail(result, path, name(), "Encoded JSON value does not match");
    result.absorb(std::move(inner));
  }

 private:
  Pattern pattern_;
};

class RegexpMatcher : public Matcher {
 public:
  explicit RegexpMatcher(std::string source) : source_(std::move(source)) {
    try {
      regex_ = std::regex(source_, std::regex::ECMAScript | std::regex::multiline);
    } catch (const std::regex_error& e) {
      throw Error(fmt::format("invalid regular expression '{}': {}", source_, e.what()));
    }
  }

  std::string name() const override { return "string_like_regexp"; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    if (actual == nullptr || !actual->is_string()) {
      fail(result, path, name(), fmt::format("Expected a string, but got '{}'", type_of(actual)));
      return;
    }
    const auto& text = actual->get_ref<const std::string&>();
    if (!std::regex_search(text, regex_)) {
      fail(result, path, name(),
           fmt::format("String '{}' did not match pattern '{}'", describe(*actual), source_));
    }
  }

 private:
  std::string source_;
  std::regex regex_;
};

Pattern object_pattern(const char* matcher, Pattern pattern, bool partial) {
  if (pattern.kind() != Pattern::Kind::object) {
    throw Error(fmt::format("{}() takes a literal object, not a {}", matcher,
                            pattern.kind() == Pattern::Kind::matcher ? "matcher" : "scalar"));
  }
  return Pattern(std::make_shared<LiteralMatcher>(matcher, std::move(pattern), partial));
}

}  // namespace

Pattern::Pattern(const Json& value) {
  if (value.is_object()) {
    kind_ = Kind::object;
    for (const auto& [key, item] : value.items()) {
      keys_.push_back(key);
      items_.emplace_back(item);
    }
  } else if (value.is_array()) {
    kind_ = Kind::array;
    for (const auto& item : value) items_.emplace_back(item);
  } else {
    scalar_ = value;
  }
}

Pattern::Pattern(std::initializer_list<Pattern> items) : braced_(true) {
  const bool object = std::all_of(items.begin(), items.end(),
                                  [](const Pattern& item) { return item.is_braced_pair(); });
  if (object && items.size() > 0) {
    kind_ = Kind::object;
    for (const Pattern& pair : items) {
      keys_.push_back(pair.items_[0].scalar_.get<std::string>());
      items_.push_back(pair.items_[1]);
    }
    return;
  }
  kind_ = Kind::array;
  items_.assign(items.begin(), items.end());
}

bool Pattern::is_braced_pair() const {
  return braced_ && kind_ == Kind::array && items_.size() == 2 &&
         items_[0].kind_ == Kind::scalar && items_[0].scalar_.is_string();
}

Pattern::Pattern(std::shared_ptr<const Matcher> matcher)
    : kind_(Kind::matcher), matcher_(std::move(matcher)) {}

Pattern Pattern::array(std::initializer_list<Pattern> items) {
  return array(std::vector<Pattern>(items));
}

Pattern Pattern::array(std::vector<Pattern> items) {
  Pattern pattern;
  pattern.kind_ = Kind::array;
  pattern.items_ = std::move(items);
  return pattern;
}

bool Pattern::is_matcher_named(std::string_view name) const {
  return kind_ == Kind::matcher && matcher_->name() == name;
}

MatchResult match_value(const Pattern& pattern, const Json& actual) {
  MatchResult result;
  detail::match_literal(pattern, &actual, {}, true, "object_like", result);
  result.finish();
  return result;
}

Pattern Match::object_like(Pattern pattern) {
  return object_pattern("object_like", std::move(pattern), true);
}

Pattern Match::object_equals(Pattern pattern) {
  return object_pattern("object_equals", std::move(pattern), false);
}

Pattern Match::array_with(std::initializer_list<Pattern> items) {
  return array_with(std::vector<Pattern>(items));
}

Pattern Match::array_with(std::vector<Pattern> items) {
  for (const Pattern& item : items) {
    for (const char* forbidden : {"absent", "any_value"}) {
      if (item.is_matcher_named(forbidden)) {
        throw Error(
            fmt::format("The matcher {}() cannot be nested within array_with()", forbidden));
      }
    }
  }
  return Pattern(std::make_shared<ArrayMatcher>("array_with", std::move(items), true));
}

Pattern Match::array_equals(std::initializer_list<Pattern> items) {
  return array_equals(std::vector<Pattern>(items));
}

Pattern Match::array_equals(std::vector<Pattern> items) {
  return Pattern(std::make_shared<ArrayMatcher>("array_equals", std::move(items), false));
}

Pattern Match::exact(Pattern pattern) {
  if (pattern.kind() == Pattern::Kind::matcher) {
    throw Error(
        "exact() cannot directly contain another matcher. Remove the top-level matcher or nest "
        "it more deeply.");
  }
  return Pattern(std::make_shared<LiteralMatcher>("exact", std::move(pattern), false));
}

Pattern Match::absent() { return Pattern(std::make_shared<AbsentMatcher>()); }

Pattern Match::any_value() { return Pattern(std::make_shared<AnyValueMatcher>()); }

Pattern Match::not_(Pattern pattern) {
  return Pattern(std::make_shared<NotMatcher>(std::move(pattern)));
}

Pattern Match::serialized_json(Pattern pattern) {
  return Pattern(std::make_shared<SerializedJsonMatcher>(std::move(pattern)));
}

Pattern Match::string_like_regexp(std::string regexp) {
  return Pattern(std::make_shared<RegexpMatcher>(std::move(regexp)));
}

}  // namespace cdk::assertions
