// cdkpp: the CloudFormation resource specification compiled into the library, for the checks
// that synthesis makes on every resource. The definitions are generated at build time by
// cdkpp-codegen from generator/spec/cloudformation-spec.json.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cdk::detail::spec {

// One resource type of the specification: its entry under "resources" as compact JSON text,
// without the documentation sentences (tools/spec/README.md describes the fields).
struct CatalogEntry {
  std::string_view type;
  std::string_view schema_json;
};

// Every resource type of the specification, sorted by type name.
std::span<const CatalogEntry> catalog();

// The entry's JSON text, or nullopt when the type is not in the specification.
std::optional<std::string_view> find_resource_schema(std::string_view type);

// The specification's source package version ("0.1.216"), for messages.
std::string_view source_version();

}  // namespace cdk::detail::spec
