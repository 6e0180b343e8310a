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
  Value bucket_arn() const { return bucket_->attr_arn(); }
  Value bucket_regional_domain_name() const { return bucket_->attr_regional_domain_name(); }
  // "<bucket ARN>/<key pattern>", for the objects a statement is about ("*" for all).
  Value arn_for_objects(const Value& key_pattern) const;

  // Adds a statement to the bucket's own (resource) policy.
  void add_to_resource_policy(iam::PolicyStatement statement);

  // Least-privilege grants on the objects matching key_pattern (and listing the bucket).
  void grant_read(iam::Grantable& grantee, const Value& key_pattern = "*") const;
  void grant_read_write(iam::Grantable& grantee, const Value& key_pattern = "*") const;

  CfnBucket& resource() { return *bucket_; }
  const CfnBucket& resource() const { return *bucket_; }
  // Null until enforce_ssl or a statement makes it.
  const CfnBucketPolicy* policy() const { return policy_; }

 private:
  CfnBucket* bucket_ = nullptr;
  CfnBucketPolicy* policy_ = nullptr;
  std::vector<iam::PolicyStatement> statements_;
};

}  // namespace cdk::aws::s3
