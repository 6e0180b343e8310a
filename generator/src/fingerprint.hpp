// cdkpp: the source fingerprint of a file or folder asset, computed as the AWS CDK computes it
// (FileSystem.fingerprint with its defaults), so that an asset gets the same hash under both.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
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

// The fingerprint of a file, or of a folder's files depth-first in name order. Symbolic links
// that point inside the folder are hashed as links; those that point outside it are followed.
// Files named ".is_custom_resource" are left out, as the AWS CDK leaves them out. extra_hash is
// mixed in first. Throws cdk::Error when the path is neither a file nor a folder or cannot be
// read; the message names the path.
Fingerprint fingerprint(const std::filesystem::path& path, const std::string& extra_hash = "");

}  // namespace cdk::detail
