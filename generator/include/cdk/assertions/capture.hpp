// cdkpp: capturing values while matching, as the AWS CDK's Capture.
// SPDX-License-Identifier: Apache-2.0
//
//   cdk::assertions::Capture role;
//   tpl.has_resource_properties("AWS::Lambda::Function", {{"Role", role}});
//   role.as_object();  // {"Fn::GetAtt": [...]}
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/value.hpp"

namespace cdk::assertions {

class Pattern;

namespace detail {
struct CaptureState;
}  // namespace detail

// Matches any value but null or an absent key (and the pattern, object-like, if one is given)
// and records it. Values are recorded only when the whole match they were part of succeeds;
// they accumulate over every entry a query tests. The accessors throw AssertionError when
// nothing was captured or the current value has another type.
class Capture {
 public:
  Capture();
  explicit Capture(Pattern pattern);

  std::string as_string() const;
  double as_number() const;
  bool as_boolean() const;
  Json as_array() const;
  Json as_object() const;
  // Moves to the next captured value; false (staying put) when there is none.
  bool next();
  // Every value captured so far, in order.
  const std::vector<Json>& values() const;

 private:
  friend class Pattern;

  const Json& current(std::string_view type) const;

  std::shared_ptr<detail::CaptureState> state_;
};

}  // namespace cdk::assertions
