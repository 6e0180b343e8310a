// cdkpp: stages.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/stage.hpp"

#include <cctype>

#include <fmt/format.h>

#include "cdk/errors.hpp"

namespace cdk {
namespace {

// A stage id starts with a letter and holds letters, digits, '-', '_' and '.'.
bool is_valid_stage_id(std::string_view id) {
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  return true;
}

// The stage's own environment completed with the enclosing stage's.
std::optional<Environment> inherit_env(const Construct& scope, std::optional<Environment> own) {
  const Stage* parent = Stage::of(scope);
  if (parent == nullptr || !parent->env()) return own;
  Environment merged = own.value_or(Environment{});
  if (!merged.account) merged.account = parent->env()->account;
  if (!merged.region) merged.region = parent->env()->region;
  return merged;
}

}  // namespace

Stage::Stage(StageProps props) : Construct(""), props_(std::move(props)) { set_kind(Kind::stage); }

Stage::Stage(Construct& scope, std::string_view id, StageProps props)
    : Construct(scope, id), props_{inherit_env(scope, std::move(props.env))} {
  set_kind(Kind::stage);
  if (!is_valid_stage_id(this->id())) {
    throw Error(fmt::format(
        "{}: invalid stage id '{}': a stage id starts with a letter and holds only letters, "
        "digits, '-', '_' and '.'",
        scope.describe(), this->id()));
  }
  const Stage* parent = Stage::of(scope);
  const std::string& parent_name = parent != nullptr ? parent->stage_name() : "";
  stage_name_ = parent_name.empty() ? this->id() : parent_name + "-" + this->id();
}

std::string Stage::artifact_id() const {
  if (scope() == nullptr) return "";  // the app is the root assembly, not a nested one
  std::string name;
  for (char c : path()) name.push_back(c == '/' ? '-' : c);
  const auto first = name.find_first_not_of('-');
  const auto last = name.find_last_not_of('-');
  name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
  return "assembly-" + name;
}

const Stage* Stage::of(const Construct& construct) { return find_enclosing<Stage>(construct); }

}  // namespace cdk
