// cdkpp: prepares the tree for synthesis and validates it, collecting every problem.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <map>
#include <regex>

#include <fmt/format.h>

#include "cdk/cfn_output.hpp"
#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "synthesis.hpp"

namespace cdk::detail {
namespace {

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

void validate_unique_names(const std::vector<Stack*>& stacks, std::vector<std::string>& problems) {
  std::map<std::string, const Stack*> artifacts;
  std::map<std::string, const Stack*> names_by_env;
  for (const Stack* stack : stacks) {
    const std::string assembly = stack->stage().path();
    auto [artifact, new_artifact] =
        artifacts.emplace(assembly + "\n" + stack->artifact_id(), stack);
    if (!new_artifact) {
      problems.push_back(fmt::format("stacks '{}' and '{}' have the same artifact id '{}'",
                                     artifact->second->path(), stack->path(),
                                     stack->artifact_id()));
    }
    const std::string key = stack->environment().to_uri() + "\n" + stack->stack_name();
    auto [named, new_name] = names_by_env.emplace(key, stack);
    if (!new_name) {
      problems.push_back(fmt::format("stacks '{}' and '{}' have the same stack name '{}' in {}",
                                     named->second->path(), stack->path(), stack->stack_name(),
                                     stack->environment().to_uri()));
    }
  }
}

}  // namespace

std::vector<std::string> prepare_app(App& app) {
  std::vector<std::string> problems;
  const std::vector<Stack*> stacks = all_stacks(app);

  // Rendering every template once finds the references between stacks, which creates the
  // producers' exports and the stack dependencies before anything is written.
  for (const Stack* stack : stacks) render_template(*stack, problems);

  for (Stack* stack : stacks) add_bootstrap_elements(*stack);

  for (const Stack* stack : stacks) {
    validate_stack_name(*stack, problems);
    validate_logical_ids(*stack, problems);
  }
  validate_unique_names(stacks, problems);

  // A problem met in the first rendering and again in validation is reported once.
  std::vector<std::string> unique;
  for (std::string& problem : problems) {
    if (std::find(unique.begin(), unique.end(), problem) == unique.end()) {
      unique.push_back(std::move(problem));
    }
  }
  return unique;
}

std::string to_json_text(const Json& json, int indent) {
  try {
    return json.dump(indent == 0 ? -1 : indent, ' ', false, Json::error_handler_t::strict);
  } catch (const Json::type_error& e) {
    throw Error(fmt::format("cannot write json: {}", e.what()));
  }
}

}  // namespace cdk::detail
