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

Value service_principal(std::string_view service) { return Object{{"Service", service}}; }

Value managed_policy_arn(const Stack& stack, std::string_view name) {
  return "arn:" + stack.partition() + ":iam::aws:policy/" + Value(name);
}

}  // namespace cdk::aws::iam
