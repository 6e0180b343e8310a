// cdkpp: file and folder assets.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/asset.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "cdk/app.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/errors.hpp"
#include "cdk/stage.hpp"
#include "fingerprint.hpp"

namespace cdk {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, 5> kArchiveExtensions = {".tar.gz", ".zip", ".jar", ".tar",
                                                                ".tgz"};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The staged copy's ending, as the AWS CDK chooses it: a known archive ending, in lower case
// (".tar.gz" whole), else what follows the name's last dot; folders are named the same way.
std::string staged_extension(const fs::path& source) {
  const std::string path = lower(source.string());
  for (std::string_view archive : kArchiveExtensions) {
    if (path.ends_with(archive)) return std::string(archive);
  }
  return source.extension().string();
}

bool is_archive(const std::string& extension) {
  const std::string ending = lower(extension);
  return std::find(kArchiveExtensions.begin(), kArchiveExtensions.end(), ending) !=
         kArchiveExtensions.end();
}

// How many folders up the root assembly is from the folder of the stack's (nested) assembly.
int nested_assembly_depth(const Stack& stack) {
  int depth = 0;
  for (const Stage* stage = &stack.stage(); stage->scope() != nullptr;
       stage = Stage::of(*stage->scope())) {
    ++depth;
  }
  return depth;
}

std::string stack_relative_path(const Construct& construct, const Stack& stack) {
  return construct.path().substr(stack.path().size() + 1);
}

bool asset_metadata_enabled(const Construct& construct) {
  const App* app = App::of(construct);
  if (app == nullptr) return true;
  return app->context().try_get_bool("aws:cdk:enable-asset-metadata").value_or(true);
}

}  // namespace

Asset::Asset(Construct& scope, std::string_view id, AssetProps props) : Construct(scope, id) {
  Stack& stack = Stack::of(*this);
  if (props.path.empty()) throw Error(fmt::format("{}: the asset path is empty", describe()));

  source_path_ = fs::absolute(props.path).lexically_normal();
  if (!source_path_.has_filename()) source_path_ = source_path_.parent_path();
  std::error_code error;
  const fs::file_status status = fs::status(source_path_, error);
  if (!fs::exists(status)) {
    throw Error(
        fmt::format("{}: asset path '{}' does not exist", describe(), source_path_.string()));
  }
  if (!fs::is_directory(status) && !fs::is_regular_file(status)) {
    throw Error(fmt::format("{}: asset path '{}' is neither a file nor a folder", describe(),
                            source_path_.string()));
  }

  App* app = App::of(*this);
  detail::Fingerprint taken;
  const detail::Fingerprint* fingerprint = nullptr;
  auto key = std::make_pair(source_path_, props.extra_hash);
  if (app != nullptr) {
    auto& cache = app->asset_cache().fingerprints;
    if (auto found = cache.find(key); found != cache.end()) fingerprint = &found->second;
  }
  if (fingerprint == nullptr) {
    try {
      taken = detail::fingerprint(source_path_, props.extra_hash);
    } catch (const std::exception& failure) {  // cdk::Error, or std::filesystem's
      throw Error(fmt::format("{}: {}", describe(), failure.what()));
    }
    fingerprint = &taken;
    if (app != nullptr) {
      for (const fs::path& input : taken.inputs) app->record_input(input);
      fingerprint = &app->asset_cache().fingerprints.emplace(std::move(key), taken).first->second;
    }
  }

  hash_ = fingerprint->hash;
  const std::string extension = staged_extension(source_path_);
  staged_name_ = "asset." + hash_ + extension;
  asset_path_.clear();
  for (int level = nested_assembly_depth(stack); level > 0; --level) asset_path_ += "../";
  asset_path_ += staged_name_;
  packaging_ =
      fs::is_directory(status) ? FileAssetPackaging::zip_directory : FileAssetPackaging::file;
  zip_archive_ = packaging_ == FileAssetPackaging::zip_directory || is_archive(extension);

  // The AWS CDK's Asset has these two children; they keep tree.json the same.
  add<Construct>("Stage");
  add<Construct>("AssetBucket");

  location_ = stack.add_file_asset(FileAssetSource{
      .source_hash = hash_,
      .file_name = asset_path_,
      .packaging = packaging_,
      .display_name = props.display_name.empty() ? stack_relative_path(*this, stack)
                                                 : std::move(props.display_name),
      .extension = packaging_ == FileAssetPackaging::zip_directory
                       ? ".zip"
                       : fs::path(staged_name_).extension().string(),
  });
}

void Asset::add_resource_metadata(CfnResource& resource, std::string property) const {
  if (!asset_metadata_enabled(*this)) return;
  resource.add_metadata("aws:asset:path", asset_path_);
  resource.add_metadata("aws:asset:is-bundled", false);
  resource.add_metadata("aws:asset:property", std::move(property));
}

}  // namespace cdk
