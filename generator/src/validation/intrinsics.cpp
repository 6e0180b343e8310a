// cdkpp: what intrinsic functions resolve to.
// SPDX-License-Identifier: Apache-2.0
#include "validation/intrinsics.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

namespace cdk::detail::validation {
namespace {

using Kind = Produced::Kind;

Produced of(Kind kind) { return Produced{kind, nullptr}; }

Produced list_of(Produced element) {
  return Produced{Kind::list, std::make_shared<const Produced>(std::move(element))};
}

Produced list_of_strings() { return list_of(of(Kind::string)); }

// A spec type (of an attribute) as a produced value; a union could be any of its members.
Produced from_spec(const SpecType& type) {
  switch (type.kind) {
    case SpecType::Kind::string:
    case SpecType::Kind::timestamp:
      return of(Kind::string);
    case SpecType::Kind::integer:
      return of(Kind::integer);
    case SpecType::Kind::number:
      return of(Kind::number);
    case SpecType::Kind::boolean:
      return of(Kind::boolean);
    case SpecType::Kind::tag:
    case SpecType::Kind::named:
      return of(Kind::object);
    case SpecType::Kind::list:
      return list_of(from_spec(type.members.front()));
    case SpecType::Kind::map:
      return Produced{Kind::map, std::make_shared<const Produced>(from_spec(type.members.front()))};
    default:
      return of(Kind::any);
  }
}

// A parameter's Ref by its Type: List<...> and CommaDelimitedList give lists of strings, and
// AWS::SSM::Parameter::Value<T> gives what T gives.
Produced parameter_result(std::string_view type) {
  constexpr std::string_view kSsmValue = "AWS::SSM::Parameter::Value<";
  if (type.starts_with(kSsmValue) && type.ends_with(">")) {
    type = type.substr(kSsmValue.size(), type.size() - kSsmValue.size() - 1);
  }
  if (type == "String" || type == "AWS::SSM::Parameter::Name") return of(Kind::string);
  if (type == "Number") return of(Kind::number);
  if (type == "CommaDelimitedList" || type.starts_with("List<")) return list_of_strings();
  if (type.starts_with("AWS::")) return of(Kind::string);  // AWS::EC2::VPC::Id and the like
  return of(Kind::any);
}

Produced pseudo_parameter_result(std::string_view name) {
  constexpr std::array<std::string_view, 6> kStrings = {"AWS::AccountId", "AWS::Partition",
                                                        "AWS::Region",    "AWS::StackId",
                                                        "AWS::StackName", "AWS::URLSuffix"};
  if (name == "AWS::NoValue") return of(Kind::absent);
  if (name == "AWS::NotificationARNs") return list_of_strings();
  if (std::find(kStrings.begin(), kStrings.end(), name) != kStrings.end()) return of(Kind::string);
  return of(Kind::any);
}

bool fits_element(const SpecType& expected, const Produced& produced) {
  return produced.element == nullptr || fits(expected.members.front(), *produced.element);
}

}  // namespace

std::string to_string(const Produced& produced) {
  const std::string element = produced.element ? to_string(*produced.element) : "any value";
  switch (produced.kind) {
    case Kind::any:
      return "any value";
    case Kind::absent:
      return "no value";
    case Kind::string:
      return "string";
    case Kind::integer:
      return "integer";
    case Kind::number:
      return "number";
    case Kind::boolean:
      return "boolean";
    case Kind::object:
      return "object";
    case Kind::list:
      return "list<" + element + ">";
    case Kind::map:
      return "map<" + element + ">";
  }
  return "any value";
}

bool fits(const SpecType& expected, const Produced& produced) {
  const Kind kind = produced.kind;
  if (kind == Kind::any || kind == Kind::absent) return true;
  switch (expected.kind) {
    case SpecType::Kind::any_of:
      return std::any_of(expected.members.begin(), expected.members.end(),
                         [&](const SpecType& member) { return fits(member, produced); });
    case SpecType::Kind::json:
      return kind == Kind::object || kind == Kind::list || kind == Kind::map;
    // CloudFormation writes a number computed at deploy time as text where text is expected.
    case SpecType::Kind::string:
    case SpecType::Kind::timestamp:
      return kind == Kind::string || kind == Kind::integer || kind == Kind::number;
    // A Number parameter may hold a whole number or not; which one is known at deploy time.
    case SpecType::Kind::integer:
    case SpecType::Kind::number:
      return kind == Kind::integer || kind == Kind::number;
    case SpecType::Kind::boolean:
      return kind == Kind::boolean;
    case SpecType::Kind::tag:
    case SpecType::Kind::named:
      return kind == Kind::object || kind == Kind::map;
    case SpecType::Kind::list:
      return kind == Kind::list && fits_element(expected, produced);
    case SpecType::Kind::map:
      return kind == Kind::object || (kind == Kind::map && fits_element(expected, produced));
  }
  return true;
}

bool is_intrinsic(const Json& value) {
  if (!value.is_object() || value.size() != 1) return false;
  const std::string& key = value.begin().key();
  return key == "Ref" || key.starts_with("Fn::");
}

bool is_absent(const Json& value) {
  if (value.is_null()) return true;
  if (!value.is_object() || value.size() != 1) return false;
  const auto ref = value.find("Ref");
  return ref != value.end() && *ref == "AWS::NoValue";
}

bool is_dynamic_reference(const Json& value) {
  return value.is_string() &&
         value.get_ref<const std::string&>().find("{{resolve:") != std::string::npos;
}

std::optional<GetAttArguments> get_att_arguments(const Json& argument) {
  if (argument.is_string()) {
    const std::string& text = argument.get_ref<const std::string&>();
    const std::size_t dot = text.find('.');
    if (dot == std::string::npos) return std::nullopt;
    return GetAttArguments{text.substr(0, dot), text.substr(dot + 1)};
  }
  if (argument.is_array() && argument.size() == 2 && argument[0].is_string() &&
      argument[1].is_string()) {
    return GetAttArguments{argument[0].get<std::string>(), argument[1].get<std::string>()};
  }
  return std::nullopt;
}

Produced IntrinsicTypes::result_of(const Json& call) {
  const std::string& name = call.begin().key();
  const Json& argument = call.begin().value();

  if (name == "Ref")
    return argument.is_string() ? ref_result(argument.get<std::string>()) : of(Kind::any);
  if (name == "Fn::GetAtt") {
    const std::optional<GetAttArguments> get_att = get_att_arguments(argument);
    return get_att ? look_up(*get_att).type : of(Kind::any);
  }
  constexpr std::array<std::string_view, 5> kStrings = {"Fn::Join", "Fn::Sub", "Fn::Base64",
                                                        "Fn::ImportValue", "Fn::ToJsonString"};
  constexpr std::array<std::string_view, 3> kStringLists = {"Fn::Split", "Fn::GetAZs", "Fn::Cidr"};
  if (std::find(kStrings.begin(), kStrings.end(), name) != kStrings.end()) return of(Kind::string);
  if (std::find(kStringLists.begin(), kStringLists.end(), name) != kStringLists.end()) {
    return list_of_strings();
  }
  if (name == "Fn::Length") return of(Kind::integer);
  // Fn::Select, Fn::FindInMap, Fn::Transform and anything else: known at deploy time only.
  return of(Kind::any);
}

AttributeLookup IntrinsicTypes::look_up(const GetAttArguments& get_att) {
  const Json* resource = nullptr;
  if (const auto resources = document_.find("Resources"); resources != document_.end()) {
    if (const auto found = resources->find(get_att.logical_id); found != resources->end()) {
      resource = &*found;
    }
  }
  if (resource == nullptr || !resource->is_object()) return {};
  const auto type = resource->find("Type");
  if (type == resource->end() || !type->is_string()) return {};
  const std::string& type_name = type->get_ref<const std::string&>();
  if (is_custom_resource_type(type_name)) return {};

  const ResourceSchema* schema = spec_.find(type_name);
  if (schema == nullptr) return {};  // a third-party type, or an unknown one reported elsewhere
  if (type_name == "AWS::CloudFormation::Stack" && get_att.attribute.starts_with("Outputs.")) {
    return {AttributeLookup::Status::known, of(Kind::string), schema};
  }
  const auto attribute = schema->attributes().find(get_att.attribute);
  if (attribute == schema->attributes().end() || !attribute->is_string()) {
    return {AttributeLookup::Status::unknown, of(Kind::any), schema};
  }
  return {AttributeLookup::Status::known, from_spec(schema->parse(attribute->get<std::string>())),
          schema};
}

Produced IntrinsicTypes::ref_result(const std::string& name) const {
  for (const char* section : {"Parameters", "Resources"}) {
    const auto entries = document_.find(section);
    if (entries == document_.end() || !entries->is_object()) continue;
    const auto entry = entries->find(name);
    if (entry == entries->end()) continue;
    if (std::string_view(section) == "Resources") return of(Kind::string);
    const auto type = entry->find("Type");
    return type != entry->end() && type->is_string()
               ? parameter_result(type->get_ref<const std::string&>())
               : of(Kind::any);
  }
  return pseudo_parameter_result(name);
}

}  // namespace cdk::detail::validation
