// cdkpp reference application: IAM roles and policies, private S3 buckets.
// SPDX-License-Identifier: Apache-2.0
#include "common/aws_resources.hpp"

#include <utility>

namespace service::common {
cdk::CfnResource& add_resource(cdk::Construct& scope, std::string_view id, std::string type,
                               cdk::Value properties) {
  auto& owner = scope.add<cdk::Construct>(id);
  return owner.add<cdk::CfnResource>("Resource", std::move(type), std::move(properties));
}

cdk::Value policy_document(cdk::List statements) {
  return cdk::Object{{"Version", "2012-10-17"}, {"Statement", std::move(statements)}};
}

cdk::CfnResource& add_service_role(cdk::Construct& scope, std::string_view id,
                                   std::string service_principal, cdk::List managed_policy_arns) {
  cdk::Object trust{{"Action", "sts:AssumeRole"},
                    {"Effect", "Allow"},
                    {"Principal", cdk::Object{{"Service", std::move(service_principal)}}}};
  cdk::Object properties{{"AssumeRolePolicyDocument", policy_document({std::move(trust)})}};
  if (!managed_policy_arns.empty()) {
    properties.emplace_back("ManagedPolicyArns", std::move(managed_policy_arns));
  }
  return add_resource(scope, id, "AWS::IAM::Role", std::move(properties));
}

cdk::CfnResource& add_role_policy(cdk::CfnResource& role, cdk::List statements) {
  auto& policy =
      add_resource(*role.scope(), "DefaultPolicy", "AWS::IAM::Policy",
                   cdk::Object{{"PolicyDocument", policy_document(std::move(statements))},
                               {"Roles", cdk::List{role.ref()}}});

  // The name need only be unique within the role. The AWS CDK uses the logical ID, which also
  // tells where the policy comes from.
  policy.set_property("PolicyName", policy.logical_id_value());
  return policy;
}

cdk::Value managed_policy_arn(const cdk::Stack& stack, std::string_view name) {
  return "arn:" + stack.partition() + ":iam::aws:policy/" + cdk::Value(name);
}

cdk::CfnResource& add_private_bucket(cdk::Construct& scope, std::string_view id) {
  cdk::Object encryption_rule{
      {"ServerSideEncryptionByDefault", cdk::Object{{"SSEAlgorithm", "AES256"}}}};
  auto& bucket = add_resource(
      scope, id, "AWS::S3::Bucket",
      cdk::Object{
          {"BucketEncryption",
           cdk::Object{{"ServerSideEncryptionConfiguration", cdk::List{encryption_rule}}}},
          {"OwnershipControls",
           cdk::Object{
               {"Rules", cdk::List{cdk::Object{{"ObjectOwnership", "BucketOwnerEnforced"}}}}}},
          {"PublicAccessBlockConfiguration", cdk::Object{{"BlockPublicAcls", true},
                                                         {"BlockPublicPolicy", true},
                                                         {"IgnorePublicAcls", true},
                                                         {"RestrictPublicBuckets", true}}}});
  bucket.apply_removal_policy(cdk::ResourcePolicy::retain);
  return bucket;
}

cdk::CfnResource& add_bucket_policy(cdk::CfnResource& bucket, cdk::List statements) {
  const cdk::Value bucket_arn = bucket.get_att("Arn");
  cdk::Object deny_insecure_transport{
      {"Action", "s3:*"},
      {"Condition", cdk::Object{{"Bool", cdk::Object{{"aws:SecureTransport", "false"}}}}},
      {"Effect", "Deny"},
      {"Principal", cdk::Object{{"AWS", "*"}}},
      {"Resource", cdk::List{bucket_arn, bucket_arn + "/*"}}};
  statements.insert(statements.begin(), std::move(deny_insecure_transport));

  return add_resource(*bucket.scope(), "Policy", "AWS::S3::BucketPolicy",
                      cdk::Object{{"Bucket", bucket.ref()},
                                  {"PolicyDocument", policy_document(std::move(statements))}});
}

}  // namespace service::common
