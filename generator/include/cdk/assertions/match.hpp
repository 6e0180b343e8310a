// cdkpp: patterns and matchers for template assertions, as the AWS CDK's Match.
// SPDX-License-Identifier: Apache-2.0
//
//   using cdk::assertions::Match;
//   tpl.has_resource_properties("AWS::DynamoDB::Table",
//       Match::object_like({{"KeySchema", Match::array_with({{{"KeyType", "HASH"}}})},
//                           {"BillingMode", "PROVISIONED"}}));
#pragma once

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/assertions/capture.hpp"
#include "cdk/errors.hpp"
#include "cdk/value.hpp"

namespace cdk::assertions {

class MatchResult;

namespace detail {
struct CaptureState;
}

// A failed assertion; the message says what was expected and what the template holds.
class AssertionError : public Error {
 public:
  using Error::Error;
};

// Where a value sits inside the tested one: object keys and array indexes, outermost first.
using JsonPath = std::vector<std::string>;

// A test on one value. `actual` is null when the key the value would sit at is absent.
class Matcher {
 public:
  virtual ~Matcher() = default;

  // The name shown in failures ("object_like", "array_with", ...).
  virtual std::string name() const = 0;
  // Records every failure, at `path` or below it, into `result`.
  virtual void test(const Json* actual, const JsonPath& path, MatchResult& result) const = 0;
};

// Literal JSON with matchers nested anywhere, or a matcher. Braces read as they do for
// cdk::Json: a list whose every element is a braced {"key", pattern} pair is an object, any other
// list is an array (Pattern::array makes an array of pairs); a cdk::Json converts as it is.
// How a literal compares (partial objects or exact) is up to the matcher that holds it.
class Pattern {
 public:
  enum class Kind { scalar, object, array, matcher };

  Pattern(const Json& value);  // NOLINT(google-explicit-constructor): literals read naturally
  Pattern(const char* text) : Pattern(Json(text)) {}
  Pattern(std::string text) : Pattern(Json(std::move(text))) {}
  Pattern(bool flag) : Pattern(Json(flag)) {}
  Pattern(std::nullptr_t) : Pattern(Json(nullptr)) {}
  template <typename T>
  requires(std::integral<T> || std::floating_point<T>) && (!std::same_as<T, bool>)Pattern(T number)
      : Pattern(Json(number)) {}
  Pattern(const Capture& capture);
  Pattern(std::initializer_list<Pattern> items);
  explicit Pattern(std::shared_ptr<const Matcher> matcher);

  static Pattern array(std::initializer_list<Pattern> items);
  static Pattern array(std::vector<Pattern> items);

  Kind kind() const { return kind_; }
  // The value of a scalar.
  const Json& scalar() const { return scalar_; }
  // The keys of an object, in order; items() holds their patterns at the same positions.
  const std::vector<std::string>& keys() const { return keys_; }
  // The patterns of an object's values or of an array's elements.
  const std::vector<Pattern>& items() const { return items_; }
  const std::shared_ptr<const Matcher>& matcher() const { return matcher_; }
  bool is_matcher_named(std::string_view name) const;

 private:
  struct ScalarTag {};
  static constexpr ScalarTag kScalar{};

  Pattern() = default;
  Pattern(ScalarTag, Json value) : scalar_(std::move(value)) {}

  // A braced list of two elements whose first is a string: a key-value pair when it stands in
  // a list of such pairs. Arrays that come from a cdk::Json never are.
  bool is_braced_pair() const;

  Kind kind_ = Kind::scalar;
  bool braced_ = false;
  Json scalar_;
  std::vector<std::string> keys_;
  std::vector<Pattern> items_;
  std::shared_ptr<const Matcher> matcher_;
};

// One way the value differs from the pattern.
struct MatchFailure {
  JsonPath path;
  std::string message;
  std::string matcher;
  // How far off this is; the closest candidate of a query is the one with the lowest total.
  std::size_t cost = 1;
};

// The outcome of matching one value: its failures and the values captured on the way.
class MatchResult {
 public:
  bool has_failed() const { return !failures_.empty(); }
  std::size_t failure_cost() const;
  const std::vector<MatchFailure>& failures() const { return failures_; }

  void record_failure(MatchFailure failure);
  void record_capture(std::shared_ptr<detail::CaptureState> capture, Json value);
  // Takes over the failures and captures of a match made below this one.
  void absorb(MatchResult&& other);
  // Hands the captured values to their Capture, only when nothing failed. Call once, at the end.
  void finish();

  // One line per failure: "<message> at /a/0/b (using <matcher> matcher)".
  std::vector<std::string> to_human_strings() const;
  // `actual` as indented JSON with sorted keys, with a "!! <message>" line before each failing
  // key; values away from every failure are abridged to { ... } and [ ... ].
  std::string render_mismatch(const Json& actual) const;

 private:
  std::vector<MatchFailure> failures_;
  std::vector<std::pair<std::shared_ptr<detail::CaptureState>, Json>> captures_;
};

// Matches `actual` against `pattern`: a matcher tests it, a literal is compared object-like (as
// Match::object_like). Captures are handed out when the whole match succeeds.
MatchResult match_value(const Pattern& pattern, const Json& actual);

// The matchers of the AWS CDK's Match, with its semantics and failure texts.
struct Match {
  // Every key of the pattern must match, others are ignored; nested literal objects match the
  // same way at every depth, nested arrays must have the same length and order.
  static Pattern object_like(Pattern pattern);
  // As object_like, but extra keys fail and nested literals are exact at every depth.
  static Pattern object_equals(Pattern pattern);
  // The elements match an ordered subsequence of the array; each is an exact literal unless it
  // is a matcher. Throws cdk::Error for absent() or any_value() as an element.
  static Pattern array_with(std::initializer_list<Pattern> items);
  static Pattern array_with(std::vector<Pattern> items);
  // The whole array, same length and order; elements are exact literals unless matchers.
  static Pattern array_equals(std::initializer_list<Pattern> items);
  static Pattern array_equals(std::vector<Pattern> items);
  // Deep equality; nested matchers still apply. Throws cdk::Error for a matcher at the top.
  static Pattern exact(Pattern pattern);
  // The key must be absent.
  static Pattern absent();
  // Any value but null or an absent key.
  static Pattern any_value();
  // Fails when the value matches the pattern as an exact literal.
  static Pattern not_(Pattern pattern);
  // A string holding JSON whose parsed value matches the pattern (exact unless a matcher).
  static Pattern serialized_json(Pattern pattern);
  // A string in which the ECMAScript regular expression finds a match (unanchored).
  static Pattern string_like_regexp(std::string regexp);
};

}  // namespace cdk::assertions
