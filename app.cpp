// cdkpp reference application: the entry point. It reads the configuration that the CMake
// preset passes as context values and composes the service and the toolchain.
// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <cdk/cdk.hpp>

#include "config.hpp"
#include "service_stack.hpp"
#include "toolchain_config.hpp"
#include "toolchain_stack.hpp"

namespace {

// The sandbox: the service alone, deployed with the developer's credentials.
void add_sandbox(cdk::App& app, const std::string& app_name) {
  service::ServiceConfig config = service::read_service_config(app.context());
  config.env = service::read_optional_environment(app.context(), "sandbox");
  service::ServiceStack(app, app_name + "-Service-Sandbox", config);
}

// Production: the toolchain, whose pipeline deploys the service's production stage.
void add_toolchain(cdk::App& app, const std::string& app_name) {
  app.add<toolchain::ToolchainStack>(
      app_name + "-Toolchain-Management",
      toolchain::ToolchainStackProps{
          .stack = {.env = service::read_environment(app.context(), "toolchain")},
          .app_name = app_name,
          .config = toolchain::read_toolchain_config(app.context())});
}

}  // namespace

int main(int argc, char** argv) {
  return cdk::run_app(argc, argv, [](cdk::App& app) {
    const std::string app_name = service::read_required_string(app.context(), "cdkpp:app-name");
    if (app.context().get_enum("cdkpp:stage", {"sandbox", "production"}) == "production") {
      add_toolchain(app, app_name);
    } else {
      add_sandbox(app, app_name);
    }
  });
}
