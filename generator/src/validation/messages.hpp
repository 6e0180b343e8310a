// cdkpp: the wording shared by the spec checks: values as messages show them, property paths,
// and near-miss suggestions.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/value.hpp"

namespace cdk::detail::validation {

// The value as compact JSON, cut to a few dozen characters ("..." marks a cut).
std::string shorten(const Json& value);

// A literal as messages describe it: `string "5"`, `integer 5`, `object {"Key":"a"}`, `null`.
std::string describe_literal(const Json& value);

// Property paths: "Environment.Variables.TABLE", "KeySchema[0].AttributeName"; a key that is not
// a plain word is quoted: Tags["aws:cdk:path"].
std::string member_path(const std::string& path, const std::string& key);
std::string item_path(const std::string& path, std::size_t index);

// The candidate that the word is most probably a misspelling of, if one stands out.
std::optional<std::string> closest_name(std::string_view word,
                                        const std::vector<std::string>& candidates);

// "A, B, C".
std::string join_names(const std::vector<std::string>& names);

}  // namespace cdk::detail::validation
