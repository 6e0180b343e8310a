// cdkpp reference application: IAM policy documents, and roles that AWS services assume, shared
// by the bounded contexts and the toolchain.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <cdk/aws/iam.hpp>
#include <cdk/construct.hpp>
#include <cdk/stack.hpp>
#include <cdk/value.hpp>

namespace service::common {

enum class Effect { allow, deny };

// One statement of an IAM policy. A list of one action or one resource renders as that value,
// as the AWS CDK renders it; a null condition or principal is left out.
struct PolicyStatement {
  std::vector<cdk::Value> actions;
  cdk::Value condition;
  Effect effect = Effect::allow;
  cdk::Value principal;
  std::vector<cdk::Value> resources;
};

// {"Version": "2012-10-17", "Statement": [...]}, for any policy_document property.
cdk::Value policy_document(const std::vector<PolicyStatement>& statements);

// An IAM role that the AWS service `service_principal` (e.g. "lambda.amazonaws.com") assumes,
// at "<id>/Resource".
cdk::aws::iam::CfnRole& add_service_role(cdk::Construct& scope, std::string_view id,
                                         std::string service_principal,
                                         std::vector<cdk::Value> managed_policy_arns = {});

// The role's inline policy, at "<role construct>/DefaultPolicy/Resource" as in the AWS CDK.
cdk::aws::iam::CfnPolicy& add_role_policy(const cdk::aws::iam::CfnRole& role,
                                          const std::vector<PolicyStatement>& statements);

// The ARN of an AWS managed policy, "arn:<partition>:iam::aws:policy/<name>".
cdk::Value managed_policy_arn(const cdk::Stack& stack, std::string_view name);

}  // namespace service::common
