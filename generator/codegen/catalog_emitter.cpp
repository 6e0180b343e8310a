// cdkpp-codegen: the specification compiled into the library for synth-time checks.
// SPDX-License-Identifier: Apache-2.0
#include "catalog_emitter.hpp"

#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace cdkpp::codegen {
namespace {

// The checks need no documentation; leaving it out halves the table.
nlohmann::json without_docs(const nlohmann::json& value) {
  if (!value.is_object()) return value;
  nlohmann::json result = nlohmann::json::object();
  for (const auto& [key, member] : value.items()) {
    if (key != "doc") result[key] = without_docs(member);
  }
  return result;
}

constexpr const char* kDelimiter = "spec";

}  // namespace

std::string emit_catalog(const nlohmann::json& document, const std::string& banner) {
  std::ostringstream out;
  out << "// " << banner << "\n#include \"spec/catalog.hpp\"\n\n#include <algorithm>\n\n"
      << "namespace cdk::detail::spec {\nnamespace {\n\n"
      << "constexpr CatalogEntry kCatalog[] = {\n";
  for (const auto& [type, body] : document.at("resources").items()) {
    const std::string text = without_docs(body).dump();
    if (text.find(std::string(")") + kDelimiter + "\"") != std::string::npos) {
      throw std::runtime_error(fmt::format("'{}': its schema contains the raw string's end", type));
    }
    // With the length given, the compiler does not count 2 MB of characters at compile time.
    out << fmt::format("    {{\"{}\", {{R\"{}({}){}\", {}}}}},\n", type, kDelimiter, text,
                       kDelimiter, text.size());
  }
  out << "};\n\n}  // namespace\n\n"
      << "std::span<const CatalogEntry> catalog() { return kCatalog; }\n\n"
      << "std::optional<std::string_view> find_resource_schema(std::string_view type) {\n"
      << "  const auto* entry = std::lower_bound(\n"
      << "      std::begin(kCatalog), std::end(kCatalog), type,\n"
      << "      [](const CatalogEntry& e, std::string_view name) { return e.type < name; });\n"
      << "  if (entry == std::end(kCatalog) || entry->type != type) return std::nullopt;\n"
      << "  return entry->schema_json;\n}\n\n"
      << "std::string_view source_version() { return \""
      << document.at("source").at("version").get<std::string>() << "\"; }\n\n"
      << "}  // namespace cdk::detail::spec\n";
  return out.str();
}

}  // namespace cdkpp::codegen
