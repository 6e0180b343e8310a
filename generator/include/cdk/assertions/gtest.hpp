// cdkpp: template assertions inside GoogleTest tests.
// SPDX-License-Identifier: Apache-2.0
//
//   EXPECT_TEMPLATE(tpl.has_resource_properties("AWS::SQS::Queue", {{"DelaySeconds", 5}}));
//   ASSERT_TEMPLATE(tpl.resource_count_is("AWS::SQS::Queue", 1));
//
// A failed assertion becomes a GoogleTest failure at the line of the macro, whose text is the
// assertion's own message (the entries tried, the closest one and its mismatches). EXPECT_ goes
// on with the test, ASSERT_ returns from it. Other exceptions are left to GoogleTest, which
// reports them as errors of the test. The header needs GoogleTest; the library does not.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "cdk/assertions/match.hpp"

namespace cdk::assertions {

// Runs the assertion: the message of the AssertionError it throws, or nothing when it holds.
template <typename Assertion>
std::optional<std::string> failure_of(Assertion&& assertion) {
  try {
    std::forward<Assertion>(assertion)();
  } catch (const AssertionError& failure) {
    return std::string(failure.what());
  }
  return std::nullopt;
}

}  // namespace cdk::assertions

// The switch keeps a dangling else of the caller's from binding to the if inside.
#define CDK_TEMPLATE_ASSERTION_(report, ...)                                               \
  switch (0)                                                                               \
  case 0:                                                                                  \
  default:                                                                                 \
    if (const std::optional<std::string> cdk_failure_ =                                    \
            ::cdk::assertions::failure_of([&] { __VA_ARGS__; });                           \
        !cdk_failure_) {                                                                   \
    } else                                                                                 \
      report() << "template assertion failed: " #__VA_ARGS__ "\n" << *cdk_failure_

#define EXPECT_TEMPLATE(...) CDK_TEMPLATE_ASSERTION_(ADD_FAILURE, __VA_ARGS__)
#define ASSERT_TEMPLATE(...) CDK_TEMPLATE_ASSERTION_(FAIL, __VA_ARGS__)
