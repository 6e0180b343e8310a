// cdkpp: the type vocabulary of the CloudFormation spec (tools/spec/README.md), parsed.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cdk::detail::validation {

// One type of the spec: "string", "KeySchema", "list<tag>", "integer|string", ...
struct SpecType {
  enum class Kind {
    string,
    integer,
    number,
    boolean,
    timestamp,
    json,
    tag,
    named,
    list,
    map,
    any_of
  };

  Kind kind = Kind::json;
  std::string name;               // named: the nested type of the same resource
  std::vector<SpecType> members;  // list and map: the element type; any_of: the union's members
};

// Parses a type of the spec; throws cdk::Error naming the text when it is not in the grammar.
SpecType parse_spec_type(std::string_view text);

// The type as the spec writes it.
std::string to_string(const SpecType& type);

}  // namespace cdk::detail::validation
