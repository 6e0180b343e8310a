// cdkpp: a CloudFormation resource, with its properties given as values.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/cfn_element.hpp"
#include "cdk/value.hpp"

namespace cdk {

class CfnCondition;

// DeletionPolicy and UpdateReplacePolicy values.
enum class ResourcePolicy { delete_resource, retain, snapshot, retain_except_on_delete };

std::string to_string(ResourcePolicy policy);

class CfnResource : public CfnElement {
 public:
  // type is the CloudFormation type ("AWS::S3::Bucket"); properties is an object value.
  CfnResource(Construct& scope, std::string_view id, std::string type, Value properties = Object{});

  const std::string& type() const { return type_; }
  // The properties as they are rendered before overrides: a typed class's own, then those set
  // with set_property.
  Object properties() const;

  // Adds the property, or replaces it where it is already set.
  void set_property(std::string_view name, Value value);

  // Escape hatches, as in the AWS CDK. path names a place in the resource's template entry
  // ("Properties.Tags.0.Value", "UpdatePolicy"): parts are separated by '.', written "\\." inside
  // a part; numeric parts index lists. Overrides are merged over the rendered entry in the
  // order they were added; objects merge key by key, anything else replaces.
  void add_override(std::string_view path, Value value);
  // Removes the entry at path.
  void add_deletion_override(std::string_view path);
  // add_override("Properties." + path, value).
  void add_property_override(std::string_view path, Value value);
  // add_deletion_override("Properties." + path).
  void add_property_deletion_override(std::string_view path);

  // {"Ref": <logical id>} where used.
  Value ref() const;
  // {"Fn::GetAtt": [<logical id>, attribute]} where used.
  Value get_att(std::string attribute) const;

  // Deploy other before this resource: DependsOn within a stack; for a resource of another
  // stack, a dependency of this stack on that one (which throws cdk::Error across stages or
  // when it closes a cycle).
  void add_depends_on(const CfnResource& other);
  void set_deletion_policy(ResourcePolicy policy) { deletion_policy_ = policy; }
  void set_update_replace_policy(ResourcePolicy policy) { update_replace_policy_ = policy; }
  // Sets both policies, as the AWS CDK's applyRemovalPolicy does.
  void apply_removal_policy(ResourcePolicy policy);
  // Creates the resource only when the condition holds.
  void set_condition(const CfnCondition& condition) { condition_ = &condition; }
  // Sets an entry of the resource's Metadata; a key set again keeps its place.
  void add_metadata(std::string key, Value value);

  void render(RenderContext& context) const override;

 protected:
  // The properties of a generated typed class, in the specification's order.
  virtual Object typed_properties() const { return {}; }

 private:
  struct Override {
    std::vector<std::string> path;
    std::optional<Value> value;  // nullopt: delete
  };

  std::string type_;
  Object properties_;
  std::vector<const CfnResource*> depends_on_;
  std::optional<ResourcePolicy> deletion_policy_;
  std::optional<ResourcePolicy> update_replace_policy_;
  const CfnCondition* condition_ = nullptr;
  Object metadata_;
  std::vector<Override> overrides_;
};

}  // namespace cdk
