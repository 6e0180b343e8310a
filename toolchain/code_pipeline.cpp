// cdkpp reference application: a CodePipeline that builds the repository and synthesizes it.
// SPDX-License-Identifier: Apache-2.0
#include "code_pipeline.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <cdk/aws/codebuild.hpp>
#include <cdk/aws/codepipeline.hpp>
#include <cdk/aws/iam/role.hpp>
#include <cdk/aws/s3/bucket.hpp>
#include <nlohmann/json.hpp>

namespace toolchain {
namespace {

namespace iam = cdk::aws::iam;
using cdk::aws::codebuild::CfnProject;
using cdk::aws::codepipeline::CfnPipeline;
using cdk::aws::s3::Bucket;

constexpr const char* kBuildImage = "aws/codebuild/standard:7.0";
constexpr const char* kSourceArtifact = "Source_Output";
constexpr const char* kSynthArtifact = "Synth_Output";

std::string buildspec(const SynthStep& synth) {
  const cdk::Json spec = {
      {"version", "0.2"},
      {"phases",
       {{"install", {{"commands", synth.install_commands}}},
        {"build", {{"commands", synth.commands}}}}},
      {"artifacts", {{"base-directory", synth.primary_output_directory}, {"files", "**/*"}}}};
  return spec.dump(2);
}

// What CodeBuild itself needs while it runs the project: its logs and its test reports (and the
// pipeline's artifacts, granted by the bucket).
std::vector<iam::PolicyStatement> build_statements(const CfnProject& project) {
  const cdk::Stack& stack = cdk::Stack::of(project);
  const cdk::Value region_account = stack.region() + ":" + stack.account();
  const cdk::Value log_group = "arn:" + stack.partition() + ":logs:" + region_account +
                               ":log-group:/aws/codebuild/" + project.ref();
  const cdk::Value report_groups = "arn:" + stack.partition() + ":codebuild:" + region_account +
                                   ":report-group/" + project.ref() + "-*";
  return {{.actions = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
           .resources = {log_group, log_group + ":*"}},
          {.actions = {"codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases",
                       "codebuild:CreateReport", "codebuild:CreateReportGroup",
                       "codebuild:UpdateReport"},
           .resources = {report_groups}}};
}

CfnProject& add_build_project(cdk::Construct& scope, const SynthStep& synth, const Bucket& bucket) {
  auto& project_scope = scope.add<cdk::Construct>("CdkBuildProject");
  auto& role = project_scope.add<iam::Role>(
      "Role", iam::RoleProps{.assumed_by = iam::service_principal("codebuild.amazonaws.com")});
  auto& project = project_scope.add<CfnProject>(
      "Resource",
      CfnProject::Props{.artifacts = {.type = "CODEPIPELINE"},
                        .environment = {.compute_type = "BUILD_GENERAL1_SMALL",
                                        .image = kBuildImage,
                                        .image_pull_credentials_type = "CODEBUILD",
                                        .privileged_mode = false,
                                        .type = "LINUX_CONTAINER"},
                        .service_role = role.role_arn(),
                        .source = {.build_spec = buildspec(synth), .type = "CODEPIPELINE"}});
  for (iam::PolicyStatement& statement : build_statements(project)) {
    role.add_to_policy(std::move(statement));
  }
  bucket.grant_read_write(role);
  return project;
}

// The pipeline's own role runs both actions: it uses the connection and starts the build (and
// moves the artifacts, granted by the bucket).
std::vector<iam::PolicyStatement> pipeline_statements(const ConnectionSource& source,
                                                      const CfnProject& project) {
  return {{.actions = {"codeconnections:UseConnection", "codestar-connections:UseConnection"},
           .resources = {source.connection_arn}},
          {.actions = {"codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"},
           .resources = {project.attr_arn()}}};
}

CfnPipeline::ActionTypeIdProperty action_type(std::string category, std::string provider) {
  return {.category = std::move(category),
          .owner = "AWS",
          .provider = std::move(provider),
          .version = "1"};
}

CfnPipeline::StageDeclarationProperty source_stage(const ConnectionSource& source) {
  // Action names allow no '/': the AWS CDK names the action after the repository this way.
  std::string action_name = source.repository;
  std::replace(action_name.begin(), action_name.end(), '/', '_');
  return {.actions = {{.action_type_id = action_type("Source", "CodeStarSourceConnection"),
                       .configuration = cdk::Object{{"BranchName", source.branch},
                                                    {"ConnectionArn", source.connection_arn},
                                                    {"FullRepositoryId", source.repository}},
                       .name = action_name,
                       .output_artifacts = {{.name = kSourceArtifact}},
                       .run_order = 1}},
          .name = "Source"};
}

CfnPipeline::StageDeclarationProperty build_stage(const CfnProject& project) {
  return {.actions = {{.action_type_id = action_type("Build", "CodeBuild"),
                       .configuration = cdk::Object{{"ProjectName", project.ref()}},
                       .input_artifacts = {{.name = kSourceArtifact}},
                       .name = "Synth",
                       .output_artifacts = {{.name = kSynthArtifact}},
                       .run_order = 1}},
          .name = "Build"};
}

}  // namespace

CodePipeline::CodePipeline(cdk::Construct& scope, std::string_view id, CodePipelineProps props)
    : cdk::Construct(scope, id) {
  auto& pipeline_scope = add<cdk::Construct>("Pipeline");
  auto& bucket = pipeline_scope.add<Bucket>("ArtifactsBucket");

  auto& build_scope = pipeline_scope.add<cdk::Construct>("Build").add<cdk::Construct>("Synth");
  const auto& project = add_build_project(build_scope, props.synth, bucket);

  auto& role = pipeline_scope.add<iam::Role>(
      "Role", iam::RoleProps{.assumed_by = iam::service_principal("codepipeline.amazonaws.com")});
  bucket.grant_read_write(role);
  for (iam::PolicyStatement& statement : pipeline_statements(props.source, project)) {
    role.add_to_policy(std::move(statement));
  }

  auto& pipeline = pipeline_scope.add<CfnPipeline>(
      "Resource",
      CfnPipeline::Props{.artifact_store = {.location = bucket.bucket_name(), .type = "S3"},
                         .pipeline_type = "V2",
                         .restart_execution_on_update = true,
                         .role_arn = role.role_arn(),
                         .stages = {source_stage(props.source), build_stage(project)}});

  // A new pipeline starts at once; its role must by then be allowed to run it.
  role.add_dependent(pipeline);
}

}  // namespace toolchain
