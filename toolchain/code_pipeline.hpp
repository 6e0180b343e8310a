// cdkpp reference application: a CodePipeline that builds the repository and synthesizes it,
// laid out as the AWS CDK's pipelines.CodePipeline.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <cdk/cdk.hpp>

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
};

struct CodePipelineProps {
  ConnectionSource source;
  SynthStep synth;
};

// The pipeline (PipelineType V2) with its artifact bucket and roles, a Source stage and a Build
// stage running the synth step in a CodeBuild project. Stages to deploy are created inside it.
class CodePipeline : public cdk::Construct {
 public:
  CodePipeline(cdk::Construct& scope, std::string_view id, CodePipelineProps props);
};

}  // namespace toolchain
