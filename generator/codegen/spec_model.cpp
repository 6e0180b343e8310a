// cdkpp-codegen: reading the CloudFormation specification.
// SPDX-License-Identifier: Apache-2.0
#include "spec_model.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <fmt/format.h>

namespace cdkpp::codegen {
namespace {

constexpr int kFormat = 1;

bool is_primitive(const std::string& name) {
  static const char* const kPrimitives[] = {"string",    "integer", "number", "boolean",
                                            "timestamp", "json",    "tag"};
  return std::find(std::begin(kPrimitives), std::end(kPrimitives), name) != std::end(kPrimitives);
}

class TypeParser {
 public:
  explicit TypeParser(const std::string& text) : text_(text) {}

  TypeExpr parse() {
    TypeExpr type = parse_union();
    if (position_ != text_.size()) fail("unexpected text");
    return type;
  }

 private:
  TypeExpr parse_union() {
    std::vector<TypeExpr> members{parse_member()};
    while (position_ < text_.size() && text_[position_] == '|') {
      ++position_;
      members.push_back(parse_member());
    }
    if (members.size() == 1) return std::move(members.front());
    return TypeExpr{TypeExpr::Kind::union_of, "", std::move(members)};
  }

  TypeExpr parse_member() {
    const std::size_t start = position_;
    while (position_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[position_])) || text_[position_] == '_'))
      ++position_;
    std::string word = text_.substr(start, position_ - start);
    if (word.empty()) fail("expected a type");

    if ((word == "list" || word == "map") && position_ < text_.size() && text_[position_] == '<') {
      ++position_;
      TypeExpr element = parse_union();
      if (position_ >= text_.size() || text_[position_] != '>') fail("expected '>'");
      ++position_;
      return TypeExpr{
          word == "list" ? TypeExpr::Kind::list : TypeExpr::Kind::map, "", {std::move(element)}};
    }
    if (is_primitive(word)) return TypeExpr{TypeExpr::Kind::primitive, word, {}};
    if (!std::isupper(static_cast<unsigned char>(word.front())))
      fail("unknown type '" + word + "'");
    return TypeExpr{TypeExpr::Kind::named, word, {}};
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(
        fmt::format("type '{}': {} at character {}", text_, what, position_ + 1));
  }

  const std::string& text_;
  std::size_t position_ = 0;
};

std::string optional_string(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? "" : it->get<std::string>();
}

std::vector<Property> read_properties(const nlohmann::json& properties, const std::string& where) {
  std::vector<Property> result;
  for (const auto& [name, body] : properties.items()) {
    Property property;
    property.name = name;
    property.type_text = body.at("type").get<std::string>();
    try {
      property.type = parse_type(property.type_text);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(fmt::format("{}.{}: {}", where, name, e.what()));
    }
    property.required = body.value("required", false);
    property.update = optional_string(body, "update");
    property.deprecated = body.value("deprecated", false);
    property.doc = optional_string(body, "doc");
    result.push_back(std::move(property));
  }
  std::sort(result.begin(), result.end(),
            [](const Property& a, const Property& b) { return a.name < b.name; });
  return result;
}

// "AWS::DynamoDB::Table" -> {"AWS", "DynamoDB", "Table"}.
std::vector<std::string> split_type(const std::string& type) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = type.find("::", start)) != std::string::npos; start = at + 2) {
    parts.push_back(type.substr(start, at - start));
  }
  parts.push_back(type.substr(start));
  return parts;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::unique_ptr<Resource> read_resource(const std::string& type, const nlohmann::json& body) {
  const std::vector<std::string> parts = split_type(type);
  if (parts.size() != 3)
    throw std::runtime_error(fmt::format("'{}': not Vendor::Service::Name", type));

  auto resource = std::make_unique<Resource>();
  resource->type = type;
  resource->vendor = lower(parts[0]);
  resource->service = body.at("service").get<std::string>();
  resource->name = parts[2];
  resource->doc = optional_string(body, "doc");
  resource->properties = read_properties(body.at("properties"), type);
  for (const auto& [name, attribute_type] : body.at("attributes").items()) {
    resource->attributes.push_back({name, attribute_type.get<std::string>()});
  }
  for (const auto& [name, nested] : body.at("types").items()) {
    resource->types.push_back({name, optional_string(nested, "doc"),
                               read_properties(nested.at("properties"), type + "." + name)});
  }
  return resource;
}

}  // namespace

TypeExpr parse_type(const std::string& text) { return TypeParser(text).parse(); }

Spec load_spec(const nlohmann::json& document) {
  if (document.value("format", 0) != kFormat) {
    throw std::runtime_error(
        fmt::format("the specification has format {}, this generator reads format {}",
                    document.value("format", 0), kFormat));
  }
  Spec spec;
  spec.source = document.at("source");
  for (const auto& [type, body] : document.at("resources").items()) {
    spec.resources.push_back(read_resource(type, body));
  }
  std::sort(spec.resources.begin(), spec.resources.end(),
            [](const auto& a, const auto& b) { return a->type < b->type; });
  for (const auto& resource : spec.resources) {
    Service& service = spec.services[resource->vendor + "/" + resource->service];
    service.vendor = resource->vendor;
    service.name = resource->service;
    service.resources.push_back(resource.get());
  }
  return spec;
}

}  // namespace cdkpp::codegen
