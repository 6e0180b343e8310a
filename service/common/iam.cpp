// cdkpp reference application: IAM policy documents, and roles that AWS services assume.
// SPDX-License-Identifier: Apache-2.0
#include "common/iam.hpp"

#include <utility>

#include "common/layout.hpp"

namespace service::common {

using cdk::aws::iam::CfnPolicy;
using cdk::aws::iam::CfnRole;

namespace {

cdk::Value one_or_list(const std::vector<cdk::Value>& values) {
  if (values.size() == 1) return values.front();
  return cdk::List(values.begin(), values.end());
}

cdk::Object render(const PolicyStatement& statement) {
  cdk::Object out{{"Action", one_or_list(statement.actions)}};
  if (!statement.condition.is_null()) out.emplace_back("Condition", statement.condition);
  out.emplace_back("Effect", statement.effect == Effect::allow ? "Allow" : "Deny");
  if (!statement.principal.is_null()) out.emplace_back("Principal", statement.principal);
  if (!statement.resources.empty()) out.emplace_back("Resource", one_or_list(statement.resources));
  return out;
}

}  // namespace

cdk::Value policy_document(const std::vector<PolicyStatement>& statements) {
  cdk::List rendered;
  for (const PolicyStatement& statement : statements) rendered.emplace_back(render(statement));
  return cdk::Object{{"Version", "2012-10-17"}, {"Statement", std::move(rendered)}};
}

CfnRole& add_service_role(cdk::Construct& scope, std::string_view id, std::string service_principal,
                          std::vector<cdk::Value> managed_policy_arns) {
  const PolicyStatement trust{.actions = {"sts:AssumeRole"},
                              .principal = cdk::Object{{"Service", std::move(service_principal)}}};
  auto& role =
      add_resource<CfnRole>(scope, id, {.assume_role_policy_document = policy_document({trust})});
  if (!managed_policy_arns.empty()) role.props().managed_policy_arns = managed_policy_arns;
  return role;
}

CfnPolicy& add_role_policy(const CfnRole& role, const std::vector<PolicyStatement>& statements) {
  auto& policy = add_resource<CfnPolicy>(
      *role.scope(), "DefaultPolicy",
      {.policy_document = policy_document(statements), .roles = {role.ref()}});

  // The name need only be unique within the role. The AWS CDK uses the logical ID, which also
  // tells where the policy comes from.
  policy.props().policy_name = policy.logical_id_value();
  return policy;
}

cdk::Value managed_policy_arn(const cdk::Stack& stack, std::string_view name) {
  return "arn:" + stack.partition() + ":iam::aws:policy/" + cdk::Value(name);
}

}  // namespace service::common
