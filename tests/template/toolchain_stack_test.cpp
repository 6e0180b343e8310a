// cdkpp template tests: the toolchain stack with the deployment pipeline, and the production
// stage it holds.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "test_app.hpp"

namespace template_tests {
namespace {

using cdk::Json;
using cdk::assertions::Capture;
using cdk::assertions::Match;
using cdk::assertions::Pattern;
using cdk::assertions::Template;

// The AWS CDK's logical IDs for the same construct paths (aws-cdk-lib 2.276.0); the paths are
// those of pipelines.CodePipeline's own resources.
constexpr const char* kBucket = "DeploymentPipelineCodePipelineArtifactsBucketAC05FDB2";
constexpr const char* kBucketPolicy = "DeploymentPipelineCodePipelineArtifactsBucketPolicy7D6DC62C";
constexpr const char* kPipelineRole = "DeploymentPipelineCodePipelineRole3313EFB6";
constexpr const char* kPipelinePolicy = "DeploymentPipelineCodePipelineRoleDefaultPolicy24110DDA";
constexpr const char* kPipeline = "DeploymentPipelineCodePipeline7D2042DF";
constexpr const char* kBuildRole =
    "DeploymentPipelineCodePipelineBuildSynthCdkBuildProjectRoleA0D686EF";
constexpr const char* kBuildPolicy =
    "DeploymentPipelineCodePipelineBuildSynthCdkBuildProjectRoleDefaultPolicy59EC0722";
constexpr const char* kProject = "DeploymentPipelineCodePipelineBuildSynthCdkBuildProject474CC82F";

constexpr const char* kConnectionArn =
    "arn:aws:codeconnections:eu-west-1:111111111111:connection/"
    "6d1b3c5e-0000-4000-8000-000000000000";

class ToolchainStackTest : public ::testing::TestWithParam<const char*> {
 protected:
  ToolchainStackTest()
      : app_(Preset::production, GetParam()), template_(Template::from_stack(app_.toolchain())) {}

  TestApp app_;
  Template template_;
};

TEST_P(ToolchainStackTest, deploys_to_the_toolchain_environment) {
  EXPECT_EQ(app_.toolchain().stack_name(), "MyApp-Toolchain-Management");
  EXPECT_EQ(app_.toolchain().environment().to_uri(), "aws://111111111111/eu-west-1");
}

TEST_P(ToolchainStackTest, has_the_pipeline_resources) {
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::S3::Bucket", 1));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::S3::BucketPolicy", 1));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::IAM::Role", 2));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::IAM::Policy", 2));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::CodeBuild::Project", 1));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::CodePipeline::Pipeline", 1));
  EXPECT_EQ(resource_ids(template_).size(), 8u);
}

TEST_P(ToolchainStackTest, logical_ids_equal_the_aws_cdk_ones_for_the_same_paths) {
  EXPECT_EQ(resource_ids(template_),
            (std::set<std::string>{kBucket, kBucketPolicy, kPipelineRole, kPipelinePolicy,
                                   kPipeline, kBuildRole, kBuildPolicy, kProject}));
}

TEST_P(ToolchainStackTest, pipeline_takes_the_source_from_the_connection_and_synthesizes_it) {
  const Json expected_stages = Json::parse(R"([
    {"Name": "Source", "Actions": [{
      "Name": "my-org_cdkpp",
      "ActionTypeId": {"Category": "Source", "Owner": "AWS",
                       "Provider": "CodeStarSourceConnection", "Version": "1"},
      "Configuration": {"ConnectionArn": ")" +
                                           std::string(kConnectionArn) + R"(",
                        "FullRepositoryId": "my-org/cdkpp", "BranchName": "main"},
      "OutputArtifacts": [{"Name": "Source_Output"}]}]},
    {"Name": "Build", "Actions": [{
      "Name": "Synth",
      "ActionTypeId": {"Category": "Build", "Owner": "AWS", "Provider": "CodeBuild",
                       "Version": "1"},
      "InputArtifacts": [{"Name": "Source_Output"}],
      "OutputArtifacts": [{"Name": "Synth_Output"}]}]}
  ])");
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::CodePipeline::Pipeline",
      {{"ArtifactStore", {{"Location", ref(kBucket)}, {"Type", "S3"}}},
       {"PipelineType", "V2"},
       {"RestartExecutionOnUpdate", true},
       {"RoleArn", get_att(kPipelineRole, "Arn")},
       {"Stages", expected_stages}}));

  // The build action runs the project of this stack, and the pipeline waits for its policy.
  const Pattern build_action = Match::object_like(
      {{"Configuration", Match::object_equals({{"ProjectName", ref(kProject)}})}});
  EXPECT_TEMPLATE(template_.has_resource(
      "AWS::CodePipeline::Pipeline",
      {{"DependsOn", {kPipelinePolicy}},
       {"Properties",
        {{"Stages", Match::array_with({Match::object_like(
                        {{"Actions", Match::array_with({build_action})}})})}}}}));
}

TEST_P(ToolchainStackTest, pipeline_stages_run_in_the_order_source_then_build) {
  Capture stage;
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::CodePipeline::Pipeline",
      {{"Stages", Match::array_equals({Match::object_like({{"Name", stage}}),
                                       Match::object_like({{"Name", stage}})})}}));

  ASSERT_EQ(stage.values().size(), 2U);
  EXPECT_EQ(stage.as_string(), "Source");
  ASSERT_TRUE(stage.next());
  EXPECT_EQ(stage.as_string(), "Build");
  EXPECT_FALSE(stage.next());
}

TEST_P(ToolchainStackTest, build_runs_the_repositorys_own_commands_and_outputs_the_assembly) {
  EXPECT_TEMPLATE(template_.has_resource_properties("AWS::CodeBuild::Project", Json::parse(R"({
        "Artifacts": {"Type": "CODEPIPELINE"},
        "Environment": {"ComputeType": "BUILD_GENERAL1_SMALL",
                        "Image": "aws/codebuild/standard:7.0", "Type": "LINUX_CONTAINER"},
        "Source": {"Type": "CODEPIPELINE"}
      })")));

  const Json project = template_.to_json()["Resources"][kProject]["Properties"];
  EXPECT_EQ(project["ServiceRole"], get_att(kBuildRole, "Arn"));
  EXPECT_EQ(Json::parse(project["Source"]["BuildSpec"].get<std::string>()), Json::parse(R"({
    "version": "0.2",
    "phases": {
      "install": {"commands": ["bash .ci/setup"]},
      "build": {"commands": ["cmake --preset production", "cmake --build --preset production",
                             "ctest --preset production"]}
    },
    "artifacts": {"base-directory": "build/production/cdk.out", "files": "**/*"}
  })"));
}

TEST_P(ToolchainStackTest, roles_may_use_only_the_pipelines_own_resources) {
  const Json& resources = template_.to_json()["Resources"];
  const Json pipeline_statements =
      resources[kPipelinePolicy]["Properties"]["PolicyDocument"]["Statement"];
  ASSERT_EQ(pipeline_statements.size(), 3u);
  EXPECT_EQ(pipeline_statements[1]["Resource"], kConnectionArn);
  EXPECT_EQ(pipeline_statements[2]["Resource"], get_att(kProject, "Arn"));

  const Json build_statements =
      resources[kBuildPolicy]["Properties"]["PolicyDocument"]["Statement"];
  ASSERT_EQ(build_statements.size(), 3u);
  const Json log_group =
      join({"arn:", ref("AWS::Partition"), ":logs:eu-west-1:111111111111:log-group:/aws/codebuild/",
            ref(kProject)});
  EXPECT_EQ(build_statements[0]["Resource"][0], log_group);
  EXPECT_EQ(build_statements[1]["Resource"],
            join({"arn:", ref("AWS::Partition"), ":codebuild:eu-west-1:111111111111:report-group/",
                  ref(kProject), "-*"}));
  const Json artifacts =
      Json::array({get_att(kBucket, "Arn"), join({get_att(kBucket, "Arn"), "/*"})});
  EXPECT_EQ(pipeline_statements[0]["Resource"], artifacts);
  EXPECT_EQ(build_statements[2]["Resource"], artifacts);
}

TEST_P(ToolchainStackTest, artifact_bucket_is_private_and_denies_plain_http) {
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::S3::Bucket", Json::parse(R"({"PublicAccessBlockConfiguration": {
        "BlockPublicAcls": true, "BlockPublicPolicy": true,
        "IgnorePublicAcls": true, "RestrictPublicBuckets": true}})")));
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::S3::BucketPolicy",
      {{"Bucket", ref(kBucket)},
       {"PolicyDocument",
        {{"Statement",
          {{{"Effect", "Deny"},
            {"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}}}}}}}}));
}

TEST_P(ToolchainStackTest, production_stage_sits_in_the_pipeline_in_the_production_environment) {
  const cdk::Stage& stage = app_.toolchain().deployment_pipeline().production_stage();
  EXPECT_EQ(stage.path(), "MyApp-Toolchain-Management/DeploymentPipeline/CodePipeline/Production");
  EXPECT_EQ(stage.artifact_id(),
            "assembly-MyApp-Toolchain-Management-DeploymentPipeline-CodePipeline-Production");

  const service::ServiceStack& service = app_.service();
  for (const cdk::Stack* stack : service.stacks()) {
    EXPECT_EQ(&stack->stage(), &stage);
    EXPECT_EQ(stack->environment().to_uri(), "aws://222222222222/eu-west-1");
    EXPECT_TRUE(stack->stack_name().starts_with("MyApp-Service-Production")) << stack->path();
  }
}

INSTANTIATE_TEST_SUITE_P(layouts, ToolchainStackTest,
                         ::testing::Values("stack-per-context", "single-stack"),
                         [](const auto& info) {
                           return std::string(info.param) == "single-stack" ? "single_stack"
                                                                            : "stack_per_context";
                         });

// The service stacks in the production stage, by layout.
TEST(production_stage_test, holds_the_service_stacks_of_the_layout_with_their_names) {
  TestApp per_context(Preset::production, "stack-per-context");
  std::vector<std::string> names;
  for (const cdk::Stack* stack : per_context.service().stacks())
    names.push_back(stack->stack_name());
  EXPECT_EQ(names, (std::vector<std::string>{"MyApp-Service-Production-UserManagement",
                                             "MyApp-Service-Production-AdminConsole"}));

  TestApp single(Preset::production, "single-stack");
  ASSERT_EQ(single.service().stacks().size(), 1u);
  EXPECT_EQ(single.service().stacks()[0]->stack_name(), "MyApp-Service-Production");
}

}  // namespace
}  // namespace template_tests
