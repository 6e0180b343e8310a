// cdkpp: synthesis internals: tree walks, preparation, template rendering, assembly writing.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <optional>
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

// A stack's entries in manifest.json, once its template and asset manifest are written.
struct RenderedStack {
  Json assets_artifact;
  Json stack_artifact;
};

// How prepare_app renders the templates, and what it keeps of them for the rest of the assembly.
struct Rendering {
  // The assembly folder, which each template is written into as soon as it is rendered (a
  // nested stage's in its own folder); empty: templates are validated and not written.
  std::filesystem::path assembly_dir;
  // How many threads render the stacks; 0: one per core.
  unsigned jobs = 0;

  // What the manifest holds of each stack written, and what tree.json shows of each resource.
  std::map<const Stack*, RenderedStack> stacks;
  TreeProperties tree_properties;
};

// Makes the tree ready to render: adds the bootstrap version parameter and rule to every stack,
// turns references between stacks into exports, imports and stack dependencies, then renders
// and validates every template, the stacks side by side. Safe to run more than once. Returns
// every problem found. With rendering, also writes the templates and keeps what the rest of the
// assembly needs of them.
std::vector<std::string> prepare_app(App& app, Rendering* rendering = nullptr);

// Renders a stack's template; problems met while resolving values are appended to problems.
// With tree_properties, also records each resource's resolved properties there. A reference to
// another stack exports the value there, imports it here and adds the stack dependency.
Json render_template(const Stack& stack, std::vector<std::string>& problems,
                     TreeProperties* tree_properties = nullptr);

// A value of another stack that a stack's template uses.
struct CrossStackReference {
  Stack* producer;
  Value value;  // a reference to an element of producer (or one of its pseudo parameters)
};

// Walks what render_template would and appends each value of another stack that it uses to
// found, in the order met. Changes nothing and builds no JSON, so that stacks can be walked on
// several threads at once.
void find_references(const Stack& stack, std::vector<CrossStackReference>& found,
                     std::vector<std::string>& problems);

// Makes consumer depend on the value's producer, and the producer export the value (once per
// value), as the AWS CDK names them; returns the export name. Without it, the problem is added.
std::optional<std::string> export_reference(Stack& consumer, const CrossStackReference& reference,
                                            std::vector<std::string>& problems);

// Renders the template of a stack whose references were found and exported, from its elements
// (stack_elements), and changes nothing in the tree: stacks can render on several threads at
// once. A reference that was not exported before is a problem.
Json render_prepared_template(const Stack& stack, const std::vector<const CfnElement*>& elements,
                              std::vector<std::string>& problems,
                              TreeProperties* tree_properties = nullptr);

// Resolves one value as it is written in stack's template.
Json resolve_in_stack(const Stack& stack, const Value& value, std::vector<std::string>& problems);

// Adds the default synthesizer's bootstrap parameter and rule to the stack (once).
void add_bootstrap_elements(Stack& stack);

// The folder of stage's assembly inside the app's assembly folder.
std::filesystem::path stage_folder(const std::filesystem::path& assembly_dir, const Stage& stage);

// Writes a stack's template (its text given) and asset manifest into its stage's folder of
// the assembly; elements are the stack's (stack_elements). Safe to run for several stacks at
// once.
RenderedStack write_stack(const App& app, const Stack& stack,
                          const std::vector<const CfnElement*>& elements,
                          const std::string& template_text,
                          const std::filesystem::path& assembly_dir);

// Writes the rest of the assembly of app into dir, where prepare_app wrote the stacks' files;
// takes the stacks' manifest entries out of rendering.
void write_assembly(App& app, const std::filesystem::path& dir, Rendering& rendering);

// Writes text into file, replacing it; throws cdk::Error naming the file.
void write_text_file(const std::filesystem::path& file, std::string_view text);

// Replaces target with the folder staged, atomically where the file system allows.
void swap_into_place(const std::filesystem::path& staged, const std::filesystem::path& target);

// An object of entries whose keys are known to differ, in their order. Built in one step:
// the ordered object looks keys up linearly, and copies every value it holds as it grows (its
// keys are const, so its entries cannot be moved).
Json object_of(std::vector<std::pair<std::string, Json>> entries);

// JSON text as the AWS CDK writes it: JSON.stringify with the given indent (0: compact).
std::string to_json_text(const Json& json, int indent);

}  // namespace cdk::detail
