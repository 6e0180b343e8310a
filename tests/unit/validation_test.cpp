// cdkpp unit tests: the synth-time checks of every resource against the CloudFormation spec
// (generator/src/validation/), fed from generator/spec/cloudformation-spec.json read at test time.
// SPDX-License-Identifier: Apache-2.0
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cdk/app.hpp"
#include "cdk/assertions/template.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"
#include "validation/template_validator.hpp"

namespace {

using cdk::Json;
using cdk::detail::validation::SpecSource;
using cdk::detail::validation::TemplateValidator;
using Lines = std::vector<std::string>;

// The whole spec file, parsed once per test binary.
const nlohmann::json& spec_file() {
  static const nlohmann::json spec =
      nlohmann::json::parse(cdk::test::read_file(CDKPP_UNIT_SPEC_FILE));
  return spec;
}

// The spec as the library sees it: one entry's JSON text per type, made when first asked for.
SpecSource file_spec() {
  static std::map<std::string, std::string, std::less<>> texts;
  return SpecSource{
      .find = [](std::string_view type) -> std::optional<std::string_view> {
        if (auto known = texts.find(type); known != texts.end()) return known->second;
        const nlohmann::json& resources = spec_file().at("resources");
        const auto entry = resources.find(std::string(type));
        if (entry == resources.end()) return std::nullopt;
        return texts.emplace(std::string(type), entry->dump()).first->second;
      },
      .type_names =
          [] {
            std::vector<std::string_view> names;
            for (const auto& [name, entry] : spec_file().at("resources").items()) {
              names.push_back(name);
            }
            return names;
          },
  };
}

// The problems of a template whose elements have the construct paths "Stack/<logical id>".
Lines problems_of(const std::string& template_text) {
  const Json document = Json::parse(template_text);
  std::map<std::string, std::string> paths;
  for (const char* section : {"Resources", "Outputs", "Conditions", "Parameters"}) {
    if (!document.contains(section)) continue;
    for (const auto& [id, body] : document[section].items()) paths[id] = "Stack/" + id;
  }
  Lines problems;
  TemplateValidator(file_spec()).validate(document, paths, problems);
  return problems;
}

// A template with one resource "R" of the type and properties (JSON text).
std::string one_resource(const std::string& type, const std::string& properties) {
  return R"({"Resources": {"R": {"Type": ")" + type + R"(", "Properties": )" + properties + "}}}";
}

Lines problems_of(const std::string& type, const std::string& properties) {
  return problems_of(one_resource(type, properties));
}

const std::string kTable = R"("KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}])";

// ---- Resource types ----

TEST(ValidationTest, an_unknown_aws_type_is_reported_with_the_closest_known_type) {
  EXPECT_EQ(problems_of("AWS::S3::Bukket", "{}"),
            Lines{"'Stack/R' (AWS::S3::Bukket): unknown resource type; did you mean "
                  "'AWS::S3::Bucket'?"});
  EXPECT_EQ(problems_of("AWS::Nothing::Here", "{}"),
            Lines{"'Stack/R' (AWS::Nothing::Here): unknown resource type"});
  EXPECT_EQ(problems_of("Alexa::ASK::Skil", "{}"),
            Lines{"'Stack/R' (Alexa::ASK::Skil): unknown resource type; did you mean "
                  "'Alexa::ASK::Skill'?"});
}

TEST(ValidationTest, third_party_types_are_neither_known_nor_checked) {
  EXPECT_EQ(problems_of("Acme::Widget::Thing", R"({"Anything": [1, {"x": true}]})"), Lines{});
  EXPECT_EQ(problems_of(R"({"Resources": {
      "W": {"Type": "Acme::Widget::Thing"},
      "Q": {"Type": "AWS::SQS::Queue",
            "Properties": {"QueueName": {"Fn::GetAtt": ["W", "Any.Thing"]}}}}})"),
            Lines{});
}

TEST(ValidationTest, a_custom_resource_needs_a_string_service_token_and_takes_any_property) {
  EXPECT_EQ(problems_of("Custom::Seed", R"({"ServiceToken": "arn:aws:lambda:f", "Rows": [1, 2]})"),
            Lines{});
  EXPECT_EQ(problems_of("Custom::Seed", R"({"Rows": [1, 2]})"),
            Lines{"'Stack/R' (Custom::Seed): missing required property 'ServiceToken' (string)"});
  EXPECT_EQ(problems_of("AWS::CloudFormation::CustomResource", R"({"ServiceToken": 12, "X": 1})"),
            Lines{"'Stack/R' (AWS::CloudFormation::CustomResource): property 'ServiceToken' must "
                  "be string, got integer 12"});
}

// ---- Property names ----

TEST(ValidationTest, a_misspelled_property_is_reported_with_the_name_it_resembles) {
  EXPECT_EQ(problems_of("AWS::SQS::Queue", R"({"DelaySecond": 5})"),
            Lines{"'Stack/R' (AWS::SQS::Queue): unknown property 'DelaySecond'; did you mean "
                  "'DelaySeconds'?"});
}

TEST(ValidationTest, an_unknown_property_lists_the_known_ones_of_its_object) {
  EXPECT_EQ(problems_of("AWS::DynamoDB::Table", "{" + kTable + R"(,
                          "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S",
                                                    "Order": 1}]})"),
            Lines{"'Stack/R' (AWS::DynamoDB::Table): unknown property "
                  "'AttributeDefinitions[0].Order'; known properties of AttributeDefinition: "
                  "AttributeName, AttributeType"});
  EXPECT_EQ(problems_of("AWS::SQS::Queue", R"({"Colour": "blue"})"),
            Lines{"'Stack/R' (AWS::SQS::Queue): unknown property 'Colour'; known properties of "
                  "AWS::SQS::Queue: ContentBasedDeduplication, DeduplicationScope, DelaySeconds, "
                  "FifoQueue, FifoThroughputLimit, KmsDataKeyReusePeriodSeconds, KmsMasterKeyId, "
                  "MaximumMessageSize, MessageRetentionPeriod, QueueName, "
                  "ReceiveMessageWaitTimeSeconds, RedriveAllowPolicy, RedrivePolicy, "
                  "SqsManagedSseEnabled, Tags, VisibilityTimeout"});
  EXPECT_EQ(problems_of("AWS::CloudFormation::WaitConditionHandle", R"({"Count": 1})"),
            Lines{"'Stack/R' (AWS::CloudFormation::WaitConditionHandle): unknown property "
                  "'Count'; AWS::CloudFormation::WaitConditionHandle has no properties"});
}

TEST(ValidationTest, a_nested_type_without_listed_properties_takes_any_object) {
  EXPECT_EQ(problems_of("AWS::Serverless::Function",
                        R"({"Policies": [{"AMIDescribePolicy": {"Whatever": [1]}}]})"),
            Lines{});
}

// ---- Required properties ----

TEST(ValidationTest, a_missing_required_property_is_reported_at_any_depth) {
  EXPECT_EQ(problems_of("AWS::DynamoDB::Table", "{}"),
            Lines{"'Stack/R' (AWS::DynamoDB::Table): missing required property 'KeySchema' "
                  "(list<KeySchema>|json)"});
  EXPECT_EQ(problems_of("AWS::DynamoDB::Table", R"({"KeySchema": [{"AttributeName": "id"}],
                          "AttributeDefinitions": [{"AttributeType": "S"}]})"),
            (Lines{"'Stack/R' (AWS::DynamoDB::Table): property 'KeySchema' fits no member of "
                   "list<KeySchema>|json; as list<KeySchema>: missing required property "
                   "'KeySchema[0].KeyType' (string)",
                   "'Stack/R' (AWS::DynamoDB::Table): missing required property "
                   "'AttributeDefinitions[0].AttributeName' (string)"}));
}

TEST(ValidationTest, a_resource_without_properties_misses_its_required_ones) {
  EXPECT_EQ(problems_of(R"({"Resources": {"R": {"Type": "AWS::SSM::Parameter"}}})"),
            (Lines{"'Stack/R' (AWS::SSM::Parameter): missing required property 'Type' (string)",
                   "'Stack/R' (AWS::SSM::Parameter): missing required property 'Value' (string)"}));
}

// ---- Primitive types ----

TEST(ValidationTest, a_literal_of_the_wrong_primitive_type_is_reported) {
  EXPECT_EQ(problems_of("AWS::SQS::Queue", R"({"DelaySeconds": "5", "FifoQueue": "true",
                          "QueueName": 7, "VisibilityTimeout": 1.5})"),
            (Lines{"'Stack/R' (AWS::SQS::Queue): property 'DelaySeconds' must be integer, got "
                   "string \"5\"",
                   "'Stack/R' (AWS::SQS::Queue): property 'FifoQueue' must be boolean, got "
                   "string \"true\"",
                   "'Stack/R' (AWS::SQS::Queue): property 'QueueName' must be string, got "
                   "integer 7",
                   "'Stack/R' (AWS::SQS::Queue): property 'VisibilityTimeout' must be integer, "
                   "got number 1.5"}));
}

TEST(ValidationTest, numbers_json_and_timestamps_have_their_own_rules) {
  // A whole number written with a fraction is still whole; json is an object or a list.
  EXPECT_EQ(problems_of("AWS::SQS::Queue", R"({"DelaySeconds": 5.0, "RedrivePolicy": {}})"),
            Lines{});
  EXPECT_EQ(problems_of("AWS::SNS::Topic", R"({"ArchivePolicy": "keep"})"),
            Lines{"'Stack/R' (AWS::SNS::Topic): property 'ArchivePolicy' must be json, got "
                  "string \"keep\""});
  EXPECT_EQ(problems_of("AWS::S3::Bucket", R"({"LifecycleConfiguration": {"Rules": [
                             {"Status": "Enabled", "ExpirationDate": 1700000000}]}})"),
            Lines{"'Stack/R' (AWS::S3::Bucket): property "
                  "'LifecycleConfiguration.Rules[0].ExpirationDate' must be timestamp, got "
                  "integer 1700000000"});
}

TEST(ValidationTest, tags_are_objects_of_a_string_key_and_value) {
  EXPECT_EQ(problems_of("AWS::SQS::Queue",
                        R"({"Tags": [{"Key": "team", "Value": "a"}, {"Key": "cost", "Value": 5},
                                     {"Key": "x"}, "owner=me"]})"),
            (Lines{"'Stack/R' (AWS::SQS::Queue): property 'Tags[1].Value' must be string, got "
                   "integer 5",
                   "'Stack/R' (AWS::SQS::Queue): missing required property 'Tags[2].Value' "
                   "(string)",
                   "'Stack/R' (AWS::SQS::Queue): property 'Tags[3]' must be tag, got string "
                   "\"owner=me\""}));
}

TEST(ValidationTest, long_values_are_shortened) {
  EXPECT_EQ(problems_of("AWS::SQS::Queue",
                        R"({"QueueName": ["a-very-long-queue-name", "and-another-one"]})"),
            Lines{"'Stack/R' (AWS::SQS::Queue): property 'QueueName' must be string, got list "
                  "[\"a-very-long-queue-name\",\"and-anothe..."});
}

// ---- Shapes ----

TEST(ValidationTest, a_value_of_the_wrong_shape_is_reported) {
  EXPECT_EQ(problems_of("AWS::SQS::Queue", R"({"Tags": {"Key": "a", "Value": "b"}})"),
            Lines{"'Stack/R' (AWS::SQS::Queue): property 'Tags' must be list<tag>, got object "
                  "{\"Key\":\"a\",\"Value\":\"b\"}"});
  EXPECT_EQ(
      problems_of("AWS::SSM::Parameter",
                  R"({"Type": "String", "Value": "v", "Tags": [{"Key": "a", "Value": "b"}]})"),
      Lines{"'Stack/R' (AWS::SSM::Parameter): property 'Tags' must be map<string>, got "
            "list [{\"Key\":\"a\",\"Value\":\"b\"}]"});
  EXPECT_EQ(problems_of("AWS::Lambda::Function",
                        R"({"Code": {}, "Role": "r", "Environment": "TABLE=t"})"),
            Lines{"'Stack/R' (AWS::Lambda::Function): property 'Environment' must be "
                  "Environment, got string \"TABLE=t\""});
  EXPECT_EQ(problems_of("AWS::SQS::Queue", R"({"QueueName": {"Name": "q"}})"),
            Lines{"'Stack/R' (AWS::SQS::Queue): property 'QueueName' must be string, got object "
                  "{\"Name\":\"q\"}"});
}

TEST(ValidationTest, map_entries_are_named_by_their_keys) {
  EXPECT_EQ(problems_of("AWS::Lambda::Function",
                        R"({"Code": {}, "Role": "r",
                            "Environment": {"Variables": {"TABLE": 1, "aws:x": true}}})"),
            (Lines{"'Stack/R' (AWS::Lambda::Function): property 'Environment.Variables.TABLE' "
                   "must be string, got integer 1",
                   "'Stack/R' (AWS::Lambda::Function): property "
                   "'Environment.Variables[\"aws:x\"]' must be string, got boolean true"}));
}

TEST(ValidationTest, properties_must_be_an_object) {
  EXPECT_EQ(problems_of("AWS::SQS::Queue", "[1]"),
            Lines{"'Stack/R' (AWS::SQS::Queue): properties must be an object, got list [1]"});
}

// ---- Unions ----

TEST(ValidationTest, a_union_takes_a_value_of_any_member) {
  EXPECT_EQ(
      problems_of("AWS::SQS::Queue",
                  R"({"RedrivePolicy": "{\"maxReceiveCount\":3}", "RedriveAllowPolicy": {}})"),
      Lines{});
  EXPECT_EQ(problems_of("AWS::Serverless::Function", R"({"CodeUri": "s3://b/k"})"), Lines{});
  EXPECT_EQ(problems_of("AWS::Serverless::Function",
                        R"({"CodeUri": {"Bucket": "b", "Key": "k", "Version": 3}})"),
            Lines{});
}

TEST(ValidationTest, a_union_that_no_member_fits_names_the_union) {
  EXPECT_EQ(problems_of("AWS::IoTFleetWise::DecoderManifest",
                        R"({"ModelManifestArn": "m", "Name": "n", "NetworkInterfaces": [
                             {"InterfaceId": "1", "Type": "OBD_INTERFACE",
                              "ObdInterface": {"Name": "obd", "RequestMessageId": true}}]})"),
            Lines{"'Stack/R' (AWS::IoTFleetWise::DecoderManifest): property "
                  "'NetworkInterfaces[0]' fits no member of "
                  "CanNetworkInterface|ObdNetworkInterface; as ObdNetworkInterface: property "
                  "'NetworkInterfaces[0].ObdInterface.RequestMessageId' must be integer|string, "
                  "got boolean true"});
  EXPECT_EQ(problems_of("AWS::Serverless::HttpApi", R"({"CorsConfiguration": "*"})"),
            Lines{"'Stack/R' (AWS::Serverless::HttpApi): property 'CorsConfiguration' must be "
                  "CorsConfigurationObject|boolean, got string \"*\""});
}

TEST(ValidationTest, an_object_in_a_union_is_checked_against_its_nested_type) {
  EXPECT_EQ(
      problems_of("AWS::Serverless::Function", R"({"CodeUri": {"Bucket": "b", "Keyy": "k"}})"),
      (Lines{"'Stack/R' (AWS::Serverless::Function): property 'CodeUri' fits no member of "
             "S3Location|string; as S3Location: unknown property 'CodeUri.Keyy'; did you "
             "mean 'Key'?",
             "'Stack/R' (AWS::Serverless::Function): property 'CodeUri' fits no member of "
             "S3Location|string; as S3Location: missing required property 'CodeUri.Key' "
             "(string)"}));
}

TEST(ValidationTest, a_union_of_nested_types_reports_the_closest_one) {
  EXPECT_EQ(problems_of("AWS::IoTFleetWise::DecoderManifest",
                        R"({"ModelManifestArn": "m", "Name": "n", "NetworkInterfaces": [
                             {"InterfaceId": "1", "Type": "OBD_INTERFACE",
                              "ObdInterface": {"Name": "obd"}}]})"),
            Lines{"'Stack/R' (AWS::IoTFleetWise::DecoderManifest): property "
                  "'NetworkInterfaces[0]' fits no member of "
                  "CanNetworkInterface|ObdNetworkInterface; as ObdNetworkInterface: missing "
                  "required property 'NetworkInterfaces[0].ObdInterface.RequestMessageId' "
                  "(integer|string)"});
}

// ---- Fn::GetAtt ----

TEST(ValidationTest, fn_get_att_of_an_unknown_attribute_is_reported_where_it_is_used) {
  EXPECT_EQ(problems_of(R"({"Resources": {
      "Q": {"Type": "AWS::SQS::Queue"},
      "T": {"Type": "AWS::SNS::Topic", "Properties": {
        "TopicName": {"Fn::GetAtt": ["Q", "Arnn"]},
        "Tags": [{"Key": "q", "Value": {"Fn::Join": ["", ["x", {"Fn::GetAtt": "Q.Url"}]]}}]}}},
    "Outputs": {"O": {"Value": {"Fn::GetAtt": "Q.Endpoint"}}}})"),
            (Lines{"'Stack/T' (AWS::SNS::Topic): Fn::GetAtt in property 'TopicName' names "
                   "unknown attribute 'Arnn' of 'Stack/Q' (AWS::SQS::Queue); did you mean 'Arn'?",
                   "'Stack/T' (AWS::SNS::Topic): Fn::GetAtt in property 'Tags[0].Value' names "
                   "unknown attribute 'Url' of 'Stack/Q' (AWS::SQS::Queue); attributes of "
                   "AWS::SQS::Queue: Arn, QueueName, QueueUrl",
                   "'Stack/O' (output): Fn::GetAtt in 'Value' names unknown attribute "
                   "'Endpoint' of 'Stack/Q' (AWS::SQS::Queue); attributes of AWS::SQS::Queue: "
                   "Arn, QueueName, QueueUrl"}));
}

TEST(ValidationTest, fn_get_att_takes_dotted_stack_output_custom_and_third_party_attributes) {
  EXPECT_EQ(problems_of(R"({"Resources": {
      "Db": {"Type": "AWS::RDS::DBInstance"},
      "Nested": {"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": "u"}},
      "Seed": {"Type": "Custom::Seed", "Properties": {"ServiceToken": "arn"}},
      "Widget": {"Type": "Acme::Widget::Thing"},
      "P": {"Type": "AWS::SSM::Parameter", "Metadata": {"Note": {"Fn::GetAtt": ["Db", "Nope"]}},
            "Properties": {"Type": "String", "Value": {"Fn::Join": [",", [
              {"Fn::GetAtt": ["Db", "Endpoint.Address"]}, {"Fn::GetAtt": "Nested.Outputs.Url"},
              {"Fn::GetAtt": ["Seed", "Anything"]},
              {"Fn::GetAtt": ["Widget", "Any.Thing"]}]]}}}}})"),
            Lines{});
}

TEST(ValidationTest, fn_get_att_of_a_type_without_attributes_says_so) {
  EXPECT_EQ(problems_of(R"({"Resources": {
      "M": {"Type": "AWS::ApiGateway::BasePathMapping", "Properties": {"DomainName": "d"}}},
    "Outputs": {"O": {"Value": {"Fn::GetAtt": ["M", "Id"]}}}})"),
            Lines{"'Stack/O' (output): Fn::GetAtt in 'Value' names unknown attribute 'Id' of "
                  "'Stack/M' (AWS::ApiGateway::BasePathMapping); "
                  "AWS::ApiGateway::BasePathMapping has no attributes"});
}

// ---- Intrinsic functions ----

const std::string kParameters = R"("Parameters": {
    "Name": {"Type": "String"}, "Delay": {"Type": "Number"},
    "Subnets": {"Type": "List<AWS::EC2::Subnet::Id>"}, "Names": {"Type": "CommaDelimitedList"},
    "Arches": {"Type": "AWS::SSM::Parameter::Value<List<String>>"},
    "Key": {"Type": "AWS::SSM::Parameter::Value<String>"}},
  "Conditions": {"Prod": {"Fn::Equals": ["a", "b"]}})";

TEST(ValidationTest, intrinsics_are_accepted_where_their_result_fits) {
  EXPECT_EQ(problems_of("{" + kParameters + R"(, "Resources": {
      "Q": {"Type": "AWS::SQS::Queue", "Properties": {
        "QueueName": {"Ref": "Name"}, "DelaySeconds": {"Ref": "Delay"},
        "KmsMasterKeyId": {"Ref": "Key"}, "VisibilityTimeout": {"Fn::Length": [1, 2]},
        "MaximumMessageSize": {"Fn::Select": [0, {"Ref": "Names"}]},
        "RedrivePolicy": {"Fn::ToJsonString": {"a": 1}},
        "Tags": {"Fn::FindInMap": ["Tags", "Team", "All"]}}},
      "T": {"Type": "AWS::SNS::Topic", "Properties": {
        "TopicName": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, "t"]]},
        "DisplayName": {"Fn::Sub": "${AWS::Region}"},
        "KmsMasterKeyId": {"Fn::GetAtt": ["Q", "Arn"]},
        "SignatureVersion": {"Fn::ImportValue": "x"}, "TracingConfig": {"Fn::Base64": "x"},
        "FifoTopic": "{{resolve:ssm:/flag}}", "MaximumMessageSize": "{{resolve:ssm:/size}}"}},
      "F": {"Type": "AWS::Lambda::Function", "Properties": {
        "Code": {"Fn::Transform": {"Name": "AWS::Include"}, "Unknown": 1},
        "Role": {"Ref": "Q"}, "Layers": {"Ref": "Names"},
        "Architectures": {"Ref": "Arches"},
        "VpcConfig": {"SubnetIds": {"Ref": "Subnets"},
                      "SecurityGroupIds": {"Fn::Split": [",", "a,b"]}}}},
      "S": {"Type": "AWS::CloudFormation::Stack", "Properties": {
        "NotificationARNs": {"Ref": "AWS::NotificationARNs"}}},
      "G": {"Type": "AWS::AutoScaling::AutoScalingGroup", "Properties": {
        "MaxSize": "2", "MinSize": "1", "AvailabilityZones": {"Fn::GetAZs": ""}}}}})"),
            Lines{});
}

TEST(ValidationTest, an_intrinsic_whose_result_does_not_fit_is_reported_with_what_it_gives) {
  EXPECT_EQ(problems_of("{" + kParameters + R"(, "Resources": {
      "Db": {"Type": "AWS::RDS::DBInstance"},
      "Q": {"Type": "AWS::SQS::Queue", "Properties": {
        "DelaySeconds": {"Ref": "Name"}, "QueueName": {"Fn::Split": [",", "a,b"]},
        "KmsMasterKeyId": {"Fn::GetAtt": ["Db", "ReadReplicaDBInstanceIdentifiers"]},
        "Tags": {"Ref": "Names"}}},
      "F": {"Type": "AWS::Lambda::Function", "Properties": {
        "Code": {}, "Role": "r", "Layers": {"Fn::Join": [",", ["a", "b"]]}}}}})"),
            (Lines{"'Stack/Q' (AWS::SQS::Queue): property 'DelaySeconds' must be integer, got "
                   "{\"Ref\":\"Name\"}, which resolves to string",
                   "'Stack/Q' (AWS::SQS::Queue): property 'QueueName' must be string, got "
                   "{\"Fn::Split\":[\",\",\"a,b\"]}, which resolves to list<string>",
                   "'Stack/Q' (AWS::SQS::Queue): property 'KmsMasterKeyId' must be string, got "
                   "{\"Fn::GetAtt\":[\"Db\",\"ReadReplicaDBIns..., which resolves to "
                   "list<string>",
                   "'Stack/Q' (AWS::SQS::Queue): property 'Tags' must be list<tag>, got "
                   "{\"Ref\":\"Names\"}, which resolves to list<string>",
                   "'Stack/F' (AWS::Lambda::Function): property 'Layers' must be list<string>, "
                   "got {\"Fn::Join\":[\",\",[\"a\",\"b\"]]}, which resolves to string"}));
}

TEST(ValidationTest, fn_if_is_checked_branch_by_branch_and_may_leave_a_property_out) {
  EXPECT_EQ(problems_of("{" + kParameters + R"(, "Resources": {
      "P": {"Type": "AWS::SSM::Parameter", "Properties": {
        "Type": "String", "Value": {"Fn::If": ["Prod", "v", {"Ref": "AWS::NoValue"}]}}}}})"),
            Lines{});
  EXPECT_EQ(problems_of("{" + kParameters + R"(, "Resources": {
      "Q": {"Type": "AWS::SQS::Queue", "Properties": {
        "DelaySeconds": {"Fn::If": ["Prod", 5, "five"]}}}}})"),
            Lines{"'Stack/Q' (AWS::SQS::Queue): property 'DelaySeconds' must be integer, got "
                  "string \"five\""});
  // AWS::NoValue itself leaves the property out, so a required one is missing.
  EXPECT_EQ(
      problems_of("AWS::SSM::Parameter", R"({"Type": "String", "Value": {"Ref": "AWS::NoValue"}})"),
      Lines{"'Stack/R' (AWS::SSM::Parameter): missing required property 'Value' (string)"});
}

// ---- Synthesis: the compiled catalog, through prepare_app ----

TEST(ValidationSynthTest, every_problem_of_every_stack_is_reported) {
  // GIVEN two stacks with mistakes, one of them in an attribute that the other imports
  cdk::App app;
  auto& first = app.add<cdk::Stack>("First");
  auto& queue = first.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue",
                                            cdk::Object{{"DelaySecond", 5}, {"QueueName", 7}});
  auto& second = app.add<cdk::Stack>("Second");
  second.add<cdk::Construct>("Database")
      .add<cdk::CfnResource>("Table", "AWS::DynamoDB::Table", cdk::Object{{"BillingMode", true}});
  second.add<cdk::CfnOutput>("QueueUrl", cdk::CfnOutputProps{.value = queue.get_att("Url")});

  // WHEN the app is prepared
  const Lines problems = cdk::detail::prepare_app(app);

  // THEN every problem is reported, the exported attribute in the stack that exports it
  const std::string export_path = first.find_child("Exports").children().front()->path();
  EXPECT_EQ(problems,
            (Lines{"'First/Queue' (AWS::SQS::Queue): unknown property 'DelaySecond'; did you "
                   "mean 'DelaySeconds'?",
                   "'First/Queue' (AWS::SQS::Queue): property 'QueueName' must be string, got "
                   "integer 7",
                   "'" + export_path +
                       "' (output): Fn::GetAtt in 'Value' names unknown "
                       "attribute 'Url' of 'First/Queue' (AWS::SQS::Queue); attributes of "
                       "AWS::SQS::Queue: Arn, QueueName, QueueUrl",
                   "'Second/Database/Table' (AWS::DynamoDB::Table): property 'BillingMode' must "
                   "be string, got boolean true",
                   "'Second/Database/Table' (AWS::DynamoDB::Table): missing required property "
                   "'KeySchema' (list<KeySchema>|json)"}));
}

TEST(ValidationSynthTest, overrides_are_checked_as_the_template_has_them) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& queue = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  queue.add_property_override("VisibilityTimeout", "30");

  EXPECT_EQ(cdk::detail::prepare_app(app),
            Lines{"'Stack/Queue' (AWS::SQS::Queue): property 'VisibilityTimeout' must be "
                  "integer, got string \"30\""});
}

TEST(ValidationSynthTest, template_from_stack_fails_on_a_spec_problem) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Object{{"DelaySeconds", "5"}});

  EXPECT_EQ(cdk::test::error_of<cdk::ValidationError>(
                [&] { cdk::assertions::Template::from_stack(stack); }),
            "synthesis failed with 1 error:\n  'Stack/Queue' (AWS::SQS::Queue): property "
            "'DelaySeconds' must be integer, got string \"5\"");
}

TEST(ValidationSynthTest, a_valid_app_passes) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& queue =
      stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Object{{"DelaySeconds", 5}});
  stack.add<cdk::CfnResource>(
      "Parameter", "AWS::SSM::Parameter",
      cdk::Object{{"Type", "String"}, {"Value", queue.get_att("Arn")}, {"Name", queue.ref()}});

  EXPECT_EQ(cdk::detail::prepare_app(app), Lines{});
}

}  // namespace
