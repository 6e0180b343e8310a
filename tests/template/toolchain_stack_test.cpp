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
constexpr const char* kKey = "DeploymentPipelineCodePipelineArtifactsBucketEncryptionKey0EE58236";
constexpr const char* kUpdateRole =
    "DeploymentPipelineCodePipelineUpdatePipelineSelfMutationRole8C527EB6";
constexpr const char* kUpdatePolicy =
    "DeploymentPipelineCodePipelineUpdatePipelineSelfMutationRoleDefaultPolicy7F1147F4";
constexpr const char* kUpdateProject =
    "DeploymentPipelineCodePipelineUpdatePipelineSelfMutation4A83A35A";
constexpr const char* kFileRole = "DeploymentPipelineCodePipelineAssetsFileRole4789637D";
constexpr const char* kFilePolicy =
    "DeploymentPipelineCodePipelineAssetsFileRoleDefaultPolicyF46B3E6C";
constexpr const char* kFileProject = "DeploymentPipelineCodePipelineAssetsFileAsset1A9524D35";

// The bootstrap role of the default synthesizer in an account of the presets' region.
Json bootstrap_role(const std::string& account, const std::string& kind) {
  return join(
      {"arn:", ref("AWS::Partition"),
       ":iam::" + account + ":role/cdk-hnb659fds-" + kind + "-role-" + account + "-eu-west-1"});
}

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
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::KMS::Key", 1));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::S3::Bucket", 1));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::S3::BucketPolicy", 1));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::IAM::Role", 4));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::IAM::Policy", 4));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::CodeBuild::Project", 3));
  EXPECT_TEMPLATE(template_.resource_count_is("AWS::CodePipeline::Pipeline", 1));
  EXPECT_EQ(resource_ids(template_).size(), 15u);
}

TEST_P(ToolchainStackTest, logical_ids_equal_the_aws_cdk_ones_for_the_same_paths) {
  EXPECT_EQ(
      resource_ids(template_),
      (std::set<std::string>{kKey, kBucket, kBucketPolicy, kPipelineRole, kPipelinePolicy,
                             kPipeline, kBuildRole, kBuildPolicy, kProject, kUpdateRole,
                             kUpdatePolicy, kUpdateProject, kFileRole, kFilePolicy, kFileProject}));
}

TEST_P(ToolchainStackTest, stages_run_source_build_update_assets_then_production) {
  Capture name;
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::CodePipeline::Pipeline", {{"Stages", Match::array_equals(std::vector<Pattern>(
                                                     5, Match::object_like({{"Name", name}})))}}));
  std::vector<std::string> names;
  do {
    names.push_back(name.as_string());
  } while (name.next());
  EXPECT_EQ(names, (std::vector<std::string>{"Source", "Build", "UpdatePipeline", "Assets",
                                             "Production"}));
}

TEST_P(ToolchainStackTest, pipeline_takes_the_source_from_the_connection_and_synthesizes_it) {
  const Json stages = template_.to_json()["Resources"][kPipeline]["Properties"]["Stages"];
  EXPECT_EQ(stages[0], Json::parse(R"({"Actions": [{
      "ActionTypeId": {"Category": "Source", "Owner": "AWS",
                       "Provider": "CodeStarSourceConnection", "Version": "1"},
      "Configuration": {"BranchName": "main", "ConnectionArn": ")" +
                                   std::string(kConnectionArn) + R"(",
                        "FullRepositoryId": "my-org/cdkpp"},
      "Name": "my-org_cdkpp",
      "OutputArtifacts": [{"Name": "Source_Output"}],
      "RunOrder": 1}], "Name": "Source"})"));
  EXPECT_EQ(stages[1], (Json{{"Actions",
                              {{{"ActionTypeId",
                                 {{"Category", "Build"},
                                  {"Owner", "AWS"},
                                  {"Provider", "CodeBuild"},
                                  {"Version", "1"}}},
                                {"Configuration", {{"ProjectName", ref(kProject)}}},
                                {"InputArtifacts", {{{"Name", "Source_Output"}}}},
                                {"Name", "Synth"},
                                {"OutputArtifacts", {{{"Name", "Synth_Output"}}}},
                                {"RunOrder", 1}}}},
                             {"Name", "Build"}}));

  // The artifacts are encrypted with the pipeline's own key; the pipeline waits for its policy.
  EXPECT_TEMPLATE(template_.has_resource(
      "AWS::CodePipeline::Pipeline",
      {{"DependsOn", {kPipelinePolicy}},
       {"Properties",
        {{"ArtifactStore",
          {{"EncryptionKey", {{"Id", get_att(kKey, "Arn")}, {"Type", "KMS"}}},
           {"Location", ref(kBucket)},
           {"Type", "S3"}}},
         {"PipelineType", "V2"},
         {"RestartExecutionOnUpdate", true},
         {"RoleArn", get_att(kPipelineRole, "Arn")}}}}));
}

TEST_P(ToolchainStackTest, build_runs_the_repositorys_own_commands_and_outputs_the_assembly) {
  const Json project = template_.to_json()["Resources"][kProject]["Properties"];
  EXPECT_EQ(project["Environment"], Json::parse(R"({
      "ComputeType": "BUILD_GENERAL1_LARGE",
      "EnvironmentVariables": [{"Name": "CDKPP_BUILD_STAGE", "Type": "PLAINTEXT", "Value": "1"}],
      "Image": "public.ecr.aws/docker/library/node:20-bookworm",
      "ImagePullCredentialsType": "CODEBUILD", "PrivilegedMode": false,
      "Type": "LINUX_CONTAINER"})"));
  EXPECT_EQ(project["ServiceRole"], get_att(kBuildRole, "Arn"));
  EXPECT_EQ(project["EncryptionKey"], get_att(kKey, "Arn"));
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

TEST_P(ToolchainStackTest, the_pipeline_updates_itself_before_anything_else) {
  const Json& resources = template_.to_json()["Resources"];
  EXPECT_EQ(resources[kPipeline]["Properties"]["Stages"][2],
            (Json{{"Actions",
                   {{{"ActionTypeId",
                      {{"Category", "Build"},
                       {"Owner", "AWS"},
                       {"Provider", "CodeBuild"},
                       {"Version", "1"}}},
                     {"Configuration", {{"ProjectName", ref(kUpdateProject)}}},
                     {"InputArtifacts", {{{"Name", "Synth_Output"}}}},
                     {"Name", "SelfMutate"},
                     {"RunOrder", 1}}}},
                  {"Name", "UpdatePipeline"}}));
  const Json project = resources[kUpdateProject]["Properties"];
  EXPECT_EQ(Json::parse(project["Source"]["BuildSpec"].get<std::string>())["phases"],
            Json::parse(R"({
      "install": {"commands": ["npm install -g aws-cdk@)" CDKPP_AWS_CDK_CLI_VERSION R"("],
                  "runtime-versions": {"nodejs": "20"}},
      "build": {"commands": [
        "cdk -a . deploy MyApp-Toolchain-Management --require-approval=never --verbose"]}})"));
  EXPECT_EQ(project["Environment"]["Image"], "aws/codebuild/standard:7.0");
}

TEST_P(ToolchainStackTest, assets_of_the_production_stage_are_published_before_it_deploys) {
  const Json& resources = template_.to_json()["Resources"];
  EXPECT_EQ(resources[kPipeline]["Properties"]["Stages"][3],
            (Json{{"Actions",
                   {{{"ActionTypeId",
                      {{"Category", "Build"},
                       {"Owner", "AWS"},
                       {"Provider", "CodeBuild"},
                       {"Version", "1"}}},
                     {"Configuration", {{"ProjectName", ref(kFileProject)}}},
                     {"InputArtifacts", {{{"Name", "Synth_Output"}}}},
                     {"Name", "FileAsset1"},
                     {"RunOrder", 1}}}},
                  {"Name", "Assets"}}));
  const Json spec =
      Json::parse(resources[kFileProject]["Properties"]["Source"]["BuildSpec"].get<std::string>());
  EXPECT_EQ(spec["phases"]["build"]["commands"],
            (Json{"cdk publish-assets --unstable=publish-assets --app "
                  "assembly-MyApp-Toolchain-Management-DeploymentPipeline-CodePipeline-Production "
                  "--all"}));
  EXPECT_FALSE(spec.contains("artifacts"));
}

// The production stage's actions: per stack a change set made, then executed, each stack after
// the stacks it depends on, with the production account's bootstrap roles.
TEST_P(ToolchainStackTest, production_deploys_each_stack_by_change_set_in_dependency_order) {
  const Json stage = template_.to_json()["Resources"][kPipeline]["Properties"]["Stages"][4];
  ASSERT_EQ(stage["Name"], "Production");

  std::vector<std::string> stacks;
  for (const cdk::Stack* stack : app_.service().stacks()) stacks.push_back(stack->stack_name());
  ASSERT_EQ(stage["Actions"].size(), 2 * stacks.size());
  const std::string assembly =
      "assembly-MyApp-Toolchain-Management-DeploymentPipeline-CodePipeline-Production/";
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    const cdk::Stack& stack = *app_.service().stacks()[i];
    const int prepare = static_cast<int>(2 * i + 1);
    EXPECT_EQ(stage["Actions"][2 * i],
              (Json{{"ActionTypeId",
                     {{"Category", "Deploy"},
                      {"Owner", "AWS"},
                      {"Provider", "CloudFormation"},
                      {"Version", "1"}}},
                    {"Configuration",
                     {{"ActionMode", "CHANGE_SET_REPLACE"},
                      {"Capabilities", "CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND"},
                      {"ChangeSetName", "PipelineChange"},
                      {"RoleArn", bootstrap_role("222222222222", "cfn-exec")},
                      {"StackName", stacks[i]},
                      {"TemplatePath", "Synth_Output::" + assembly + stack.template_file()}}},
                    {"InputArtifacts", {{{"Name", "Synth_Output"}}}},
                    {"Name", stacks[i] + ".Prepare"},
                    {"RoleArn", bootstrap_role("222222222222", "deploy")},
                    {"RunOrder", prepare}}));
    EXPECT_EQ(stage["Actions"][2 * i + 1],
              (Json{{"ActionTypeId",
                     {{"Category", "Deploy"},
                      {"Owner", "AWS"},
                      {"Provider", "CloudFormation"},
                      {"Version", "1"}}},
                    {"Configuration",
                     {{"ActionMode", "CHANGE_SET_EXECUTE"},
                      {"ChangeSetName", "PipelineChange"},
                      {"StackName", stacks[i]}}},
                    {"Name", stacks[i] + ".Deploy"},
                    {"RoleArn", bootstrap_role("222222222222", "deploy")},
                    {"RunOrder", prepare + 1}}));
  }
}

TEST_P(ToolchainStackTest, the_pipeline_role_runs_its_projects_and_assumes_only_the_deploy_role) {
  const Json statements =
      template_
          .to_json()["Resources"][kPipelinePolicy]["Properties"]["PolicyDocument"]["Statement"];
  const Json bucket = Json::array({get_att(kBucket, "Arn"), join({get_att(kBucket, "Arn"), "/*"})});
  const Json run = {"codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"};
  EXPECT_EQ(
      statements,
      (Json{{{"Action",
              {"s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*", "s3:GetObject*", "s3:List*",
               "s3:PutObject"}},
             {"Effect", "Allow"},
             {"Resource", bucket}},
            {{"Action",
              {"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*",
               "kms:ReEncrypt*"}},
             {"Effect", "Allow"},
             {"Resource", get_att(kKey, "Arn")}},
            {{"Action", {"codeconnections:UseConnection", "codestar-connections:UseConnection"}},
             {"Effect", "Allow"},
             {"Resource", kConnectionArn}},
            {{"Action", run}, {"Effect", "Allow"}, {"Resource", get_att(kProject, "Arn")}},
            {{"Action", run}, {"Effect", "Allow"}, {"Resource", get_att(kUpdateProject, "Arn")}},
            {{"Action", run}, {"Effect", "Allow"}, {"Resource", get_att(kFileProject, "Arn")}},
            {{"Action", "sts:AssumeRole"},
             {"Effect", "Allow"},
             {"Resource", bootstrap_role("222222222222", "deploy")}}}));
}

// Each project's role: its own logs and reports, the artifacts (written only by the synth),
// and the bootstrap roles its step needs.
TEST_P(ToolchainStackTest, project_roles_hold_only_what_their_step_needs) {
  const Json& resources = template_.to_json()["Resources"];
  auto statements = [&](const char* policy) {
    return resources[policy]["Properties"]["PolicyDocument"]["Statement"];
  };
  auto actions_of = [](const Json& list) {
    std::vector<Json> actions;
    for (const Json& statement : list) actions.push_back(statement["Action"]);
    return actions;
  };
  const Json logs = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"};
  const Json reports = {"codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases",
                        "codebuild:CreateReport", "codebuild:CreateReportGroup",
                        "codebuild:UpdateReport"};
  const Json read = {"s3:GetBucket*", "s3:GetObject*", "s3:List*"};
  const Json decrypt = {"kms:Decrypt", "kms:DescribeKey"};

  const Json build = statements(kBuildPolicy);
  EXPECT_EQ(actions_of(build), (std::vector<Json>{logs,
                                                  reports,
                                                  {"s3:Abort*", "s3:DeleteObject*", "s3:GetBucket*",
                                                   "s3:GetObject*", "s3:List*", "s3:PutObject"},
                                                  {"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt",
                                                   "kms:GenerateDataKey*", "kms:ReEncrypt*"}}));
  EXPECT_EQ(build[0]["Resource"][0],
            join({"arn:", ref("AWS::Partition"),
                  ":logs:eu-west-1:111111111111:log-group:/aws/codebuild/", ref(kProject)}));
  EXPECT_EQ(build[1]["Resource"],
            join({"arn:", ref("AWS::Partition"), ":codebuild:eu-west-1:111111111111:report-group/",
                  ref(kProject), "-*"}));

  const Json update = statements(kUpdatePolicy);
  EXPECT_EQ(actions_of(update),
            (std::vector<Json>{logs, reports, read, decrypt, "sts:AssumeRole"}));
  EXPECT_EQ(update[4]["Resource"], (Json{bootstrap_role("111111111111", "deploy"),
                                         bootstrap_role("111111111111", "file-publishing")}));

  const Json file = statements(kFilePolicy);
  EXPECT_EQ(actions_of(file), (std::vector<Json>{"sts:AssumeRole", logs, reports, read, decrypt}));
  EXPECT_EQ(file[0]["Resource"], (Json{bootstrap_role("222222222222", "file-publishing"),
                                       bootstrap_role("222222222222", "deploy")}));

  for (const char* role : {kBuildRole, kUpdateRole, kFileRole}) {
    EXPECT_EQ(
        resources[role]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"],
        (Json{{"Service", "codebuild.amazonaws.com"}}))
        << role;
  }
  EXPECT_EQ(resources[kPipelineRole]["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]
                     ["Principal"],
            (Json{{"Service", "codepipeline.amazonaws.com"}}));
}

TEST_P(ToolchainStackTest, artifacts_are_private_encrypted_and_readable_by_the_deploy_role_only) {
  EXPECT_TEMPLATE(template_.has_resource_properties(
      "AWS::S3::Bucket",
      {{"BucketEncryption",
        {{"ServerSideEncryptionConfiguration",
          {{{"BucketKeyEnabled", true},
            {"ServerSideEncryptionByDefault",
             {{"KMSMasterKeyID", get_att(kKey, "Arn")}, {"SSEAlgorithm", "aws:kms"}}}}}}}},
       {"PublicAccessBlockConfiguration", Json::parse(R"({
         "BlockPublicAcls": true, "BlockPublicPolicy": true,
         "IgnorePublicAcls": true, "RestrictPublicBuckets": true})")}}));

  const Json& resources = template_.to_json()["Resources"];
  const Json bucket_statements =
      resources[kBucketPolicy]["Properties"]["PolicyDocument"]["Statement"];
  ASSERT_EQ(bucket_statements.size(), 2u);
  EXPECT_EQ(bucket_statements[0]["Effect"], "Deny");
  EXPECT_EQ(bucket_statements[0]["Condition"],
            (Json{{"Bool", {{"aws:SecureTransport", "false"}}}}));
  EXPECT_EQ(bucket_statements[1]["Principal"],
            (Json{{"AWS", bootstrap_role("222222222222", "deploy")}}));
  EXPECT_EQ(bucket_statements[1]["Action"], (Json{"s3:GetBucket*", "s3:GetObject*", "s3:List*"}));

  const Json key = resources[kKey];
  EXPECT_EQ(key["Properties"]["EnableKeyRotation"], true);
  EXPECT_EQ(key["DeletionPolicy"], "Retain");
  EXPECT_EQ(key["Properties"]["KeyPolicy"]["Statement"],
            (Json{{{"Action", "kms:*"},
                   {"Effect", "Allow"},
                   {"Principal",
                    {{"AWS", join({"arn:", ref("AWS::Partition"), ":iam::111111111111:root"})}}},
                   {"Resource", "*"}},
                  {{"Action", {"kms:Decrypt", "kms:DescribeKey"}},
                   {"Effect", "Allow"},
                   {"Principal", {{"AWS", bootstrap_role("222222222222", "deploy")}}},
                   {"Resource", "*"}}}));
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
