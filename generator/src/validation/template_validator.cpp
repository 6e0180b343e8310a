// cdkpp: checks a rendered template's resources against the CloudFormation spec.
// SPDX-License-Identifier: Apache-2.0
#include "validation/template_validator.hpp"

#include <fmt/format.h>

#include "cdk/errors.hpp"
#include "validation/intrinsics.hpp"
#include "validation/messages.hpp"
#include "validation/property_checker.hpp"

namespace cdk::detail::validation {
namespace {

// The template sections whose elements may use Fn::GetAtt (Metadata is not checked).
constexpr const char* kScannedSections[] = {"Resources", "Outputs", "Conditions", "Rules"};

std::string element_kind(const std::string& section) {
  if (section == "Outputs") return "output";
  if (section == "Conditions") return "condition";
  return "rule";
}

// Finds every Fn::GetAtt in an element and reports the attributes that the target's type does
// not have.
class GetAttScan {
 public:
  GetAttScan(IntrinsicTypes& intrinsics, const std::map<std::string, std::string>& paths,
             const std::string& element, std::vector<std::string>& problems)
      : intrinsics_(intrinsics), paths_(paths), element_(element), problems_(problems) {}

  // in_properties: the value is (in) a resource's Properties, named "property 'X'". Inside a
  // function's arguments the place named is the one of the function, except in Fn::If's
  // branches, which stand where the function does.
  void scan(const Json& value, bool in_properties, const std::string& path,
            bool in_function = false) {
    if (is_intrinsic(value)) {
      const std::string& name = value.begin().key();
      const Json& argument = value.begin().value();
      if (name == "Fn::GetAtt") {
        check(argument, in_properties, path);
      } else if (name == "Fn::If" && argument.is_array() && argument.size() == 3) {
        scan(argument[1], in_properties, path);
        scan(argument[2], in_properties, path);
      } else {
        scan(argument, in_properties, path, true);
      }
    } else if (value.is_object()) {
      for (const auto& [key, item] : value.items()) {
        scan(item, in_properties, in_function ? path : member_path(path, key), in_function);
      }
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) {
        scan(value[i], in_properties, in_function ? path : item_path(path, i), in_function);
      }
    }
  }

 private:
  void check(const Json& argument, bool in_properties, const std::string& path) {
    const std::optional<GetAttArguments> get_att = get_att_arguments(argument);
    if (!get_att) return;
    const AttributeLookup lookup = intrinsics_.look_up(*get_att);
    if (lookup.status != AttributeLookup::Status::unknown) return;

    std::vector<std::string> known;
    for (const auto& [name, ignored] : lookup.target->attributes().items()) known.push_back(name);
    std::string hint;
    if (const std::optional<std::string> near = closest_name(get_att->attribute, known)) {
      hint = fmt::format("did you mean '{}'?", *near);
    } else if (known.empty()) {
      hint = fmt::format("{} has no attributes", lookup.target->type());
    } else {
      hint = fmt::format("attributes of {}: {}", lookup.target->type(), join_names(known));
    }

    const auto target = paths_.find(get_att->logical_id);
    problems_.push_back(
        fmt::format("{}: Fn::GetAtt {} names unknown attribute '{}' of '{}' ({}); {}", element_,
                    where(in_properties, path), get_att->attribute,
                    target != paths_.end() ? target->second : get_att->logical_id,
                    lookup.target->type(), hint));
  }

  static std::string where(bool in_properties, const std::string& path) {
    if (in_properties) return path.empty() ? "in the properties" : "in property '" + path + "'";
    return "in '" + path + "'";
  }

  IntrinsicTypes& intrinsics_;
  const std::map<std::string, std::string>& paths_;
  const std::string& element_;
  std::vector<std::string>& problems_;
};

}  // namespace

void TemplateValidator::validate(const Json& document,
                                 const std::map<std::string, std::string>& construct_paths,
                                 std::vector<std::string>& problems) {
  IntrinsicTypes intrinsics(document, spec_);
  auto path_of = [&](const std::string& logical_id) {
    const auto found = construct_paths.find(logical_id);
    return found != construct_paths.end() ? found->second : logical_id;
  };

  for (const char* section : kScannedSections) {
    const auto entries = document.find(section);
    if (entries == document.end() || !entries->is_object()) continue;
    for (const auto& [logical_id, body] : entries->items()) {
      if (std::string_view(section) != "Resources") {
        const std::string element =
            fmt::format("'{}' ({})", path_of(logical_id), element_kind(section));
        GetAttScan(intrinsics, construct_paths, element, problems).scan(body, false, "");
        continue;
      }

      const auto type = body.is_object() ? body.find("Type") : body.end();
      if (!body.is_object() || type == body.end() || !type->is_string()) {
        problems.push_back(fmt::format("'{}': a resource needs a Type", path_of(logical_id)));
        continue;
      }
      const std::string element =
          fmt::format("'{}' ({})", path_of(logical_id), type->get<std::string>());
      check_resource(intrinsics, type->get<std::string>(), body, element, problems);

      GetAttScan scan(intrinsics, construct_paths, element, problems);
      for (const auto& [key, value] : body.items()) {
        if (key == "Metadata") continue;
        scan.scan(value, key == "Properties", key == "Properties" ? "" : key);
      }
    }
  }
}

void TemplateValidator::check_resource(IntrinsicTypes& intrinsics, const std::string& type,
                                       const Json& body, const std::string& element,
                                       std::vector<std::string>& problems) {
  static const Json kNoProperties = Json::object();
  const auto properties = body.find("Properties");
  const Json& given = properties != body.end() ? *properties : kNoProperties;

  std::vector<std::string> found;
  try {
    // Custom resources take any property besides those of every custom resource.
    const bool custom = is_custom_resource_type(type);
    const ResourceSchema* schema = spec_.find(custom ? kCustomResourceType : type);
    if (schema != nullptr) {
      PropertyChecker(*schema, intrinsics).check_resource(given, custom, found);
    } else if (spec_.has_vendor_of(type)) {
      // Types of other vendors (third-party registry types) are not in the spec.
      const std::optional<std::string> near = spec_.closest_type(type);
      found.push_back(near ? fmt::format("unknown resource type; did you mean '{}'?", *near)
                           : "unknown resource type");
    }
  } catch (const Error& e) {
    found.push_back(fmt::format("cannot be checked against the CloudFormation spec: {}", e.what()));
  }
  for (const std::string& problem : found) problems.push_back(element + ": " + problem);
}

}  // namespace cdk::detail::validation
