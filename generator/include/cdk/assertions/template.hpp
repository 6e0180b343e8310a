// cdkpp: assertions on synthesized templates, for tests of stacks.
// SPDX-License-Identifier: Apache-2.0
//
//   auto tpl = cdk::assertions::Template::from_stack(stack);
//   tpl.resource_count_is("AWS::DynamoDB::Table", 1);
//   tpl.has_resource_properties("AWS::DynamoDB::Table", {{"BillingMode", "PAY_PER_REQUEST"}});
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/errors.hpp"
#include "cdk/value.hpp"

namespace cdk {
class Stack;
}

namespace cdk::assertions {

// A failed assertion; the message says what was expected and what the template holds.
class AssertionError : public Error {
 public:
  using Error::Error;
};

// Object-like matching, as the AWS CDK's Match.objectLike: objects match when every key of the
// pattern matches (other keys are ignored), at every depth; arrays must have the same length and
// order. Returns one line per mismatch, "<json pointer>: <what differs>"; empty on a match.
std::vector<std::string> object_like_mismatches(const Json& pattern, const Json& actual);

class Template {
 public:
  // Prepares the stack's app (cross-stack references, bootstrap elements) and renders the
  // stack's template in memory. Throws cdk::ValidationError when synthesis would fail.
  static Template from_stack(Stack& stack);
  static Template from_file(const std::filesystem::path& file);
  static Template from_string(std::string_view json);

  const Json& to_json() const { return template_; }

  // Some resource of the type has properties matching the pattern (object-like).
  void has_resource_properties(std::string_view type, const Json& properties) const;
  // Some resource of the type matches the pattern as a whole (Type, Properties, DependsOn, ...).
  void has_resource(std::string_view type, const Json& resource) const;
  void resource_count_is(std::string_view type, std::size_t count) const;
  // The output (or, with "*", some output) matches the pattern (object-like).
  void has_output(std::string_view logical_id, const Json& output) const;
  // The resources of the type matching the pattern, by logical ID.
  Json find_resources(std::string_view type, const Json& resource = Json::object()) const;

 private:
  explicit Template(Json document);

  Json template_;
};

}  // namespace cdk::assertions
