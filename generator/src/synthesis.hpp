// cdkpp: synthesis internals: tree walks, preparation, template rendering, assembly writing.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/app.hpp"
#include "cdk/cfn_element.hpp"
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

// Makes the tree ready to render: adds the bootstrap version parameter and rule to every stack,
// turns references between stacks into exports, imports and stack dependencies, and validates.
// Safe to run more than once. Returns every problem found.
std::vector<std::string> prepare_app(App& app);

// Renders a stack's template; problems met while resolving values are appended to problems.
Json render_template(const Stack& stack, std::vector<std::string>& problems);

// Resolves one value as it is written in stack's template.
Json resolve_in_stack(const Stack& stack, const Value& value, std::vector<std::string>& problems);

// Adds the default synthesizer's bootstrap parameter and rule to the stack (once).
void add_bootstrap_elements(Stack& stack);

// Writes the whole assembly of app into dir (which must not exist yet).
void write_assembly(App& app, const std::filesystem::path& dir);

// Replaces target with the folder staged, atomically where the file system allows.
void swap_into_place(const std::filesystem::path& staged, const std::filesystem::path& target);

// JSON text as the AWS CDK writes it: JSON.stringify with the given indent (0: compact).
std::string to_json_text(const Json& json, int indent);

}  // namespace cdk::detail
