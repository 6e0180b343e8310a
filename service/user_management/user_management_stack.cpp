// cdkpp reference application, User Management: the bounded context as a stack of its own.
// SPDX-License-Identifier: Apache-2.0
#include "user_management/user_management_stack.hpp"

#include "user_management/ingress.hpp"

namespace service::user_management {

UserManagementStack::UserManagementStack(cdk::Construct& scope, std::string_view id,
                                         UserManagementStackProps props)
    : cdk::Stack(scope, id, std::move(props.stack)) {
  // The table comes first: the API's function is given its name and access to it.
  const auto& database = add<Database>("Database", props.database);
  const auto& ingress = add<Ingress>(
      "Ingress",
      IngressProps{.lambda_reserved_concurrency = props.ingress_lambda_reserved_concurrency,
                   .table = &database.table()});

  add<cdk::CfnOutput>("APIEndpoint", cdk::CfnOutputProps{.value = ingress.api_url()});
  api_endpoint_ = ingress.api_url();
}

}  // namespace service::user_management
