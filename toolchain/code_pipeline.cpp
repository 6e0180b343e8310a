// cdkpp reference application: a CodePipeline that builds the repository, updates itself and
// deploys stages of the application.
// SPDX-License-Identifier: Apache-2.0
#include "code_pipeline.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <cdk/aws/codebuild.hpp>
#include <cdk/aws/codepipeline.hpp>
#include <cdk/aws/iam/role.hpp>
#include <cdk/aws/kms.hpp>
#include <cdk/aws/s3/bucket.hpp>
#include <nlohmann/json.hpp>

namespace toolchain {
namespace {

namespace iam = cdk::aws::iam;
using cdk::aws::codebuild::CfnProject;
using cdk::aws::codepipeline::CfnPipeline;
using cdk::aws::kms::CfnKey;
using cdk::aws::s3::Bucket;

constexpr const char* kSourceArtifact = "Source_Output";
constexpr const char* kSynthArtifact = "Synth_Output";
// The default synthesizer's bootstrap qualifier, in the names of the bootstrap roles.
constexpr const char* kQualifier = "hnb659fds";

const std::vector<cdk::Value> kKeyUseActions = {"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt",
                                                "kms:GenerateDataKey*", "kms:ReEncrypt*"};

// "arn:<partition>:iam::<account>:role/cdk-<qualifier>-<kind>-role-<account>-<region>".
cdk::Value bootstrap_role_arn(const cdk::Stack& stack, const cdk::Environment& env,
                              std::string_view kind) {
  const std::string account = env.account.value_or("");
  const std::string region = env.region.value_or("");
  return "arn:" + stack.partition() + ":iam::" + account + ":role/cdk-" + kQualifier + "-" +
         std::string(kind) + "-role-" + account + "-" + region;
}

// A CodeBuild buildspec: install and build phases, and the files that become the output.
std::string buildspec(const std::vector<std::string>& install,
                      const std::vector<std::string>& build, const std::string& output_directory,
                      bool curated_image) {
  cdk::Json install_phase = {{"commands", install}};
  // The curated images hold several Node.js versions; the pipeline's steps need 20.
  if (curated_image) install_phase["runtime-versions"] = {{"nodejs", "20"}};
  cdk::Json spec = {{"version", "0.2"},
                    {"phases", {{"install", install_phase}, {"build", {{"commands", build}}}}}};
  if (!output_directory.empty()) {
    spec["artifacts"] = {{"base-directory", output_directory}, {"files", "**/*"}};
  }
  return spec.dump(2);
}

struct ProjectProps {
  std::vector<std::string> install_commands;
  std::vector<std::string> commands;
  std::string output_directory;
  std::vector<std::pair<std::string, std::string>> env;
  std::string image = "aws/codebuild/standard:7.0";
  std::string compute_type = "BUILD_GENERAL1_SMALL";
};

// A CodeBuild project run by the pipeline, at "<project_scope>/Resource", running as role; the
// role may write the project's logs and reports, and use the artifacts and their key.
CfnProject& add_project(cdk::Construct& project_scope, const ProjectProps& props, iam::Role& role,
                        const Bucket& bucket, const cdk::Value& key_arn) {
  const bool curated = props.image.starts_with("aws/codebuild/");
  std::vector<CfnProject::EnvironmentVariableProperty> variables;
  for (const auto& [name, value] : props.env) {
    variables.push_back({.name = name, .type = "PLAINTEXT", .value = value});
  }
  CfnProject::Props project{
      .artifacts = {.type = "CODEPIPELINE"},
      .encryption_key = key_arn,
      .environment = {.compute_type = props.compute_type,
                      .image = props.image,
                      .image_pull_credentials_type = "CODEBUILD",
                      .privileged_mode = false,
                      .type = "LINUX_CONTAINER"},
      .service_role = role.role_arn(),
      .source = {.build_spec = buildspec(props.install_commands, props.commands,
                                         props.output_directory, curated),
                 .type = "CODEPIPELINE"}};
  if (!variables.empty()) project.environment.environment_variables = variables;
  auto& resource = project_scope.add<CfnProject>("Resource", std::move(project));

  const cdk::Stack& stack = cdk::Stack::of(project_scope);
  const cdk::Value region_account = stack.region() + ":" + stack.account();
  const cdk::Value log_group = "arn:" + stack.partition() + ":logs:" + region_account +
                               ":log-group:/aws/codebuild/" + resource.ref();
  role.add_to_policy(
      {.actions = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
       .resources = {log_group, log_group + ":*"}});
  role.add_to_policy({.actions = {"codebuild:BatchPutCodeCoverages", "codebuild:BatchPutTestCases",
                                  "codebuild:CreateReport", "codebuild:CreateReportGroup",
                                  "codebuild:UpdateReport"},
                      .resources = {"arn:" + stack.partition() + ":codebuild:" + region_account +
                                    ":report-group/" + resource.ref() + "-*"}});
  // Only a project with an output writes artifacts; the others only read theirs.
  if (props.output_directory.empty()) {
    bucket.grant_read(role);
    role.add_to_policy({.actions = {"kms:Decrypt", "kms:DescribeKey"}, .resources = {key_arn}});
  } else {
    bucket.grant_read_write(role);
    role.add_to_policy({.actions = kKeyUseActions, .resources = {key_arn}});
  }
  return resource;
}

iam::Role& add_service_role(cdk::Construct& scope, std::string_view id, std::string_view service) {
  return scope.add<iam::Role>(id, iam::RoleProps{.assumed_by = iam::service_principal(service)});
}

CfnPipeline::ActionTypeIdProperty action_type(std::string category, std::string provider) {
  return {.category = std::move(category),
          .owner = "AWS",
          .provider = std::move(provider),
          .version = "1"};
}

// A CodeBuild action of the pipeline on the assembly.
CfnPipeline::ActionDeclarationProperty build_action(std::string name, const CfnProject& project,
                                                    const char* input, const char* output) {
  CfnPipeline::ActionDeclarationProperty action{
      .action_type_id = action_type("Build", "CodeBuild"),
      .configuration = cdk::Object{{"ProjectName", project.ref()}},
      .input_artifacts = {{.name = input}},
      .name = std::move(name),
      .run_order = 1};
  if (output != nullptr) action.output_artifacts = {{.name = output}};
  return action;
}

cdk::Value stage_value(std::string name,
                       const std::vector<CfnPipeline::ActionDeclarationProperty>& actions) {
  return cdk::Value(to_object(
      CfnPipeline::StageDeclarationProperty{.actions = actions, .name = std::move(name)}));
}

// The artifacts' key, administered by the toolchain account (whose IAM policies then say who
// may use it), with yearly rotation.
iam::PolicyStatement key_administration(const cdk::Stack& stack) {
  return {.actions = {"kms:*"},
          .principal = cdk::Object{{"AWS", "arn:" + stack.partition() + ":iam::" + stack.account() +
                                               ":root"}},
          .resources = {"*"}};
}

void check_stage(const cdk::Construct& pipeline, const cdk::Stage& stage,
                 const std::vector<const cdk::Stack*>& stacks) {
  if (stage.scope() != &pipeline) {
    throw cdk::Error(pipeline.describe() + ": stage " + stage.describe() +
                     " must be created inside the pipeline");
  }
  if (!stage.env() || !stage.env()->account || !stage.env()->region) {
    throw cdk::Error(pipeline.describe() + ": stage " + stage.describe() +
                     " needs an environment with an account and a region");
  }
  // One artifact store, in the pipeline's region: the actions run there.
  const auto& region = cdk::Stack::of(pipeline).environment().region;
  if (region != stage.env()->region) {
    throw cdk::Error(pipeline.describe() + ": stage " + stage.describe() + " is in region '" +
                     *stage.env()->region + "', the pipeline in '" + region.value_or("") +
                     "': a stage must be in the pipeline's region");
  }
  if (stacks.empty()) {
    throw cdk::Error(pipeline.describe() + ": stage " + stage.describe() + " has no stacks");
  }
}

// The stage's own stacks, each after the stacks it depends on (tree order otherwise).
std::vector<const cdk::Stack*> top_level_stacks(const cdk::Stage& stage) {
  std::vector<const cdk::Stack*> left;
  for (const cdk::Construct* construct : stage.find_all()) {
    const auto* stack = dynamic_cast<const cdk::Stack*>(construct);
    if (stack != nullptr && &stack->stage() == &stage) left.push_back(stack);
  }

  std::vector<const cdk::Stack*> ordered;
  auto placed = [&ordered](const cdk::Stack* stack) {
    return std::find(ordered.begin(), ordered.end(), stack) != ordered.end();
  };
  while (!left.empty()) {
    // add_dependency refuses cycles, so some stack is always ready.
    const auto ready = std::find_if(left.begin(), left.end(), [&](const cdk::Stack* stack) {
      return std::all_of(stack->dependencies().begin(), stack->dependencies().end(),
                         [&](const cdk::StackDependency& d) {
                           return &d.stack->stage() != &stack->stage() || placed(d.stack);
                         });
    });
    ordered.push_back(*ready);
    left.erase(ready);
  }
  return ordered;
}

}  // namespace

CodePipeline::CodePipeline(cdk::Construct& scope, std::string_view id, CodePipelineProps props)
    : cdk::Construct(scope, id), props_(std::move(props)) {
  auto& pipeline_scope = add<cdk::Construct>("Pipeline");
  key_statements_ = {key_administration(cdk::Stack::of(*this))};
  key_ = &pipeline_scope.add<cdk::Construct>("ArtifactsBucketEncryptionKey")
              .add<CfnKey>("Resource",
                           CfnKey::Props{.enable_key_rotation = true,
                                         .key_policy = iam::policy_document(key_statements_)});
  key_->apply_removal_policy(cdk::ResourcePolicy::retain);
  key_arn_ = key_->attr_arn();
  bucket_ = &pipeline_scope.add<Bucket>("ArtifactsBucket",
                                        cdk::aws::s3::BucketProps{.encryption_key_arn = key_arn_});
  role_ = &add_service_role(pipeline_scope, "Role", "codepipeline.amazonaws.com");
  bucket_->grant_read_write(*role_);
  role_->add_to_policy({.actions = kKeyUseActions, .resources = {key_arn_}});
  role_->add_to_policy(
      {.actions = {"codeconnections:UseConnection", "codestar-connections:UseConnection"},
       .resources = {props_.source.connection_arn}});

  // Build: the repository's own commands; their output is the assembly.
  const SynthStep& synth = props_.synth;
  auto& synth_scope =
      pipeline_scope.add<cdk::Construct>("Build").add<cdk::Construct>("Synth").add<cdk::Construct>(
          "CdkBuildProject");
  auto& synth_role = add_service_role(synth_scope, "Role", "codebuild.amazonaws.com");
  const CfnProject& synth_project = add_project(synth_scope,
                                                {.install_commands = synth.install_commands,
                                                 .commands = synth.commands,
                                                 .output_directory = synth.primary_output_directory,
                                                 .env = synth.env,
                                                 .image = synth.image,
                                                 .compute_type = synth.compute_type},
                                                synth_role, *bucket_, key_arn_);

  // UpdatePipeline: this stack deployed again from the new assembly, with the bootstrap roles
  // of its own environment, so that a change to the pipeline applies before anything else.
  const cdk::Stack& self = cdk::Stack::of(*this);
  auto& update_scope = add<cdk::Construct>("UpdatePipeline").add<cdk::Construct>("SelfMutation");
  auto& update_role = add_service_role(update_scope, "Role", "codebuild.amazonaws.com");
  const CfnProject& update_project =
      add_project(update_scope,
                  {.install_commands = {"npm install -g aws-cdk@" + props_.cli_version},
                   .commands = {"cdk -a . deploy " + self.artifact_id() +
                                " --require-approval=never --verbose"}},
                  update_role, *bucket_, key_arn_);
  update_role.add_to_policy(
      {.actions = {"sts:AssumeRole"},
       .resources = {bootstrap_role_arn(self, self.environment(), "deploy"),
                     bootstrap_role_arn(self, self.environment(), "file-publishing")}});

  for (const CfnProject* project : {&synth_project, &update_project}) {
    role_->add_to_policy(
        {.actions = {"codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"},
         .resources = {project->attr_arn()}});
  }

  // Source, Build, UpdatePipeline; the stages added later follow.
  std::string source_action = props_.source.repository;
  std::replace(source_action.begin(), source_action.end(), '/', '_');
  stages_ = {
      stage_value("Source",
                  {{.action_type_id = action_type("Source", "CodeStarSourceConnection"),
                    .configuration = cdk::Object{{"BranchName", props_.source.branch},
                                                 {"ConnectionArn", props_.source.connection_arn},
                                                 {"FullRepositoryId", props_.source.repository}},
                    .name = source_action,
                    .output_artifacts = {{.name = kSourceArtifact}},
                    .run_order = 1}}),
      stage_value("Build", {build_action("Synth", synth_project, kSourceArtifact, kSynthArtifact)}),
      stage_value("UpdatePipeline",
                  {build_action("SelfMutate", update_project, kSynthArtifact, nullptr)})};

  pipeline_ = &pipeline_scope.add<CfnPipeline>(
      "Resource",
      CfnPipeline::Props{.artifact_store = {.encryption_key = {.id = key_arn_, .type = "KMS"},
                                            .location = bucket_->bucket_name(),
                                            .type = "S3"},
                         .pipeline_type = "V2",
                         .restart_execution_on_update = true,
                         .role_arn = role_->role_arn()});
  render_stages();

  // A new pipeline starts at once; its role must by then be allowed to run it.
  role_->add_dependent(*pipeline_);
}

void CodePipeline::render_stages() { pipeline_->props().stages = cdk::Value(cdk::List(stages_)); }

// Another account's role may use the key, as far as its own IAM policies let it.
void CodePipeline::allow_key_use(const cdk::Value& principal) {
  key_statements_.push_back({.actions = {"kms:Decrypt", "kms:DescribeKey"},
                             .principal = cdk::Object{{"AWS", principal}},
                             .resources = {"*"}});
  key_->props().key_policy = iam::policy_document(key_statements_);
}

void CodePipeline::add_asset_publishing(const cdk::Stage& stage) {
  // The first stage added gets the Assets stage before it; CodePipeline runs stages in order,
  // so every later stage's assets are published there too.
  if (asset_actions_.empty()) {
    assets_stage_ = stages_.size();
    stages_.push_back(cdk::Value());
  }

  // The stage's assets, published by the CLI with the stage's file-publishing role (cdk-assets
  // itself cannot read the current asset manifest version yet).
  const cdk::Stack& self = cdk::Stack::of(*this);
  auto& assets_scope =
      asset_actions_.empty() ? add<cdk::Construct>("Assets") : find_child("Assets");
  if (file_role_ == nullptr) {
    file_role_ = &add_service_role(assets_scope, "FileRole", "codebuild.amazonaws.com");
  }
  // The CLI checks the stage's bootstrap version with its deploy role before publishing.
  file_role_->add_to_policy(
      {.actions = {"sts:AssumeRole"},
       .resources = {bootstrap_role_arn(self, *stage.env(), "file-publishing"),
                     bootstrap_role_arn(self, *stage.env(), "deploy")}});
  const std::string id = "FileAsset" + std::to_string(asset_actions_.size() + 1);
  const CfnProject& project =
      add_project(assets_scope.add<cdk::Construct>(id),
                  {.install_commands = {"npm install -g aws-cdk@" + props_.cli_version},
                   .commands = {"cdk publish-assets --unstable=publish-assets --app " +
                                stage.artifact_id() + " --all"}},
                  *file_role_, *bucket_, key_arn_);
  role_->add_to_policy(
      {.actions = {"codebuild:BatchGetBuilds", "codebuild:StartBuild", "codebuild:StopBuild"},
       .resources = {project.attr_arn()}});

  asset_actions_.push_back(
      cdk::Value(to_object(build_action(id, project, kSynthArtifact, nullptr))));
  stages_[assets_stage_] = cdk::Object{{"Actions", cdk::List(asset_actions_)}, {"Name", "Assets"}};
}

void CodePipeline::add_stage(const cdk::Stage& stage) {
  const std::vector<const cdk::Stack*> stacks = top_level_stacks(stage);
  check_stage(*this, stage, stacks);
  add_asset_publishing(stage);

  const cdk::Stack& self = cdk::Stack::of(*this);
  const cdk::Environment& env = *stage.env();
  const cdk::Value deploy_role = bootstrap_role_arn(self, env, "deploy");
  const cdk::Value execution_role = bootstrap_role_arn(self, env, "cfn-exec");
  role_->add_to_policy({.actions = {"sts:AssumeRole"}, .resources = {deploy_role}});

  // The stage's deploy role reads the templates from the artifacts, across accounts.
  bucket_->grant_read_to_principal(cdk::Object{{"AWS", deploy_role}});
  allow_key_use(deploy_role);

  std::vector<CfnPipeline::ActionDeclarationProperty> actions;
  for (const cdk::Stack* stack : stacks) {
    int prepare = 1;
    for (const cdk::StackDependency& dependency : stack->dependencies()) {
      for (const DeployedStack& deployed : deployed_) {
        if (deployed.stack == dependency.stack) {
          prepare = std::max(prepare, deployed.deploy_run_order + 1);
        }
      }
    }
    const std::string name = stack->id();
    actions.push_back(
        {.action_type_id = action_type("Deploy", "CloudFormation"),
         .configuration =
             cdk::Object{{"ActionMode", "CHANGE_SET_REPLACE"},
                         {"Capabilities", "CAPABILITY_NAMED_IAM,CAPABILITY_AUTO_EXPAND"},
                         {"ChangeSetName", "PipelineChange"},
                         {"RoleArn", execution_role},
                         {"StackName", stack->stack_name()},
                         {"TemplatePath", std::string(kSynthArtifact) + "::" + stage.artifact_id() +
                                              "/" + stack->template_file()}},
         .input_artifacts = {{.name = kSynthArtifact}},
         .name = name + ".Prepare",
         .role_arn = deploy_role,
         .run_order = prepare});
    actions.push_back({.action_type_id = action_type("Deploy", "CloudFormation"),
                       .configuration = cdk::Object{{"ActionMode", "CHANGE_SET_EXECUTE"},
                                                    {"ChangeSetName", "PipelineChange"},
                                                    {"StackName", stack->stack_name()}},
                       .name = name + ".Deploy",
                       .role_arn = deploy_role,
                       .run_order = prepare + 1});
    deployed_.push_back({stack, prepare + 1});
  }
  stages_.push_back(stage_value(stage.id(), actions));
  render_stages();
}

std::vector<std::string> CodePipeline::validate() const {
  std::vector<std::string> problems;
  for (const DeployedStack& deployed : deployed_) {
    for (const cdk::StackDependency& dependency : deployed.stack->dependencies()) {
      const auto found = std::find_if(deployed_.begin(), deployed_.end(),
                                      [&](const auto& d) { return d.stack == dependency.stack; });
      if (found != deployed_.end() && found->deploy_run_order < deployed.deploy_run_order) {
        continue;
      }
      problems.push_back(describe() + ": stack " + deployed.stack->describe() + " depends on " +
                         dependency.stack->describe() +
                         ", which the pipeline does not deploy before it: declare the "
                         "dependency (add_dependency) before the stage is added");
    }
  }
  return problems;
}

}  // namespace toolchain
