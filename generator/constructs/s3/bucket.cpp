// cdkpp L2: an S3 bucket that is private by construction.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/s3/bucket.hpp"

#include <utility>

namespace cdk::aws::s3 {
namespace {

CfnBucket::Props bucket_props(const BucketProps& props) {
  const bool own_key = !props.encryption_key_arn.is_null();
  const bool kms = own_key || props.encryption == BucketEncryption::kms_managed;
  CfnBucket::ServerSideEncryptionRuleProperty rule{
      .server_side_encryption_by_default = {.sse_algorithm = kms ? "aws:kms" : "AES256"}};
  if (own_key) {
    rule.bucket_key_enabled = true;
    rule.server_side_encryption_by_default.kms_master_key_id = props.encryption_key_arn;
  }

  CfnBucket::Props out{
      .bucket_encryption = {.server_side_encryption_configuration = {rule}},
      .ownership_controls = {.rules = {{.object_ownership = "BucketOwnerEnforced"}}},
      .public_access_block_configuration = {.block_public_acls = true,
                                            .block_public_policy = true,
                                            .ignore_public_acls = true,
                                            .restrict_public_buckets = true}};
  if (!props.bucket_name.empty()) out.bucket_name = props.bucket_name;
  if (props.versioned) out.versioning_configuration = {.status = "Enabled"};
  return out;
}

std::vector<Value> bucket_and_objects(const Bucket& bucket, const Value& key_pattern) {
  return {bucket.bucket_arn(), bucket.arn_for_objects(key_pattern)};
}

}  // namespace

Bucket::Bucket(Construct& scope, std::string_view id, BucketProps props) : Construct(scope, id) {
  const bool own_key = !props.encryption_key_arn.is_null();
  encryption_ = own_key ? BucketEncryption::kms_managed : props.encryption;
  encryption_key_arn_ = props.encryption_key_arn;
  bucket_ = &add<CfnBucket>("Resource", bucket_props(props));
  bucket_->apply_removal_policy(props.removal_policy);

  if (props.enforce_ssl) {
    add_to_resource_policy({.actions = {"s3:*"},
                            .condition = Object{{"Bool", Object{{"aws:SecureTransport", "false"}}}},
                            .effect = iam::Effect::deny,
                            .principal = Object{{"AWS", "*"}},
                            .resources = bucket_and_objects(*this, "*")});
  }
}

Value Bucket::arn_for_objects(const Value& key_pattern) const {
  return bucket_arn() + "/" + key_pattern;
}

void Bucket::add_to_resource_policy(iam::PolicyStatement statement) {
  statements_.push_back(std::move(statement));
  if (policy_ == nullptr) {
    policy_ = &add<Construct>("Policy").add<CfnBucketPolicy>(
        "Resource", CfnBucketPolicy::Props{.bucket = bucket_->ref()});
  }
  policy_->props().policy_document = iam::policy_document(statements_);
}

void Bucket::grant_read(iam::Grantable& grantee, const Value& key_pattern) const {
  grantee.add_to_principal_policy({.actions = {"s3:GetBucket*", "s3:GetObject*", "s3:List*"},
                                   .resources = bucket_and_objects(*this, key_pattern)});
}

void Bucket::grant_read_to_principal(const Value& principal, const Value& key_pattern) {
  add_to_resource_policy({.actions = {"s3:GetBucket*", "s3:GetObject*", "s3:List*"},
                          .principal = principal,
                          .resources = bucket_and_objects(*this, key_pattern)});
}

void Bucket::grant_read_write(iam::Grantable& grantee, const Value& key_pattern) const {
  grantee.add_to_principal_policy({.actions = {"s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*",
                                               "s3:GetObject*", "s3:List*", "s3:PutObject"},
                                   .resources = bucket_and_objects(*this, key_pattern)});
}

}  // namespace cdk::aws::s3
