// cdkpp reference application, User Management: the bounded context as a stack of its own.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include <cdk/cdk.hpp>

#include "user_management/database.hpp"

namespace service::user_management {

struct UserManagementStackProps {
  cdk::StackProps stack;
  int ingress_lambda_reserved_concurrency = 1;
  DatabaseProps database;
};

// The users API and table, with the API's URL as the output "APIEndpoint".
class UserManagementStack : public cdk::Stack {
 public:
  UserManagementStack(cdk::Construct& scope, std::string_view id, UserManagementStackProps props);

  // The API's URL; used by another stack it becomes an import of this stack's export.
  const cdk::Value& api_endpoint() const { return api_endpoint_; }

 private:
  cdk::Value api_endpoint_;
};

}  // namespace service::user_management
