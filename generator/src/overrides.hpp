// cdkpp: the escape hatches' path syntax and the merge of overrides into a rendered resource.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cdk/value.hpp"

namespace cdk::detail {

// Splits an override path at '.', where "\." stands for a '.' inside a part.
std::vector<std::string> split_override_path(std::string_view path);

// Adds one override to the tree of overrides: parts below the last become objects (replacing
// whatever was there), the last is set to value; a discarded value marks a deletion.
void add_to_override_tree(Json& tree, const std::vector<std::string>& path, Json value);

// Merges the tree into the resource's entry as the AWS CDK does: objects key by key, an
// intrinsic function replaced as a whole, lists indexed by numeric keys, deletions removed, and
// objects left empty removed.
void merge_overrides(Json& entry, const Json& tree);

}  // namespace cdk::detail
