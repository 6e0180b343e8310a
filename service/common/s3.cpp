// cdkpp reference application: private S3 buckets.
// SPDX-License-Identifier: Apache-2.0
#include "common/s3.hpp"

#include "common/layout.hpp"

namespace service::common {

using cdk::aws::s3::CfnBucket;
using cdk::aws::s3::CfnBucketPolicy;

CfnBucket& add_private_bucket(cdk::Construct& scope, std::string_view id) {
  const CfnBucket::ServerSideEncryptionRuleProperty sse_s3{
      .server_side_encryption_by_default = {.sse_algorithm = "AES256"}};
  auto& bucket = add_resource<CfnBucket>(
      scope, id,
      {.bucket_encryption = {.server_side_encryption_configuration = {sse_s3}},
       .ownership_controls = {.rules = {{.object_ownership = "BucketOwnerEnforced"}}},
       .public_access_block_configuration = {.block_public_acls = true,
                                             .block_public_policy = true,
                                             .ignore_public_acls = true,
                                             .restrict_public_buckets = true}});
  bucket.apply_removal_policy(cdk::ResourcePolicy::retain);
  return bucket;
}

CfnBucketPolicy& add_bucket_policy(const CfnBucket& bucket,
                                   std::vector<PolicyStatement> statements) {
  const cdk::Value bucket_arn = bucket.attr_arn();
  const PolicyStatement deny_insecure_transport{
      .actions = {"s3:*"},
      .condition = cdk::Object{{"Bool", cdk::Object{{"aws:SecureTransport", "false"}}}},
      .effect = Effect::deny,
      .principal = cdk::Object{{"AWS", "*"}},
      .resources = {bucket_arn, bucket_arn + "/*"}};
  statements.insert(statements.begin(), deny_insecure_transport);

  return add_resource<CfnBucketPolicy>(
      *bucket.scope(), "Policy",
      {.bucket = bucket.ref(), .policy_document = policy_document(statements)});
}

}  // namespace service::common
