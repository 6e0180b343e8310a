// cdkpp: writes the cloud assembly: manifest.json, cdk.out, templates, asset manifests,
// tree.json and a nested assembly per stage.
// SPDX-License-Identifier: Apache-2.0
#include <fcntl.h>
#include <algorithm>
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
  if (!logical_id_metadata_enabled(app)) return Json::object();
  std::vector<std::pair<std::string, Json>> metadata;
  for (const CfnElement* element : stack_elements(stack)) {
    metadata.emplace_back(
        "/" + element->path(),
        Json::array({{{"type", "aws:cdk:logicalId"}, {"data", element->logical_id()}}}));
  }
  return object_of(std::move(metadata));
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

// tree.json as it is written: compact JSON text, handed to the file in pieces, because the
// tree of a large app as one JSON value (or one string) would cost as much memory as all of its
// templates.
class TreeWriter {
 public:
  TreeWriter(const fs::path& file, const TreeProperties& properties)
      : file_(file), out_(file, std::ios::binary | std::ios::trunc), properties_(properties) {}

  void write(const App& app) {
    text_ = R"({"version":"tree-0.1","tree":)";
    node(app, true);
    text_ += '}';
    flush();
    out_.close();
    if (!out_) {
      throw Error(fmt::format("cannot write '{}': {}", file_.string(), std::strerror(errno)));
    }
    if (!problems_.empty()) throw ValidationError(std::move(problems_));
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
  void node(const Construct& construct, bool is_root) {
    text_ += "{\"id\":";
    json(is_root ? std::string("App") : construct.id());
    text_ += ",\"path\":";
    json(construct.path());

    if (const auto* resource = dynamic_cast<const CfnResource*>(&construct)) {
      text_ += ",\"attributes\":{\"aws:cdk:cloudformation:type\":";
      json(resource->type());
      text_ += ",\"aws:cdk:cloudformation:props\":";
      // Recorded when the resource's template was rendered; resolved here for any other.
      if (auto found = properties_.find(resource); found != properties_.end()) {
        text_ += found->second;
      } else {
        json(resolve_in_stack(resource->stack(), Value(resource->properties()), problems_));
      }
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
        node(*child, false);
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
  std::vector<std::string> problems_;
};

void write_stage(App& app, Stage& stage, const fs::path& dir,
                 const RenderedApp& rendered) {
  fs::create_directories(dir);
  // Artifact ids differ within an assembly (prepare_app checks it).
  std::vector<std::pair<std::string, Json>> artifacts;

  for (Stage* child : child_stages(stage)) {
    write_stage(app, *child, dir / child->artifact_id(), rendered);
    artifacts.emplace_back(
        child->artifact_id(),
        Json{{"type", "cdk:cloud-assembly"},
             {"properties",
              {{"directoryName", child->artifact_id()}, {"displayName", child->path()}}}});
  }

  for (Stack* stack : stage_stacks(stage)) {
    const auto found = rendered.templates.find(stack);
    if (found == rendered.templates.end()) {
      throw Error(fmt::format("stack '{}' was not prepared for synthesis", stack->path()));
    }
    const std::string& text = found->second;

    const std::string hash = sha256_hex(text);
    write_file(dir / stack->template_file(), text);
    write_file(dir / (stack->artifact_id() + ".assets.json"),
               to_json_text(stack_asset_manifest(*stack, hash), 2));
    artifacts.emplace_back(stack->artifact_id() + ".assets", asset_manifest_artifact(*stack));
    artifacts.emplace_back(stack->artifact_id(), stack_artifact(app, *stack, hash));
  }

  if (&stage == &app) {
    TreeWriter(dir / "tree.json", rendered.tree_properties).write(app);
    artifacts.emplace_back("Tree",
                           Json{{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}});
  }

  const Json manifest = {{"version", kSchemaVersion},
                         {"artifacts", object_of(std::move(artifacts))}};
  write_file(dir / "manifest.json", to_json_text(manifest, 2));
  write_file(dir / "cdk.out", to_json_text(Json{{"version", kSchemaVersion}}, 0));
}

}  // namespace

void write_assembly(App& app, const fs::path& dir, const RenderedApp& rendered) {
  fs::create_directories(dir);
  stage_assets(app, dir);
  write_stage(app, app, dir, rendered);
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
