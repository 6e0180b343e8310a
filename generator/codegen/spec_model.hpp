// cdkpp-codegen: the CloudFormation specification as the generator reads it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cdkpp::codegen {

// A type in the specification's vocabulary (tools/spec/README.md).
struct TypeExpr {
  enum class Kind { primitive, named, list, map, union_of };

  Kind kind = Kind::primitive;
  std::string name;               // primitive: "string", "integer", ...; named: the nested type
  std::vector<TypeExpr> members;  // list and map: one element type; union_of: the members
};

// Parses "list<KeySchema>|json" and the like; throws std::runtime_error naming the text.
TypeExpr parse_type(const std::string& text);

struct Property {
  std::string name;  // as CloudFormation writes it
  TypeExpr type;
  std::string type_text;
  bool required = false;
  std::string update;  // "", "replacement" or "conditional"
  bool deprecated = false;
  std::string doc;
};

struct NestedType {
  std::string name;
  std::string doc;
  std::vector<Property> properties;  // sorted by name
};

struct Attribute {
  std::string name;  // as Fn::GetAtt takes it, dots included
  std::string type_text;
};

struct Resource {
  std::string type;     // "AWS::DynamoDB::Table"
  std::string vendor;   // "aws"
  std::string service;  // "dynamodb"
  std::string name;     // "Table"
  std::string doc;
  std::vector<Property> properties;
  std::vector<Attribute> attributes;
  std::vector<NestedType> types;  // sorted by name
};

// One header and one source: the resources of a service, sorted by type name.
struct Service {
  std::string vendor;  // "aws", "alexa"
  std::string name;    // "dynamodb"
  std::vector<const Resource*> resources;

  std::string key() const { return vendor + "/" + name; }
};

struct Spec {
  nlohmann::json source;                             // {"package": ..., "version": ...}
  std::vector<std::unique_ptr<Resource>> resources;  // sorted by type
  std::map<std::string, Service> services;           // by key()
};

// Reads the specification file; throws std::runtime_error on anything it does not expect.
Spec load_spec(const nlohmann::json& document);

}  // namespace cdkpp::codegen
