// cdkpp: copies assets into the cloud assembly.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>

#include "cdk/app.hpp"

namespace cdk::detail {

// Copies every asset of the app into root (the root assembly folder) as its staged name; an
// asset staged already (the same hash used twice) is copied once. Throws cdk::Error naming
// the asset's construct path and the file when a copy fails.
void stage_assets(App& app, const std::filesystem::path& root);

}  // namespace cdk::detail
