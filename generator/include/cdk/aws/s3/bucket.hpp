// cdkpp L2: an S3 bucket that is private by construction.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cdk/aws/iam/policy.hpp"
#include "cdk/aws/s3.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::s3 {

enum class BucketEncryption {
  s3_managed,   // SSE-S3 (AES256)
  kms_managed,  // SSE-KMS with the account's aws/s3 key
};

struct BucketProps {
  BucketEncryption encryption = BucketEncryption::s3_managed;
  // A KMS key of one's own (its ARN) for SSE-KMS, with S3 bucket keys; encryption is then
  // kms_managed whatever it says.
  Value encryption_key_arn;
  // A bucket policy that denies every request not made over TLS.
  bool enforce_ssl = true;
  bool versioned = false;
  // Empty: CloudFormation names the bucket.
  std::string bucket_name;
  // Buckets outlive their stack unless told otherwise, as in the AWS CDK.
  ResourcePolicy removal_policy = ResourcePolicy::retain;
};

// An AWS::S3::Bucket at "<id>/Resource" that nobody reaches from the internet: public access
// blocked, ACLs disabled (the bucket owner owns every object), always encrypted. Its policy,
// at "<id>/Policy/Resource", is made by enforce_ssl or by the first statement added to it.
class Bucket : public Construct {
 public:
  Bucket(Construct& scope, std::string_view id, BucketProps props = {});

  Value bucket_name() const { return bucket_->ref(); }
  // kms_managed for a key of its own too, whose ARN is then encryption_key_arn().
  BucketEncryption encryption() const { return encryption_; }
  const Value& encryption_key_arn() const { return encryption_key_arn_; }
  Value bucket_arn() const { return bucket_->attr_arn(); }
  Value bucket_regional_domain_name() const { return bucket_->attr_regional_domain_name(); }
  // "<bucket ARN>/<key pattern>", for the objects a statement is about ("*" for all).
  Value arn_for_objects(const Value& key_pattern) const;

  // Adds a statement to the bucket's own (resource) policy.
  void add_to_resource_policy(iam::PolicyStatement statement);

  // Least-privilege grants on the objects matching key_pattern (and listing the bucket).
  void grant_read(iam::Grantable& grantee, const Value& key_pattern = "*") const;
  void grant_read_write(iam::Grantable& grantee, const Value& key_pattern = "*") const;
  // The same reading, granted in the bucket's own policy to a principal of another account
  // ({"AWS": "<role ARN>"}), which its own IAM policies must allow too.
  void grant_read_to_principal(const Value& principal, const Value& key_pattern = "*");

  CfnBucket& resource() { return *bucket_; }
  const CfnBucket& resource() const { return *bucket_; }
  // Null until enforce_ssl or a statement makes it.
  const CfnBucketPolicy* policy() const { return policy_; }

 private:
  CfnBucket* bucket_ = nullptr;
  CfnBucketPolicy* policy_ = nullptr;
  BucketEncryption encryption_ = BucketEncryption::s3_managed;
  Value encryption_key_arn_;
  std::vector<iam::PolicyStatement> statements_;
};

}  // namespace cdk::aws::s3
