// cdkpp unit tests: context values (cdk/context.hpp): typed getters that accept CMake-style
// strings, error texts naming the key, the value and its source, and context files.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/context.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::test::error_of;

TEST(context, set_values_can_be_read_back) {
  cdk::Context context;
  context.set("name", "orders");
  context.set("count", 3);

  EXPECT_TRUE(context.has("name"));
  EXPECT_FALSE(context.has("missing"));
  EXPECT_EQ(*context.try_get("count"), Json(3));
  EXPECT_EQ(context.try_get("missing"), nullptr);
  EXPECT_EQ(context.values().size(), 2u);
  EXPECT_EQ(context.values().begin()->first, "count");
}

TEST(context, a_later_value_replaces_an_earlier_one) {
  cdk::Context context;
  context.set("stage", "dev", "context file 'a.json'");
  context.set("stage", "prod", "-c stage=prod");

  EXPECT_EQ(context.get_string("stage"), "prod");
  EXPECT_EQ(error_of([&] { context.get_enum("stage", {"dev"}); }),
            "context value 'stage' is 'prod' (from -c stage=prod): expected one of dev");
}

TEST(context, a_value_set_without_a_source_forgets_the_old_source) {
  cdk::Context context;
  context.set("stage", "dev", "CMake cache variable CDKPP_STAGE");
  context.set("stage", "qa");

  EXPECT_EQ(error_of([&] {
              context.get_enum("stage", {"dev", "prod"});
            }),
            "context value 'stage' is 'qa': expected one of dev, prod");
}

TEST(context_get_string, returns_strings_and_spells_out_numbers_and_booleans) {
  cdk::Context context;
  context.set("s", "text");
  context.set("n", 42);
  context.set("b", true);

  EXPECT_EQ(context.get_string("s"), "text");
  EXPECT_EQ(context.get_string("n"), "42");
  EXPECT_EQ(context.get_string("b"), "true");
  EXPECT_EQ(context.try_get_string("missing"), std::nullopt);
}

TEST(context_get_string, an_object_or_a_list_is_an_error) {
  cdk::Context context;
  context.set("o", Json::parse(R"({"a": 1})"), "context file 'c.json'");
  context.set("l", Json::parse("[1, 2]"));

  EXPECT_EQ(error_of([&] { context.get_string("o"); }),
            R"(context value 'o' is {"a":1} (from context file 'c.json'): expected a string)");
  EXPECT_EQ(error_of([&] { context.get_string("l"); }),
            "context value 'l' is [1,2]: expected a string");
}

TEST(context_get_string, a_missing_key_is_an_error_saying_how_to_set_it) {
  cdk::Context context;

  EXPECT_EQ(error_of([&] { context.get_string("stage"); }),
            "context value 'stage' is not set: pass it with -c stage=<value> or a context file");
}

TEST(context_get_int, accepts_numbers_and_cmake_strings) {
  cdk::Context context;
  context.set("json", 12);
  context.set("text", "10");
  context.set("negative", "-3");

  EXPECT_EQ(context.get_int("json"), 12);
  EXPECT_EQ(context.get_int("text"), 10);
  EXPECT_EQ(context.get_int("negative"), -3);
}

TEST(context_get_int, rejects_what_is_not_a_whole_number) {
  cdk::Context context;
  for (const Json& bad : {Json("1.5"), Json(""), Json(" 5"), Json("5 "), Json("ten"), Json(2.0),
                          Json(true), Json::array()}) {
    SCOPED_TRACE(bad.dump());
    context.set("n", bad, "CMake cache variable CDKPP_N");
    const std::string shown = bad.is_string() ? "'" + bad.get<std::string>() + "'" : bad.dump();
    EXPECT_EQ(error_of([&] { context.get_int("n"); }),
              "context value 'n' is " + shown +
                  " (from CMake cache variable CDKPP_N): expected an integer");
  }
}

TEST(context_get_int, checks_the_range) {
  cdk::Context context;
  context.set("low", "0", "CMake cache variable CDKPP_REPLICAS");
  context.set("high", 11, "-c high=11");
  context.set("edge", "10");

  EXPECT_EQ(context.get_int("edge", 1, 10), 10);
  EXPECT_EQ(error_of([&] { context.get_int("low", 1, 10); }),
            "context value 'low' is '0' (from CMake cache variable CDKPP_REPLICAS): expected an "
            "integer from 1 to 10");
  EXPECT_EQ(error_of([&] { context.get_int("high", 1, 10); }),
            "context value 'high' is 11 (from -c high=11): expected an integer from 1 to 10");
}

TEST(context_get_int, a_number_beyond_64_bits_is_an_error) {
  cdk::Context context;
  context.set("big", std::numeric_limits<std::uint64_t>::max());
  context.set("text", "99999999999999999999");

  EXPECT_EQ(error_of([&] { context.get_int("big"); }),
            "context value 'big' is 18446744073709551615: expected an integer");
  EXPECT_EQ(error_of([&] { context.get_int("text"); }),
            "context value 'text' is '99999999999999999999': expected an integer");
}

TEST(context_get_int, a_missing_key_is_an_error) {
  cdk::Context context;

  EXPECT_EQ(error_of([&] { context.get_int("replicas", 1, 3); }),
            "context value 'replicas' is not set: pass it with -c replicas=<value> or a context "
            "file");
}

TEST(context_get_bool, accepts_booleans_and_cmake_strings) {
  cdk::Context context;
  const std::vector<std::pair<Json, bool>> cases = {
      {true, true},  {false, false}, {"true", true},  {"TRUE", true},   {"ON", true},
      {"on", true},  {"Yes", true},  {"1", true},     {"false", false}, {"OFF", false},
      {"no", false}, {"0", false},   {"False", false}};
  for (const auto& [value, expected] : cases) {
    SCOPED_TRACE(value.dump());
    context.set("flag", value);
    EXPECT_EQ(context.get_bool("flag"), expected);
    EXPECT_EQ(context.try_get_bool("flag"), expected);
  }
}

TEST(context_get_bool, rejects_other_values) {
  cdk::Context context;
  context.set("word", "maybe", "CMake cache variable CDKPP_FLAG");
  context.set("number", 1);

  EXPECT_EQ(error_of([&] { context.get_bool("word"); }),
            "context value 'word' is 'maybe' (from CMake cache variable CDKPP_FLAG): expected a "
            "boolean (true or false)");
  EXPECT_EQ(error_of([&] { context.try_get_bool("number"); }),
            "context value 'number' is 1: expected a boolean (true or false)");
}

TEST(context_get_bool, a_missing_key_is_absent_or_an_error) {
  cdk::Context context;

  EXPECT_EQ(context.try_get_bool("flag"), std::nullopt);
  EXPECT_EQ(error_of([&] { context.get_bool("flag"); }),
            "context value 'flag' is not set: pass it with -c flag=<value> or a context file");
}

TEST(context_get_enum, returns_an_allowed_value) {
  cdk::Context context;
  context.set("stage", "prod");

  EXPECT_EQ(context.get_enum("stage", {"dev", "staging", "prod"}), "prod");
}

TEST(context_get_enum, names_the_allowed_values_and_the_source) {
  cdk::Context context;
  context.set("stage", "qa", "CMake cache variable CDKPP_STAGE");
  context.set("level", 3);

  EXPECT_EQ(error_of([&] {
              context.get_enum("stage", {"dev", "staging", "prod"});
            }),
            "context value 'stage' is 'qa' (from CMake cache variable CDKPP_STAGE): expected one "
            "of dev, staging, prod");
  EXPECT_EQ(error_of([&] {
              context.get_enum("level", {"1", "2"});
            }),
            "context value 'level' is 3: expected one of 1, 2");
  EXPECT_EQ(error_of([&] { context.get_enum("missing", {"a"}); }),
            "context value 'missing' is not set: pass it with -c missing=<value> or a context "
            "file");
}

TEST(context_load_file, reads_values_and_their_sources) {
  const cdk::test::TempDir dir;
  const auto file = dir / "context.json";
  cdk::test::write_file(file, R"({
    "context": {"stage": "qa", "replicas": "0", "region": "eu-west-1"},
    "sources": {"stage": "CMake cache variable CDKPP_STAGE",
                "replicas": "CMake cache variable CDKPP_REPLICAS"}
  })");
  cdk::Context context;
  context.load_file(file);

  EXPECT_EQ(context.get_string("region"), "eu-west-1");
  EXPECT_EQ(context.values().size(), 3u);
  EXPECT_EQ(error_of([&] {
              context.get_enum("stage", {"dev", "prod"});
            }),
            "context value 'stage' is 'qa' (from CMake cache variable CDKPP_STAGE): expected one "
            "of dev, prod");
  EXPECT_EQ(error_of([&] { context.get_int("replicas", 1, 5); }),
            "context value 'replicas' is '0' (from CMake cache variable CDKPP_REPLICAS): expected "
            "an integer from 1 to 5");
  EXPECT_EQ(error_of([&] { context.get_int("region"); }),
            "context value 'region' is 'eu-west-1' (from context file '" + file.string() +
                "'): expected an integer");
}

TEST(context_load_file, a_value_missing_from_the_file_names_where_it_should_come_from) {
  const cdk::test::TempDir dir;
  const auto file = dir / "context.json";
  cdk::test::write_file(file, R"({"context": {},
                                  "sources": {"stage": "CMake cache variable CDKPP_STAGE"}})");
  cdk::Context context;
  context.load_file(file);

  EXPECT_FALSE(context.has("stage"));
  EXPECT_EQ(error_of([&] { context.get_string("stage"); }),
            "context value 'stage' is not set (expected from CMake cache variable CDKPP_STAGE): "
            "pass it with -c stage=<value> or a context file");
}

TEST(context_load_file, reads_a_plain_object_of_values) {
  const cdk::test::TempDir dir;
  const auto file = dir / "plain.json";
  cdk::test::write_file(file, R"({"stage": "dev", "debug": "ON"})");
  cdk::Context context;
  context.load_file(file);

  EXPECT_EQ(context.get_enum("stage", {"dev"}), "dev");
  EXPECT_TRUE(context.get_bool("debug"));
  EXPECT_EQ(error_of([&] { context.get_int("stage"); }),
            "context value 'stage' is 'dev' (from context file '" + file.string() +
                "'): expected an integer");
}

TEST(context_load_file, a_missing_file_is_an_error) {
  const cdk::test::TempDir dir;
  cdk::Context context;

  EXPECT_EQ(error_of([&] { context.load_file(dir / "nope.json"); }),
            "cannot read context file '" + (dir / "nope.json").string() + "'");
}

TEST(context_load_file, a_file_that_is_not_a_json_object_is_an_error) {
  const cdk::test::TempDir dir;
  cdk::test::write_file(dir / "list.json", "[1]");
  cdk::test::write_file(dir / "broken.json", "{\"a\": ");
  cdk::Context context;

  EXPECT_EQ(error_of([&] { context.load_file(dir / "list.json"); }),
            "context file '" + (dir / "list.json").string() + "' must hold a json object");
  const std::string broken = error_of([&] { context.load_file(dir / "broken.json"); });
  const std::string prefix = "context file '" + (dir / "broken.json").string() +
                             "' is not valid json: [json.exception.parse_error.101] parse error";
  EXPECT_EQ(broken.substr(0, prefix.size()), prefix);
}

TEST(context_load_json, reads_an_object_under_one_source) {
  cdk::Context context;
  context.load_json(R"({"stage": "qa", "n": 2})", "CDK_CONTEXT_JSON");

  EXPECT_EQ(context.get_int("n"), 2);
  EXPECT_EQ(error_of([&] { context.get_enum("stage", {"prod"}); }),
            "context value 'stage' is 'qa' (from CDK_CONTEXT_JSON): expected one of prod");
}

TEST(context_load_json, text_that_is_not_a_json_object_is_an_error) {
  cdk::Context context;

  EXPECT_EQ(error_of([&] { context.load_json("\"text\"", "CDK_CONTEXT_JSON"); }),
            "CDK_CONTEXT_JSON must hold a json object");
  const std::string broken = error_of([&] { context.load_json("{", "CDK_CONTEXT_JSON"); });
  const std::string prefix = "CDK_CONTEXT_JSON is not valid json: [json.exception.parse_error";
  EXPECT_EQ(broken.substr(0, prefix.size()), prefix);
}

}  // namespace
