// cdkpp: matching every entry of a template section, and the failure text (internal).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cdk/assertions/match.hpp"

namespace cdk::assertions::detail {

struct SectionMatch {
  Json matches = Json::object();  // logical ID to entry, for the entries that match
  std::vector<std::pair<std::string, MatchResult>> misses;  // the others, in section order
};

// Tests every entry of `entries` (logical ID to value); captures accumulate over all of them.
SectionMatch match_section(const Json& entries, const Pattern& pattern);

// "Template has N <qualifier>, but none match as expected." and the closest misses.
std::string section_failure(const Json& entries, const SectionMatch& match,
                            const std::string& qualifier);

}  // namespace cdk::assertions::detail
