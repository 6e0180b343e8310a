// cdkpp: stacks: names, environments and the dependencies between them.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/stack.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "cdk/stage.hpp"
#include "default_synthesizer.hpp"

namespace cdk {
namespace {

constexpr std::size_t kMaxStackNameLength = 128;

// The ids from below `container` (exclusive) down to the stack.
std::vector<std::string> ids_below(const Construct& stack, const Construct* container) {
  std::vector<std::string> ids;
  bool below = container == nullptr;
  for (const Construct* scope : stack.scopes()) {
    if (below && scope->scope() != nullptr) ids.push_back(scope->id());
    if (scope == container) below = true;
  }
  return ids;
}

// The AWS CDK's makeStackName: a single short id is used as it is.
std::string make_stack_name(const std::vector<std::string>& ids, const std::string& prefix) {
  if (ids.size() == 1 && prefix.size() + ids[0].size() <= kMaxStackNameLength) {
    return prefix + ids[0];
  }
  return prefix + names::make_unique_resource_name(ids, kMaxStackNameLength);
}

Environment resolve_env(const std::optional<Environment>& own, const Stage* stage) {
  Environment env = own.value_or(Environment{});
  if (stage != nullptr && stage->env()) {
    if (!env.account) env.account = stage->env()->account;
    if (!env.region) env.region = stage->env()->region;
  }
  return env;
}

// The nearest enclosing stack; the search stops at a stage, as stacks do not cross stages.
const Stack* try_stack_of(const Construct& construct) {
  for (const Construct* c = &construct; c != nullptr; c = c->scope()) {
    if (c->kind() == Construct::Kind::stack) return static_cast<const Stack*>(c);
    if (c->kind() == Construct::Kind::stage) return nullptr;
  }
  return nullptr;
}

}  // namespace

Stack::Stack(Construct& scope, std::string_view id, StackProps props)
    : Construct(scope, id), props_(std::move(props)), stage_(Stage::of(scope)) {
  set_kind(Kind::stack);
  env_ = resolve_env(props_.env, stage_);
  artifact_id_ = make_stack_name(ids_below(*this, &root()), "");

  if (props_.stack_name) {
    stack_name_ = *props_.stack_name;
  } else {
    const std::string prefix = stage_->stage_name().empty() ? "" : stage_->stage_name() + "-";
    stack_name_ = make_stack_name(ids_below(*this, stage_), prefix);
  }
}

const Stack& Stack::of(const Construct& construct) {
  if (const Stack* stack = try_stack_of(construct)) return *stack;
  throw Error(
      fmt::format("{}: this construct must be defined within a stack", construct.describe()));
}

Stack& Stack::of(Construct& construct) {
  return const_cast<Stack&>(of(static_cast<const Construct&>(construct)));
}

Value Stack::account() const { return env_.account ? Value(*env_.account) : pseudo::account_id(); }

Value Stack::region() const { return env_.region ? Value(*env_.region) : pseudo::region(); }

Value Stack::partition() const { return pseudo::partition(); }

Value Stack::url_suffix() const { return pseudo::url_suffix(); }

void Stack::add_dependency(const Stack& other, std::string reason) {
  // A dependency already there was checked when it was added.
  if (&other == this || depends_directly_on(other)) return;
  check_dependency(other, reason);
  dependencies_.push_back({&other, std::move(reason)});
}

void Stack::check_dependency(const Stack& other, const std::string& reason) const {
  if (&other == this) return;
  if (&other.stage() != stage_) {
    auto where = [](const Stack& s) {
      return s.stage().scope() == nullptr ? std::string("the app")
                                          : fmt::format("stage '{}'", s.stage().path());
    };
    throw Error(fmt::format(
        "you cannot have a dependency from '{}' (in {}) to '{}' (in {}): dependency cannot "
        "cross stage boundaries",
        path(), where(*this), other.path(), where(other)));
  }
  if (other.depends_on(*this)) {
    throw Error(fmt::format("'{}' depends on '{}'; adding the dependency ({}) would create a cycle",
                            other.path(), path(),
                            reason.empty() ? path() + " -> " + other.path() : reason));
  }
}

bool Stack::depends_directly_on(const Stack& other) const {
  return std::any_of(dependencies_.begin(), dependencies_.end(),
                     [&](const StackDependency& dependency) { return dependency.stack == &other; });
}

bool Stack::depends_on(const Stack& other) const {
  // Each stack is visited once: following every path would take time exponential in the
  // number of stacks where dependencies fan out and join again.
  std::vector<const Stack*> pending{this};
  std::unordered_set<const Stack*> seen{this};
  while (!pending.empty()) {
    const Stack* stack = pending.back();
    pending.pop_back();
    for (const StackDependency& dependency : stack->dependencies_) {
      if (dependency.stack == &other) return true;
      if (seen.insert(dependency.stack).second) pending.push_back(dependency.stack);
    }
  }
  return false;
}

FileAssetLocation Stack::add_file_asset(FileAssetSource source) {
  FileAssetLocation location = detail::file_asset_location(*this, source);

  // As in the AWS CDK's manifest builder, a hash added again keeps its first description; under
  // another object key (the same content with another extension), it is published there too.
  const bool known = std::any_of(file_assets_.begin(), file_assets_.end(), [&](const auto& asset) {
    return asset.source_hash == source.source_hash && asset.extension == source.extension;
  });
  if (!known) file_assets_.push_back(std::move(source));
  return location;
}

}  // namespace cdk
