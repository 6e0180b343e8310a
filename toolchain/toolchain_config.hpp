// cdkpp reference application: the toolchain's configuration, read from context values.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <cdk/cdk.hpp>

#include "config.hpp"

namespace toolchain {

struct ToolchainConfig {
  // The CodeConnections (formerly CodeStar Connections) connection to the source host.
  std::string source_connection_arn;
  // "<owner>/<name>".
  std::string source_repository;
  std::string source_branch;
  // Where the pipeline deploys the production stage, and the service's settings there.
  cdk::Environment production_env;
  service::ServiceConfig production_service;
};

// Reads the toolchain:source-*, production:* and service values. Throws cdk::Error naming the
// key of a missing or ill-formed value.
ToolchainConfig read_toolchain_config(const cdk::Context& context);

}  // namespace toolchain
