// cdkpp: asset staging.
// SPDX-License-Identifier: Apache-2.0
#include "asset_staging.hpp"

#include <set>

#include <fmt/format.h>

#include "cdk/asset.hpp"
#include "cdk/errors.hpp"
#include "fingerprint.hpp"
#include "synthesis.hpp"

namespace cdk::detail {
namespace fs = std::filesystem;
namespace {

// Copies a folder as the fingerprint reads it: links within the folder stay links (written
// relative, so that the assembly holds no path of this machine), links that leave it are
// followed, and a folder reached again through a link is skipped.
class FolderCopy {
 public:
  FolderCopy(fs::path root, fs::path copy_root)
      : root_(std::move(root)), copy_root_(std::move(copy_root)) {}

  void copy(const fs::path& from, const fs::path& to) {
    const fs::path canonical = fs::canonical(from);
    if (!ancestors_.insert(canonical).second) return;
    fs::create_directory(to);

    for (const fs::directory_entry& entry : fs::directory_iterator(from)) {
      const fs::path name = entry.path().filename();
      if (is_excluded_from_assets(name)) continue;
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
    const LinkTarget target = resolve_link(link, root_);
    std::error_code error;
    const fs::file_status status = fs::status(target.resolved, error);
    if (target.internal) {
      const fs::path in_copy = copy_root_ / target.resolved.lexically_relative(root_);
      fs::create_symlink(in_copy.lexically_relative(to.parent_path()), to);
    } else if (error || !fs::exists(status)) {
      fs::create_symlink(target.text, to);  // dangling: kept as it is, as it was hashed
    } else if (fs::is_directory(status)) {
      copy(target.resolved, to);
    } else {
      fs::copy_file(target.resolved, to);
    }
  }

  fs::path root_;
  fs::path copy_root_;
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
      const fs::path root = fs::canonical(asset.source_path());
      FolderCopy(root, partial).copy(root, partial);
    } else {
      fs::copy_file(asset.source_path(), partial);
    }
    fs::rename(partial, target);
  } catch (const std::exception& failure) {
    std::error_code ignored;
    fs::remove_all(partial, ignored);
    throw Error(fmt::format("{}: cannot stage asset '{}': {}", asset.describe(),
                            asset.source_path().string(), failure.what()));
  }
}

}  // namespace

void stage_assets(App& app, const fs::path& root) {
  // Assets of one content share one staged copy: many functions often ship the same folder.
  std::set<std::string> staged;
  for (const Stack* stack : all_stacks(app)) {
    for (const Construct* construct : stack_constructs(*stack)) {
      const auto* asset = dynamic_cast<const Asset*>(construct);
      if (asset != nullptr && staged.insert(asset->staged_name()).second) stage_asset(*asset, root);
    }
  }
}

}  // namespace cdk::detail
