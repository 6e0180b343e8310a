// cdkpp unit tests: the generated typed resource classes (<cdk/aws/*.hpp>) and the property
// types they are made of (cdk/property.hpp).
// SPDX-License-Identifier: Apache-2.0
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/aws/dynamodb.hpp"
#include "cdk/aws/iam.hpp"
#include "cdk/aws/lambda.hpp"
#include "cdk/aws/s3.hpp"
#include "cdk/aws/wafv2.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/stack.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::aws::dynamodb::CfnTable;
using cdk::test::render;

Json properties_of(const cdk::Stack& stack, const std::string& logical_id) {
  return render(stack)["Resources"][logical_id]["Properties"];
}

TEST(typed_resources, a_table_renders_its_typed_properties_in_the_specification_order) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<CfnTable>(
      "Table", CfnTable::Props{
                   .attribute_definitions = {{.attribute_name = "pk", .attribute_type = "S"}},
                   .billing_mode = "PROVISIONED",
                   .key_schema = {{.attribute_name = "pk", .key_type = "HASH"}},
                   .point_in_time_recovery_specification = {.point_in_time_recovery_enabled = true},
                   .provisioned_throughput = {.read_capacity_units = 5, .write_capacity_units = 10},
                   .tags = {{.key = "team", .value = "users"}},
               });

  EXPECT_EQ(properties_of(stack, "Table"), Json::parse(R"({
    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
    "BillingMode": "PROVISIONED",
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
    "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true},
    "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 10},
    "Tags": [{"Key": "team", "Value": "users"}]})"));
}

TEST(typed_resources, unset_fields_and_empty_nested_structs_are_not_rendered) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<CfnTable>("Table", CfnTable::Props{.table_name = "t"});

  EXPECT_EQ(properties_of(stack, "Table"), Json::parse(R"({"TableName": "t"})"));
}

TEST(typed_resources, a_resource_with_no_property_set_has_no_properties_key) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::aws::s3::CfnBucket>("Bucket");

  EXPECT_EQ(render(stack)["Resources"]["Bucket"], Json::parse(R"({
    "Type": "AWS::S3::Bucket", "Metadata": {"aws:cdk:path": "Stack/Bucket"}})"));
}

TEST(typed_resources, every_field_takes_a_token) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& capacity =
      stack.add<cdk::CfnParameter>("Capacity", cdk::CfnParameterProps{.type = "Number"});
  auto& condition = stack.add<cdk::CfnCondition>("C", cdk::fn::equals("a", "b"));
  auto& bucket = stack.add<cdk::aws::s3::CfnBucket>("Bucket");
  stack.add<CfnTable>("Table",
                      CfnTable::Props{
                          .key_schema = cdk::fn::if_(condition, cdk::List{}, cdk::List{}),
                          .provisioned_throughput = {.read_capacity_units = capacity.value()},
                          .table_name = cdk::fn::join("-", {bucket.ref(), "users"}),
                      });

  EXPECT_EQ(properties_of(stack, "Table"), Json::parse(R"({
    "KeySchema": {"Fn::If": ["C", [], []]},
    "ProvisionedThroughput": {"ReadCapacityUnits": {"Ref": "Capacity"}},
    "TableName": {"Fn::Join": ["-", [{"Ref": "Bucket"}, "users"]]}})"));
}

TEST(typed_resources, props_can_be_changed_after_construction) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& table = stack.add<CfnTable>("Table");
  table.props().billing_mode = "PAY_PER_REQUEST";
  table.props().stream_specification.stream_view_type = "NEW_IMAGE";

  EXPECT_EQ(properties_of(stack, "Table"), Json::parse(R"({
    "BillingMode": "PAY_PER_REQUEST", "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}})"));
}

TEST(typed_resources, attributes_are_get_att_of_their_cloudformation_name) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& table = stack.add<CfnTable>("Table");

  EXPECT_EQ(cdk::test::resolve(stack, table.attr_stream_arn()),
            Json::parse(R"({"Fn::GetAtt": ["Table", "StreamArn"]})"));
  EXPECT_EQ(cdk::test::resolve(stack, table.ref()), Json::parse(R"({"Ref": "Table"})"));
  EXPECT_EQ(CfnTable::kCfnType, "AWS::DynamoDB::Table");
}

TEST(typed_resources, maps_keep_the_order_given_and_json_takes_objects) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  const cdk::Object document{{"Version", "2012-10-17"}, {"Statement", cdk::List{}}};
  auto& role = stack.add<cdk::aws::iam::CfnRole>(
      "Role", cdk::aws::iam::CfnRole::Props{
                  .assume_role_policy_document = document,
                  .policies = {{.policy_document = document, .policy_name = "inline"}},
              });
  stack.add<cdk::aws::lambda::CfnFunction>(
      "Function", cdk::aws::lambda::CfnFunction::Props{
                      .environment = {.variables = {{"ZETA", "1"}, {"ALPHA", role.attr_arn()}}},
                  });

  EXPECT_EQ(properties_of(stack, "Role"), Json::parse(R"({
    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
    "Policies": [{"PolicyDocument": {"Version": "2012-10-17", "Statement": []},
                  "PolicyName": "inline"}]})"));
  EXPECT_EQ(properties_of(stack, "Function"), Json::parse(R"({"Environment": {"Variables": {
    "ZETA": "1", "ALPHA": {"Fn::GetAtt": ["Role", "Arn"]}}}})"));
}

TEST(typed_resources, recursive_types_are_held_through_a_box) {
  using cdk::aws::wafv2::CfnWebACL;
  // A statement holds an AND statement, which holds a list of statements.
  CfnWebACL::StatementProperty inner{
      .byte_match_statement = {.field_to_match = {.uri_path = cdk::Object{}},
                               .positional_constraint = "CONTAINS",
                               .search_string = "admin",
                               .text_transformations = {{.priority = 0, .type = "NONE"}}}};
  CfnWebACL::StatementProperty outer;
  outer.and_statement = CfnWebACL::AndStatementProperty{.statements = {inner, inner}};

  const cdk::Object rendered = to_object(outer);
  ASSERT_EQ(rendered.size(), 1u);
  EXPECT_EQ(rendered[0].first, "AndStatement");
  EXPECT_EQ(rendered[0].second.as_object()[0].second.as_list().size(), 2u);
}

// Literals of the wrong C++ type do not convert; tests/unit/compile_fail/ checks the same for
// whole programs.
static_assert(std::is_convertible_v<const char*, cdk::Prop<std::string>>);
static_assert(!std::is_convertible_v<int, cdk::Prop<std::string>>);
static_assert(std::is_convertible_v<int, cdk::Prop<std::int64_t>>);
static_assert(!std::is_convertible_v<bool, cdk::Prop<std::int64_t>>);
static_assert(!std::is_convertible_v<const char*, cdk::Prop<std::int64_t>>);
static_assert(std::is_convertible_v<double, cdk::Prop<double>>);
static_assert(std::is_convertible_v<bool, cdk::Prop<bool>>);
static_assert(!std::is_convertible_v<const char*, cdk::Prop<bool>>);
static_assert(!std::is_convertible_v<int, cdk::Prop<bool>>);
static_assert(std::is_convertible_v<cdk::Value, cdk::Prop<bool>>);
static_assert(
    std::is_convertible_v<std::vector<std::string>, cdk::PropList<cdk::Prop<std::string>>>);
static_assert(!std::is_convertible_v<std::vector<int>, cdk::PropList<cdk::Prop<std::string>>>);

}  // namespace
