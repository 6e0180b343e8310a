// cdkpp: writes the cloud assembly: manifest.json, cdk.out, templates, asset manifests,
// tree.json and a nested assembly per stage.
// SPDX-License-Identifier: Apache-2.0
#include <fcntl.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/cfn_resource.hpp"
#include "cdk/errors.hpp"
#include "asset_staging.hpp"
#include "default_synthesizer.hpp"
#include "hashing.hpp"
#include "synthesis.hpp"

namespace cdk::detail {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    throw Error(fmt::format("cannot write '{}': {}", file.string(), std::strerror(errno)));
  }
}

bool logical_id_metadata_enabled(const App& app) {
  return !app.context().try_get_bool("aws:cdk:disable-logicalId-metadata").value_or(false);
}

Json stack_metadata(const App& app, const Stack& stack) {
  Json metadata = Json::object();
  if (!logical_id_metadata_enabled(app)) return metadata;
  for (const CfnElement* element : stack_elements(stack)) {
    metadata["/" + element->path()] =
        Json::array({{{"type", "aws:cdk:logicalId"}, {"data", element->logical_id()}}});
  }
  return metadata;
}

Json stack_artifact(const App& app, const Stack& stack, const std::string& template_hash) {
  Json dependencies = Json::array();
  for (const StackDependency& dependency : stack.dependencies()) {
    dependencies.push_back(dependency.stack->artifact_id());
  }
  dependencies.push_back(stack.artifact_id() + ".assets");

  Json artifact = Json::object();
  artifact["type"] = "aws:cloudformation:stack";
  artifact["environment"] = stack.environment().to_uri();
  artifact["properties"] = stack_artifact_properties(stack, template_hash);
  artifact["dependencies"] = std::move(dependencies);
  Json metadata = stack_metadata(app, stack);
  if (!metadata.empty()) artifact["metadata"] = std::move(metadata);
  artifact["displayName"] = stack.path();
  return artifact;
}

// One node of tree.json; resources carry their type and resolved properties.
Json tree_node(const Construct& construct, std::vector<std::string>& problems) {
  Json node = Json::object();
  node["id"] = construct.scope() == nullptr ? "App" : construct.id();
  node["path"] = construct.path();
  if (const auto* resource = dynamic_cast<const CfnResource*>(&construct)) {
    node["attributes"] = {
        {"aws:cdk:cloudformation:type", resource->type()},
        {"aws:cdk:cloudformation:props",
         resolve_in_stack(resource->stack(), Value(resource->properties()), problems)}};
  }
  if (!construct.children().empty()) {
    Json children = Json::object();
    for (const Construct* child : construct.children()) {
      children[child->id()] = tree_node(*child, problems);
    }
    node["children"] = std::move(children);
  }
  return node;
}

Json tree_document(const App& app) {
  std::vector<std::string> problems;
  Json root = tree_node(app, problems);
  if (!root.contains("children")) root["children"] = Json::object();
  root["children"]["Tree"] = {{"id", "Tree"}, {"path", "Tree"}};
  if (!problems.empty()) throw ValidationError(std::move(problems));
  return {{"version", "tree-0.1"}, {"tree", std::move(root)}};
}

void write_stage(App& app, Stage& stage, const fs::path& dir) {
  fs::create_directories(dir);
  Json artifacts = Json::object();

  for (Stage* child : child_stages(stage)) {
    write_stage(app, *child, dir / child->artifact_id());
    artifacts[child->artifact_id()] = {
        {"type", "cdk:cloud-assembly"},
        {"properties", {{"directoryName", child->artifact_id()}, {"displayName", child->path()}}}};
  }

  for (Stack* stack : stage_stacks(stage)) {
    std::vector<std::string> problems;
    const std::string text = to_json_text(render_template(*stack, problems), 1);
    if (!problems.empty()) throw ValidationError(std::move(problems));

    const std::string hash = sha256_hex(text);
    write_file(dir / stack->template_file(), text);
    write_file(dir / (stack->artifact_id() + ".assets.json"),
               to_json_text(stack_asset_manifest(*stack, hash), 2));
    artifacts[stack->artifact_id() + ".assets"] = asset_manifest_artifact(*stack);
    artifacts[stack->artifact_id()] = stack_artifact(app, *stack, hash);
  }

  if (&stage == &app) {
    write_file(dir / "tree.json", to_json_text(tree_document(app), 0));
    artifacts["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
  }

  const Json manifest = {{"version", kSchemaVersion}, {"artifacts", std::move(artifacts)}};
  write_file(dir / "manifest.json", to_json_text(manifest, 2));
  write_file(dir / "cdk.out", to_json_text(Json{{"version", kSchemaVersion}}, 0));
}

}  // namespace

void write_assembly(App& app, const fs::path& dir) {
  fs::create_directories(dir);
  stage_assets(app, dir);
  write_stage(app, app, dir);
}

void swap_into_place(const fs::path& staged, const fs::path& target) {
  std::error_code error;
  if (!fs::exists(target, error)) {
    fs::rename(staged, target);
    return;
  }
  if (!fs::is_directory(target)) {
    throw Error(fmt::format("cannot write the assembly to '{}': it exists and is not a folder",
                            target.string()));
  }

  // RENAME_EXCHANGE swaps the two folders in one step: at every moment the target holds
  // either the old assembly or the new one.
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(staged);
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) {
    throw Error(fmt::format("cannot replace '{}': {}", target.string(), std::strerror(errno)));
  }

  // File systems without the exchange: move the old one aside first, so that a failure in
  // between leaves it recoverable next to the target.
  fs::path old = staged;
  old += ".old";
  fs::rename(target, old);
  fs::rename(staged, target);
  fs::remove_all(old);
}

}  // namespace cdk::detail
