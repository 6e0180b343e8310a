// cdkpp tests of the L2 constructs: the bucket deployment: what it refuses, and how deployments
// of one stack share a handler.
// SPDX-License-Identifier: Apache-2.0
#include <filesystem>

#include <cdk/aws/s3_deployment/bucket_deployment.hpp>

#include "construct_test.hpp"

namespace construct_tests {
namespace {

namespace s3 = cdk::aws::s3;
using cdk::Json;
using cdk::aws::s3_deployment::BucketDeployment;
using cdk::aws::s3_deployment::BucketDeploymentProps;

const std::filesystem::path kCodeDir = CDKPP_TEST_CODE_DIR;

class BucketDeploymentTest : public ::testing::Test {
 protected:
  BucketDeploymentProps props_for(const cdk::Asset& source) {
    return {.sources = {&source}, .destination_bucket = &bucket_};
  }

  cdk::App app_;
  cdk::Stack& stack_ = app_.add<cdk::Stack>("Site");
  s3::Bucket& bucket_ = stack_.add<s3::Bucket>("Bucket");
  cdk::Asset& folder_ = stack_.add<cdk::Asset>("Folder", cdk::AssetProps{.path = kCodeDir});
};

TEST_F(BucketDeploymentTest, two_deployments_of_a_stack_share_one_handler) {
  stack_.add<BucketDeployment>("One", props_for(folder_));
  BucketDeploymentProps other = props_for(folder_);
  other.destination_key_prefix = "other/";
  stack_.add<BucketDeployment>("Two", other);

  const auto tpl = cdk::assertions::Template::from_stack(stack_);
  EXPECT_TEMPLATE(tpl.resource_count_is("Custom::CDKBucketDeployment", 2));
  EXPECT_TEMPLATE(tpl.resource_count_is("AWS::Lambda::Function", 1));
  EXPECT_TEMPLATE(tpl.resource_count_is("AWS::IAM::Policy", 2));
}

TEST_F(BucketDeploymentTest, a_file_source_is_refused) {
  auto& page = stack_.add<cdk::Asset>("Page", cdk::AssetProps{.path = kCodeDir / "index.py"});
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props_for(page)); }),
            "'Site/Deployment': source 'Site/Page' is not a folder asset: " +
                (kCodeDir / "index.py").string());
}

TEST_F(BucketDeploymentTest, no_source_is_refused) {
  BucketDeploymentProps props = props_for(folder_);
  props.sources.clear();
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': a bucket deployment needs at least one source");
}

TEST_F(BucketDeploymentTest, no_destination_is_refused) {
  BucketDeploymentProps props = props_for(folder_);
  props.destination_bucket = nullptr;
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': a bucket deployment needs its destination bucket");
}

TEST_F(BucketDeploymentTest, deleting_files_from_the_bucket_root_on_delete_is_refused) {
  BucketDeploymentProps props = props_for(folder_);
  props.retain_on_delete = false;
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': a deployment that deletes its files on delete needs a key prefix "
            "of its own, not the bucket's root");
  props.destination_key_prefix = "site/";
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }), "(no error)");
}

TEST_F(BucketDeploymentTest, an_invalidation_path_must_start_with_a_slash) {
  BucketDeploymentProps props = props_for(folder_);
  props.distribution_paths = {"/index.html", "app.js"};
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': invalidation path 'app.js' must start with '/'");
}

TEST_F(BucketDeploymentTest, the_handler_may_read_its_sources_and_write_the_prefix_only) {
  BucketDeploymentProps props = props_for(folder_);
  props.destination_key_prefix = "site";  // the same folder as "site/"
  const auto& deployment = stack_.add<BucketDeployment>("Deployment", props);

  const auto tpl = cdk::assertions::Template::from_stack(stack_);
  const Json policies = tpl.find_resources("AWS::IAM::Policy");
  ASSERT_EQ(policies.size(), 1);
  const Json& policy = policies.begin().value();
  const Json bucket_arn = get_att(bucket_.resource().logical_id(), "Arn");
  EXPECT_EQ(policy["Properties"]["PolicyDocument"]["Statement"],
            (Json{{{"Action", "s3:GetObject"},
                   {"Effect", "Allow"},
                   {"Resource", join({"arn:",
                                      cfn_ref("AWS::Partition"),
                                      ":s3:::",
                                      {{"Fn::Sub",
                                        "cdk-hnb659fds-assets-${AWS::AccountId}-"
                                        "${AWS::Region}"}},
                                      "/" + folder_.asset_hash() + ".zip"})}},
                  {{"Action", "s3:ListBucket"}, {"Effect", "Allow"}, {"Resource", bucket_arn}},
                  {{"Action", {"s3:DeleteObject", "s3:PutObject"}},
                   {"Effect", "Allow"},
                   {"Resource", join({bucket_arn, "/site/*"})}}}));
  EXPECT_EQ(policy["Properties"]["Roles"],
            (Json{cfn_ref(deployment.handler().role().resource().logical_id())}));

  // The custom resource runs only once the policy exists, and goes with its stack.
  const Json custom = tpl.find_resources("Custom::CDKBucketDeployment").begin().value();
  EXPECT_EQ(custom["DependsOn"], (Json{policies.begin().key()}));
  EXPECT_EQ(custom["DeletionPolicy"], "Delete");
  EXPECT_EQ(custom["Properties"]["DestinationBucketName"],
            cfn_ref(bucket_.resource().logical_id()));
  EXPECT_EQ(custom["Properties"]["DestinationBucketKeyPrefix"], "site/");
}

TEST_F(BucketDeploymentTest, a_distribution_is_invalidated_with_its_permission) {
  auto& distribution = stack_.add<cdk::aws::cloudfront::Distribution>(
      "Cdn",
      cdk::aws::cloudfront::DistributionProps{
          .default_behavior = {
              .origin = cdk::aws::cloudfront::Origin::s3_with_origin_access_control(bucket_)}});
  BucketDeploymentProps props = props_for(folder_);
  props.distribution = &distribution;
  stack_.add<BucketDeployment>("Deployment", props);

  const auto tpl = cdk::assertions::Template::from_stack(stack_);
  const Json custom = tpl.find_resources("Custom::CDKBucketDeployment").begin().value();
  EXPECT_EQ(custom["Properties"]["DistributionId"], cfn_ref(distribution.resource().logical_id()));
  EXPECT_EQ(custom["Properties"]["DistributionPaths"], (Json{"/*"}));
  const Json statements = tpl.find_resources("AWS::IAM::Policy")
                              .begin()
                              .value()["Properties"]["PolicyDocument"]["Statement"];
  EXPECT_EQ(statements.back()["Action"],
            (Json{"cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"}));
}

TEST_F(BucketDeploymentTest, the_handler_logs_for_a_month_and_reserves_no_concurrency) {
  const auto& deployment = stack_.add<BucketDeployment>("Deployment", props_for(folder_));
  const auto tpl = cdk::assertions::Template::from_stack(stack_);
  const Json function = tpl.to_json()["Resources"][deployment.handler().resource().logical_id()];
  // Reserving any would fail in accounts whose concurrency limit is still the new-account one.
  EXPECT_FALSE(function["Properties"].contains("ReservedConcurrentExecutions"));
  EXPECT_EQ(function["Properties"]["Timeout"], 900);
  EXPECT_EQ(function["Properties"]["Runtime"], "python3.12");
  EXPECT_TEMPLATE(tpl.has_resource_properties("AWS::Logs::LogGroup", {{"RetentionInDays", 30}}));
}

TEST_F(BucketDeploymentTest, deployments_of_a_stack_agree_on_the_handler_concurrency) {
  BucketDeploymentProps first = props_for(folder_);
  first.handler_reserved_concurrency = 2;
  const auto& deployment = stack_.add<BucketDeployment>("One", first);
  const auto tpl = cdk::assertions::Template::from_stack(stack_);
  EXPECT_EQ(tpl.to_json()["Resources"][deployment.handler().resource().logical_id()]["Properties"]
                         ["ReservedConcurrentExecutions"],
            2);

  BucketDeploymentProps other = props_for(folder_);
  other.destination_key_prefix = "other/";
  other.handler_reserved_concurrency = 3;
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Two", other); }),
            "'Site/Two': handler reserved concurrency '3' differs from the '2' of the stack's "
            "handler, 'Site/BucketDeploymentHandler'");
}

}  // namespace
}  // namespace construct_tests
