// cdkpp tests of the L2 constructs: S3 buckets.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/aws/iam/role.hpp>
#include <cdk/aws/s3/bucket.hpp>

#include "construct_test.hpp"

namespace construct_tests {
namespace {

namespace iam = cdk::aws::iam;
namespace s3 = cdk::aws::s3;
using cdk::Json;

TEST_F(StackTest, a_bucket_blocks_public_access_encrypts_and_is_kept) {
  const auto& bucket = stack_.add<s3::Bucket>("Bucket");
  const Json entry = resource(bucket.resource().logical_id());

  EXPECT_EQ(entry["Properties"], Json::parse(R"({
      "BucketEncryption": {"ServerSideEncryptionConfiguration": [
        {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]},
      "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
      "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true,
                                         "IgnorePublicAcls": true, "RestrictPublicBuckets": true}
    })"));
  EXPECT_EQ(entry["DeletionPolicy"], "Retain");
  EXPECT_EQ(entry["UpdateReplacePolicy"], "Retain");
}

TEST_F(StackTest, a_bucket_refuses_requests_without_tls) {
  const auto& bucket = stack_.add<s3::Bucket>("Bucket");
  const std::string id = bucket.resource().logical_id();
  ASSERT_NE(bucket.policy(), nullptr);
  EXPECT_EQ(bucket.policy()->path(), "Test/Bucket/Policy/Resource");

  const Json arn = get_att(id, "Arn");
  EXPECT_EQ(resource(bucket.policy()->logical_id())["Properties"],
            (Json{{"Bucket", cfn_ref(id)},
                  {"PolicyDocument",
                   {{"Version", "2012-10-17"},
                    {"Statement",
                     {{{"Action", "s3:*"},
                       {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}},
                       {"Effect", "Deny"},
                       {"Principal", {{"AWS", "*"}}},
                       {"Resource", {arn, join({arn, "/*"})}}}}}}}}));
}

TEST_F(StackTest, a_bucket_can_use_kms_keep_versions_and_go_with_its_stack) {
  const auto& bucket = stack_.add<s3::Bucket>(
      "Bucket", s3::BucketProps{.encryption = s3::BucketEncryption::kms_managed,
                                .enforce_ssl = false,
                                .versioned = true,
                                .removal_policy = cdk::ResourcePolicy::delete_resource});
  const Json entry = resource(bucket.resource().logical_id());

  EXPECT_EQ(entry["Properties"]["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
                 ["ServerSideEncryptionByDefault"]["SSEAlgorithm"],
            "aws:kms");
  EXPECT_EQ(entry["Properties"]["VersioningConfiguration"], (Json{{"Status", "Enabled"}}));
  EXPECT_EQ(entry["DeletionPolicy"], "Delete");
  EXPECT_EQ(bucket.policy(), nullptr);
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::S3::BucketPolicy", 0));
}

TEST_F(StackTest, a_bucket_can_use_a_key_of_its_own) {
  const auto& bucket = stack_.add<s3::Bucket>(
      "Bucket", s3::BucketProps{.encryption_key_arn = "arn:aws:kms:eu-west-1:111111111111:key/k"});
  EXPECT_EQ(resource(bucket.resource().logical_id())["Properties"]["BucketEncryption"],
            Json::parse(R"({"ServerSideEncryptionConfiguration": [{"BucketKeyEnabled": true,
                "ServerSideEncryptionByDefault": {
                  "KMSMasterKeyID": "arn:aws:kms:eu-west-1:111111111111:key/k",
                  "SSEAlgorithm": "aws:kms"}}]})"));
}

TEST_F(StackTest, bucket_grants_name_the_bucket_and_its_matching_objects) {
  const auto& bucket = stack_.add<s3::Bucket>("Bucket");
  auto& reader = stack_.add<iam::Role>(
      "Reader", iam::RoleProps{.assumed_by = iam::service_principal("lambda.amazonaws.com")});
  auto& writer = stack_.add<iam::Role>(
      "Writer", iam::RoleProps{.assumed_by = iam::service_principal("lambda.amazonaws.com")});
  bucket.grant_read(reader, "site/*");
  bucket.grant_read_write(writer);

  const Json arn = get_att(bucket.resource().logical_id(), "Arn");
  EXPECT_EQ(reader.statements().size(), 1);
  EXPECT_EQ(
      resource(
          reader.default_policy()->logical_id())["Properties"]["PolicyDocument"]["Statement"][0],
      (Json{{"Action", {"s3:GetBucket*", "s3:GetObject*", "s3:List*"}},
            {"Effect", "Allow"},
            {"Resource", {arn, join({arn, "/site/*"})}}}));
  EXPECT_EQ(resource(writer.default_policy()
                         ->logical_id())["Properties"]["PolicyDocument"]["Statement"][0]["Action"],
            (Json{"s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*", "s3:GetObject*", "s3:List*",
                  "s3:PutObject"}));
}

}  // namespace
}  // namespace construct_tests
