// cdkpp template tests: the service as one stack (service layout "single-stack").
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "test_app.hpp"

namespace template_tests {
namespace {

using cdk::Json;
using cdk::assertions::Template;

// The AWS CDK's logical IDs for the same construct paths (aws-cdk-lib 2.276.0).
constexpr const char* kTable = "UserManagementDatabaseTableA7822A94";
constexpr const char* kRole = "UserManagementIngressFunctionServiceRoleE58847A8";
constexpr const char* kPolicy = "UserManagementIngressFunctionServiceRoleDefaultPolicy588111C2";
constexpr const char* kFunction = "UserManagementIngressFunction9CDC9435";
constexpr const char* kApi = "UserManagementIngressHttpApiD33D9FF2";
constexpr const char* kIntegration = "UserManagementIngressHttpApiLambdaIntegrationD5CC3D1C";
constexpr const char* kRoute = "UserManagementIngressHttpApiProxyRoute00AA1651";
constexpr const char* kPermission =
    "UserManagementIngressHttpApiProxyRouteLambdaIntegrationPermission4F8CE75A";
constexpr const char* kLogGroup = "UserManagementIngressFunctionLogGroupB031999C";
constexpr const char* kStage = "UserManagementIngressHttpApiDefaultStage6F2C974B";
constexpr const char* kBucket = "AdminConsoleHostingBucketEC68A4B2";
constexpr const char* kBucketPolicy = "AdminConsoleHostingBucketPolicy7029FC01";
constexpr const char* kOriginAccessControl = "AdminConsoleHostingOriginAccessControl1F94846A";
constexpr const char* kDistribution = "AdminConsoleHostingDistributionD7DE9C51";
constexpr const char* kDeployment = "AdminConsoleHostingDeploymentCustomResource48C83039";
constexpr const char* kDeploymentPolicy = "AdminConsoleHostingDeploymentHandlerPolicy1F5C57F1";
constexpr const char* kHandler = "BucketDeploymentHandler19AD69B6";
constexpr const char* kHandlerRole = "BucketDeploymentHandlerServiceRole21350CA0";
constexpr const char* kHandlerLogGroup = "BucketDeploymentHandlerLogGroup1515B1C5";

class SingleStackTest : public ::testing::TestWithParam<Preset> {
 protected:
  SingleStackTest()
      : app_(GetParam(), "single-stack"),
        expected_(expectations_for(GetParam())),
        template_(Template::from_stack(*app_.service().single_stack())) {}

  TestApp app_;
  ServiceExpectations expected_;
  Template template_;
};

TEST_P(SingleStackTest, is_the_only_service_stack_and_is_named_after_the_prefix) {
  const service::ServiceStack& service = app_.service();
  ASSERT_EQ(service.stacks().size(), 1u);
  EXPECT_EQ(service.stacks()[0], service.single_stack());
  EXPECT_EQ(service.single_stack()->id(), expected_.stack_prefix);
  EXPECT_EQ(service.single_stack()->stack_name(), expected_.stack_prefix);
  EXPECT_EQ(service.user_management_stack(), nullptr);
  EXPECT_EQ(service.admin_console_stack(), nullptr);
}

TEST_P(SingleStackTest, holds_the_resources_of_both_bounded_contexts) {
  std::vector<std::string> types = kUserManagementResourceTypes;
  types.insert(types.end(), kAdminConsoleResourceTypes.begin(), kAdminConsoleResourceTypes.end());
  expect_resources_of_types(template_, types);
}

TEST_P(SingleStackTest, logical_ids_carry_the_bounded_context_and_equal_the_aws_cdk_ones) {
  EXPECT_EQ(resource_ids(template_),
            (std::set<std::string>{
                kTable, kRole, kPolicy, kFunction, kApi, kIntegration, kRoute, kPermission, kStage,
                kBucket, kBucketPolicy, kOriginAccessControl, kDistribution, kDeployment,
                kDeploymentPolicy, kHandler, kHandlerRole, kLogGroup, kHandlerLogGroup}));
}

TEST_P(SingleStackTest, uses_the_presets_concurrency_and_billing_mode) {
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::Lambda::Function",
      {{"ReservedConcurrentExecutions", expected_.lambda_reserved_concurrency},
       {"Environment", {{"Variables", {{"TABLE_NAME", ref(kTable)}}}}}}));
  EXPECT_TEMPLATE(template_.has_resource_properties("AWS::DynamoDB::Table", expected_.billing));
}

TEST_P(SingleStackTest, distribution_reaches_the_api_of_the_same_stack_without_exports) {
  const Json url = join(
      {"https://", ref(kApi), ".execute-api.", expected_.region, ".", ref("AWS::URLSuffix"), "/"});
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::CloudFront::Distribution",
      {{"DistributionConfig",
        {{"Origins",
          {{{"OriginAccessControlId", get_att(kOriginAccessControl, "Id")}},
           {{"DomainName", {{"Fn::Select", {2, {{"Fn::Split", {"/", url}}}}}}},
            {"Id", "UserManagementApi"}}}},
         {"CacheBehaviors",
          {{{"PathPattern", "/api/*"}, {"TargetOriginId", "UserManagementApi"}}}}}}}));

  EXPECT_TRUE(paths_of_key(template_.to_json(), "Fn::ImportValue").empty());
  EXPECT_TRUE(paths_of_key(template_.to_json(), "Export").empty());
  EXPECT_TRUE(app_.service().single_stack()->dependencies().empty());
}

TEST_P(SingleStackTest, outputs_only_the_console_url) {
  EXPECT_TEMPLATE(
      template_.has_output("AdminConsoleUIEndpoint",
                           {{"Value", join({"https://", get_att(kDistribution, "DomainName")})}}));
  EXPECT_EQ(template_.to_json()["Outputs"].size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(presets, SingleStackTest,
                         ::testing::Values(Preset::sandbox, Preset::production),
                         [](const auto& info) { return to_string(info.param); });

}  // namespace
}  // namespace template_tests
