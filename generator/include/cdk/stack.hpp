// cdkpp: a stack, the unit of deployment that becomes one CloudFormation template.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/construct.hpp"
#include "cdk/environment.hpp"
#include "cdk/value.hpp"

namespace cdk {

class Stage;

struct StackProps {
  // The CloudFormation stack name; by default derived from the construct path as the AWS CDK
  // does (the stage name, '-', the id).
  std::optional<std::string> stack_name;
  // Where to deploy; by default the enclosing stage's environment, else environment-agnostic.
  std::optional<Environment> env;
  std::string description;
  bool termination_protection = false;
};

// How a file asset is uploaded: the file as it is, or a folder as a zip archive.
enum class FileAssetPackaging { file, zip_directory };

// A file asset as its stack's asset manifest lists it.
struct FileAssetSource {
  // The content hash; also the object key's stem.
  std::string source_hash;
  // The staged copy, relative to the stack's assembly folder.
  std::string file_name;
  FileAssetPackaging packaging = FileAssetPackaging::file;
  std::string display_name;
  // The object key's ending: ".zip" for folders, else the file's extension.
  std::string extension;
};

// Where the default synthesizer publishes a file asset: the bootstrap bucket, under the hash.
struct FileAssetLocation {
  Value bucket_name;
  Value object_key;
  Value s3_object_url;
  Value http_url;
};

struct StackDependency {
  const class Stack* stack;
  std::string reason;
};

class Stack : public Construct {
 public:
  Stack(Construct& scope, std::string_view id, StackProps props = {});

  // The stack that contains construct (the construct itself if it is a stack); throws
  // cdk::Error naming the path when the construct is not inside a stack.
  static const Stack& of(const Construct& construct);
  static Stack& of(Construct& construct);

  const std::string& stack_name() const { return stack_name_; }
  // The artifact ID in the cloud assembly and the template's file name stem.
  const std::string& artifact_id() const { return artifact_id_; }
  std::string template_file() const { return artifact_id_ + ".template.json"; }
  const Environment& environment() const { return env_; }
  const std::string& description() const { return props_.description; }
  bool termination_protection() const { return props_.termination_protection; }
  const Stage& stage() const { return *stage_; }

  // The account and region: literals when the environment names them, else the pseudo
  // parameters (which, like the AWS CDK's, are not exported when used in another stack).
  Value account() const;
  Value region() const;
  Value partition() const;
  Value url_suffix() const;

  // Deploy this stack after other; both must be in the same stage. Throws cdk::Error on a
  // dependency that crosses stages or closes a cycle.
  void add_dependency(const Stack& other, std::string reason = "");
  // Throws what add_dependency(other, reason) would throw, and changes nothing.
  void check_dependency(const Stack& other, const std::string& reason) const;
  const std::vector<StackDependency>& dependencies() const { return dependencies_; }
  // True when this stack depends on other, directly or through other stacks.
  bool depends_on(const Stack& other) const;
  bool depends_directly_on(const Stack& other) const;

  // Registers a file asset for this stack's asset manifest (cdk::Asset does it); the same hash
  // twice is one asset, described as it was first, with one destination per object key.
  // Returns where it will be published.
  FileAssetLocation add_file_asset(FileAssetSource source);
  // The file assets in the order they were added, one per hash and object key.
  const std::vector<FileAssetSource>& file_assets() const { return file_assets_; }

 private:
  StackProps props_;
  const Stage* stage_;
  Environment env_;
  std::string artifact_id_;
  std::string stack_name_;
  std::vector<StackDependency> dependencies_;
  std::vector<FileAssetSource> file_assets_;
};

}  // namespace cdk
