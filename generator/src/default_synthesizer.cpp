// cdkpp: the default synthesizer's bootstrap conventions.
// SPDX-License-Identifier: Apache-2.0
#include "default_synthesizer.hpp"

#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/app.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/errors.hpp"
#include "hashing.hpp"
#include "synthesis.hpp"

namespace cdk::detail {
namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Fills the placeholders the stack's environment knows; ${AWS::Partition} is always left for
// the deploying tools, as are the account and region of an environment-agnostic stack.
std::string specialize(std::string text, const Stack& stack, const std::string& qualifier) {
  replace_all(text, "${Qualifier}", qualifier);
  if (stack.environment().account)
    replace_all(text, "${AWS::AccountId}", *stack.environment().account);
  if (stack.environment().region) replace_all(text, "${AWS::Region}", *stack.environment().region);
  return text;
}

std::string role_arn(const char* role) {
  return fmt::format(
      "arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:role/cdk-${{Qualifier}}-{}-role-"
      "${{AWS::AccountId}}-${{AWS::Region}}",
      role);
}

}  // namespace

std::string bootstrap_qualifier(const Stack& stack) {
  if (const App* app = App::of(stack)) {
    if (auto qualifier = app->context().try_get_string("@aws-cdk/core:bootstrapQualifier")) {
      return *qualifier;
    }
  }
  return kDefaultQualifier;
}

BootstrapNames bootstrap_names(const Stack& stack, const std::string& qualifier) {
  auto s = [&](std::string text) { return specialize(std::move(text), stack, qualifier); };
  return BootstrapNames{
      .deploy_role_arn = s(role_arn("deploy")),
      .cloudformation_execution_role_arn = s(role_arn("cfn-exec")),
      .file_publishing_role_arn = s(role_arn("file-publishing")),
      .lookup_role_arn = s(role_arn("lookup")),
      .assets_bucket = s("cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}"),
      .version_parameter = s("/cdk-bootstrap/${Qualifier}/version"),
  };
}

namespace {

// The child with the id when it is a T (added by an earlier run), nullptr when there is none;
// throws the duplicate-id error when the user took the id for another construct.
template <class T>
T* existing_bootstrap_element(Stack& stack, std::string_view id) {
  Construct* existing = stack.try_find_child(id);
  if (existing == nullptr) return nullptr;
  if (auto* element = dynamic_cast<T*>(existing)) return element;
  throw Error(
      fmt::format("{}: duplicate construct id '{}': '{}' already exists, and the default "
                  "synthesizer needs the id for its bootstrap version check",
                  stack.describe(), id, existing->path()));
}

}  // namespace

void add_bootstrap_elements(Stack& stack) {
  const BootstrapNames names = bootstrap_names(stack, bootstrap_qualifier(stack));

  if (existing_bootstrap_element<CfnParameter>(stack, "BootstrapVersion") == nullptr) {
    stack.add<CfnParameter>(
        "BootstrapVersion",
        CfnParameterProps{.type = "AWS::SSM::Parameter::Value<String>",
                          .default_value = Value(names.version_parameter),
                          .description =
                              "Version of the CDK Bootstrap resources in this environment, "
                              "automatically retrieved from SSM Parameter Store. [cdk:skip]"});
  }

  if (existing_bootstrap_element<CfnRule>(stack, "CheckBootstrapVersion") == nullptr) {
    auto& parameter = dynamic_cast<CfnParameter&>(stack.find_child("BootstrapVersion"));
    List old_versions;
    for (int v = 1; v < kRequiredBootstrapVersion; ++v)
      old_versions.emplace_back(std::to_string(v));
    Value contains(Intrinsic{
        "Fn::Contains",
        std::make_shared<const Value>(List{Value(std::move(old_versions)), parameter.value()})});
    stack.add<CfnRule>(
        "CheckBootstrapVersion",
        std::vector<RuleAssertion>{
            {fn::not_(contains),
             fmt::format("CDK bootstrap stack version {} required. Please run 'cdk bootstrap' "
                         "with a recent version of the CDK CLI.",
                         kRequiredBootstrapVersion)}});
  }
}

Json stack_artifact_properties(const Stack& stack, const std::string& template_hash) {
  const BootstrapNames names = bootstrap_names(stack, bootstrap_qualifier(stack));

  Json properties = Json::object();
  properties["templateFile"] = stack.template_file();
  properties["terminationProtection"] = stack.termination_protection();
  properties["validateOnSynth"] = false;
  properties["assumeRoleArn"] = names.deploy_role_arn;
  properties["cloudFormationExecutionRoleArn"] = names.cloudformation_execution_role_arn;
  properties["stackTemplateAssetObjectUrl"] =
      fmt::format("s3://{}/{}.json", names.assets_bucket, template_hash);
  properties["requiresBootstrapStackVersion"] = kRequiredBootstrapVersion;
  properties["bootstrapStackVersionSsmParameter"] = names.version_parameter;
  properties["additionalDependencies"] = Json::array({stack.artifact_id() + ".assets"});
  properties["lookupRole"] = {{"arn", names.lookup_role_arn},
                              {"requiresBootstrapStackVersion", kLookupRoleBootstrapVersion},
                              {"bootstrapStackVersionSsmParameter", names.version_parameter}};
  if (stack.stack_name() != stack.artifact_id()) properties["stackName"] = stack.stack_name();
  return properties;
}

namespace {

// A string with placeholders the deploying tools cannot fill becomes an Fn::Sub, which
// CloudFormation fills; a literal stays a literal.
Value substituted(std::string text) {
  if (text.find("${") == std::string::npos) return Value(std::move(text));
  return fn::sub(std::move(text));
}

std::string object_key(const FileAssetSource& source) {
  return source.source_hash + source.extension;
}

const char* packaging_name(FileAssetPackaging packaging) {
  return packaging == FileAssetPackaging::zip_directory ? "zip" : "file";
}

// One destination of a manifest's file, the bootstrap bucket, under its id.
std::pair<std::string, Json> destination(const Stack& stack, const BootstrapNames& names,
                                         const std::string& key) {
  const Environment& env = stack.environment();
  Json destination = Json::object();
  destination["bucketName"] = names.assets_bucket;
  destination["objectKey"] = key;
  if (env.region) destination["region"] = *env.region;
  destination["assumeRoleArn"] = names.file_publishing_role_arn;

  // Destination ids carry a hash of the destination, as current AWS CDK versions write them.
  std::string id = fmt::format("{}-{}-{}", env.account.value_or("current_account"),
                               env.region.value_or("current_region"),
                               sha256_hex(to_json_text(destination, 0)).substr(0, 8));
  return {std::move(id), std::move(destination)};
}

// Adds a destination to the manifest's file of that hash, making the file on first use.
void add_file(Json& files, const std::string& hash, const std::string& display_name,
              const std::string& path, FileAssetPackaging packaging,
              std::pair<std::string, Json> target) {
  if (!files.contains(hash)) {
    Json entry = Json::object();
    if (!display_name.empty()) entry["displayName"] = display_name;
    entry["source"] = {{"path", path}, {"packaging", packaging_name(packaging)}};
    entry["destinations"] = Json::object();
    files[hash] = std::move(entry);
  }
  files[hash]["destinations"][target.first] = std::move(target.second);
}

}  // namespace

FileAssetLocation file_asset_location(const Stack& stack, const FileAssetSource& source) {
  const BootstrapNames names = bootstrap_names(stack, bootstrap_qualifier(stack));
  const std::string key = object_key(source);
  const std::string region = stack.environment().region.value_or("${AWS::Region}");
  return FileAssetLocation{
      .bucket_name = substituted(names.assets_bucket),
      .object_key = Value(key),
      .s3_object_url = substituted(fmt::format("s3://{}/{}", names.assets_bucket, key)),
      .http_url = substituted(
          fmt::format("https://s3.{}.${{AWS::URLSuffix}}/{}/{}", region, names.assets_bucket, key)),
  };
}

Json stack_asset_manifest(const Stack& stack, const std::string& template_hash) {
  const BootstrapNames names = bootstrap_names(stack, bootstrap_qualifier(stack));

  Json files = Json::object();
  for (const FileAssetSource& source : stack.file_assets()) {
    add_file(files, source.source_hash, source.display_name, source.file_name, source.packaging,
             destination(stack, names, object_key(source)));
  }
  add_file(files, template_hash, stack.stack_name() + " Template", stack.template_file(),
           FileAssetPackaging::file, destination(stack, names, template_hash + ".json"));

  Json manifest = Json::object();
  manifest["version"] = kSchemaVersion;
  manifest["files"] = std::move(files);
  manifest["dockerImages"] = Json::object();
  return manifest;
}

Json asset_manifest_artifact(const Stack& stack) {
  const BootstrapNames names = bootstrap_names(stack, bootstrap_qualifier(stack));
  Json artifact = Json::object();
  artifact["type"] = "cdk:asset-manifest";
  artifact["properties"] = {{"file", stack.artifact_id() + ".assets.json"},
                            {"requiresBootstrapStackVersion", kRequiredBootstrapVersion},
                            {"bootstrapStackVersionSsmParameter", names.version_parameter}};
  return artifact;
}

}  // namespace cdk::detail
