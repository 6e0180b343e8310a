// cdkpp: asset staging.
// SPDX-License-Identifier: Apache-2.0
#include "asset_staging.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "cdk/asset.hpp"
#include "cdk/errors.hpp"
#include "synthesis.hpp"

namespace cdk::detail {
namespace fs = std::filesystem;
namespace {

bool is_inside(const fs::path& root, const fs::path& target) {
  auto [end, _] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return end == root.end();
}

// Copies a folder as the fingerprint reads it: links within the folder are copied as links,
// links that leave it are followed, and a folder reached again through a link is skipped.
class FolderCopy {
 public:
  explicit FolderCopy(fs::path root) : root_(std::move(root)) {}

  void copy(const fs::path& from, const fs::path& to) {
    const fs::path canonical = fs::canonical(from);
    if (!ancestors_.insert(canonical).second) return;
    fs::create_directory(to);

    for (const fs::directory_entry& entry : fs::directory_iterator(from)) {
      const fs::path name = entry.path().filename();
      if (name == ".is_custom_resource") continue;
      const fs::file_status status = entry.symlink_status();
      if (fs::is_symlink(status)) {
        copy_link(entry.path(), to / name);
      } else if (fs::is_directory(status)) {
        copy(entry.path(), to / name);
      } else if (fs::is_regular_file(status)) {
        fs::copy_file(entry.path(), to / name);
      }
    }
    ancestors_.erase(canonical);
  }

 private:
  void copy_link(const fs::path& link, const fs::path& to) {
    const fs::path target = fs::read_symlink(link);
    std::error_code error;
    const fs::path resolved =
        fs::weakly_canonical(target.is_absolute() ? target : link.parent_path() / target, error);
    if (error || is_inside(root_, resolved) || !fs::exists(resolved)) {
      fs::create_symlink(target, to);
    } else if (fs::is_directory(resolved)) {
      copy(resolved, to);
    } else {
      fs::copy_file(resolved, to);
    }
  }

  fs::path root_;
  std::set<fs::path> ancestors_;
};

void stage_asset(const Asset& asset, const fs::path& root) {
  const fs::path target = root / asset.staged_name();
  if (fs::exists(fs::symlink_status(target))) return;

  // A copy goes to a temporary name first, so that a failed one is not taken for staged.
  const fs::path partial = root / (asset.staged_name() + ".partial");
  try {
    fs::remove_all(partial);
    if (asset.packaging() == FileAssetPackaging::zip_directory) {
      FolderCopy(fs::canonical(asset.source_path())).copy(asset.source_path(), partial);
    } else {
      fs::copy_file(asset.source_path(), partial);
    }
    fs::rename(partial, target);
  } catch (const fs::filesystem_error& failure) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    throw Error(fmt::format("{}: cannot stage asset '{}': {}", asset.describe(),
                            asset.source_path().string(), failure.what()));
  }
}

}  // namespace

void stage_assets(App& app, const fs::path& root) {
  for (const Stack* stack : all_stacks(app)) {
    for (const Construct* construct : stack_constructs(*stack)) {
      if (const auto* asset = dynamic_cast<const Asset*>(construct)) stage_asset(*asset, root);
    }
  }
}

}  // namespace cdk::detail
