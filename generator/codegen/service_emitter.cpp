// cdkpp-codegen: the header and the source of one service's typed resource classes.
// SPDX-License-Identifier: Apache-2.0
#include "service_emitter.hpp"

#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "naming.hpp"

namespace cdkpp::codegen {
namespace {

constexpr std::size_t kWidth = 100;

// Writes text as // comments wrapped at kWidth, each line indented by indent.
void comment(std::ostringstream& out, const std::string& indent, const std::string& text) {
  std::istringstream words(text);
  std::string line;
  std::string word;
  auto flush = [&] {
    // A line comment that ends in a backslash would swallow the next line.
    if (!line.empty() && line.back() == '\\') line += '.';
    out << indent << "//" << line << "\n";
    line.clear();
  };
  while (words >> word) {
    if (!line.empty() && indent.size() + 2 + line.size() + 1 + word.size() > kWidth) flush();
    line += " " + word;
  }
  if (!line.empty()) flush();
}

// Which direct struct fields must be boxed (cdk::Prop<XProperty>) so that no struct contains
// itself: the back edges of a depth-first walk, in name order. Also gives the order in which
// the structs are defined: every struct held directly is defined before its holder.
struct StructPlan {
  std::vector<const NestedType*> order;
  std::set<std::pair<std::string, std::string>> boxed;  // (holder, held)
};

StructPlan plan_structs(const Resource& resource) {
  std::map<std::string, const NestedType*> by_name;
  for (const NestedType& type : resource.types) by_name[type.name] = &type;

  StructPlan plan;
  std::map<std::string, int> state;  // 1: being visited, 2: done
  std::function<void(const NestedType&)> visit = [&](const NestedType& type) {
    state[type.name] = 1;
    for (const Property& property : type.properties) {
      if (property.type.kind != TypeExpr::Kind::named) continue;
      const std::string& held = property.type.name;
      if (!by_name.count(held)) {
        throw std::runtime_error(fmt::format("{}.{}.{}: unknown type '{}'", resource.type,
                                             type.name, property.name, held));
      }
      if (state[held] == 1) {
        plan.boxed.insert({type.name, held});
      } else if (state[held] == 0) {
        visit(*by_name[held]);
      }
    }
    state[type.name] = 2;
    plan.order.push_back(&type);
  };
  for (const NestedType& type : resource.types) {
    if (state[type.name] == 0) visit(type);
  }
  return plan;
}

std::string primitive_type(const std::string& name) {
  if (name == "string" || name == "timestamp") return "cdk::Prop<std::string>";
  if (name == "integer") return "cdk::Prop<std::int64_t>";
  if (name == "number") return "cdk::Prop<double>";
  if (name == "boolean") return "cdk::Prop<bool>";
  if (name == "tag") return "cdk::CfnTag";
  return "cdk::Prop<cdk::Value>";  // json
}

std::string element_type(const TypeExpr& type);

// A union is any value, except that "a struct, or JSON" and "a list, or JSON" keep the struct's
// or the list's type (whose property also takes any value): KeySchema is list<KeySchema>|json.
std::string union_type(const TypeExpr& type) {
  const std::vector<TypeExpr>& members = type.members;
  if (members.size() == 2 && members[1].kind == TypeExpr::Kind::primitive &&
      members[1].name == "json") {
    if (members[0].kind == TypeExpr::Kind::named)
      return "cdk::Prop<" + struct_name(members[0].name) + ">";
    if (members[0].kind == TypeExpr::Kind::list) return element_type(members[0]);
  }
  return "cdk::Prop<cdk::Value>";
}

// The C++ type of a list or map element.
std::string element_type(const TypeExpr& type) {
  switch (type.kind) {
    case TypeExpr::Kind::primitive:
      return primitive_type(type.name);
    case TypeExpr::Kind::named:
      return struct_name(type.name);
    case TypeExpr::Kind::list:
      return "cdk::PropList<" + element_type(type.members.front()) + ">";
    case TypeExpr::Kind::map:
      return "cdk::PropMap<" + element_type(type.members.front()) + ">";
    case TypeExpr::Kind::union_of:
      return union_type(type);
  }
  return "";
}

// The C++ type of a field: a nested struct is held directly unless that closes a cycle.
std::string field_type(const TypeExpr& type, bool boxed) {
  if (type.kind == TypeExpr::Kind::named && boxed) {
    return "cdk::Prop<" + struct_name(type.name) + ">";
  }
  return element_type(type);
}

std::string property_note(const Property& property) {
  std::string note = property.required ? "Required" : "Optional";
  note += fmt::format(" `{}`.", property.type_text);
  if (property.update == "replacement") note += " Changing it replaces the resource.";
  if (property.update == "conditional") note += " Changing it may replace the resource.";
  if (property.deprecated) note += " Deprecated.";
  return note;
}

// Field names of one struct, checked for two CloudFormation names that map to one C++ name.
std::vector<std::string> field_names(const std::vector<Property>& properties,
                                     const std::string& where) {
  std::vector<std::string> names;
  std::map<std::string, std::string> seen;
  for (const Property& property : properties) {
    std::string name = snake_case(property.name);
    auto [it, inserted] = seen.emplace(name, property.name);
    if (!inserted) {
      throw std::runtime_error(fmt::format("{}: properties '{}' and '{}' both become '{}'", where,
                                           it->second, property.name, name));
    }
    names.push_back(std::move(name));
  }
  return names;
}

class ServiceWriter {
 public:
  ServiceWriter(const Service& service, const std::string& banner)
      : service_(service), banner_(banner) {
    namespace_ = fmt::format("cdk::{}::{}", service.vendor, service.name);
  }

  GeneratedService run() {
    GeneratedService result;
    result.header_path = fmt::format("cdk/{}/{}.hpp", service_.vendor, service_.name);
    result.source_path = fmt::format("{}/{}.cpp", service_.vendor, service_.name);

    header_ << "// " << banner_ << "\n";
    header_ << fmt::format(
        "// The typed resource classes of the {} CloudFormation resource "
        "types of service '{}'.\n",
        service_.resources.size(), service_.name);
    header_ << "#pragma once\n\n#include <cstdint>\n#include <string>\n#include <string_view>\n\n"
            << "#include \"cdk/cfn_resource.hpp\"\n#include \"cdk/property.hpp\"\n\n"
            << "namespace " << namespace_ << " {\n";
    source_ << "// " << banner_ << "\n#include \"" << result.header_path << "\"\n\n"
            << "#include <utility>\n\nnamespace " << namespace_ << " {\n";

    for (const Resource* resource : service_.resources) {
      write_class(*resource);
      ++result.classes;
    }

    header_ << "\n}  // namespace " << namespace_ << "\n";
    source_ << "\n}  // namespace " << namespace_ << "\n";
    result.header = header_.str();
    result.source = source_.str();
    return result;
  }

 private:
  void write_class(const Resource& resource) {
    const std::string name = class_name(resource.name);
    const StructPlan plan = plan_structs(resource);

    header_ << "\n";
    comment(header_, "", resource.type + (resource.doc.empty() ? "" : ": " + resource.doc));
    header_ << "class " << name << " : public cdk::CfnResource {\n public:\n";
    header_ << "  static constexpr std::string_view kCfnType = \"" << resource.type << "\";\n";

    if (!resource.types.empty()) {
      header_ << "\n";
      for (const NestedType& type : resource.types) {
        header_ << "  struct " << struct_name(type.name) << ";\n";
      }
    }
    for (const NestedType* type : plan.order) {
      header_ << "\n";
      if (!type->doc.empty()) comment(header_, "  ", type->doc);
      write_struct(struct_name(type->name), type->properties, resource.type + "." + type->name,
                   [&](const Property& p) {
                     return plan.boxed.count({type->name, p.type.name}) > 0;
                   });
    }

    header_ << "\n  // The resource's properties.\n";
    write_struct("Props", resource.properties, resource.type,
                 [](const Property&) { return false; });

    header_ << "\n  " << name << "(cdk::Construct& scope, std::string_view id, Props props = {});\n"
            << "\n  Props& props() { return props_; }\n"
            << "  const Props& props() const { return props_; }\n";
    write_attributes(resource);
    header_ << "\n protected:\n  cdk::Object typed_properties() const override;\n"
            << "\n private:\n  Props props_;\n};\n";

    if (!resource.types.empty()) header_ << "\n";
    for (const NestedType& type : resource.types) {
      header_ << "cdk::Object to_object(const " << name << "::" << struct_name(type.name)
              << "& value);\n";
    }

    write_definitions(resource, name);
  }

  template <class IsBoxed>
  void write_struct(const std::string& name, const std::vector<Property>& properties,
                    const std::string& where, IsBoxed is_boxed) {
    const std::vector<std::string> fields = field_names(properties, where);
    header_ << "  struct " << name << " {\n";
    for (std::size_t i = 0; i < properties.size(); ++i) {
      const Property& property = properties[i];
      if (i > 0) header_ << "\n";
      comment(header_, "    ",
              (property.doc.empty() ? "" : property.doc + " ") + property_note(property));
      header_ << "    " << field_type(property.type, is_boxed(property)) << " " << fields[i]
              << ";\n";
    }
    header_ << "  };\n";
  }

  void write_attributes(const Resource& resource) {
    if (resource.attributes.empty()) return;
    header_ << "\n  // Fn::GetAtt attributes.\n";

    // "CertificateAuthority.Data" and "CertificateAuthorityData" both exist: the attribute
    // without dots keeps the plain name, the dotted one spells its dots "_dot_".
    std::map<std::string, std::string> taken;
    for (const Attribute& attribute : resource.attributes) {
      if (attribute.name.find('.') == std::string::npos) {
        taken[attribute_function(attribute.name)] = attribute.name;
      }
    }
    for (const Attribute& attribute : resource.attributes) {
      std::string function = attribute_function(attribute.name);
      if (attribute.name.find('.') != std::string::npos) {
        if (taken.count(function)) {
          std::string spelled = attribute.name;
          for (std::size_t at; (at = spelled.find('.')) != std::string::npos;) {
            spelled.replace(at, 1, "_dot_");
          }
          function = attribute_function(spelled);
        }
        auto [it, inserted] = taken.emplace(function, attribute.name);
        if (!inserted) {
          throw std::runtime_error(fmt::format("{}: attributes '{}' and '{}' both become '{}'",
                                               resource.type, it->second, attribute.name,
                                               function));
        }
      }
      header_ << fmt::format("  cdk::Value {}() const {{ return get_att(\"{}\"); }}  // `{}`\n",
                             function, attribute.name, attribute.type_text);
    }
  }

  void write_definitions(const Resource& resource, const std::string& name) {
    source_ << "\n"
            << name << "::" << name << "(cdk::Construct& scope, std::string_view id, Props props)\n"
            << "    : cdk::CfnResource(scope, id, std::string(kCfnType)), "
               "props_(std::move(props)) {}\n";
    write_renderer(fmt::format("cdk::Object {}::typed_properties() const", name), "props_",
                   resource.properties, resource.type);
    for (const NestedType& type : resource.types) {
      write_renderer(
          fmt::format("cdk::Object to_object(const {}::{}& value)", name, struct_name(type.name)),
          "value", type.properties, resource.type + "." + type.name);
    }
  }

  void write_renderer(const std::string& signature, const std::string& object,
                      const std::vector<Property>& properties, const std::string& where) {
    const std::vector<std::string> fields = field_names(properties, where);
    source_ << "\n" << signature << " {\n  cdk::Object out;\n";
    if (!properties.empty()) source_ << "  out.reserve(" << properties.size() << ");\n";
    for (std::size_t i = 0; i < properties.size(); ++i) {
      source_ << "  cdk::detail::put(out, \"" << properties[i].name << "\", " << object << "."
              << fields[i] << ");\n";
    }
    source_ << "  return out;\n}\n";
  }

  const Service& service_;
  const std::string& banner_;
  std::string namespace_;
  std::ostringstream header_;
  std::ostringstream source_;
};

}  // namespace

GeneratedService emit_service(const Service& service, const std::string& banner) {
  return ServiceWriter(service, banner).run();
}

}  // namespace cdkpp::codegen
