// cdkpp: the Template queries: resources, outputs, parameters, mappings, conditions.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/template.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../synthesis.hpp"
#include "cdk/app.hpp"
#include "cdk/stack.hpp"
#include "literal.hpp"
#include "section.hpp"

namespace cdk::assertions {
namespace {

// has_resource_properties and its kin match the whole resource against {Properties: pattern}.
Pattern properties_pattern(const Pattern& properties) {
  return Match::object_like({{"Properties", properties}});
}

void expect_some(const Json& entries, const Pattern& pattern, const std::string& qualifier) {
  const detail::SectionMatch match = detail::match_section(entries, pattern);
  if (match.matches.empty()) {
    throw AssertionError(detail::section_failure(entries, match, qualifier));
  }
}

void expect_all(const Json& entries, const Pattern& pattern, std::string_view type) {
  const detail::SectionMatch match = detail::match_section(entries, pattern);
  if (!entries.empty() && match.misses.empty()) return;

  std::string message =
      fmt::format("Template has {} resource(s) with type {}", entries.size(), type);
  if (entries.empty()) throw AssertionError(message + ".");
  if (match.matches.empty()) {
    message += ", but none match as expected.";
  } else {
    message += fmt::format(", but only {} match as expected.", match.matches.size());
  }
  message += "\nThe following resources do not match the given definition:";
  // Beyond the AWS CDK's text: each one's mismatches, by path.
  for (const auto& [id, result] : match.misses) {
    message += "\n\t" + id;
    for (const MatchFailure& failure : result.failures()) {
      message += fmt::format("\n\t  {}: {}", detail::pointer_of(failure.path), failure.message);
    }
  }
  throw AssertionError(message);
}

void expect_count(std::string_view type, std::size_t expected, std::size_t found) {
  if (found != expected) {
    throw AssertionError(
        fmt::format("Expected {} resources of type {} but found {}", expected, type, found));
  }
}

}  // namespace

std::vector<std::string> object_like_mismatches(const Pattern& pattern, const Json& actual) {
  std::vector<std::string> lines;
  // Held in a variable: the failures of a temporary result would dangle inside the loop.
  const MatchResult result = match_value(pattern, actual);
  for (const MatchFailure& f : result.failures()) {
    lines.push_back(detail::pointer_of(f.path) + ": " + f.message);
  }
  return lines;
}

Template::Template(Json document) : template_(std::move(document)) {}

Template Template::from_stack(Stack& stack) {
  App* app = App::of(stack);
  if (app == nullptr) throw Error(fmt::format("'{}': the stack is not in an app", stack.path()));
  std::vector<std::string> problems = cdk::detail::prepare_app(*app);
  if (problems.empty()) {
    Json document = cdk::detail::render_template(stack, problems);
    if (problems.empty()) return Template(std::move(document));
  }
  throw ValidationError(std::move(problems));
}

Template Template::from_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(fmt::format("cannot read template '{}'", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  try {
    return Template(Json::parse(text.str()));
  } catch (const Json::parse_error& e) {
    throw Error(fmt::format("template '{}' is not valid json: {}", file.string(), e.what()));
  }
}

Template Template::from_string(std::string_view json) {
  try {
    return Template(Json::parse(json));
  } catch (const Json::parse_error& e) {
    throw Error(fmt::format("template is not valid json: {}", e.what()));
  }
}

Json Template::resources_of_type(std::string_view type, bool with_properties) const {
  Json found = Json::object();
  const Json resources = template_.value("Resources", Json::object());
  for (const auto& [id, resource] : resources.items()) {
    if (resource.value("Type", "") != type) continue;
    found[id] = resource;
    if (with_properties && !resource.contains("Properties")) {
      found[id]["Properties"] = Json::object();
    }
  }
  return found;
}

Json Template::entries_named(const char* section, std::string_view logical_id) const {
  Json found = Json::object();
  const Json entries = template_.value(section, Json::object());
  for (const auto& [id, entry] : entries.items()) {
    if (logical_id == "*" || id == logical_id) found[id] = entry;
  }
  return found;
}

void Template::has_resource(std::string_view type, const Pattern& resource) const {
  expect_some(resources_of_type(type, false), resource,
              fmt::format("resources with type {}", type));
}

void Template::has_resource_properties(std::string_view type, const Pattern& properties) const {
  const bool absent = properties.is_matcher_named("absent");
  expect_some(resources_of_type(type, !absent), properties_pattern(properties),
              fmt::format("resources with type {}", type));
}

void Template::resource_count_is(std::string_view type, std::size_t count) const {
  expect_count(type, count, resources_of_type(type, false).size());
}

void Template::resource_properties_count_is(std::string_view type, const Pattern& properties,
                                            std::size_t count) const {
  const bool absent = properties.is_matcher_named("absent");
  const Json resources = resources_of_type(type, !absent);
  expect_count(type, count,
               detail::match_section(resources, properties_pattern(properties)).matches.size());
}

void Template::all_resources(std::string_view type, const Pattern& resource) const {
  expect_all(resources_of_type(type, false), resource, type);
}

void Template::all_resources_properties(std::string_view type, const Pattern& properties) const {
  const bool absent = properties.is_matcher_named("absent");
  expect_all(resources_of_type(type, !absent), properties_pattern(properties), type);
}

Json Template::find_resources(std::string_view type, const Pattern& resource) const {
  return detail::match_section(resources_of_type(type, false), resource).matches;
}

void Template::has_output(std::string_view logical_id, const Pattern& output) const {
  expect_some(entries_named("Outputs", logical_id), output,
              fmt::format("outputs named {}", logical_id));
}

Json Template::find_outputs(std::string_view logical_id, const Pattern& output) const {
  return detail::match_section(entries_named("Outputs", logical_id), output).matches;
}

void Template::has_parameter(std::string_view logical_id, const Pattern& parameter) const {
  expect_some(entries_named("Parameters", logical_id), parameter,
              fmt::format("parameters with logicalId '{}'", logical_id));
}

Json Template::find_parameters(std::string_view logical_id, const Pattern& parameter) const {
  return detail::match_section(entries_named("Parameters", logical_id), parameter).matches;
}

void Template::has_mapping(std::string_view logical_id, const Pattern& mapping) const {
  expect_some(entries_named("Mappings", logical_id), mapping,
              fmt::format("mappings with logicalId {}", logical_id));
}

Json Template::find_mappings(std::string_view logical_id, const Pattern& mapping) const {
  return detail::match_section(entries_named("Mappings", logical_id), mapping).matches;
}

void Template::has_condition(std::string_view logical_id, const Pattern& condition) const {
  expect_some(entries_named("Conditions", logical_id), condition,
              fmt::format("conditions with logicalId {}", logical_id));
}

Json Template::find_conditions(std::string_view logical_id, const Pattern& condition) const {
  return detail::match_section(entries_named("Conditions", logical_id), condition).matches;
}

void Template::template_matches(const Pattern& expected) const {
  const MatchResult result = match_value(expected, template_);
  if (!result.has_failed()) return;
  std::string message = "Template did not match as expected. The following mismatches were found:";
  for (const std::string& line : result.to_human_strings()) message += "\n\t" + line;
  throw AssertionError(message);
}

}  // namespace cdk::assertions
