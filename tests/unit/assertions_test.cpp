// cdkpp unit tests: template assertions (cdk/assertions/template.hpp): object-like matching as
// the AWS CDK's Match.objectLike, the Template queries and their failure messages.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/template.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::assertions::AssertionError;
using cdk::assertions::object_like_mismatches;
using cdk::assertions::Template;
using cdk::test::error_of;
using Lines = std::vector<std::string>;

Lines mismatches(const std::string& pattern, const std::string& actual) {
  return object_like_mismatches(Json::parse(pattern), Json::parse(actual));
}

TEST(object_like, keys_absent_from_the_pattern_are_ignored_at_every_depth) {
  EXPECT_EQ(mismatches(R"({"A": {"B": 1}})", R"({"A": {"B": 1, "C": 2}, "D": 3})"), Lines{});
  EXPECT_EQ(mismatches(R"({})", R"({"A": 1})"), Lines{});
}

TEST(object_like, a_missing_key_is_reported_at_its_object) {
  EXPECT_EQ(mismatches(R"({"A": {"B": 1, "X": 2}, "Y": 3})", R"({"A": {"B": 1}})"),
            (Lines{"/A/X: Missing key 'X'", "/Y: Missing key 'Y'"}));
}

TEST(object_like, literals_must_be_equal) {
  EXPECT_EQ(mismatches(R"({"A": {"B": "x"}, "C": 1})", R"({"A": {"B": "y"}, "C": 1.5})"),
            (Lines{"/A/B: Expected x but received y", "/C: Expected 1 but received 1.5"}));
  EXPECT_EQ(mismatches(R"({"N": null})", R"({"N": false})"),
            Lines{"/N: Expected type null but received boolean"});
}

TEST(object_like, arrays_must_match_in_length) {
  EXPECT_EQ(mismatches(R"({"L": [1]})", R"({"L": [1, 2]})"),
            Lines{"/L: Too many elements in array (expecting 1, got 2)"});
  EXPECT_EQ(mismatches(R"({"L": [1, 2, 3]})", R"({"L": []})"),
            Lines{"/L: Not enough elements in array (expecting 3, got 0)"});
}

TEST(object_like, arrays_must_match_in_order) {
  EXPECT_EQ(mismatches(R"({"L": [2, 1]})", R"({"L": [1, 2]})"),
            (Lines{"/L/0: Expected 2 but received 1", "/L/1: Expected 1 but received 2"}));
}

TEST(object_like, objects_inside_arrays_still_match_partially) {
  EXPECT_EQ(mismatches(R"({"L": [{"a": 1}, {}]})", R"({"L": [{"a": 1, "b": 2}, {"c": 3}]})"),
            Lines{});
  EXPECT_EQ(mismatches(R"({"L": [{"a": 2}]})", R"({"L": [{"a": 1, "b": 2}]})"),
            Lines{"/L/0/a: Expected 2 but received 1"});
}

TEST(object_like, a_kind_mismatch_is_reported) {
  EXPECT_EQ(mismatches(R"({"A": {"B": 1}})", R"({"A": "text"})"),
            Lines{"/A: Expected type object but received string"});
  EXPECT_EQ(mismatches(R"({"A": [1]})", R"({"A": {"0": 1}})"),
            Lines{"/A: Expected type array but received object"});
  EXPECT_EQ(mismatches(R"({"A": 1})", "[1]"), Lines{"/: Expected type object but received array"});
}

TEST(object_like, pointers_escape_slash_and_tilde) {
  EXPECT_EQ(mismatches(R"({"a/b": {"c~d": 1}})", R"({"a/b": {"c~d": 2}})"),
            Lines{"/a~1b/c~0d: Expected 1 but received 2"});
}

TEST(object_like, long_values_are_shortened_in_messages) {
  const std::string actual = std::string(200, 'x');
  EXPECT_EQ(object_like_mismatches(Json{{"A", "y"}}, Json{{"A", actual}}),
            Lines{"/A: Expected y but received " + std::string(97, 'x') + "..."});
}

// A template with two queues, a bucket and two outputs.
const char* kTemplate = R"({
  "Resources": {
    "QueueA": {"Type": "AWS::SQS::Queue",
               "Properties": {"QueueName": "a", "Tags": [{"Key": "team", "Value": "x"}]}},
    "QueueB": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "b", "DelaySeconds": 5},
               "DependsOn": ["QueueA"], "DeletionPolicy": "Retain"},
    "Bucket": {"Type": "AWS::S3::Bucket"}
  },
  "Outputs": {
    "Url": {"Value": {"Ref": "QueueA"}, "Export": {"Name": "Shared:Url"}},
    "Plain": {"Value": "text"}
  }
})";

TEST(template_assertions, has_resource_properties_passes_on_a_partial_match) {
  const Template tpl = Template::from_string(kTemplate);

  tpl.has_resource_properties("AWS::SQS::Queue", {{"QueueName", "b"}});
  tpl.has_resource_properties("AWS::SQS::Queue", Json::parse(R"({"Tags": [{"Key": "team"}]})"));
  tpl.has_resource_properties("AWS::S3::Bucket", Json::object());
}

TEST(template_assertions, has_resource_properties_names_the_closest_candidate) {
  const Template tpl = Template::from_string(kTemplate);

  EXPECT_EQ(
      error_of<AssertionError>([&] {
        tpl.has_resource_properties("AWS::SQS::Queue", {{"QueueName", "b"}, {"DelaySeconds", 10}});
      }),
      "Template has 2 resources with type AWS::SQS::Queue, but none match as expected.\n"
      "Tried, closest first: QueueB, QueueA\n"
      "The closest, QueueB, has 1 mismatch:\n"
      "  /Properties/DelaySeconds: Expected 10 but received 5\n"
      "The 2 closest matches:\n"
      "QueueB :: {\n"
      "  \"DeletionPolicy\": \"Retain\",\n"
      "  \"DependsOn\": [ \"QueueA\" ],\n"
      "  \"Properties\": {\n"
      "!!   Expected 10 but received 5\n"
      "    \"DelaySeconds\": 5,\n"
      "    \"QueueName\": \"b\"\n"
      "  },\n"
      "  \"Type\": \"AWS::SQS::Queue\"\n"
      "}\n"
      "QueueA :: {\n"
      "  \"Properties\": {\n"
      "!!   Missing key 'DelaySeconds'\n"
      "    \"DelaySeconds\": undefined,\n"
      "!!   Expected b but received a\n"
      "    \"QueueName\": \"a\",\n"
      "    \"Tags\": [ { ... } ]\n"
      "  },\n"
      "  \"Type\": \"AWS::SQS::Queue\"\n"
      "}");
}

TEST(template_assertions, has_resource_properties_sees_no_properties_as_an_empty_object) {
  const Template tpl = Template::from_string(kTemplate);

  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl.has_resource_properties("AWS::S3::Bucket", {{"BucketName", "logs"}});
            }),
            "Template has 1 resources with type AWS::S3::Bucket, but none match as expected.\n"
            "Tried, closest first: Bucket\n"
            "The closest, Bucket, has 1 mismatch:\n"
            "  /Properties/BucketName: Missing key 'BucketName'\n"
            "The 1 closest matches:\n"
            "Bucket :: {\n"
            "  \"Properties\": {\n"
            "!!   Missing key 'BucketName'\n"
            "    \"BucketName\": undefined\n"
            "  },\n"
            "  \"Type\": \"AWS::S3::Bucket\"\n"
            "}");
}

TEST(template_assertions, a_type_without_resources_says_so) {
  const Template tpl = Template::from_string(kTemplate);

  EXPECT_EQ(error_of<AssertionError>(
                [&] { tpl.has_resource_properties("AWS::SNS::Topic", Json::object()); }),
            "Template has 0 resources with type AWS::SNS::Topic.\nNo matches found");
  EXPECT_EQ(error_of<AssertionError>([&] { tpl.has_resource("AWS::SNS::Topic", Json::object()); }),
            "Template has 0 resources with type AWS::SNS::Topic.\nNo matches found");
}

TEST(template_assertions, has_resource_matches_the_whole_resource) {
  const Template tpl = Template::from_string(kTemplate);

  tpl.has_resource("AWS::SQS::Queue", Json::parse(R"({"DependsOn": ["QueueA"],
                                                      "DeletionPolicy": "Retain"})"));
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl.has_resource("AWS::SQS::Queue", {{"DeletionPolicy", "Delete"}});
            }),
            "Template has 2 resources with type AWS::SQS::Queue, but none match as expected.\n"
            "Tried, closest first: QueueA, QueueB\n"
            "The closest, QueueA, has 1 mismatch:\n"
            "  /DeletionPolicy: Missing key 'DeletionPolicy'\n"
            "The 2 closest matches:\n"
            "QueueA :: {\n"
            "!! Missing key 'DeletionPolicy'\n"
            "  \"DeletionPolicy\": undefined,\n"
            "  \"Properties\": { ... },\n"
            "  \"Type\": \"AWS::SQS::Queue\"\n"
            "}\n"
            "QueueB :: {\n"
            "!! Expected Delete but received Retain\n"
            "  \"DeletionPolicy\": \"Retain\",\n"
            "  \"DependsOn\": [ \"QueueA\" ],\n"
            "  \"Properties\": { ... },\n"
            "  \"Type\": \"AWS::SQS::Queue\"\n"
            "}");
}

TEST(template_assertions, resource_count_is_counts_by_type) {
  const Template tpl = Template::from_string(kTemplate);

  tpl.resource_count_is("AWS::SQS::Queue", 2);
  tpl.resource_count_is("AWS::SNS::Topic", 0);
  EXPECT_EQ(error_of<AssertionError>([&] { tpl.resource_count_is("AWS::S3::Bucket", 2); }),
            "Expected 2 resources of type AWS::S3::Bucket but found 1");
}

TEST(template_assertions, has_output_matches_by_logical_id_or_any) {
  const Template tpl = Template::from_string(kTemplate);

  tpl.has_output("Url", Json::parse(R"({"Export": {"Name": "Shared:Url"}})"));
  tpl.has_output("*", {{"Value", "text"}});
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl.has_output("Url", {{"Value", "text"}});
            }),
            "Template has 1 outputs named Url, but none match as expected.\n"
            "Tried, closest first: Url\n"
            "The closest, Url, has 1 mismatch:\n"
            "  /Value: Expected type string but received object\n"
            "The 1 closest matches:\n"
            "Url :: {\n"
            "  \"Export\": { \"Name\": \"Shared:Url\" },\n"
            "!! Expected type string but received object\n"
            "  \"Value\": { \"Ref\": \"QueueA\" }\n"
            "}");
  EXPECT_EQ(error_of<AssertionError>([&] { tpl.has_output("Missing", Json::object()); }),
            "Template has 0 outputs named Missing.\nNo matches found");
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl.has_output("*", {{"Value", "other"}});
            }),
            "Template has 2 outputs named *, but none match as expected.\n"
            "Tried, closest first: Plain, Url\n"
            "The closest, Plain, has 1 mismatch:\n"
            "  /Value: Expected other but received text\n"
            "The 2 closest matches:\n"
            "Plain :: {\n"
            "!! Expected other but received text\n"
            "  \"Value\": \"text\"\n"
            "}\n"
            "Url :: {\n"
            "  \"Export\": { \"Name\": \"Shared:Url\" },\n"
            "!! Expected type string but received object\n"
            "  \"Value\": { \"Ref\": \"QueueA\" }\n"
            "}");
}

TEST(template_assertions, find_resources_returns_the_matches_by_logical_id) {
  const Template tpl = Template::from_string(kTemplate);

  EXPECT_EQ(cdk::test::keys_of(tpl.find_resources("AWS::SQS::Queue")), (Lines{"QueueA", "QueueB"}));
  EXPECT_EQ(tpl.find_resources("AWS::SQS::Queue", {{"DeletionPolicy", "Retain"}}),
            (Json{{"QueueB", Json::parse(kTemplate)["Resources"]["QueueB"]}}));
  EXPECT_EQ(tpl.find_resources("AWS::SNS::Topic"), Json::object());
}

TEST(template_assertions, from_stack_renders_the_prepared_template) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnResource>(
      "Table", "AWS::DynamoDB::Table",
      cdk::Object{
          {"BillingMode", "PAY_PER_REQUEST"},
          {"KeySchema", cdk::List{cdk::Object{{"AttributeName", "id"}, {"KeyType", "HASH"}}}}});
  const Template tpl = Template::from_stack(stack);

  tpl.has_resource_properties("AWS::DynamoDB::Table", {{"BillingMode", "PAY_PER_REQUEST"}});
  tpl.has_resource("AWS::DynamoDB::Table",
                   Json::parse(R"({"Metadata": {"aws:cdk:path": "Stack/Table"}})"));
  EXPECT_EQ(cdk::test::keys_of(tpl.to_json()), (Lines{"Resources", "Parameters", "Rules"}));
}

TEST(template_assertions, from_stack_shows_exports_made_for_other_stacks) {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>("Producer");
  auto& queue = producer.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  app.add<cdk::Stack>("Consumer")
      .add<cdk::CfnOutput>("Arn", cdk::CfnOutputProps{.value = queue.ref()});

  Template::from_stack(producer).has_output(
      "*", {{"Export", {{"Name", "Producer:ExportsOutputRefQueueD6A24597"}}}});
}

TEST(template_assertions, from_stack_of_a_broken_app_throws_the_problems) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue").override_logical_id("not-valid");

  EXPECT_EQ(error_of<cdk::ValidationError>([&] { Template::from_stack(stack); }),
            "synthesis failed with 1 error:\n"
            "  'Stack/Queue': logical id 'not-valid' must match ^[A-Za-z0-9]{1,255}$");
}

TEST(template_assertions, from_file_reads_a_written_template) {
  const cdk::test::TempDir dir;
  cdk::test::write_file(dir / "t.json", kTemplate);

  Template::from_file(dir / "t.json").resource_count_is("AWS::SQS::Queue", 2);
  EXPECT_EQ(error_of([&] { Template::from_file(dir / "none.json"); }),
            "cannot read template '" + (dir / "none.json").string() + "'");
}

TEST(template_assertions, from_string_rejects_text_that_is_not_json) {
  const std::string message = error_of([] { Template::from_string("{"); });
  const std::string prefix = "template is not valid json: [json.exception.parse_error.101]";
  EXPECT_EQ(message.substr(0, prefix.size()), prefix);
}

}  // namespace
