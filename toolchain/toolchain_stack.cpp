// cdkpp reference application: the toolchain, deployed before the service.
// SPDX-License-Identifier: Apache-2.0
#include "toolchain_stack.hpp"

namespace toolchain {

ToolchainStack::ToolchainStack(cdk::Construct& scope, std::string_view id,
                               ToolchainStackProps props)
    : cdk::Stack(scope, id, std::move(props.stack)),
      deployment_pipeline_(add<DeploymentPipeline>(
          "DeploymentPipeline", DeploymentPipelineProps{.app_name = std::move(props.app_name),
                                                        .config = std::move(props.config)})) {}

}  // namespace toolchain
