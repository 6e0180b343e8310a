// cdkpp: the conventions of the AWS CDK's DefaultStackSynthesizer: the bootstrap roles, bucket
// and version check that `cdk bootstrap` sets up in an account.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "cdk/stack.hpp"
#include "cdk/value.hpp"

namespace cdk::detail {

inline constexpr const char* kDefaultQualifier = "hnb659fds";
inline constexpr int kRequiredBootstrapVersion = 6;
inline constexpr int kLookupRoleBootstrapVersion = 8;

// The bootstrap resources a stack deploys with, specialized for its environment.
struct BootstrapNames {
  std::string deploy_role_arn;
  std::string cloudformation_execution_role_arn;
  std::string file_publishing_role_arn;
  std::string lookup_role_arn;
  std::string assets_bucket;
  std::string version_parameter;
};

BootstrapNames bootstrap_names(const Stack& stack, const std::string& qualifier);

// The qualifier: context "@aws-cdk/core:bootstrapQualifier", else the default.
std::string bootstrap_qualifier(const Stack& stack);

// The stack's artifact properties in manifest.json, given its template's sha256.
Json stack_artifact_properties(const Stack& stack, const std::string& template_hash);

// Where a file asset of the stack is published, as template values.
FileAssetLocation file_asset_location(const Stack& stack, const FileAssetSource& source);

// The stack's asset manifest (<artifact id>.assets.json) publishing its file assets, then the
// template.
Json stack_asset_manifest(const Stack& stack, const std::string& template_hash);

// The asset manifest artifact in manifest.json.
Json asset_manifest_artifact(const Stack& stack);

}  // namespace cdk::detail
