// cdkpp L2: an IAM role, with the inline policy that grants add to.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cdk/aws/iam.hpp"
#include "cdk/aws/iam/policy.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::iam {

struct RoleProps {
  // Who may assume the role: a principal such as service_principal("lambda.amazonaws.com").
  Value assumed_by;
  std::vector<Value> managed_policy_arns;
  std::string description;
};

// An AWS::IAM::Role at "<id>/Resource". Statements added to it go into one inline policy at
// "<id>/DefaultPolicy/Resource", made by the first statement, as the AWS CDK lays it out.
class Role : public Construct, public Grantable {
 public:
  // Throws cdk::Error naming the construct path when assumed_by is null.
  Role(Construct& scope, std::string_view id, RoleProps props);

  void add_to_policy(PolicyStatement statement);
  void add_to_principal_policy(PolicyStatement statement) override;
  void add_managed_policy_arn(Value arn);

  // `resource` is created only once the role's inline policy exists, so that it never runs
  // without the permissions granted to the role (a function, a custom resource).
  void add_dependent(CfnResource& resource);

  Value role_arn() const { return role_->attr_arn(); }
  Value role_name() const { return role_->ref(); }
  CfnRole& resource() { return *role_; }
  const CfnRole& resource() const { return *role_; }
  // Null until a statement is added.
  const CfnPolicy* default_policy() const { return policy_; }
  const std::vector<PolicyStatement>& statements() const { return statements_; }

 private:
  CfnRole* role_ = nullptr;
  CfnPolicy* policy_ = nullptr;
  std::vector<PolicyStatement> statements_;
  std::vector<Value> managed_policy_arns_;
  std::vector<CfnResource*> dependents_;
};

}  // namespace cdk::aws::iam
