// cdkpp reference application: the service, the interface the app and the toolchain use.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cdk/cdk.hpp>

#include "admin_console/admin_console_stack.hpp"
#include "config.hpp"
#include "user_management/user_management_stack.hpp"

namespace service {

// Not a construct: it creates the service's stacks directly in the scope it is given, so that
// their names stay short. The prefix of their ids and names is stack_name when given, else id.
//
// stack_per_context: "<prefix>-UserManagement" and "<prefix>-AdminConsole"; the second imports
// the API's URL from the first (an export, an import and a stack dependency).
// single_stack: one stack "<prefix>" whose bounded contexts are constructs with prefixed ids
// ("UserManagementIngress", "UserManagementDatabase", "AdminConsoleHosting").
class ServiceStack {
 public:
  ServiceStack(cdk::Construct& scope, std::string_view id, const ServiceConfig& config,
               std::optional<std::string> stack_name = std::nullopt);

  // Every stack created, in creation order.
  const std::vector<cdk::Stack*>& stacks() const { return stacks_; }
  // The stacks of one layout; nullptr in the other.
  user_management::UserManagementStack* user_management_stack() const { return user_management_; }
  admin_console::AdminConsoleStack* admin_console_stack() const { return admin_console_; }
  cdk::Stack* single_stack() const { return single_; }

 private:
  void add_stack_per_context(cdk::Construct& scope, const std::string& prefix,
                             const ServiceConfig& config);
  void add_single_stack(cdk::Construct& scope, const std::string& prefix,
                        const ServiceConfig& config);

  std::vector<cdk::Stack*> stacks_;
  user_management::UserManagementStack* user_management_ = nullptr;
  admin_console::AdminConsoleStack* admin_console_ = nullptr;
  cdk::Stack* single_ = nullptr;
};

}  // namespace service
