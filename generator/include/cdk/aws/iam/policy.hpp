// cdkpp L2: IAM policy statements and documents, principals, and grantables (what a grant adds
// a statement to).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cdk/cfn_element.hpp"
#include "cdk/stack.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::iam {

enum class Effect { allow, deny };

// One statement of an IAM policy. A list of one action or one resource renders as that value,
// as the AWS CDK renders it; a null condition or principal is left out.
struct PolicyStatement {
  std::vector<Value> actions;
  Value condition;
  Effect effect = Effect::allow;
  Value principal;
  std::vector<Value> resources;

  friend bool operator==(const PolicyStatement&, const PolicyStatement&) = default;
};

// {"Version": "2012-10-17", "Statement": [...]}, for any policy_document property. A statement
// given twice is written once.
Value policy_document(const std::vector<PolicyStatement>& statements);

// {"Service": "<service>"}: an AWS service, such as "lambda.amazonaws.com".
Value service_principal(std::string_view service);

// The ARN of an AWS managed policy, "arn:<partition>:iam::aws:policy/<name>".
Value managed_policy_arn(const Stack& stack, std::string_view name);

// The PolicyName of an inline policy: its logical ID, which also tells where it comes from, or
// the ID's last 128 characters (IAM's limit) when it is longer, as the AWS CDK names them.
Value inline_policy_name(const CfnElement& policy);

// What a grant gives permissions to: a role, or a construct that runs as one (a function).
class Grantable {
 public:
  virtual ~Grantable() = default;

  // Adds the statement to the identity's own policy.
  virtual void add_to_principal_policy(PolicyStatement statement) = 0;
};

}  // namespace cdk::aws::iam
