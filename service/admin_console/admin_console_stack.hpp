// cdkpp reference application, Admin Console: the bounded context as a stack of its own.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include <cdk/cdk.hpp>

namespace service::admin_console {

struct AdminConsoleStackProps {
  cdk::StackProps stack;
  // The User Management API's URL, usually from another stack.
  cdk::Value user_management_api_endpoint;
};

// The console's hosting, with the console's URL as the output "UIEndpoint".
class AdminConsoleStack : public cdk::Stack {
 public:
  AdminConsoleStack(cdk::Construct& scope, std::string_view id, AdminConsoleStackProps props);
};

}  // namespace service::admin_console
