// cdkpp reference application: the toolchain, deployed before the service.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include <cdk/cdk.hpp>

#include "deployment_pipeline.hpp"
#include "toolchain_config.hpp"

namespace toolchain {

struct ToolchainStackProps {
  cdk::StackProps stack;
  std::string app_name;
  ToolchainConfig config;
};

class ToolchainStack : public cdk::Stack {
 public:
  ToolchainStack(cdk::Construct& scope, std::string_view id, ToolchainStackProps props);

  const DeploymentPipeline& deployment_pipeline() const { return deployment_pipeline_; }

 private:
  DeploymentPipeline& deployment_pipeline_;
};

}  // namespace toolchain
