// cdkpp: prepares the tree for synthesis and validates it, collecting every problem.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <utility>

#include <fmt/format.h>

#include "cdk/cfn_output.hpp"
#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "parallel.hpp"
#include "synthesis.hpp"
#include "validation/template_validator.hpp"

namespace cdk::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxStackNameLength = 128;

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

void validate_logical_ids(const std::vector<const CfnElement*>& elements,
                          std::vector<std::string>& problems) {
  std::map<std::string, const CfnElement*> seen;
  for (const CfnElement* element : elements) {
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
std::map<std::string, std::string> construct_paths(const std::vector<const CfnElement*>& elements) {
  std::map<std::string, std::string> paths;
  for (const CfnElement* element : elements) {
    try {
      paths.emplace(element->logical_id(), element->path());
    } catch (const Error&) {
      // validate_logical_ids reports it.
    }
  }
  return paths;
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

// One stack's share of the rendering, which one thread does.
struct StackRendering {
  std::vector<const CfnElement*> elements;
  std::vector<std::string> problems;
  TreeProperties tree_properties;
};

// Finds the references between stacks, stack by stack on several threads, then exports them in
// the order of one walk over every stack: before any template is rendered, the producers have
// their exports and the stacks their dependencies.
void export_references_between_stacks(const std::vector<Stack*>& stacks, unsigned threads,
                                      std::vector<std::string>& problems) {
  std::vector<std::vector<CrossStackReference>> references(stacks.size());
  std::vector<std::vector<std::string>> found_problems(stacks.size());
  for_each_task(stacks.size(), threads, [&](std::size_t task, unsigned) {
    find_references(*stacks[task], references[task], found_problems[task]);
  });

  for (std::size_t i = 0; i < stacks.size(); ++i) {
    for (std::string& problem : found_problems[i]) problems.push_back(std::move(problem));
    for (const CrossStackReference& reference : references[i]) {
      export_reference(*stacks[i], reference, problems);
    }
  }
}

// Each stack's elements, with the problems of its name and of their logical IDs. Every logical
// ID is computed (and kept) here, stack by stack, before the threads that render read the ones
// of other stacks.
std::vector<StackRendering> name_stack_elements(const std::vector<Stack*>& stacks,
                                                unsigned threads) {
  std::vector<StackRendering> renderings(stacks.size());
  for_each_task(stacks.size(), threads, [&](std::size_t task, unsigned) {
    StackRendering& stack = renderings[task];
    stack.elements = stack_elements(*stacks[task]);
    validate_stack_name(*stacks[task], stack.problems);
    validate_logical_ids(stack.elements, stack.problems);
  });
  return renderings;
}

// Renders each stack's template, checks it against the CloudFormation spec and, with an
// assembly folder, writes it there: the stacks side by side on `threads` threads, each thread
// with its own validator (which keeps the spec entries it has parsed).
void render_stacks(const App& app, const std::vector<Stack*>& stacks, unsigned threads,
                   std::vector<StackRendering>& renderings, Rendering* rendering) {
  const bool write = rendering != nullptr && !rendering->assembly_dir.empty();
  if (write) {
    for (const Stack* stack : stacks) {
      fs::create_directories(stage_folder(rendering->assembly_dir, stack->stage()));
    }
  }

  std::vector<std::optional<validation::TemplateValidator>> validators(threads);
  std::vector<RenderedStack> written(stacks.size());
  for_each_task(stacks.size(), threads, [&](std::size_t task, unsigned thread) {
    const Stack& stack = *stacks[task];
    StackRendering& mine = renderings[task];
    const Json document = render_prepared_template(stack, mine.elements, mine.problems,
                                                   rendering ? &mine.tree_properties : nullptr);

    if (!validators[thread]) validators[thread].emplace(validation::compiled_spec());
    validators[thread]->validate(document, construct_paths(mine.elements), mine.problems);
    if (!write || !mine.problems.empty()) return;

    try {
      written[task] = write_stack(app, stack, mine.elements, to_json_text(document, 1),
                                  rendering->assembly_dir);
    } catch (const Error& e) {
      mine.problems.push_back(fmt::format("stack '{}': {}", stack.path(), e.what()));
    }
  });

  if (!write) return;
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    rendering->stacks[stacks[i]] = std::move(written[i]);
  }
}

}  // namespace

std::vector<std::string> prepare_app(App& app, Rendering* rendering) {
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
  const unsigned threads = thread_count(rendering != nullptr ? rendering->jobs : 0);

  export_references_between_stacks(stacks, threads, problems);

  for (Stack* stack : stacks) {
    add_bootstrap_elements(*stack);
    keep_synthesized_children_last(*stack);
  }

  // The constructs' own checks, now that every stack dependency is known.
  for (const Construct* construct : std::as_const(app).find_all()) {
    for (std::string& problem : construct->validate()) problems.push_back(std::move(problem));
  }

  std::vector<StackRendering> renderings = name_stack_elements(stacks, threads);
  render_stacks(app, stacks, threads, renderings, rendering);

  // The problems are listed stack by stack, whichever thread found them.
  for (StackRendering& stack : renderings) {
    for (std::string& problem : stack.problems) problems.push_back(std::move(problem));
    if (rendering != nullptr) rendering->tree_properties.merge(stack.tree_properties);
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
    throw Error(fmt::format("cannot write json: {}", e.what()));
  }
}

}  // namespace cdk::detail
