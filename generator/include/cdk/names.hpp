// cdkpp: the AWS CDK's naming rules: logical IDs, unique names, stack names.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cdk::names {

// The AWS CDK's makeUniqueId: a human part from the components plus an 8-hex-digit MD5 hash,
// or, for a single component, the component stripped to [A-Za-z0-9]. Throws cdk::Error for an
// empty list (after "Default" components are dropped).
std::string make_unique_id(const std::vector<std::string>& components);

// The AWS CDK's makeUniqueResourceName, used for stack names and artifact IDs.
std::string make_unique_resource_name(const std::vector<std::string>& components,
                                      std::size_t max_length, std::string_view separator = "",
                                      std::string_view allowed_specials = "");

// Upper-case hex of the first 8 hex digits of MD5 over the components joined with '/'.
std::string path_hash(const std::vector<std::string>& components);

// Removes every character outside [A-Za-z0-9].
std::string remove_non_alphanumeric(std::string_view text);

// True when the text is a valid logical ID: ^[A-Za-z0-9]{1,255}$.
bool is_valid_logical_id(std::string_view id);

// Compares two construct paths the way JavaScript's localeCompare orders ASCII text (used for
// the order of DependsOn): punctuation before digits before letters, case only breaking ties.
bool locale_less(std::string_view lhs, std::string_view rhs);

}  // namespace cdk::names
