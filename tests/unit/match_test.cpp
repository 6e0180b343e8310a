// cdkpp unit tests: the matchers of cdk/assertions/match.hpp, with the AWS CDK's semantics and
// failure texts, and the rendering of a mismatch.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/match.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::assertions::Match;
using cdk::assertions::Pattern;
using cdk::test::error_of;
using Lines = std::vector<std::string>;

Lines failures(const Pattern& pattern, const std::string& actual) {
  return cdk::assertions::match_value(pattern, Json::parse(actual)).to_human_strings();
}

// Braces read as cdk::Json's do: a list of {"key", value} pairs is an object, any other list an
// array, so that patterns written like the template they match compile as they read.
TEST(pattern_braces, a_list_of_pairs_is_an_object_and_any_other_list_an_array) {
  const Json arn = {{"Fn::GetAtt", {"Bucket", "Arn"}}};
  const Pattern pattern = {{"Statement", {{{"Action", "s3:*"}, {"Resource", {arn, "x"}}},
                                          {{"Action", {"a", "b"}}}}},
                           {"Version", "2012-10-17"}};

  EXPECT_EQ(failures(pattern, R"({"Version": "2012-10-17", "Statement": [
              {"Action": "s3:*", "Resource": [{"Fn::GetAtt": ["Bucket", "Arn"]}, "x"]},
              {"Action": ["a", "b"], "Sid": "extra"}]})"),
            Lines{});
  EXPECT_EQ(failures(pattern, R"({"Version": "2012-10-17", "Statement": [{"Action": "s3:*"}]})"),
            Lines{"Not enough elements in array (expecting 2, got 1) at /Statement (using "
                  "object_like matcher)"});
}

TEST(pattern_braces, a_json_array_of_two_strings_stays_an_array) {
  const Json pair_like = Json::array({"key", "value"});

  EXPECT_EQ(failures({{"L", {pair_like}}}, R"({"L": [["key", "value"]]})"), Lines{});
  EXPECT_EQ(failures({{"L", {pair_like}}}, R"({"L": [{"key": "value"}]})"),
            Lines{"Expected type array but received object at /L/0 (using object_like "
                  "matcher)"});
  EXPECT_EQ(failures({{"L", Pattern::array({{"key", "value"}})}}, R"({"L": [["key", "value"]]})"),
            Lines{});
}

TEST(match_object_like, nested_objects_match_partially_at_every_depth) {
  const Pattern pattern = Match::object_like({{"A", {{"B", {{"C", 1}}}}}});

  EXPECT_EQ(failures(pattern, R"({"A": {"B": {"C": 1, "D": 2}, "E": 3}, "F": 4})"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"A": {"B": {"D": 2}}})"),
            Lines{"Missing key 'C' at /A/B/C (using object_like matcher)"});
}

TEST(match_object_like, nested_arrays_must_match_in_full_with_partial_object_elements) {
  const Pattern pattern = Match::object_like({{"L", Pattern::array({1, {{"a", 1}}})}});

  EXPECT_EQ(failures(pattern, R"({"L": [1, {"a": 1, "b": 2}]})"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"L": [1, {"a": 1}, 3]})"),
            Lines{"Too many elements in array (expecting 2, got 3) at /L (using object_like "
                  "matcher)"});
  EXPECT_EQ(failures(pattern, R"({"L": [1]})"),
            Lines{"Not enough elements in array (expecting 2, got 1) at /L (using object_like "
                  "matcher)"});
}

TEST(match_object_like, a_plain_json_literal_nests_like_a_built_one) {
  const Pattern pattern = Match::object_like({{"A", Json::parse(R"({"B": [{"C": 1}]})")}});

  EXPECT_EQ(failures(pattern, R"({"A": {"B": [{"C": 1, "D": 2}], "E": 3}})"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"A": {"B": [{"C": "1"}]}})"),
            Lines{"Expected type number but received string at /A/B/0/C (using object_like "
                  "matcher)"});
}

TEST(match_object_like, reports_a_value_of_another_type) {
  EXPECT_EQ(failures(Match::object_like({{"A", 1}}), "[1]"),
            Lines{"Expected type object but received array at / (using object_like matcher)"});
  EXPECT_EQ(error_of<cdk::Error>([] { Match::object_like(5); }),
            "object_like() takes a literal object, not a scalar");
}

TEST(match_object_like, an_exact_value_inside_stays_exact) {
  const Pattern pattern = Match::object_like({{"A", Match::exact({{"B", 1}})}});

  EXPECT_EQ(failures(pattern, R"({"A": {"B": 1}, "C": 2})"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"A": {"B": 1, "C": 2}})"),
            Lines{"Unexpected key C at /A/C (using exact matcher)"});
}

TEST(match_object_equals, extra_keys_fail_at_every_depth) {
  const Pattern pattern = Match::object_equals({{"A", {{"B", 1}}}});

  EXPECT_EQ(failures(pattern, R"({"A": {"B": 1}})"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"A": {"B": 1, "C": 2}, "D": 3})"),
            (Lines{"Unexpected key D at /D (using object_equals matcher)",
                   "Unexpected key C at /A/C (using object_equals matcher)"}));
}

TEST(match_object_equals, a_nested_object_like_stays_partial) {
  const Pattern pattern = Match::object_equals({{"A", Match::object_like({{"B", 1}})}});

  EXPECT_EQ(failures(pattern, R"({"A": {"B": 1, "C": 2}})"), Lines{});
}

TEST(match_array_with, matches_an_ordered_subsequence) {
  EXPECT_EQ(failures(Match::array_with({1, 3}), "[1, 2, 3]"), Lines{});
  EXPECT_EQ(failures(Match::array_with({3, 1}), "[1, 2, 3]"),
            Lines{"Could not match array_with pattern 1. No more elements to try at / (using "
                  "array_with matcher)"});
}

TEST(match_array_with, object_elements_are_exact_unless_wrapped) {
  const std::string actual = R"([{"Key": "team", "Value": "x"}, {"Key": "env"}])";

  EXPECT_EQ(failures(Match::array_with({Match::object_like({{"Key", "team"}})}), actual), Lines{});
  EXPECT_EQ(failures(Match::array_with({Pattern{{"Key", "team"}}}), actual),
            (Lines{"Could not match array_with pattern 0. This is the closest match at / (using "
                   "array_with matcher)",
                   "Unexpected key Value at /0/Value (using array_with matcher)"}));
}

TEST(match_array_with, rejects_absent_and_any_value_elements) {
  EXPECT_EQ(error_of<cdk::Error>([] { Match::array_with({Match::absent()}); }),
            "The matcher absent() cannot be nested within array_with()");
  EXPECT_EQ(error_of<cdk::Error>([] {
              Match::array_with({1, Match::any_value()});
            }),
            "The matcher any_value() cannot be nested within array_with()");
  EXPECT_EQ(failures(Match::array_with({1}), R"({"0": 1})"),
            Lines{"Expected type array but received object at / (using array_with matcher)"});
}

TEST(match_array_equals, needs_the_same_length_and_order) {
  EXPECT_EQ(failures(Match::array_equals({1, 2}), "[1, 2]"), Lines{});
  EXPECT_EQ(failures(Match::array_equals({1, 2}), "[2, 1]"),
            (Lines{"Expected 1 but received 2 at /0 (using array_equals matcher)",
                   "Expected 2 but received 1 at /1 (using array_equals matcher)"}));
  EXPECT_EQ(failures(Match::array_equals({1, 2}), "[1, 2, 3]"),
            Lines{"Too many elements in array (expecting 2, got 3) at / (using array_equals "
                  "matcher)"});
  EXPECT_EQ(failures(Match::array_equals({Pattern{{"a", 1}}}), R"([{"a": 1, "b": 2}])"),
            Lines{"Unexpected key b at /0/b (using array_equals matcher)"});
}

TEST(match_exact, compares_deeply_and_honours_nested_matchers) {
  EXPECT_EQ(failures(Match::exact({{"A", Match::any_value()}}), R"({"A": 5})"), Lines{});
  EXPECT_EQ(failures(Match::exact("x"), R"("y")"),
            Lines{"Expected x but received y at / (using exact matcher)"});
  EXPECT_EQ(failures(Match::exact(1), R"("1")"),
            Lines{"Expected type number but received string at / (using exact matcher)"});
  EXPECT_EQ(error_of<cdk::Error>([] { Match::exact(Match::any_value()); }),
            "exact() cannot directly contain another matcher. Remove the top-level matcher or "
            "nest it more deeply.");
}

TEST(match_absent, passes_only_when_the_key_is_missing) {
  const Pattern pattern = Match::object_like({{"A", Match::absent()}});

  EXPECT_EQ(failures(pattern, "{}"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"A": {"B": 1}})"),
            Lines{R"(Received {"B":1}, but key should be absent at /A (using absent matcher))"});
}

TEST(match_any_value, fails_on_null_and_on_a_missing_key) {
  const Pattern pattern = Match::object_like({{"A", Match::any_value()}});

  EXPECT_EQ(failures(pattern, R"({"A": 0})"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"A": null})"),
            Lines{"Expected a value but found none at /A (using any_value matcher)"});
  EXPECT_EQ(failures(pattern, "{}"), Lines{"Missing key 'A' at /A (using object_like matcher)"});
}

TEST(match_not, fails_when_the_exact_literal_matches) {
  EXPECT_EQ(failures(Match::not_({{"A", 1}}), R"({"A": 1, "B": 2})"), Lines{});
  EXPECT_EQ(failures(Match::object_like({{"X", Match::not_("a")}}), R"({"X": "b"})"), Lines{});
  EXPECT_EQ(failures(Match::not_({{"A", 1}}), R"({"A": 1})"),
            Lines{"Found unexpected match: {\n  \"A\": 1\n} at / (using not matcher)"});
}

TEST(match_not, shows_a_long_unexpected_match_by_its_first_twenty_lines) {
  Json numbers = Json::array();
  for (int i = 0; i < 30; ++i) numbers.push_back(i);
  std::string shown = "[";
  for (int i = 0; i < 19; ++i) shown += "\n  " + std::to_string(i) + ",";

  EXPECT_EQ(failures(Match::not_(numbers), numbers.dump()),
            Lines{"Found unexpected match: " + shown + "\n... (12 more lines) at / (using not "
                  "matcher)"});
}

TEST(match_serialized_json, matches_the_decoded_string_exactly) {
  const Pattern pattern =
      Match::object_like({{"Doc", Match::serialized_json({{"Version", "2012"}})}});

  EXPECT_EQ(failures(pattern, R"({"Doc": "{\"Version\": \"2012\"}"})"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"Doc": "{\"Version\": \"2008\"}"})"),
            (Lines{"Encoded JSON value does not match at /Doc (using serialized_json matcher)",
                   "Expected 2012 but received 2008 at /Doc/Version (using serialized_json "
                   "matcher)"}));
  EXPECT_EQ(failures(pattern, R"({"Doc": 5})"),
            Lines{"Expected JSON as a string but found number at /Doc (using serialized_json "
                  "matcher)"});
  EXPECT_EQ(failures(pattern, R"({"Doc": "{"})"),
            Lines{"Invalid JSON string: { at /Doc (using serialized_json matcher)"});
}

TEST(match_string_like_regexp, searches_anywhere_in_the_string) {
  const Pattern pattern = Match::object_like({{"Name", Match::string_like_regexp("able")}});

  EXPECT_EQ(failures(pattern, R"({"Name": "MyTable"})"), Lines{});
  EXPECT_EQ(failures(Match::string_like_regexp("^Tab"), R"("My\nTable")"), Lines{});
  EXPECT_EQ(failures(pattern, R"({"Name": "Bucket"})"),
            Lines{"String 'Bucket' did not match pattern 'able' at /Name (using "
                  "string_like_regexp matcher)"});
  EXPECT_EQ(failures(pattern, R"({"Name": 5})"),
            Lines{"Expected a string, but got 'number' at /Name (using string_like_regexp "
                  "matcher)"});
  const std::string message = error_of<cdk::Error>([] { Match::string_like_regexp("("); });
  EXPECT_EQ(message.substr(0, 31), "invalid regular expression '(':");
}

TEST(match_result, renders_the_actual_value_with_marks_before_the_failing_keys) {
  const Json actual = Json::parse(R"({"Type": "T", "Properties": {"B": [1, 2], "A": {"X": 1},
                                      "C": "c"}, "DependsOn": ["Other"]})");
  const auto result =
      cdk::assertions::match_value({{"Properties", {{"C", "d"}, {"D", 1}}}}, actual);

  EXPECT_EQ(result.render_mismatch(actual),
            "{\n"
            "  \"DependsOn\": [ \"Other\" ],\n"
            "  \"Properties\": {\n"
            "    \"A\": { \"X\": 1 },\n"
            "    \"B\": [ ... ],\n"
            "!!   Expected d but received c\n"
            "    \"C\": \"c\",\n"
            "!!   Missing key 'D'\n"
            "    \"D\": undefined\n"
            "  },\n"
            "  \"Type\": \"T\"\n"
            "}");
  EXPECT_EQ(result.failure_cost(), 2U);
}

}  // namespace
