// cdkpp L2: IAM policy statements and documents.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/iam/policy.hpp"

#include <algorithm>

namespace cdk::aws::iam {
namespace {

Value one_or_list(const std::vector<Value>& values) {
  if (values.size() == 1) return values.front();
  return List(values.begin(), values.end());
}

Object render(const PolicyStatement& statement) {
  Object out{{"Action", one_or_list(statement.actions)}};
  if (!statement.condition.is_null()) out.emplace_back("Condition", statement.condition);
  out.emplace_back("Effect", statement.effect == Effect::allow ? "Allow" : "Deny");
  if (!statement.principal.is_null()) out.emplace_back("Principal", statement.principal);
  if (!statement.resources.empty()) out.emplace_back("Resource", one_or_list(statement.resources));
  return out;
}

}  // namespace

Value policy_document(const std::vector<PolicyStatement>& statements) {
  List rendered;
  for (auto it = statements.begin(); it != statements.end(); ++it) {
    if (std::find(statements.begin(), it, *it) != it) continue;
    rendered.emplace_back(render(*it));
  }
  return Object{{"Version", "2012-10-17"}, {"Statement", std::move(rendered)}};
}

Value inline_policy_name(const CfnElement& policy) {
  constexpr std::size_t kMaxPolicyName = 128;
  const std::string id = policy.logical_id();
  // Shorter IDs stay references to the ID, so that an override of it carries over.
  if (id.size() <= kMaxPolicyName) return policy.logical_id_value();
  return id.substr(id.size() - kMaxPolicyName);
}

Value service_principal(std::string_view service) { return Object{{"Service", service}}; }

Value managed_policy_arn(const Stack& stack, std::string_view name) {
  return "arn:" + stack.partition() + ":iam::aws:policy/" + Value(name);
}

}  // namespace cdk::aws::iam
