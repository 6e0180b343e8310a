// cdkpp reference application: a CodePipeline that builds the repository, updates itself and
// deploys stages of the application, laid out as the AWS CDK's pipelines.CodePipeline.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <cdk/aws/iam/policy.hpp>
#include <cdk/cdk.hpp>

namespace cdk::aws {
namespace codebuild {
class CfnProject;
}
namespace codepipeline {
class CfnPipeline;
}
namespace iam {
class Role;
}
namespace kms {
class CfnKey;
}
namespace s3 {
class Bucket;
}
}  // namespace cdk::aws

namespace toolchain {

// A repository branch reached through a CodeConnections connection.
struct ConnectionSource {
  std::string connection_arn;
  std::string repository;  // "<owner>/<name>"
  std::string branch;
};

// The synth step: shell commands run by CodeBuild on the source, whose output folder becomes
// the artifact "Synth_Output" (the cloud assembly).
struct SynthStep {
  std::vector<std::string> install_commands;
  std::vector<std::string> commands;
  std::string primary_output_directory;
  // Environment variables of the build.
  std::vector<std::pair<std::string, std::string>> env;
  // The build's container image (a Docker image name) and compute type.
  std::string image = "aws/codebuild/standard:7.0";
  std::string compute_type = "BUILD_GENERAL1_SMALL";
};

struct CodePipelineProps {
  ConnectionSource source;
  SynthStep synth;
  // The AWS CDK CLI (npm package aws-cdk) version that the pipeline's own steps install.
  std::string cli_version;
};

// The pipeline (PipelineType V2) with its KMS-encrypted artifact bucket and least-privilege
// roles, and its stages: Source, Build (the synth step), UpdatePipeline (the pipeline's own
// stack deployed again from the new assembly, before anything else), then for the stages added
// with add_stage: Assets (every asset of their stacks published) and one stage each, which
// deploys their stacks through CloudFormation change sets with the bootstrap roles of their
// environment.
class CodePipeline : public cdk::Construct {
 public:
  CodePipeline(cdk::Construct& scope, std::string_view id, CodePipelineProps props);

  // Deploys the top-level stacks of stage, a stage inside this pipeline whose environment names
  // its account and region: per stack, a change set made ("<stack>.Prepare") then executed
  // ("<stack>.Deploy"), each stack after the stacks it depends on. The dependencies must be
  // known now (Stack::add_dependency); synthesis refuses a dependency that appeared later.
  // Throws cdk::Error naming the stage for a stage elsewhere, without a full environment, or
  // without stacks.
  void add_stage(const cdk::Stage& stage);

  std::vector<std::string> validate() const override;

  const cdk::aws::codepipeline::CfnPipeline& resource() const { return *pipeline_; }

 private:
  struct DeployedStack {
    const cdk::Stack* stack;
    int deploy_run_order;
  };

  void add_asset_publishing(const cdk::Stage& stage);
  void allow_key_use(const cdk::Value& principal);
  void render_stages();

  CodePipelineProps props_;
  cdk::aws::kms::CfnKey* key_ = nullptr;
  std::vector<cdk::aws::iam::PolicyStatement> key_statements_;
  cdk::Value key_arn_;
  cdk::aws::s3::Bucket* bucket_ = nullptr;
  cdk::aws::iam::Role* role_ = nullptr;
  cdk::aws::iam::Role* file_role_ = nullptr;
  cdk::aws::codepipeline::CfnPipeline* pipeline_ = nullptr;
  std::vector<cdk::Value> stages_;
  // The Assets stage's place in stages_ once a stage is added, and its actions.
  std::size_t assets_stage_ = 0;
  std::vector<cdk::Value> asset_actions_;
  std::vector<DeployedStack> deployed_;
};

}  // namespace toolchain
