// cdkpp: prepares the tree for synthesis and validates it, collecting every problem.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <map>
#include <regex>
#include <utility>

#include <fmt/format.h>

#include "cdk/cfn_output.hpp"
#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "synthesis.hpp"
#include "validation/template_validator.hpp"

namespace cdk::detail {
namespace {

constexpr std::size_t kMaxStackNameLength = 128;
constexpr const char* kCannotWriteJson = "cannot write json";

void validate_stack_name(const Stack& stack, std::vector<std::string>& problems) {
  static const std::regex kPattern("^[A-Za-z][A-Za-z0-9-]*$");
  const std::string& name = stack.stack_name();
  if (name.size() > kMaxStackNameLength) {
    problems.push_back(
        fmt::format("stack '{}': stack name '{}' is {} characters long; the "
                    "limit is {}",
                    stack.path(), name, name.size(), kMaxStackNameLength));
  }
  if (!std::regex_match(name, kPattern)) {
    problems.push_back(
        fmt::format("stack '{}': stack name '{}' must match "
                    "^[A-Za-z][A-Za-z0-9-]*$",
                    stack.path(), name));
  }
}

void validate_logical_ids(const Stack& stack, std::vector<std::string>& problems) {
  std::map<std::string, const CfnElement*> seen;
  for (const CfnElement* element : stack_elements(stack)) {
    std::string id;
    try {
      id = element->logical_id();
    } catch (const Error& e) {
      problems.push_back(fmt::format("'{}': {}", element->path(), e.what()));
      continue;
    }
    if (!names::is_valid_logical_id(id)) {
      problems.push_back(fmt::format("'{}': logical id '{}' must match ^[A-Za-z0-9]{{1,255}}$",
                                     element->path(), id));
      continue;
    }
    auto [existing, inserted] = seen.emplace(id, element);
    if (!inserted) {
      problems.push_back(fmt::format("'{}' and '{}' are both given the logical id '{}'",
                                     existing->second->path(), element->path(), id));
    }
  }
}

// Artifact ids are keys of one manifest: two artifacts of an assembly may not share one.
void validate_assembly_artifacts(App& app, Stage& stage, std::vector<std::string>& problems) {
  std::map<std::string, std::string> owners;
  auto claim = [&](const std::string& artifact, const std::string& owner) {
    auto [existing, inserted] = owners.emplace(artifact, owner);
    if (!inserted) {
      problems.push_back(fmt::format("{} and {} both need the artifact id '{}' in the assembly",
                                     existing->second, owner, artifact));
    }
    return inserted;
  };

  if (&stage == &app) claim("Tree", "the construct tree (tree.json)");
  for (Stage* child : child_stages(stage)) {
    claim(child->artifact_id(), fmt::format("stage '{}'", child->path()));
    validate_assembly_artifacts(app, *child, problems);
  }
  for (const Stack* stack : stage_stacks(stage)) {
    const std::string owner = fmt::format("stack '{}'", stack->path());
    if (claim(stack->artifact_id(), owner)) claim(stack->artifact_id() + ".assets", owner);
  }
}

void validate_unique_stack_names(const std::vector<Stack*>& stacks,
                                 std::vector<std::string>& problems) {
  std::map<std::string, const Stack*> names_by_env;
  for (const Stack* stack : stacks) {
    const std::string key = stack->environment().to_uri() + "\n" + stack->stack_name();
    auto [named, new_name] = names_by_env.emplace(key, stack);
    if (!new_name) {
      problems.push_back(fmt::format("stacks '{}' and '{}' have the same stack name '{}' in {}",
                                     named->second->path(), stack->path(), stack->stack_name(),
                                     stack->environment().to_uri()));
    }
  }
}

// Logical ID -> construct path, for the messages of the spec checks.
std::map<std::string, std::string> construct_paths(const Stack& stack) {
  std::map<std::string, std::string> paths;
  for (const CfnElement* element : stack_elements(stack)) {
    try {
      paths.emplace(element->logical_id(), element->path());
    } catch (const Error&) {
      // validate_logical_ids reports it.
    }
  }
  return paths;
}

// How many outputs other stacks import from the stack.
std::size_t export_count(const Stack& stack) {
  const Construct* exports = stack.try_find_child("Exports");
  return dynamic_cast<const ExportsScope*>(exports) != nullptr ? exports->children().size() : 0;
}

// What synthesis adds to a stack comes after the user's constructs, in the order a first synth
// adds it, even when the tree grew after an earlier preparation (Template::from_stack).
void keep_synthesized_children_last(Stack& stack) {
  Construct* exports = stack.try_find_child("Exports");
  if (dynamic_cast<ExportsScope*>(exports) != nullptr) move_child_to_end(stack, *exports);
  for (const char* id : {"BootstrapVersion", "CheckBootstrapVersion"}) {
    if (Construct* element = stack.try_find_child(id)) move_child_to_end(stack, *element);
  }
}

}  // namespace

std::vector<std::string> prepare_app(App& app, RenderedApp* rendered) {
  std::vector<std::string> problems;

  // References to a lost construct would point at freed memory: stop before resolving any.
  for (const std::string& path : app.destroyed_before_synthesis()) {
    problems.push_back(fmt::format(
        "'{}' was destroyed before synthesis; create constructs with add<T>() so that the tree "
        "owns them",
        path));
  }
  if (!problems.empty()) return problems;

  const std::vector<Stack*> stacks = all_stacks(app);

  // Walking every template once finds the references between stacks, which give the
  // producers their exports and the stacks their dependencies before any template is rendered.
  for (const Stack* stack : stacks) render_references(*stack, problems);

  for (Stack* stack : stacks) {
    add_bootstrap_elements(*stack);
    keep_synthesized_children_last(*stack);
  }

  // The constructs' own checks, now that every stack dependency is known.
  for (const Construct* construct : std::as_const(app).find_all()) {
    for (std::string& problem : construct->validate()) problems.push_back(std::move(problem));
  }

  // Each template is rendered once, and every resource checked against the CloudFormation spec
  // as the template has it; the problems are listed stack by stack.
  validation::TemplateValidator validator(validation::compiled_spec());
  std::vector<std::vector<std::string>> stack_problems(stacks.size());
  std::vector<std::size_t> exports_rendered(stacks.size());
  auto render = [&](std::size_t i) {
    const Stack& stack = *stacks[i];
    std::vector<std::string>& found = stack_problems[i];
    found.clear();
    validate_stack_name(stack, found);
    validate_logical_ids(stack, found);
    const Json document =
        render_template(stack, found, rendered ? &rendered->tree_properties : nullptr);
    exports_rendered[i] = export_count(stack);
    validator.validate(document, construct_paths(stack), found);
    if (rendered == nullptr) return;
    try {
      rendered->templates[&stack] = to_json_text(document, 1);
    } catch (const Error& e) {
      // A resource's properties that cannot be written were reported with its path already.
      const bool reported = std::any_of(found.begin(), found.end(), [](const std::string& p) {
        return p.find(kCannotWriteJson) != std::string::npos;
      });
      if (!reported) found.push_back(fmt::format("stack '{}': {}", stack.path(), e.what()));
    }
  };
  for (std::size_t i = 0; i < stacks.size(); ++i) render(i);

  // The walk found every reference, so no rendering should add an export; one that did makes
  // the producer's template stale, and it is rendered again.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
      if (export_count(*stacks[i]) == exports_rendered[i]) continue;
      keep_synthesized_children_last(*stacks[i]);
      render(i);
      changed = true;
    }
  }
  for (std::vector<std::string>& found : stack_problems) {
    for (std::string& problem : found) problems.push_back(std::move(problem));
  }

  validate_unique_stack_names(stacks, problems);
  validate_assembly_artifacts(app, app, problems);

  // A problem met in the first rendering and again in validation is reported once.
  std::vector<std::string> unique;
  for (std::string& problem : problems) {
    if (std::find(unique.begin(), unique.end(), problem) == unique.end()) {
      unique.push_back(std::move(problem));
    }
  }
  return unique;
}

Json object_of(std::vector<std::pair<std::string, Json>> entries) {
  Json::object_t object;
  object.reserve(entries.size());
  for (auto& [key, value] : entries) object.emplace_back(std::move(key), std::move(value));
  return Json(std::move(object));
}

std::string to_json_text(const Json& json, int indent) {
  try {
    return json.dump(indent == 0 ? -1 : indent, ' ', false, Json::error_handler_t::strict);
  } catch (const Json::type_error& e) {
    throw Error(fmt::format("{}: {}", kCannotWriteJson, e.what()));
  }
}

}  // namespace cdk::detail
