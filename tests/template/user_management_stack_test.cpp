// cdkpp template tests: the User Management stack (service layout "stack-per-context").
// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "test_app.hpp"

namespace template_tests {
namespace {

using cdk::Json;
using cdk::assertions::Match;
using cdk::assertions::Pattern;
using cdk::assertions::Template;

// The AWS CDK's logical IDs for the same construct paths, printed by aws-cdk-lib 2.276.0's
// Stack.getLogicalId for CfnResources at these paths.
constexpr const char* kTable = "DatabaseTableF104A135";
constexpr const char* kRole = "IngressFunctionServiceRoleB2934C1A";
constexpr const char* kPolicy = "IngressFunctionServiceRoleDefaultPolicy97C90A8F";
constexpr const char* kFunction = "IngressFunctionCC445980";
constexpr const char* kApi = "IngressHttpApiBBB93B0B";
constexpr const char* kIntegration = "IngressHttpApiLambdaIntegration5DB33324";
constexpr const char* kRoute = "IngressHttpApiProxyRouteCB6A4A13";
constexpr const char* kPermission = "IngressHttpApiProxyRouteLambdaIntegrationPermissionA0593286";
constexpr const char* kLogGroup = "IngressFunctionLogGroup7EE7E393";
constexpr const char* kStage = "IngressHttpApiDefaultStageAE0E294B";

class UserManagementStackTest : public ::testing::TestWithParam<Preset> {
 protected:
  UserManagementStackTest()
      : app_(GetParam(), "stack-per-context"),
        expected_(expectations_for(GetParam())),
        template_(Template::from_stack(*app_.service().user_management_stack())) {}

  TestApp app_;
  ServiceExpectations expected_;
  Template template_;
};

TEST_P(UserManagementStackTest, is_named_after_the_service_prefix) {
  EXPECT_EQ(app_.service().user_management_stack()->stack_name(),
            expected_.stack_prefix + "-UserManagement");
  EXPECT_EQ(app_.service().single_stack(), nullptr);
}

TEST_P(UserManagementStackTest, has_the_api_and_table_resources) {
  expect_resources_of_types(template_, kUserManagementResourceTypes);
}

TEST_P(UserManagementStackTest, logical_ids_equal_the_aws_cdk_ones_for_the_same_paths) {
  EXPECT_EQ(resource_ids(template_),
            (std::set<std::string>{kTable, kRole, kPolicy, kFunction, kApi, kIntegration, kRoute,
                                   kPermission, kStage, kLogGroup}));
}

TEST_P(UserManagementStackTest, table_uses_the_presets_billing_mode) {
  Json properties = {{"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
                     {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
                     {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}},
                     {"SSESpecification", {{"SSEEnabled", true}}}};
  properties.update(expected_.billing);
  EXPECT_TEMPLATE(template_.has_resource_properties("AWS::DynamoDB::Table", properties));

  const Json table = template_.to_json()["Resources"][kTable];
  EXPECT_EQ(table["Properties"].contains("ProvisionedThroughput"),
            GetParam() == Preset::production);
  EXPECT_EQ(table["DeletionPolicy"], "Retain");
}

TEST_P(UserManagementStackTest, function_has_the_presets_reserved_concurrency_and_the_table_name) {
  EXPECT_TEMPLATE(template_.has_resource(
      "AWS::Lambda::Function",
      {{"Properties",
        {{"Environment", {{"Variables", {{"TABLE_NAME", ref(kTable)}}}}},
         {"Handler", "app.handler"},
         {"ReservedConcurrentExecutions", expected_.lambda_reserved_concurrency},
         {"Role", get_att(kRole, "Arn")},
         {"Runtime", "python3.12"}}},
       {"DependsOn", {kPolicy}}}));
}

TEST_P(UserManagementStackTest, function_code_is_the_api_folder_published_as_an_asset) {
  const cdk::Json bucket = assets_bucket(GetParam());
  cdk::assertions::Capture key;
  cdk::assertions::Capture staged;
  EXPECT_TEMPLATE(template_.has_resource(
      "AWS::Lambda::Function",
      {{"Properties", {{"Code", Match::object_equals({{"S3Bucket", bucket}, {"S3Key", key}})}}},
       {"Metadata",
        {{"aws:asset:path", staged},
         {"aws:asset:is-bundled", false},
         {"aws:asset:property", "Code"}}}}));

  // The key is the staged folder's hash; a stack in the pipeline's stage finds the folder one
  // level up, in the root assembly.
  const std::string hash = key.as_string().substr(0, key.as_string().size() - 4);
  EXPECT_TRUE(std::regex_match(key.as_string(), std::regex("[0-9a-f]{64}\\.zip")))
      << key.as_string();
  EXPECT_EQ(staged.as_string(), (GetParam() == Preset::production ? "../asset." : "asset.") + hash);

  const cdk::Asset* asset = nullptr;
  for (const cdk::Construct* construct : app_.service().user_management_stack()->find_all()) {
    if (const auto* found = dynamic_cast<const cdk::Asset*>(construct)) asset = found;
  }
  ASSERT_NE(asset, nullptr);
  EXPECT_EQ(asset->source_path(), std::filesystem::path(CDKPP_USER_MANAGEMENT_API_DIR));
  EXPECT_EQ(asset->asset_hash(), hash);
}

TEST_P(UserManagementStackTest, function_role_may_only_use_the_items_of_the_table) {
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::IAM::Role", {{"AssumeRolePolicyDocument",
                          {{"Statement",
                            {{{"Action", "sts:AssumeRole"},
                              {"Effect", "Allow"},
                              {"Principal", {{"Service", "lambda.amazonaws.com"}}}}}}}},
                         {"ManagedPolicyArns",
                          {join({"arn:", ref("AWS::Partition"),
                                 ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"})}}}));

  // One statement, on the table alone, with item actions of DynamoDB only.
  const Pattern dynamodb_only = Match::not_(Match::array_with({Match::string_like_regexp(
      "^(?!dynamodb:(BatchGetItem|BatchWriteItem|ConditionCheckItem|DeleteItem|GetItem|PutItem|"
      "Query|Scan|UpdateItem)$)")}));
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::IAM::Policy",
      {{"PolicyDocument",
        {{"Statement",
          Match::array_equals({Match::object_equals({{"Action", dynamodb_only},
                                                     {"Effect", "Allow"},
                                                     {"Resource", get_att(kTable, "Arn")}})})}}},
       {"Roles", {ref(kRole)}}}));
}

TEST_P(UserManagementStackTest, api_sends_everything_under_api_to_the_function) {
  EXPECT_TEMPLATE(
      template_.has_resource_properties("AWS::ApiGatewayV2::Api", {{"ProtocolType", "HTTP"}}));
  EXPECT_TEMPLATE(template_.has_resource_properties("AWS::ApiGatewayV2::Integration",
                                                    {{"ApiId", ref(kApi)},
                                                     {"IntegrationType", "AWS_PROXY"},
                                                     {"IntegrationUri", get_att(kFunction, "Arn")},
                                                     {"PayloadFormatVersion", "2.0"}}));
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::ApiGatewayV2::Route", {{"ApiId", ref(kApi)},
                                   {"RouteKey", "ANY /api/{proxy+}"},
                                   {"Target", join({"integrations/", ref(kIntegration)})}}));
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::ApiGatewayV2::Stage",
      {{"ApiId", ref(kApi)}, {"AutoDeploy", true}, {"StageName", "$default"}}));
}

TEST_P(UserManagementStackTest, only_this_api_may_invoke_the_function) {
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::Lambda::Permission",
      {{"Action", "lambda:InvokeFunction"},
       {"FunctionName", get_att(kFunction, "Arn")},
       {"Principal", "apigateway.amazonaws.com"},
       {"SourceArn", join({"arn:", ref("AWS::Partition"), ":execute-api:", expected_.region, ":",
                           expected_.account, ":", ref(kApi), "/*/*/api/*"})}}));
}

TEST_P(UserManagementStackTest, outputs_the_api_url_as_the_aws_cdk_builds_it) {
  EXPECT_TEMPLATE(template_.has_output(
      "APIEndpoint", {{"Value", join({"https://", ref(kApi), ".execute-api.", expected_.region, ".",
                                      ref("AWS::URLSuffix"), "/"})}}));
}

INSTANTIATE_TEST_SUITE_P(presets, UserManagementStackTest,
                         ::testing::Values(Preset::sandbox, Preset::production),
                         [](const auto& info) { return to_string(info.param); });

}  // namespace
}  // namespace template_tests
