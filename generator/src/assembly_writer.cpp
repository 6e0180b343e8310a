// cdkpp: writes the cloud assembly: manifest.json, cdk.out, templates, asset manifests,
// tree.json and a nested assembly per stage.
// SPDX-License-Identifier: Apache-2.0
#include <fcntl.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <future>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/cfn_resource.hpp"
#include "cdk/errors.hpp"
#include "asset_staging.hpp"
#include "default_synthesizer.hpp"
#include "hashing.hpp"
#include "parallel.hpp"
#include "synthesis.hpp"

namespace cdk::detail {
namespace {

namespace fs = std::filesystem;

bool logical_id_metadata_enabled(const App& app) {
  return !app.context().try_get_bool("aws:cdk:disable-logicalId-metadata").value_or(false);
}

Json stack_metadata(const App& app, const std::vector<const CfnElement*>& elements) {
  if (!logical_id_metadata_enabled(app)) return Json::object();
  std::vector<std::pair<std::string, Json>> metadata;
  metadata.reserve(elements.size());
  for (const CfnElement* element : elements) {
    metadata.emplace_back(
        "/" + element->path(),
        Json::array({{{"type", "aws:cdk:logicalId"}, {"data", element->logical_id()}}}));
  }
  return object_of(std::move(metadata));
}

Json stack_artifact(const App& app, const Stack& stack,
                    const std::vector<const CfnElement*>& elements,
                    const std::string& template_hash) {
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
  Json metadata = stack_metadata(app, elements);
  if (!metadata.empty()) artifact["metadata"] = std::move(metadata);
  artifact["displayName"] = stack.path();
  return artifact;
}

// tree.json as it is written: compact JSON text, handed to the file in pieces, because the
// tree of a large app as one JSON value (or one string) would cost as much memory as all of its
// templates.
class TreeWriter {
 public:
  TreeWriter(const fs::path& file, const TreeProperties& properties)
      : file_(file), out_(file, std::ios::binary | std::ios::trunc), properties_(properties) {}

  void write(const App& app) {
    text_ = R"({"version":"tree-0.1","tree":)";
    node(app, "", true);
    text_ += '}';
    flush();
    out_.close();
    if (!out_) {
      throw Error(fmt::format("cannot write '{}': {}", file_.string(), std::strerror(errno)));
    }
  }

 private:
  static constexpr std::size_t kPiece = 1 << 20;

  void json(const Json& value) { text_ += to_json_text(value, 0); }

  // Ids and paths are nearly always printable ASCII, written as they are; anything else goes
  // through the JSON serializer, which escapes it.
  void json(const std::string& text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
      return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (!plain) return json(Json(text));
    text_ += '"';
    text_ += text;
    text_ += '"';
  }

  // A construct's node; resources carry their type and resolved properties.
  void node(const Construct& construct, const std::string& path, bool is_root) {
    text_ += "{\"id\":";
    json(is_root ? std::string("App") : construct.id());
    text_ += ",\"path\":";
    json(path);

    if (const auto* resource = dynamic_cast<const CfnResource*>(&construct)) {
      // Recorded when the resource's template was rendered.
      const auto found = properties_.find(resource);
      if (found == properties_.end()) {
        throw Error(fmt::format("'{}' was not rendered before the tree was written", path));
      }
      text_ += ",\"attributes\":{\"aws:cdk:cloudformation:type\":";
      json(resource->type());
      text_ += ",\"aws:cdk:cloudformation:props\":";
      text_ += found->second;
      text_ += '}';
    }

    if (!construct.children().empty() || is_root) {
      text_ += ",\"children\":{";
      const char* separator = "";
      for (const Construct* child : construct.children()) {
        text_ += separator;
        separator = ",";
        json(child->id());
        text_ += ':';
        node(*child, is_root ? child->id() : path + "/" + child->id(), false);
      }
      // The tree artifact is a node of the tree it describes, as in the AWS CDK.
      if (is_root) text_ += std::string(separator) + R"("Tree":{"id":"Tree","path":"Tree"})";
      text_ += '}';
    }
    text_ += '}';
    if (text_.size() >= kPiece) flush();
  }

  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

  const fs::path& file_;
  std::ofstream out_;
  const TreeProperties& properties_;
  std::string text_;
};

void write_stage(App& app, Stage& stage, const fs::path& dir, Rendering& rendering) {
  fs::create_directories(dir);
  // Artifact ids differ within an assembly (prepare_app checks it).
  std::vector<std::pair<std::string, Json>> artifacts;

  for (Stage* child : child_stages(stage)) {
    write_stage(app, *child, dir / child->artifact_id(), rendering);
    artifacts.emplace_back(
        child->artifact_id(),
        Json{{"type", "cdk:cloud-assembly"},
             {"properties",
              {{"directoryName", child->artifact_id()}, {"displayName", child->path()}}}});
  }

  for (Stack* stack : stage_stacks(stage)) {
    const auto found = rendering.stacks.find(stack);
    if (found == rendering.stacks.end()) {
      throw Error(fmt::format("stack '{}' was not rendered before the assembly was written",
                              stack->path()));
    }
    artifacts.emplace_back(stack->artifact_id() + ".assets",
                           std::move(found->second.assets_artifact));
    artifacts.emplace_back(stack->artifact_id(), std::move(found->second.stack_artifact));
  }

  if (&stage == &app) {
    artifacts.emplace_back("Tree",
                           Json{{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}});
  }

  const Json manifest = {{"version", kSchemaVersion},
                         {"artifacts", object_of(std::move(artifacts))}};
  write_text_file(dir / "manifest.json", to_json_text(manifest, 2));
  write_text_file(dir / "cdk.out", to_json_text(Json{{"version", kSchemaVersion}}, 0));
}

}  // namespace

fs::path stage_folder(const fs::path& assembly_dir, const Stage& stage) {
  const Stage* parent = stage.scope() != nullptr ? find_enclosing<Stage>(*stage.scope()) : nullptr;
  if (parent == nullptr) return assembly_dir;
  return stage_folder(assembly_dir, *parent) / stage.artifact_id();
}

RenderedStack write_stack(const App& app, const Stack& stack,
                          const std::vector<const CfnElement*>& elements,
                          const std::string& template_text, const fs::path& assembly_dir) {
  const fs::path folder = stage_folder(assembly_dir, stack.stage());
  const std::string hash = sha256_hex(template_text);
  write_text_file(folder / stack.template_file(), template_text);
  write_text_file(folder / (stack.artifact_id() + ".assets.json"),
                  to_json_text(stack_asset_manifest(stack, hash), 2));
  return {asset_manifest_artifact(stack), stack_artifact(app, stack, elements, hash)};
}

void write_assembly(App& app, const fs::path& dir, Rendering& rendering) {
  fs::create_directories(dir);

  // tree.json, the largest file after the templates, needs nothing else of the assembly: with
  // threads to spare, one writes it while this one does the rest.
  auto write_tree = [&] { TreeWriter(dir / "tree.json", rendering.tree_properties).write(app); };
  std::future<void> tree;
  if (thread_count(rendering.jobs) > 1) tree = std::async(std::launch::async, write_tree);
  try {
    stage_assets(app, dir);
    write_stage(app, app, dir, rendering);
  } catch (...) {
    if (tree.valid()) tree.wait();
    throw;
  }
  if (tree.valid()) {
    tree.get();
  } else {
    write_tree();
  }
}

void write_text_file(const fs::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) {
    throw Error(fmt::format("cannot write '{}': {}", file.string(), std::strerror(errno)));
  }
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
