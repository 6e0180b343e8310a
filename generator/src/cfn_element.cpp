// cdkpp: template elements and their logical IDs.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/cfn_element.hpp"

#include "cdk/names.hpp"
#include "cdk/stack.hpp"

namespace cdk {

CfnElement::CfnElement(Construct& scope, std::string_view id)
    : Construct(scope, id), stack_(&Stack::of(scope)) {
  set_kind(Kind::element);
}

std::string CfnElement::logical_id() const {
  if (logical_id_override_) return *logical_id_override_;
  if (cached_logical_id_.empty()) {
    // The components are the ids below the element's stack, the element's own included.
    std::vector<std::string> components;
    bool below_stack = false;
    for (const Construct* scope : scopes()) {
      if (below_stack) components.push_back(scope->id());
      if (scope == stack_) below_stack = true;
    }
    cached_logical_id_ = names::make_unique_id(components);
  }
  return cached_logical_id_;
}

Value CfnElement::logical_id_value() const {
  return Value(Reference{Reference::Kind::logical_id, this, nullptr, ""});
}

void CfnElement::override_logical_id(std::string logical_id) {
  logical_id_override_ = std::move(logical_id);
}

}  // namespace cdk
