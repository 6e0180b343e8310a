// cdkpp: synthesis internals: tree walks, preparation, template rendering, assembly writing.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/app.hpp"
#include "cdk/cfn_element.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"

namespace cdk::detail {

// The cloud assembly schema version written into manifests, asset manifests and cdk.out.
inline constexpr const char* kSchemaVersion = "55.0.0";

// The "Exports" construct that synthesis adds to a stack for the outputs other stacks import.
class ExportsScope : public Construct {
 public:
  using Construct::Construct;
};

// Every stack of the tree, in pre-order, across stages.
std::vector<Stack*> all_stacks(Construct& root);
// The stacks whose nearest stage is `stage`, in post-order (the order of the assembly).
std::vector<Stack*> stage_stacks(Stage& stage);
// The stages directly below `stage` (with no other stage between), in pre-order.
std::vector<Stage*> child_stages(Stage& stage);
// The constructs of a stack in pre-order, not descending into other stacks or stages.
std::vector<const Construct*> stack_constructs(const Stack& stack);
std::vector<const CfnElement*> stack_elements(const Stack& stack);

// The properties of each resource as tree.json shows them (compact JSON text).
using TreeProperties = std::unordered_map<const CfnResource*, std::string>;

// What writing the assembly needs from the final rendering of every stack.
struct RenderedApp {
  // Each stack's template as the assembly writes it (JSON text).
  std::map<const Stack*, std::string> templates;
  TreeProperties tree_properties;
};

// Makes the tree ready to render: adds the bootstrap version parameter and rule to every stack,
// turns references between stacks into exports, imports and stack dependencies, and validates.
// Safe to run more than once. Returns every problem found. With rendered, also keeps the text
// of each template that was validated, so that writing the assembly need not render again.
std::vector<std::string> prepare_app(App& app, RenderedApp* rendered = nullptr);

// Renders a stack's template; problems met while resolving values are appended to problems.
// With tree_properties, also records each resource's resolved properties there.
Json render_template(const Stack& stack, std::vector<std::string>& problems,
                     TreeProperties* tree_properties = nullptr);

// Walks what render_template would, for its side effects alone: the exports, imports and
// stack dependencies that references to other stacks make. Builds no JSON.
void render_references(const Stack& stack, std::vector<std::string>& problems);

// Resolves one value as it is written in stack's template.
Json resolve_in_stack(const Stack& stack, const Value& value, std::vector<std::string>& problems);

// Adds the default synthesizer's bootstrap parameter and rule to the stack (once).
void add_bootstrap_elements(Stack& stack);

// Writes the whole assembly of app into dir (which must not exist yet), with the templates
// that prepare_app rendered.
void write_assembly(App& app, const std::filesystem::path& dir, const RenderedApp& rendered);

// Replaces target with the folder staged, atomically where the file system allows.
void swap_into_place(const std::filesystem::path& staged, const std::filesystem::path& target);

// An object of entries whose keys are known to differ, in their order. Built in one step:
// the ordered object looks keys up linearly, and copies every value it holds as it grows (its
// keys are const, so its entries cannot be moved).
Json object_of(std::vector<std::pair<std::string, Json>> entries);

// JSON text as the AWS CDK writes it: JSON.stringify with the given indent (0: compact).
std::string to_json_text(const Json& json, int indent);

}  // namespace cdk::detail
