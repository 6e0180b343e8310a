// cdkpp: snapshot tests of templates: a synthesized template against a committed copy.
// SPDX-License-Identifier: Apache-2.0
//
//   cdk::assertions::match_snapshot(Template::from_stack(stack).to_json(),
//                                   "tests/snapshots/Storage.template.json");
//
// Run with CDKPP_UPDATE_SNAPSHOTS=1 to write the snapshots instead of comparing.
#pragma once

#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "cdk/value.hpp"

namespace cdk::assertions {

// The environment variable that, set to 1, turns comparisons into updates.
inline constexpr const char* kUpdateSnapshotsVariable = "CDKPP_UPDATE_SNAPSHOTS";

enum class SnapshotOutcome { matched, written };

// Compares actual with the JSON document in snapshot as parsed values (key order does not
// matter). On a difference, or when the snapshot is missing, throws AssertionError whose message
// ends in a unified diff of the two, written as indented JSON with sorted keys; with update
// (by default: CDKPP_UPDATE_SNAPSHOTS=1) writes actual into snapshot in that form instead.
SnapshotOutcome match_snapshot(const Json& actual, const std::filesystem::path& snapshot,
                               std::optional<bool> update = std::nullopt);

}  // namespace cdk::assertions
