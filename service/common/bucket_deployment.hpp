// cdkpp reference application: copies folder assets into a bucket at deploy time, as the AWS
// CDK's s3_deployment.BucketDeployment does, through a custom resource whose handler
// (handlers/bucket_deployment/index.py) is itself an asset.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <cdk/asset.hpp>
#include <cdk/cfn_resource.hpp>
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

namespace service::common {

struct BucketDeploymentProps {
  // Folder assets, copied in order (a later file wins).
  std::vector<const cdk::Asset*> sources;
  cdk::Value destination_bucket_name;
  cdk::Value destination_bucket_arn;
  // "" for the bucket's root; otherwise a folder, with or without the trailing '/'.
  std::string destination_key_prefix;
  // Written as <prefix>config.json, with the values CloudFormation resolves at deploy time (a
  // reference to another resource, an import); null for none.
  cdk::Value config;
  // Objects under the prefix that the sources do not hold are deleted.
  bool prune = true;
  // Deleting the deployment leaves the files in the bucket. When false, deleting it deletes
  // every object under the prefix, whoever wrote it, so the prefix must not be empty.
  bool retain_on_delete = true;
  // A distribution to invalidate once the files are copied; null for none.
  cdk::Value distribution_id;
  cdk::Value distribution_arn;
  std::vector<std::string> distribution_paths = {"/*"};
};

// A Custom::CDKBucketDeployment resource at "<id>/CustomResource". Its handler function is
// shared by every deployment of the stack, at "<stack>/BucketDeploymentHandler"; each
// deployment adds to its role what it needs: reading its sources, writing the destination
// prefix, invalidating its distribution. Throws cdk::Error naming the construct path for a
// source that is not a folder, no source, no destination, or files deleted on delete from the
// bucket's root.
class BucketDeployment : public cdk::Construct {
 public:
  BucketDeployment(cdk::Construct& scope, std::string_view id, BucketDeploymentProps props);

  const cdk::CfnResource& resource() const { return *resource_; }

 private:
  cdk::CfnResource* resource_ = nullptr;
};

}  // namespace service::common
