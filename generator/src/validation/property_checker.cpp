// cdkpp: checks one resource's properties against its spec entry.
// SPDX-License-Identifier: Apache-2.0
#include "validation/property_checker.hpp"

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "validation/messages.hpp"

namespace cdk::detail::validation {
namespace {

// The built-in tag object of the spec's vocabulary.
const nlohmann::json& tag_definitions() {
  static const nlohmann::json kTag = {{"Key", {{"required", true}, {"type", "string"}}},
                                      {"Value", {{"required", true}, {"type", "string"}}}};
  return kTag;
}

bool is_whole_number(const Json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  const double d = value.get<double>();
  return std::isfinite(d) && d == std::floor(d);
}

bool is_required(const nlohmann::json& definition) {
  const auto required = definition.find("required");
  return required != definition.end() && *required == true;
}

std::string type_text(const nlohmann::json& definition) {
  const auto type = definition.find("type");
  return type != definition.end() && type->is_string() ? type->get<std::string>() : "json";
}

// Whether a literal has the scalar type; a dynamic reference stands for any scalar.
bool scalar_fits(SpecType::Kind kind, const Json& value) {
  if (is_dynamic_reference(value)) return true;
  switch (kind) {
    case SpecType::Kind::string:
    case SpecType::Kind::timestamp:
      return value.is_string();
    case SpecType::Kind::integer:
      return is_whole_number(value);
    case SpecType::Kind::number:
      return value.is_number();
    case SpecType::Kind::boolean:
      return value.is_boolean();
    default:
      return false;
  }
}

// Whether a union member is a structure (nested type, tag, list, map) of the value's shape.
bool is_structure_for(const SpecType& member, const Json& value) {
  switch (member.kind) {
    case SpecType::Kind::named:
    case SpecType::Kind::tag:
    case SpecType::Kind::map:
      return value.is_object();
    case SpecType::Kind::list:
      return value.is_array();
    default:
      return false;
  }
}

std::string type_mismatch(const std::string& path, const std::string& expected, const Json& value) {
  if (path.empty()) {
    return fmt::format("properties must be an object, got {}", describe_literal(value));
  }
  return fmt::format("property '{}' must be {}, got {}", path, expected, describe_literal(value));
}

}  // namespace

void PropertyChecker::check_resource(const Json& properties, bool open,
                                     std::vector<std::string>& out) {
  static const Json kNone = Json::object();
  const Shape shape{schema_.properties(), schema_.type(), open};
  const Json& value = properties.is_null() ? kNone : properties;

  if (is_intrinsic(value)) {
    // A whole property set chosen by a condition: each branch must be one.
    const Json& argument = value.begin().value();
    if (value.begin().key() == "Fn::If" && argument.is_array() && argument.size() == 3) {
      for (std::size_t branch = 1; branch <= 2; ++branch) {
        const Json& chosen = argument[branch];
        if (is_absent(chosen)) continue;
        if (chosen.is_object() && !is_intrinsic(chosen)) check_object(shape, chosen, "", out);
      }
    }
    return;
  }
  if (!value.is_object()) {
    out.push_back(type_mismatch("", "", value));
    return;
  }
  check_object(shape, value, "", out);
}

void PropertyChecker::check_value(const SpecType& expected, const Json& value,
                                  const std::string& path, std::vector<std::string>& out) {
  if (is_absent(value)) return;
  if (is_intrinsic(value)) {
    check_intrinsic(expected, value, path, out);
    return;
  }

  switch (expected.kind) {
    case SpecType::Kind::any_of:
      check_any_of(expected, value, path, out);
      return;
    case SpecType::Kind::list:
    case SpecType::Kind::map:
      check_collection(expected, value, path, out);
      return;
    case SpecType::Kind::json:
      if (!value.is_object() && !value.is_array())
        out.push_back(type_mismatch(path, "json", value));
      return;
    case SpecType::Kind::tag:
      if (!value.is_object()) {
        out.push_back(type_mismatch(path, "tag", value));
      } else {
        static const std::string kTagOwner = "tag";
        check_object(Shape{tag_definitions(), kTagOwner, false}, value, path, out);
      }
      return;
    case SpecType::Kind::named: {
      if (!value.is_object()) {
        out.push_back(type_mismatch(path, expected.name, value));
        return;
      }
      // A nested type with no properties listed takes any object.
      const nlohmann::json* definitions = schema_.nested_properties(expected.name);
      if (definitions != nullptr && !definitions->empty()) {
        check_object(Shape{*definitions, expected.name, false}, value, path, out);
      }
      return;
    }
    default:
      if (!scalar_fits(expected.kind, value)) {
        out.push_back(type_mismatch(path, to_string(expected), value));
      }
      return;
  }
}

void PropertyChecker::check_object(const Shape& shape, const Json& value, const std::string& path,
                                   std::vector<std::string>& out) {
  // A transform beside the properties rewrites the object at deploy time (AWS::Include).
  if (value.contains("Fn::Transform")) return;

  for (const auto& [key, item] : value.items()) {
    const std::string item_path = member_path(path, key);
    const auto definition = shape.definitions.find(key);
    if (definition != shape.definitions.end()) {
      check_value(schema_.parse(type_text(*definition)), item, item_path, out);
      continue;
    }
    if (shape.open) continue;

    std::vector<std::string> known;
    for (const auto& [name, ignored] : shape.definitions.items()) known.push_back(name);
    if (const std::optional<std::string> near = closest_name(key, known)) {
      out.push_back(fmt::format("unknown property '{}'; did you mean '{}'?", item_path, *near));
    } else if (known.empty()) {
      out.push_back(
          fmt::format("unknown property '{}'; {} has no properties", item_path, shape.owner));
    } else {
      out.push_back(fmt::format("unknown property '{}'; known properties of {}: {}", item_path,
                                shape.owner, join_names(known)));
    }
  }

  for (const auto& [name, definition] : shape.definitions.items()) {
    if (!is_required(definition)) continue;
    const auto given = value.find(name);
    if (given == value.end() || is_absent(*given)) {
      out.push_back(fmt::format("missing required property '{}' ({})", member_path(path, name),
                                type_text(definition)));
    }
  }
}

void PropertyChecker::check_any_of(const SpecType& expected, const Json& value,
                                   const std::string& path, std::vector<std::string>& out) {
  // An object or a list is meant for the structured members (nested type, list, map) of its
  // shape when there are any: json, which takes any object or list, stands for the rest. Of
  // those members, the problems reported are those of the closest (the fewest problems).
  std::vector<const SpecType*> structured;
  for (const SpecType& member : expected.members) {
    if (is_structure_for(member, value)) structured.push_back(&member);
  }
  const std::string union_text = to_string(expected);

  if (structured.empty()) {
    for (const SpecType& member : expected.members) {
      std::vector<std::string> problems;
      check_value(member, value, path, problems);
      if (problems.empty()) return;
    }
    out.push_back(type_mismatch(path, union_text, value));
    return;
  }

  const SpecType* closest = nullptr;
  std::vector<std::string> closest_problems;
  for (const SpecType* member : structured) {
    std::vector<std::string> problems;
    check_value(*member, value, path, problems);
    if (problems.empty()) return;
    if (closest == nullptr || problems.size() < closest_problems.size()) {
      closest = member;
      closest_problems = std::move(problems);
    }
  }
  for (const std::string& problem : closest_problems) {
    out.push_back(fmt::format("property '{}' fits no member of {}; as {}: {}", path, union_text,
                              to_string(*closest), problem));
  }
}

void PropertyChecker::check_collection(const SpecType& expected, const Json& value,
                                       const std::string& path, std::vector<std::string>& out) {
  const SpecType& element = expected.members.front();
  if (expected.kind == SpecType::Kind::list && value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      check_value(element, value[i], item_path(path, i), out);
    }
  } else if (expected.kind == SpecType::Kind::map && value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      check_value(element, item, member_path(path, key), out);
    }
  } else {
    out.push_back(type_mismatch(path, to_string(expected), value));
  }
}

void PropertyChecker::check_intrinsic(const SpecType& expected, const Json& value,
                                      const std::string& path, std::vector<std::string>& out) {
  const Json& argument = value.begin().value();
  if (value.begin().key() == "Fn::If") {
    // Either branch may be chosen; a branch of AWS::NoValue leaves the property out.
    if (argument.is_array() && argument.size() == 3) {
      check_value(expected, argument[1], path, out);
      check_value(expected, argument[2], path, out);
    }
    return;
  }

  const Produced produced = intrinsics_.result_of(value);
  if (!fits(expected, produced)) {
    out.push_back(fmt::format("property '{}' must be {}, got {}, which resolves to {}", path,
                              to_string(expected), shorten(value), to_string(produced)));
  }
}

}  // namespace cdk::detail::validation
