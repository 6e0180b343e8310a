// cdkpp reference application: the deployment pipeline and the production stage it rolls out.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <cdk/cdk.hpp>

#include "service_stack.hpp"
#include "toolchain_config.hpp"

namespace toolchain {

struct DeploymentPipelineProps {
  // Prefix of the production stack names ("<app name>-Service-Production").
  std::string app_name;
  ToolchainConfig config;
};

// The pipeline ("CodePipeline"), which builds the repository with the production preset, and
// inside it the "Production" stage with the service in the production environment.
class DeploymentPipeline : public cdk::Construct {
 public:
  DeploymentPipeline(cdk::Construct& scope, std::string_view id, DeploymentPipelineProps props);

  const cdk::Stage& production_stage() const { return *production_stage_; }
  const service::ServiceStack& production_service() const { return *production_service_; }

 private:
  cdk::Stage* production_stage_ = nullptr;
  std::optional<service::ServiceStack> production_service_;
};

}  // namespace toolchain
