// cdkpp: the source fingerprint of a file or folder asset, computed as the AWS CDK computes it
// (FileSystem.fingerprint with its defaults), so that an asset gets the same hash under both.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cdk::detail {

// "<size>:<sha256>" of a file's content; text (no NUL byte in the first 8 KiB) is hashed with
// CRLF turned into LF, read in 8 KiB pieces as the AWS CDK reads it.
std::string content_fingerprint(const std::filesystem::path& file);

struct Fingerprint {
  std::string hash;
  // Every file and folder read, for the synth's depfile.
  std::vector<std::filesystem::path> inputs;
};

// Fingerprints already taken in an app, by source path and extra hash.
struct AssetCache {
  std::map<std::pair<std::filesystem::path, std::string>, Fingerprint> fingerprints;
};

// The fingerprint of a file, or of a folder's files depth-first in name order. Symbolic links
// that point inside the folder are hashed as links; those that point outside it are followed.
// Entries that is_excluded_from_assets names are left out. extra_hash is
// mixed in first. Throws cdk::Error when the path is neither a file nor a folder or cannot be
// read; the message names the path.
Fingerprint fingerprint(const std::filesystem::path& path, const std::string& extra_hash = "");

// Whether a file, folder or link of this name is left out of assets, as the AWS CDK leaves
// ".is_custom_resource" out at any depth.
bool is_excluded_from_assets(const std::filesystem::path& name);

// Where a symbolic link found in an asset folder leads, resolved as the AWS CDK resolves it:
// normalized, its folder part canonical, its last part as written.
struct LinkTarget {
  std::filesystem::path text;      // what the link holds
  std::filesystem::path resolved;  // the place it names
  bool internal = false;           // within the asset's root folder
};
LinkTarget resolve_link(const std::filesystem::path& link, const std::filesystem::path& root);

// Folder entries in the AWS CDK's order: by UTF-16 code units, as JavaScript sorts strings.
bool utf16_less(const std::string& a, const std::string& b);

}  // namespace cdk::detail
