// cdkpp: template assertions with object-like matching.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/template.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../synthesis.hpp"
#include "cdk/app.hpp"
#include "cdk/stack.hpp"

namespace cdk::assertions {
namespace {

std::string shorten(const Json& value) {
  std::string text = value.dump();
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

std::string escape_pointer_token(const std::string& key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped.push_back(c);
    }
  }
  return escaped;
}

void match(const Json& pattern, const Json& actual, const std::string& where,
           std::vector<std::string>& out) {
  const std::string at = where.empty() ? "/" : where;
  if (pattern.is_object()) {
    if (!actual.is_object()) {
      out.push_back(fmt::format("{}: expected an object but found {}", at, shorten(actual)));
      return;
    }
    for (const auto& [key, expected] : pattern.items()) {
      const std::string child = where + "/" + escape_pointer_token(key);
      if (!actual.contains(key)) {
        out.push_back(fmt::format("{}: missing key '{}'", at, key));
      } else {
        match(expected, actual.at(key), child, out);
      }
    }
    return;
  }
  if (pattern.is_array()) {
    if (!actual.is_array()) {
      out.push_back(fmt::format("{}: expected an array but found {}", at, shorten(actual)));
      return;
    }
    if (pattern.size() != actual.size()) {
      out.push_back(fmt::format("{}: expected {} elements but found {}: {}", at, pattern.size(),
                                actual.size(), shorten(actual)));
      return;
    }
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      match(pattern[i], actual[i], where + "/" + std::to_string(i), out);
    }
    return;
  }
  if (pattern != actual) {
    out.push_back(
        fmt::format("{}: expected {} but found {}", at, shorten(pattern), shorten(actual)));
  }
}

Json resources_of_type(const Json& document, std::string_view type) {
  Json found = Json::object();
  if (!document.contains("Resources")) return found;
  for (const auto& [id, resource] : document["Resources"].items()) {
    if (resource.value("Type", "") == type) found[id] = resource;
  }
  return found;
}

// Fails with every candidate's mismatches, closest (fewest mismatches) first.
[[noreturn]] void fail_no_match(
    std::string_view what, std::size_t count,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& candidates) {
  // As the AWS CDK words it: ", but none match" only when there was something to match.
  std::string message = fmt::format("template has {} {}", count, what);
  if (candidates.empty()) throw AssertionError(message);
  message += ", but none match as expected";

  auto sorted = candidates;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); });
  message += fmt::format("; the closest is '{}':", sorted.front().first);
  for (const std::string& line : sorted.front().second) message += "\n  " + line;
  throw AssertionError(message);
}

}  // namespace

std::vector<std::string> object_like_mismatches(const Json& pattern, const Json& actual) {
  std::vector<std::string> out;
  match(pattern, actual, "", out);
  return out;
}

Template::Template(Json document) : template_(std::move(document)) {}

Template Template::from_stack(Stack& stack) {
  auto* app = dynamic_cast<App*>(&stack.root());
  if (app == nullptr) throw Error(fmt::format("'{}': the stack is not in an app", stack.path()));
  std::vector<std::string> problems = detail::prepare_app(*app);
  if (problems.empty()) {
    Json document = detail::render_template(stack, problems);
    if (problems.empty()) return Template(std::move(document));
  }
  throw ValidationError(std::move(problems));
}

Template Template::from_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(fmt::format("cannot read template '{}'", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  return from_string(text.str());
}

Template Template::from_string(std::string_view json) {
  try {
    return Template(Json::parse(json));
  } catch (const Json::parse_error& e) {
    throw Error(fmt::format("template is not valid json: {}", e.what()));
  }
}

void Template::has_resource(std::string_view type, const Json& resource) const {
  const Json candidates = resources_of_type(template_, type);
  std::vector<std::pair<std::string, std::vector<std::string>>> tried;
  for (const auto& [id, actual] : candidates.items()) {
    auto mismatches = object_like_mismatches(resource, actual);
    if (mismatches.empty()) return;
    tried.emplace_back(id, std::move(mismatches));
  }
  fail_no_match(fmt::format("resources with type {}", type), candidates.size(), tried);
}

void Template::has_resource_properties(std::string_view type, const Json& properties) const {
  // A resource without Properties is matched as if it had an empty object.
  const Json candidates = resources_of_type(template_, type);
  std::vector<std::pair<std::string, std::vector<std::string>>> tried;
  for (const auto& [id, actual] : candidates.items()) {
    const Json actual_properties = actual.value("Properties", Json::object());
    auto mismatches = object_like_mismatches(properties, actual_properties);
    if (mismatches.empty()) return;
    tried.emplace_back(id, std::move(mismatches));
  }
  fail_no_match(fmt::format("resources with type {}", type), candidates.size(), tried);
}

void Template::resource_count_is(std::string_view type, std::size_t count) const {
  const std::size_t found = resources_of_type(template_, type).size();
  if (found != count) {
    throw AssertionError(
        fmt::format("expected {} resources of type {} but found {}", count, type, found));
  }
}

void Template::has_output(std::string_view logical_id, const Json& output) const {
  const Json outputs = template_.value("Outputs", Json::object());
  std::vector<std::pair<std::string, std::vector<std::string>>> tried;
  for (const auto& [id, actual] : outputs.items()) {
    if (logical_id != "*" && id != logical_id) continue;
    auto mismatches = object_like_mismatches(output, actual);
    if (mismatches.empty()) return;
    tried.emplace_back(id, std::move(mismatches));
  }
  fail_no_match(fmt::format("outputs named {}", logical_id), tried.size(), tried);
}

Json Template::find_resources(std::string_view type, const Json& resource) const {
  // Held in a variable: items() of a temporary would dangle inside the loop.
  const Json candidates = resources_of_type(template_, type);
  Json found = Json::object();
  for (const auto& [id, actual] : candidates.items()) {
    if (object_like_mismatches(resource, actual).empty()) found[id] = actual;
  }
  return found;
}

}  // namespace cdk::assertions
