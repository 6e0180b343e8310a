// cdkpp reference application: the toolchain's configuration, read from context values.
// SPDX-License-Identifier: Apache-2.0
#include "toolchain_config.hpp"

#include <regex>

namespace toolchain {
namespace {

std::string read_repository(const cdk::Context& context) {
  static const std::regex kOwnerAndName("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$");
  const std::string key = "toolchain:source-repository";
  std::string repository = service::read_required_string(context, key);
  if (!std::regex_match(repository, kOwnerAndName)) {
    throw cdk::Error("context value '" + key + "' is '" + repository +
                     "': expected <owner>/<name>");
  }
  return repository;
}

}  // namespace

ToolchainConfig read_toolchain_config(const cdk::Context& context) {
  return ToolchainConfig{
      .source_connection_arn =
          service::read_required_string(context, "toolchain:source-connection-arn"),
      .source_repository = read_repository(context),
      .source_branch = service::read_required_string(context, "toolchain:source-branch"),
      .production_env = service::read_environment(context, "production"),
      .production_service = service::read_service_config(context)};
}

}  // namespace toolchain
