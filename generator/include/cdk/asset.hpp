// cdkpp: file and folder assets: local files that the deployment uploads to the bootstrap
// bucket before the template that refers to them is deployed (the AWS CDK's s3_assets.Asset).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "cdk/construct.hpp"
#include "cdk/stack.hpp"
#include "cdk/value.hpp"

namespace cdk {

class CfnResource;

struct AssetProps {
  // A file (uploaded as it is) or a folder (uploaded as a zip archive of its files). A relative
  // path is taken from the current folder.
  std::filesystem::path path;
  // Shown by the deploying tools; by default the asset's path below its stack ("Function/Code").
  std::string display_name;
  // Mixed into the hash, to publish the same content again under a new key.
  std::string extra_hash;
};

// An asset: hashed by content when it is made (the same hash the AWS CDK gives the same files),
// copied into the cloud assembly as "asset.<hash>" when the app is synthesized, and listed in
// its stack's asset manifest, which `cdk deploy` and cdk-assets publish. Every file read is an
// input of the synth step, so editing one synthesizes again.
class Asset : public Construct {
 public:
  // Throws cdk::Error naming the construct path and the asset path when the path is missing or
  // is neither a file nor a folder, or when the asset is not inside a stack.
  Asset(Construct& scope, std::string_view id, AssetProps props);

  const std::string& asset_hash() const { return hash_; }
  // The staged copy, relative to the stack's assembly folder ("asset.<hash>", or with "../"
  // for a stack inside a stage): what the aws:asset:path metadata holds.
  const std::string& asset_path() const { return asset_path_; }
  // The staged copy's name in the root assembly folder.
  const std::string& staged_name() const { return staged_name_; }
  const std::filesystem::path& source_path() const { return source_path_; }
  FileAssetPackaging packaging() const { return packaging_; }
  bool is_file() const { return packaging_ == FileAssetPackaging::file; }
  // True for folders (zipped when published) and for files that are archives already.
  bool is_zip_archive() const { return zip_archive_; }

  // Where the asset is published, as template values.
  const Value& bucket_name() const { return location_.bucket_name; }
  const Value& object_key() const { return location_.object_key; }
  const Value& s3_object_url() const { return location_.s3_object_url; }
  const Value& http_url() const { return location_.http_url; }

  // Tells local tools (SAM) which of the resource's properties this asset fills: adds the
  // aws:asset:path, aws:asset:is-bundled and aws:asset:property metadata, unless the context
  // turns asset metadata off ("aws:cdk:enable-asset-metadata": false).
  void add_resource_metadata(CfnResource& resource, std::string property) const;

 private:
  std::filesystem::path source_path_;
  std::string hash_;
  std::string staged_name_;
  std::string asset_path_;
  FileAssetPackaging packaging_ = FileAssetPackaging::file;
  bool zip_archive_ = false;
  FileAssetLocation location_;
};

}  // namespace cdk
