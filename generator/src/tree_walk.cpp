// cdkpp: walks over the construct tree that synthesis needs.
// SPDX-License-Identifier: Apache-2.0
#include "synthesis.hpp"

namespace cdk::detail {
namespace {

using Kind = Construct::Kind;

void collect_stage_stacks(Construct& construct, std::vector<Stack*>& out) {
  for (Construct* child : construct.children()) {
    if (child->kind() == Kind::stage) continue;
    collect_stage_stacks(*child, out);
  }
  if (construct.kind() == Kind::stack) out.push_back(static_cast<Stack*>(&construct));
}

void collect_child_stages(Construct& construct, std::vector<Stage*>& out) {
  for (Construct* child : construct.children()) {
    if (child->kind() == Kind::stage) {
      out.push_back(static_cast<Stage*>(child));
    } else {
      collect_child_stages(*child, out);
    }
  }
}

void collect_all_stacks(Construct& construct, std::vector<Stack*>& out) {
  if (construct.kind() == Kind::stack) out.push_back(static_cast<Stack*>(&construct));
  for (Construct* child : construct.children()) collect_all_stacks(*child, out);
}

template <class Visit>
void visit_stack_constructs(const Construct& construct, const Visit& visit) {
  visit(construct);
  for (const Construct* child : construct.children()) {
    if (child->kind() == Kind::stage || child->kind() == Kind::stack) continue;
    visit_stack_constructs(*child, visit);
  }
}

}  // namespace

std::vector<Stack*> all_stacks(Construct& root) {
  std::vector<Stack*> stacks;
  collect_all_stacks(root, stacks);
  return stacks;
}

std::vector<Stack*> stage_stacks(Stage& stage) {
  std::vector<Stack*> stacks;
  for (Construct* child : stage.children()) {
    if (child->kind() != Kind::stage) collect_stage_stacks(*child, stacks);
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
  visit_stack_constructs(stack, [&](const Construct& c) { constructs.push_back(&c); });
  return constructs;
}

std::vector<const CfnElement*> stack_elements(const Stack& stack) {
  std::vector<const CfnElement*> elements;
  visit_stack_constructs(stack, [&](const Construct& c) {
    if (c.kind() == Kind::element) elements.push_back(static_cast<const CfnElement*>(&c));
  });
  return elements;
}

}  // namespace cdk::detail
