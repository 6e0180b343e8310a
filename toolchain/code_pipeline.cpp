// cdkpp reference application: a CodePipeline that builds the repository and synthesizes it.
// SPDX-License-Identifier: Apache-2.0
#include "code_pipeline.hpp"

#include <algorithm>

#include "common/aws_resources.hpp"

namespace toolchain {
namespace {

namespace common = service::common;

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

cdk::Object artifact_bucket_statement(const cdk::CfnResource& bucket) {
  const cdk::Value arn = bucket.get_att("Arn");
  return {{"Action", cdk::List{"s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*", "s3:GetObject*",
                               "s3:List*", "s3:PutObject"}},
          {"Effect", "Allow"},
          {"Resource", cdk::List{arn, arn + "/*"}}};
}

// What CodeBuild itself needs while it runs the project: its logs, its test reports and the
// pipeline's artifacts.
cdk::List build_statements(const cdk::CfnResource& project, const cdk::CfnResource& bucket) {
  const cdk::Stack& stack = cdk::Stack::of(project);
  const cdk::Value region_account = stack.region() + ":" + stack.account();
  const cdk::Value log_group = "arn:" + stack.partition() + ":logs:" + region_account +
                               ":log-group:/aws/codebuild/" + project.ref();
  const cdk::Value report_groups = "arn:" + stack.partition() + ":codebuild:" + region_account +
                                   ":report-group/" + project.ref() + "-*";
  return {
      cdk::Object{
          {"Action", cdk::List{"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}},
          {"Effect", "Allow"},
          {"Resource", cdk::List{log_group, log_group + ":*"}}},
      cdk::Object{{"Action", cdk::List{"codebuild:BatchPutCodeCoverages",
                                       "codebuild:BatchPutTestCases", "codebuild:CreateReport",
                                       "codebuild:CreateReportGroup", "codebuild:UpdateReport"}},
                  {"Effect", "Allow"},
                  {"Resource", report_groups}},
      artifact_bucket_statement(bucket)};
}

cdk::CfnResource& add_build_project(cdk::Construct& scope, const SynthStep& synth,
                                    const cdk::CfnResource& bucket) {
  auto& project_scope = scope.add<cdk::Construct>("CdkBuildProject");
  auto& role = common::add_service_role(project_scope, "Role", "codebuild.amazonaws.com");
  auto& project = project_scope.add<cdk::CfnResource>(
      "Resource", "AWS::CodeBuild::Project",
      cdk::Object{
          {"Artifacts", cdk::Object{{"Type", "CODEPIPELINE"}}},
          {"Environment", cdk::Object{{"ComputeType", "BUILD_GENERAL1_SMALL"},
                                      {"Image", kBuildImage},
                                      {"ImagePullCredentialsType", "CODEBUILD"},
                                      {"PrivilegedMode", false},
                                      {"Type", "LINUX_CONTAINER"}}},
          {"ServiceRole", role.get_att("Arn")},
          {"Source", cdk::Object{{"BuildSpec", buildspec(synth)}, {"Type", "CODEPIPELINE"}}}});
  common::add_role_policy(role, build_statements(project, bucket));
  return project;
}

// The pipeline's own role runs both actions: it uses the connection, starts the build and
// moves the artifacts.
cdk::List pipeline_statements(const ConnectionSource& source, const cdk::CfnResource& project,
                              const cdk::CfnResource& bucket) {
  return {artifact_bucket_statement(bucket),
          cdk::Object{{"Action", cdk::List{"codeconnections:UseConnection",
                                           "codestar-connections:UseConnection"}},
                      {"Effect", "Allow"},
                      {"Resource", source.connection_arn}},
          cdk::Object{{"Action", cdk::List{"codebuild:BatchGetBuilds", "codebuild:StartBuild",
                                           "codebuild:StopBuild"}},
                      {"Effect", "Allow"},
                      {"Resource", project.get_att("Arn")}}};
}

cdk::Object action_type(std::string category, std::string provider) {
  return {{"Category", std::move(category)},
          {"Owner", "AWS"},
          {"Provider", std::move(provider)},
          {"Version", "1"}};
}

cdk::Object source_stage(const ConnectionSource& source) {
  // Action names allow no '/': the AWS CDK names the action after the repository this way.
  std::string action_name = source.repository;
  std::replace(action_name.begin(), action_name.end(), '/', '_');
  cdk::Object action{{"ActionTypeId", action_type("Source", "CodeStarSourceConnection")},
                     {"Configuration", cdk::Object{{"BranchName", source.branch},
                                                   {"ConnectionArn", source.connection_arn},
                                                   {"FullRepositoryId", source.repository}}},
                     {"Name", action_name},
                     {"OutputArtifacts", cdk::List{cdk::Object{{"Name", kSourceArtifact}}}},
                     {"RunOrder", 1}};
  return {{"Actions", cdk::List{std::move(action)}}, {"Name", "Source"}};
}

cdk::Object build_stage(const cdk::CfnResource& project) {
  cdk::Object action{{"ActionTypeId", action_type("Build", "CodeBuild")},
                     {"Configuration", cdk::Object{{"ProjectName", project.ref()}}},
                     {"InputArtifacts", cdk::List{cdk::Object{{"Name", kSourceArtifact}}}},
                     {"Name", "Synth"},
                     {"OutputArtifacts", cdk::List{cdk::Object{{"Name", kSynthArtifact}}}},
                     {"RunOrder", 1}};
  return {{"Actions", cdk::List{std::move(action)}}, {"Name", "Build"}};
}

}  // namespace

CodePipeline::CodePipeline(cdk::Construct& scope, std::string_view id, CodePipelineProps props)
    : cdk::Construct(scope, id) {
  auto& pipeline_scope = add<cdk::Construct>("Pipeline");
  auto& bucket = common::add_private_bucket(pipeline_scope, "ArtifactsBucket");
  common::add_bucket_policy(bucket);

  auto& build_scope = pipeline_scope.add<cdk::Construct>("Build").add<cdk::Construct>("Synth");
  const auto& project = add_build_project(build_scope, props.synth, bucket);

  auto& role = common::add_service_role(pipeline_scope, "Role", "codepipeline.amazonaws.com");
  auto& policy = common::add_role_policy(role, pipeline_statements(props.source, project, bucket));

  auto& pipeline = pipeline_scope.add<cdk::CfnResource>(
      "Resource", "AWS::CodePipeline::Pipeline",
      cdk::Object{{"ArtifactStore", cdk::Object{{"Location", bucket.ref()}, {"Type", "S3"}}},
                  {"PipelineType", "V2"},
                  {"RestartExecutionOnUpdate", true},
                  {"RoleArn", role.get_att("Arn")},
                  {"Stages", cdk::List{source_stage(props.source), build_stage(project)}}});

  // A new pipeline starts at once; its role must by then be allowed to run it.
  pipeline.add_depends_on(policy);
}

}  // namespace toolchain
