// cdkpp: assertions on synthesized templates, for tests of stacks, as the AWS CDK's Template.
// SPDX-License-Identifier: Apache-2.0
//
//   auto tpl = cdk::assertions::Template::from_stack(stack);
//   tpl.resource_count_is("AWS::DynamoDB::Table", 1);
//   tpl.has_resource_properties("AWS::DynamoDB::Table", {{"BillingMode", "PAY_PER_REQUEST"}});
//
// Every pattern that is not a matcher is matched as Match::object_like. A failed query throws
// AssertionError naming the closest entries (at most 3), each rendered with its mismatches.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/assertions/capture.hpp"
#include "cdk/assertions/match.hpp"
#include "cdk/errors.hpp"
#include "cdk/value.hpp"

namespace cdk {
class Stack;
}

namespace cdk::assertions {

// Object-like matching of a whole value (Match::object_like semantics). Returns one line per
// mismatch, "<json pointer>: <message>"; empty on a match.
std::vector<std::string> object_like_mismatches(const Pattern& pattern, const Json& actual);

class Template {
 public:
  // Prepares the stack's app (cross-stack references, bootstrap elements) and renders the
  // stack's template in memory. Throws cdk::ValidationError when synthesis would fail.
  static Template from_stack(Stack& stack);
  static Template from_file(const std::filesystem::path& file);
  static Template from_string(std::string_view json);

  const Json& to_json() const { return template_; }

  // Some resource of the type matches the pattern as a whole (Type, Properties, DependsOn, ...).
  void has_resource(std::string_view type, const Pattern& resource) const;
  // Some resource of the type has matching properties; a resource without Properties is seen
  // with an empty object, except when the pattern is Match::absent().
  void has_resource_properties(std::string_view type, const Pattern& properties) const;
  void resource_count_is(std::string_view type, std::size_t count) const;
  void resource_properties_count_is(std::string_view type, const Pattern& properties,
                                    std::size_t count) const;
  // Every resource of the type matches (there must be at least one).
  void all_resources(std::string_view type, const Pattern& resource) const;
  void all_resources_properties(std::string_view type, const Pattern& properties) const;
  // The resources of the type matching the pattern, by logical ID.
  Json find_resources(std::string_view type, const Pattern& resource = Json::object()) const;

  // The entry with the logical ID (or, with "*", some entry) of the section matches.
  void has_output(std::string_view logical_id, const Pattern& output) const;
  Json find_outputs(std::string_view logical_id, const Pattern& output = Json::object()) const;
  void has_parameter(std::string_view logical_id, const Pattern& parameter) const;
  Json find_parameters(std::string_view logical_id,
                       const Pattern& parameter = Json::object()) const;
  void has_mapping(std::string_view logical_id, const Pattern& mapping) const;
  Json find_mappings(std::string_view logical_id, const Pattern& mapping = Json::object()) const;
  void has_condition(std::string_view logical_id, const Pattern& condition) const;
  Json find_conditions(std::string_view logical_id,
                       const Pattern& condition = Json::object()) const;

  // The whole template matches.
  void template_matches(const Pattern& expected) const;

 private:
  explicit Template(Json document);

  Json resources_of_type(std::string_view type, bool with_properties) const;
  Json entries_named(const char* section, std::string_view logical_id) const;

  Json template_;
};

}  // namespace cdk::assertions
