// cdkpp: Capture, the matcher that records the values it sees.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/capture.hpp"

#include <optional>
#include <utility>

#include <fmt/format.h>

#include "cdk/assertions/match.hpp"
#include "literal.hpp"

namespace cdk::assertions {
namespace detail {

struct CaptureState {
  std::optional<Pattern> pattern;
  std::vector<Json> values;
  std::size_t index = 0;
};

// Hands a value over once the whole match it was part of has succeeded.
void add_captured(CaptureState& state, Json value) { state.values.push_back(std::move(value)); }

}  // namespace detail
namespace {

class CaptureMatcher : public Matcher {
 public:
  explicit CaptureMatcher(std::shared_ptr<detail::CaptureState> state) : state_(std::move(state)) {}

  std::string name() const override { return "Capture"; }
  void test(const Json* actual, const JsonPath& path, MatchResult& result) const override {
    if (actual == nullptr || actual->is_null()) {
      result.record_failure(MatchFailure{
          path, "Can only capture non-nullish values. Found " + detail::type_of(actual), name()});
      return;
    }
    if (state_->pattern) {
      MatchResult inner;
      detail::match_literal(*state_->pattern, actual, path, true, name(), inner);
      if (inner.has_failed()) {
        result.absorb(std::move(inner));
        return;
      }
    }
    result.record_capture(state_, *actual);
  }

 private:
  std::shared_ptr<detail::CaptureState> state_;
};

}  // namespace

Pattern::Pattern(const Capture& capture)
    : kind_(Kind::matcher), matcher_(std::make_shared<CaptureMatcher>(capture.state_)) {}

Capture::Capture() : state_(std::make_shared<detail::CaptureState>()) {}

Capture::Capture(Pattern pattern) : Capture() { state_->pattern = std::move(pattern); }

const Json& Capture::current(std::string_view type) const {
  if (state_->values.empty()) throw AssertionError("No value captured");
  const Json& value = state_->values[state_->index];
  if (detail::type_of(&value) != type) {
    throw AssertionError(
        fmt::format("Captured value is expected to be {} but found {}. Value is {}", type,
                    detail::type_of(&value), value.dump(2)));
  }
  return value;
}

std::string Capture::as_string() const { return current("string").get<std::string>(); }

double Capture::as_number() const { return current("number").get<double>(); }

bool Capture::as_boolean() const { return current("boolean").get<bool>(); }

Json Capture::as_array() const { return current("array"); }

Json Capture::as_object() const { return current("object"); }

const std::vector<Json>& Capture::values() const { return state_->values; }

bool Capture::next() {
  if (state_->index + 1 >= state_->values.size()) return false;
  ++state_->index;
  return true;
}

}  // namespace cdk::assertions
