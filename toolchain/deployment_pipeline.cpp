// cdkpp reference application: the deployment pipeline and the production stage it rolls out.
// SPDX-License-Identifier: Apache-2.0
#include "deployment_pipeline.hpp"

#include "code_pipeline.hpp"

namespace toolchain {
namespace {

// The repository's own commands, as a developer runs them: set up, configure the production
// preset, build (which synthesizes), test. The assembly is the pipeline's output. They run on
// Debian 12 with Node.js 20, which .ci/setup expects; CDKPP_BUILD_STAGE tells the test that
// runs these commands itself that it is already inside them.
SynthStep production_synth() {
  return SynthStep{.install_commands = {"bash .ci/setup"},
                   .commands = {"cmake --preset production", "cmake --build --preset production",
                                "ctest --preset production"},
                   .primary_output_directory = "build/production/cdk.out",
                   .env = {{"CDKPP_BUILD_STAGE", "1"}},
                   .image = "public.ecr.aws/docker/library/node:20-bookworm",
                   .compute_type = "BUILD_GENERAL1_LARGE"};
}

}  // namespace

DeploymentPipeline::DeploymentPipeline(cdk::Construct& scope, std::string_view id,
                                       DeploymentPipelineProps props)
    : cdk::Construct(scope, id) {
  const ToolchainConfig& config = props.config;
  auto& pipeline = add<CodePipeline>(
      "CodePipeline", CodePipelineProps{.source = {.connection_arn = config.source_connection_arn,
                                                   .repository = config.source_repository,
                                                   .branch = config.source_branch},
                                        .synth = production_synth(),
                                        .cli_version = CDKPP_AWS_CDK_CLI_VERSION});

  production_stage_ =
      &pipeline.add<cdk::Stage>("Production", cdk::StageProps{.env = config.production_env});
  const std::string name = props.app_name + "-Service-Production";
  production_service_.emplace(*production_stage_, name, config.production_service, name);
  pipeline.add_stage(*production_stage_);
}

}  // namespace toolchain
