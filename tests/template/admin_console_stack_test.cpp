// cdkpp template tests: the Admin Console stack (service layout "stack-per-context"), and how it
// is wired to the User Management stack.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "test_app.hpp"

namespace template_tests {
namespace {

using cdk::Json;
using cdk::assertions::Template;

// The AWS CDK's logical IDs for the same construct paths (aws-cdk-lib 2.276.0).
constexpr const char* kBucket = "HostingBucketDB108620";
constexpr const char* kBucketPolicy = "HostingBucketPolicyED370C32";
constexpr const char* kOriginAccessControl = "HostingOriginAccessControl98FEBE87";
constexpr const char* kDistribution = "HostingDistributionC6A6E351";
constexpr const char* kDeployment = "HostingDeploymentCustomResourceE31FB57A";
constexpr const char* kDeploymentPolicy = "HostingDeploymentHandlerPolicy5A2150D9";
constexpr const char* kHandler = "BucketDeploymentHandler19AD69B6";
constexpr const char* kHandlerRole = "BucketDeploymentHandlerServiceRole21350CA0";
constexpr const char* kHandlerLogGroup = "BucketDeploymentHandlerLogGroup1515B1C5";
// The AWS CDK's name for the export of the API's Ref from the User Management stack.
constexpr const char* kApiExportId = "ExportsOutputRefIngressHttpApiBBB93B0B0E64B9C9";
constexpr const char* kApiId = "IngressHttpApiBBB93B0B";

class AdminConsoleStackTest : public ::testing::TestWithParam<Preset> {
 protected:
  AdminConsoleStackTest()
      : app_(GetParam(), "stack-per-context"),
        expected_(expectations_for(GetParam())),
        template_(Template::from_stack(*app_.service().admin_console_stack())) {}

  std::string api_export_name() const {
    return expected_.stack_prefix + "-UserManagement:" + kApiExportId;
  }

  TestApp app_;
  ServiceExpectations expected_;
  Template template_;
};

TEST_P(AdminConsoleStackTest, is_named_after_the_service_prefix) {
  EXPECT_EQ(app_.service().admin_console_stack()->stack_name(),
            expected_.stack_prefix + "-AdminConsole");
}

TEST_P(AdminConsoleStackTest, has_the_hosting_resources) {
  expect_resources_of_types(template_, kAdminConsoleResourceTypes);
}

TEST_P(AdminConsoleStackTest, logical_ids_equal_the_aws_cdk_ones_for_the_same_paths) {
  EXPECT_EQ(resource_ids(template_),
            (std::set<std::string>{kBucket, kBucketPolicy, kOriginAccessControl, kDistribution,
                                   kDeployment, kDeploymentPolicy, kHandler, kHandlerRole,
                                   kHandlerLogGroup}));
}

TEST_P(AdminConsoleStackTest, bucket_is_private_and_encrypted) {
  EXPECT_TEMPLATE(template_.has_resource_properties("AWS::S3::Bucket", Json::parse(R"({
        "BucketEncryption": {"ServerSideEncryptionConfiguration": [
          {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]},
        "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
        "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true,
                                           "IgnorePublicAcls": true, "RestrictPublicBuckets": true}
      })")));
}

TEST_P(AdminConsoleStackTest, distribution_reads_the_bucket_through_origin_access_control) {
  EXPECT_TEMPLATE(template_.has_resource_properties("AWS::CloudFront::OriginAccessControl",
                                                    {{"OriginAccessControlConfig",
                                                      {{"OriginAccessControlOriginType", "s3"},
                                                       {"SigningBehavior", "always"},
                                                       {"SigningProtocol", "sigv4"}}}}));

  const Json config =
      template_.to_json()["Resources"][kDistribution]["Properties"]["DistributionConfig"];
  EXPECT_EQ(config["Origins"][0],
            (Json{{"DomainName", get_att(kBucket, "RegionalDomainName")},
                  {"Id", "Bucket"},
                  {"OriginAccessControlId", get_att(kOriginAccessControl, "Id")},
                  {"S3OriginConfig", {{"OriginAccessIdentity", ""}}}}));
  EXPECT_EQ(config["DefaultRootObject"], "index.html");
  EXPECT_EQ(config["Enabled"], true);
  EXPECT_EQ(config["HttpVersion"], "http2");
  EXPECT_EQ(config["DefaultCacheBehavior"],
            (Json{{"CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6"},
                  {"Compress", true},
                  {"TargetOriginId", "Bucket"},
                  {"ViewerProtocolPolicy", "redirect-to-https"}}));
}

TEST_P(AdminConsoleStackTest, only_the_distribution_may_read_and_only_over_tls) {
  const Json bucket_arn = get_att(kBucket, "Arn");
  const Json objects = join({bucket_arn, "/*"});
  const Json distribution_arn =
      join({"arn:", ref("AWS::Partition"), ":cloudfront::", expected_.account, ":distribution/",
            ref(kDistribution)});
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::S3::BucketPolicy",
      {{"Bucket", ref(kBucket)},
       {"PolicyDocument",
        {{"Statement",
          {{{"Action", "s3:*"},
            {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}},
            {"Effect", "Deny"},
            {"Principal", {{"AWS", "*"}}},
            {"Resource", {bucket_arn, objects}}},
           {{"Action", "s3:GetObject"},
            {"Condition", {{"StringEquals", {{"AWS:SourceArn", distribution_arn}}}}},
            {"Effect", "Allow"},
            {"Principal", {{"Service", "cloudfront.amazonaws.com"}}},
            {"Resource", objects}}}}}}}));
}

TEST_P(AdminConsoleStackTest, distribution_forwards_api_requests_to_the_imported_api) {
  const Json imported_url = join({"https://",
                                  {{"Fn::ImportValue", api_export_name()}},
                                  ".execute-api.",
                                  expected_.region,
                                  ".",
                                  ref("AWS::URLSuffix"),
                                  "/"});
  const Json config =
      template_.to_json()["Resources"][kDistribution]["Properties"]["DistributionConfig"];

  EXPECT_EQ(config["Origins"][1],
            (Json{{"CustomOriginConfig",
                   {{"OriginProtocolPolicy", "https-only"}, {"OriginSSLProtocols", {"TLSv1.2"}}}},
                  {"DomainName", {{"Fn::Select", {2, {{"Fn::Split", {"/", imported_url}}}}}}},
                  {"Id", "UserManagementApi"}}));
  EXPECT_EQ(config["CacheBehaviors"], Json::parse(R"([{
              "AllowedMethods": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
              "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
              "Compress": true,
              "OriginRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac",
              "PathPattern": "/api/*",
              "TargetOriginId": "UserManagementApi",
              "ViewerProtocolPolicy": "redirect-to-https"
            }])"));
}

TEST_P(AdminConsoleStackTest, imports_what_the_user_management_stack_exports) {
  auto& user_management = *app_.service().user_management_stack();
  const Template producer = Template::from_stack(user_management);

  EXPECT_TEMPLATE(producer.has_output(
      kApiExportId, {{"Value", ref(kApiId)}, {"Export", {{"Name", api_export_name()}}}}));
  // The distribution's API origin and the console's config.json import the same export.
  const Json import = {{"Fn::ImportValue", api_export_name()}};
  const std::set<std::string> imports = paths_of_key(template_.to_json(), "Fn::ImportValue");
  EXPECT_EQ(imports.size(), 2u);
  EXPECT_EQ(template_.to_json()["Resources"][kDeployment]["Properties"]["Config"]
                               ["userManagementApiEndpoint"]["Fn::Join"][1][1],
            import);
  EXPECT_TRUE(app_.service().admin_console_stack()->depends_on(user_management));
  EXPECT_FALSE(user_management.depends_on(*app_.service().admin_console_stack()));
}

TEST_P(AdminConsoleStackTest, the_page_is_deployed_into_the_bucket_and_the_cache_invalidated) {
  const cdk::Json bucket = assets_bucket(GetParam());
  cdk::assertions::Capture page_key;
  EXPECT_TEMPLATE(template_.has_resource(
      "Custom::CDKBucketDeployment",
      {{"Properties",
        cdk::assertions::Match::object_equals(
            {{"ServiceToken", get_att(kHandler, "Arn")},
             {"SourceBucketNames", {bucket}},
             {"SourceObjectKeys", {page_key}},
             {"DestinationBucketName", ref(kBucket)},
             {"DestinationBucketKeyPrefix", ""},
             {"Prune", true},
             {"RetainOnDelete", true},
             {"Config", {{"userManagementApiEndpoint", cdk::assertions::Match::any_value()}}},
             {"DistributionId", ref(kDistribution)},
             {"DistributionPaths", {"/*"}}})},
       {"DependsOn", {kDeploymentPolicy}}}));

  // The page asset is the ui/ folder: a zip under its hash, staged next to the template.
  const cdk::Asset* page = nullptr;
  for (const cdk::Construct* construct : app_.service().admin_console_stack()->find_all()) {
    const auto* asset = dynamic_cast<const cdk::Asset*>(construct);
    if (asset != nullptr && asset->source_path().filename() == "ui") page = asset;
  }
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page_key.as_string(), page->asset_hash() + ".zip");
}

TEST_P(AdminConsoleStackTest, the_deployment_handler_may_only_touch_its_sources_bucket_and_cache) {
  const Json distribution_arn =
      join({"arn:", ref("AWS::Partition"), ":cloudfront::", expected_.account, ":distribution/",
            ref(kDistribution)});
  cdk::assertions::Capture source;
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::IAM::Policy",
      {{"PolicyDocument",
        {{"Statement",
          cdk::assertions::Match::array_equals(
              {{{"Action", "s3:GetObject"}, {"Effect", "Allow"}, {"Resource", source}},
               {{"Action", "s3:ListBucket"},
                {"Effect", "Allow"},
                {"Resource", get_att(kBucket, "Arn")}},
               {{"Action", {"s3:DeleteObject", "s3:PutObject"}},
                {"Effect", "Allow"},
                {"Resource", join({get_att(kBucket, "Arn"), "/*"})}},
               {{"Action", {"cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"}},
                {"Effect", "Allow"},
                {"Resource", distribution_arn}}})}}},
       {"Roles", {ref(kHandlerRole)}}}));
  EXPECT_NE(source.as_object().dump().find(".zip"), std::string::npos) << source.as_object();

  EXPECT_TEMPLATE(template_.has_resource_properties("AWS::Lambda::Function",
                                                    {{"Handler", "index.handler"},
                                                     {"Role", get_att(kHandlerRole, "Arn")},
                                                     {"Runtime", "python3.12"},
                                                     {"Timeout", 900}}));
}

TEST_P(AdminConsoleStackTest, outputs_the_console_url) {
  EXPECT_TEMPLATE(template_.has_output(
      "UIEndpoint", {{"Value", join({"https://", get_att(kDistribution, "DomainName")})}}));
}

INSTANTIATE_TEST_SUITE_P(presets, AdminConsoleStackTest,
                         ::testing::Values(Preset::sandbox, Preset::production),
                         [](const auto& info) { return to_string(info.param); });

}  // namespace
}  // namespace template_tests
