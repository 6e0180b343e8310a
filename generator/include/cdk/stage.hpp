// cdkpp: a stage, a unit of deployment holding stacks, synthesized into its own cloud assembly.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/construct.hpp"
#include "cdk/environment.hpp"

namespace cdk {

struct StageProps {
  // The default environment of the stacks inside; each stack may override it.
  std::optional<Environment> env;
};

// A group of stacks deployed together (for example one per environment: "Production"). A stage
// below the app is written as a nested assembly, "assembly-<path with - for />".
class Stage : public Construct {
 public:
  Stage(Construct& scope, std::string_view id, StageProps props = {});

  // The stage name: the enclosing stage's name and this id joined with '-' ("" for the app).
  const std::string& stage_name() const { return stage_name_; }
  // The nested assembly's artifact ID and folder name ("" for the app, the root assembly).
  std::string artifact_id() const;
  const std::optional<Environment>& env() const { return props_.env; }

  // The nearest enclosing stage, the app included, or nullptr when there is none.
  static const Stage* of(const Construct& construct);

 protected:
  // The root of a tree: the app.
  explicit Stage(StageProps props);

 private:
  StageProps props_;
  std::string stage_name_;
};

}  // namespace cdk
