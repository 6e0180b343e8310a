// cdkpp unit tests: Capture (cdk/assertions/capture.hpp): what it records, when, and the typed
// accessors with their failure texts.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/capture.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/assertions/match.hpp"
#include "cdk/assertions/template.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::assertions::AssertionError;
using cdk::assertions::Capture;
using cdk::assertions::Match;
using cdk::assertions::match_value;
using cdk::test::error_of;
using Lines = std::vector<std::string>;

TEST(capture, records_the_value_and_reads_it_by_type) {
  Capture name;
  Capture size;
  Capture flag;
  Capture list;
  Capture object;
  const Json actual = Json::parse(R"({"N": "a", "S": 3, "F": true, "L": [1], "O": {"k": 1}})");

  match_value({{"N", name}, {"S", size}, {"F", flag}, {"L", list}, {"O", object}}, actual);

  EXPECT_EQ(name.as_string(), "a");
  EXPECT_EQ(size.as_number(), 3.0);
  EXPECT_TRUE(flag.as_boolean());
  EXPECT_EQ(list.as_array(), Json::parse("[1]"));
  EXPECT_EQ(object.as_object(), Json::parse(R"({"k": 1})"));
}

TEST(capture, records_nothing_when_the_whole_match_fails) {
  Capture name;

  const auto result = match_value({{"N", name}, {"Other", 1}}, Json::parse(R"({"N": "a"})"));

  EXPECT_TRUE(result.has_failed());
  EXPECT_EQ(error_of<AssertionError>([&] { name.as_string(); }), "No value captured");
}

TEST(capture, fails_on_null_and_on_a_missing_key) {
  Capture value;

  EXPECT_EQ(match_value({{"N", value}}, Json::parse(R"({"N": null})")).to_human_strings(),
            Lines{"Can only capture non-nullish values. Found null at /N (using Capture matcher)"});
  EXPECT_EQ(match_value({{"N", value}}, Json::object()).to_human_strings(),
            Lines{"Missing key 'N' at /N (using object_like matcher)"});
}

TEST(capture, applies_its_pattern_object_like_first) {
  Capture tag(Match::object_like({{"Key", "team"}}));

  EXPECT_TRUE(match_value({{"T", tag}}, Json::parse(R"({"T": {"Key": "env"}})")).has_failed());
  match_value({{"T", tag}}, Json::parse(R"({"T": {"Key": "team", "Value": "x"}})"));

  EXPECT_EQ(tag.values(), std::vector<Json>{Json::parse(R"({"Key": "team", "Value": "x"})")});
}

TEST(capture, reports_a_value_of_another_type) {
  Capture size;
  match_value({{"S", size}}, Json::parse(R"({"S": [3]})"));

  EXPECT_EQ(error_of<AssertionError>([&] { size.as_number(); }),
            "Captured value is expected to be number but found array. Value is [\n  3\n]");
}

TEST(capture, accumulates_over_the_entries_of_a_query_and_steps_with_next) {
  const auto tpl = cdk::assertions::Template::from_string(R"({"Resources": {
    "A": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "a"}},
    "B": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "b"}},
    "C": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 1}}}})");
  Capture name;

  tpl.has_resource_properties("AWS::SQS::Queue", {{"QueueName", name}});

  EXPECT_EQ(name.as_string(), "a");
  EXPECT_TRUE(name.next());
  EXPECT_EQ(name.as_string(), "b");
  EXPECT_FALSE(name.next());
  EXPECT_EQ(name.as_string(), "b");
}

TEST(capture, inside_array_with_keeps_only_the_matched_element) {
  Capture value;

  match_value(Match::array_with({Match::object_like({{"Key", "team"}, {"Value", value}})}),
              Json::parse(R"([{"Key": "env", "Value": "x"}, {"Key": "team", "Value": "y"}])"));

  EXPECT_EQ(value.values(), std::vector<Json>{"y"});
}

}  // namespace
