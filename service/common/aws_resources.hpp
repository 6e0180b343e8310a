// cdkpp reference application: building blocks shared by the bounded contexts and the
// toolchain (IAM roles and policies, private S3 buckets), until cdkpp has typed L2 constructs.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include <cdk/cdk.hpp>

namespace service::common {

// A resource laid out as the AWS CDK's L2 constructs lay theirs out: a construct `id` holding
// the CloudFormation resource as its child "Resource". Logical IDs then equal those the AWS CDK
// gives the same L2 construct, so moving to typed L2 constructs later replaces nothing.
cdk::CfnResource& add_resource(cdk::Construct& scope, std::string_view id, std::string type,
                               cdk::Value properties);

// {"Version": "2012-10-17", "Statement": statements}.
cdk::Value policy_document(cdk::List statements);

// An IAM role that the AWS service `service_principal` (e.g. "lambda.amazonaws.com") assumes.
cdk::CfnResource& add_service_role(cdk::Construct& scope, std::string_view id,
                                   std::string service_principal,
                                   cdk::List managed_policy_arns = {});

// The role's inline policy, at "<role construct>/DefaultPolicy/Resource" as in the AWS CDK.
cdk::CfnResource& add_role_policy(cdk::CfnResource& role, cdk::List statements);

// The ARN of an AWS managed policy, "arn:<partition>:iam::aws:policy/<name>".
cdk::Value managed_policy_arn(const cdk::Stack& stack, std::string_view name);

// An S3 bucket that nobody reaches from the internet: public access blocked, ACLs disabled,
// SSE-S3 encryption. Kept on stack deletion, as the AWS CDK keeps buckets by default.
cdk::CfnResource& add_private_bucket(cdk::Construct& scope, std::string_view id);

// The bucket's policy at "<bucket construct>/Policy/Resource": denies every request that is not
// made over TLS, then adds `statements`.
cdk::CfnResource& add_bucket_policy(cdk::CfnResource& bucket, cdk::List statements = {});

}  // namespace service::common
