// cdkpp: an element of a CloudFormation template (resource, output, parameter, ...).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk {

class CfnResource;
class Stack;

// What an element writes into its stack's template, and how values are rendered there.
class RenderContext {
 public:
  virtual ~RenderContext() = default;

  // The value as JSON in the template being written (references become Ref, Fn::GetAtt or,
  // from another stack, Fn::ImportValue).
  virtual Json resolve(const Value& value) = 0;
  // Adds body as section[logical_id]; sections appear in the order of their first entry.
  virtual void add(std::string_view section, const std::string& logical_id, Json body) = 0;
  // A resource's properties as resolved, before any override: what tree.json shows of it.
  // Synthesis keeps them so that it need not resolve them twice; by default, nothing.
  virtual void resolved_properties(const CfnResource& resource, const Json& properties) {
    (void)resource;
    (void)properties;
  }
};

// A construct that contributes an entry to its stack's template, under a logical ID computed
// from its path below the stack exactly as the AWS CDK computes it.
class CfnElement : public Construct {
 public:
  CfnElement(Construct& scope, std::string_view id);

  const Stack& stack() const { return *stack_; }
  Stack& stack() { return *stack_; }

  // The logical ID: the override if one was set, else derived from the path.
  std::string logical_id() const;
  // The logical ID as a value (a plain string where used), for properties that name the
  // element itself, such as an IAM policy's PolicyName. Usable in its own stack only.
  Value logical_id_value() const;
  // Replaces the derived logical ID (for example to keep a resource's identity after a move).
  void override_logical_id(std::string logical_id);

  // Writes this element's entries into the template.
  virtual void render(RenderContext& context) const = 0;

 private:
  Stack* stack_;
  std::optional<std::string> logical_id_override_;
  mutable std::string cached_logical_id_;
};

}  // namespace cdk
