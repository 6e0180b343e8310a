// cdkpp: walks over the construct tree that synthesis needs.
// SPDX-License-Identifier: Apache-2.0
#include "synthesis.hpp"

namespace cdk::detail {
namespace {

bool is_stage(const Construct* c) { return dynamic_cast<const Stage*>(c) != nullptr; }
bool is_stack(const Construct* c) { return dynamic_cast<const Stack*>(c) != nullptr; }

void collect_stage_stacks(Construct& construct, std::vector<Stack*>& out) {
  for (Construct* child : construct.children()) {
    if (is_stage(child)) continue;
    collect_stage_stacks(*child, out);
  }
  if (auto* stack = dynamic_cast<Stack*>(&construct)) out.push_back(stack);
}

void collect_child_stages(Construct& construct, std::vector<Stage*>& out) {
  for (Construct* child : construct.children()) {
    if (auto* stage = dynamic_cast<Stage*>(child)) {
      out.push_back(stage);
    } else {
      collect_child_stages(*child, out);
    }
  }
}

void collect_stack_constructs(const Construct& construct, std::vector<const Construct*>& out) {
  out.push_back(&construct);
  for (const Construct* child : construct.children()) {
    if (is_stage(child) || is_stack(child)) continue;
    collect_stack_constructs(*child, out);
  }
}

}  // namespace

std::vector<Stack*> all_stacks(Construct& root) {
  std::vector<Stack*> stacks;
  for (Construct* construct : root.find_all()) {
    if (auto* stack = dynamic_cast<Stack*>(construct)) stacks.push_back(stack);
  }
  return stacks;
}

std::vector<Stack*> stage_stacks(Stage& stage) {
  std::vector<Stack*> stacks;
  for (Construct* child : stage.children()) {
    if (!is_stage(child)) collect_stage_stacks(*child, stacks);
  }
  return stacks;
}

std::vector<Stage*> child_stages(Stage& stage) {
  std::vector<Stage*> stages;
  collect_child_stages(stage, stages);
  return stages;
}

std::vector<const Construct*> stack_constructs(const Stack& stack) {
  std::vector<const Construct*> constructs;
  collect_stack_constructs(stack, constructs);
  return constructs;
}

std::vector<const CfnElement*> stack_elements(const Stack& stack) {
  std::vector<const CfnElement*> elements;
  for (const Construct* construct : stack_constructs(stack)) {
    if (auto* element = dynamic_cast<const CfnElement*>(construct)) elements.push_back(element);
  }
  return elements;
}

}  // namespace cdk::detail
