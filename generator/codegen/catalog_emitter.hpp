// cdkpp-codegen: the specification compiled into the library for synth-time checks.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace cdkpp::codegen {

// The definitions of generator/src/spec/catalog.hpp: every resource's entry, without its
// documentation, as compact JSON text in a sorted table.
std::string emit_catalog(const nlohmann::json& document, const std::string& banner);

}  // namespace cdkpp::codegen
