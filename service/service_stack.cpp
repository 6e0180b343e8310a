// cdkpp reference application: the service, the interface the app and the toolchain use.
// SPDX-License-Identifier: Apache-2.0
#include "service_stack.hpp"

#include "admin_console/hosting.hpp"
#include "user_management/ingress.hpp"

namespace service {
namespace {

cdk::StackProps stack_props(const std::string& name, const ServiceConfig& config) {
  return cdk::StackProps{.stack_name = name, .env = config.env};
}

user_management::DatabaseProps database_props(const ServiceConfig& config) {
  return {.billing_mode = config.billing_mode,
          .read_capacity = config.read_capacity,
          .write_capacity = config.write_capacity};
}

}  // namespace

ServiceStack::ServiceStack(cdk::Construct& scope, std::string_view id, const ServiceConfig& config,
                           std::optional<std::string> stack_name) {
  const std::string prefix = stack_name.value_or(std::string(id));
  if (config.layout == ServiceLayout::single_stack) {
    add_single_stack(scope, prefix, config);
  } else {
    add_stack_per_context(scope, prefix, config);
  }
}

void ServiceStack::add_stack_per_context(cdk::Construct& scope, const std::string& prefix,
                                         const ServiceConfig& config) {
  const std::string user_management_name = prefix + "-UserManagement";
  user_management_ = &scope.add<user_management::UserManagementStack>(
      user_management_name,
      user_management::UserManagementStackProps{
          .stack = stack_props(user_management_name, config),
          .ingress_lambda_reserved_concurrency = config.lambda_reserved_concurrency,
          .database = database_props(config)});

  const std::string admin_console_name = prefix + "-AdminConsole";
  admin_console_ = &scope.add<admin_console::AdminConsoleStack>(
      admin_console_name, admin_console::AdminConsoleStackProps{
                              .stack = stack_props(admin_console_name, config),
                              .user_management_api_endpoint = user_management_->api_endpoint()});
  // The import of the endpoint makes the dependency too, but only at synth; declared here, it
  // is known to the pipeline, which orders the production stage's deployments by it.
  admin_console_->add_dependency(*user_management_, "imports the User Management API endpoint");

  stacks_ = {user_management_, admin_console_};
}

void ServiceStack::add_single_stack(cdk::Construct& scope, const std::string& prefix,
                                    const ServiceConfig& config) {
  single_ = &scope.add<cdk::Stack>(prefix, stack_props(prefix, config));

  // The bounded context prefixes the ids, so that its resources stay recognisable in the stack.
  const auto& database =
      single_->add<user_management::Database>("UserManagementDatabase", database_props(config));
  const user_management::IngressProps ingress_props{
      .lambda_reserved_concurrency = config.lambda_reserved_concurrency,
      .table = &database.table()};
  const auto& ingress =
      single_->add<user_management::Ingress>("UserManagementIngress", ingress_props);
  const auto& hosting = single_->add<admin_console::Hosting>(
      "AdminConsoleHosting",
      admin_console::HostingProps{.user_management_api_endpoint = ingress.api_url()});

  single_->add<cdk::CfnOutput>("AdminConsoleUIEndpoint",
                               cdk::CfnOutputProps{.value = hosting.ui_endpoint()});
  stacks_ = {single_};
}

}  // namespace service
