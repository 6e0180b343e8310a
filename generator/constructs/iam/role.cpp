// cdkpp L2: an IAM role and its inline policy.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/iam/role.hpp"

#include <algorithm>
#include <utility>

#include "cdk/errors.hpp"

namespace cdk::aws::iam {

Role::Role(Construct& scope, std::string_view id, RoleProps props) : Construct(scope, id) {
  if (props.assumed_by.is_null()) {
    throw Error(describe() + ": a role needs the principal that assumes it (assumed_by)");
  }

  const PolicyStatement trust{.actions = {"sts:AssumeRole"},
                              .principal = std::move(props.assumed_by)};
  role_ = &add<CfnRole>("Resource",
                        CfnRole::Props{.assume_role_policy_document = policy_document({trust})});
  if (!props.description.empty()) role_->props().description = props.description;
  for (Value& arn : props.managed_policy_arns) add_managed_policy_arn(std::move(arn));
}

void Role::add_to_policy(PolicyStatement statement) {
  if (std::find(statements_.begin(), statements_.end(), statement) != statements_.end()) return;
  statements_.push_back(std::move(statement));

  if (policy_ == nullptr) {
    policy_ = &add<Construct>("DefaultPolicy")
                   .add<CfnPolicy>("Resource", CfnPolicy::Props{.roles = {role_->ref()}});
    policy_->props().policy_name = inline_policy_name(*policy_);
    for (CfnResource* dependent : dependents_) dependent->add_depends_on(*policy_);
  }
  policy_->props().policy_document = policy_document(statements_);
}

void Role::add_to_principal_policy(PolicyStatement statement) {
  add_to_policy(std::move(statement));
}

void Role::add_managed_policy_arn(Value arn) {
  managed_policy_arns_.push_back(std::move(arn));
  role_->props().managed_policy_arns = managed_policy_arns_;
}

void Role::add_dependent(CfnResource& resource) {
  dependents_.push_back(&resource);
  if (policy_ != nullptr) resource.add_depends_on(*policy_);
}

}  // namespace cdk::aws::iam
