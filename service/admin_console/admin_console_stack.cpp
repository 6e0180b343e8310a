// cdkpp reference application, Admin Console: the bounded context as a stack of its own.
// SPDX-License-Identifier: Apache-2.0
#include "admin_console/admin_console_stack.hpp"

#include "admin_console/hosting.hpp"

namespace service::admin_console {

AdminConsoleStack::AdminConsoleStack(cdk::Construct& scope, std::string_view id,
                                     AdminConsoleStackProps props)
    : cdk::Stack(scope, id, std::move(props.stack)) {
  const auto& hosting = add<Hosting>(
      "Hosting", HostingProps{.user_management_api_endpoint = props.user_management_api_endpoint});

  add<cdk::CfnOutput>("UIEndpoint", cdk::CfnOutputProps{.value = hosting.ui_endpoint()});
}

}  // namespace service::admin_console
