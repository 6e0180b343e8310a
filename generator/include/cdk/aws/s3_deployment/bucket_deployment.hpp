// cdkpp L2: copies folder assets into a bucket at deploy time, as the AWS CDK's
// s3_deployment.BucketDeployment does, through a custom resource whose Python handler ships
// with cdkpp and is itself an asset.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/asset.hpp"
#include "cdk/aws/cloudfront/distribution.hpp"
#include "cdk/aws/lambda/function.hpp"
#include "cdk/aws/s3/bucket.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::s3_deployment {

struct BucketDeploymentProps {
  // Folder assets, copied in order (a later file wins).
  std::vector<const Asset*> sources;
  s3::Bucket* destination_bucket = nullptr;
  // "" for the bucket's root; otherwise a folder, with or without the trailing '/'.
  std::string destination_key_prefix;
  // Written as <prefix>config.json, with the values CloudFormation resolves at deploy time (a
  // reference to another resource, an import); null for none.
  Value config;
  // Objects under the prefix that the sources do not hold are deleted.
  bool prune = true;
  // Deleting the deployment leaves the files in the bucket. When false, deleting it deletes
  // every object under the prefix, whoever wrote it, so the prefix must not be empty.
  bool retain_on_delete = true;
  // A distribution to invalidate once the files are copied; null for none.
  const cloudfront::Distribution* distribution = nullptr;
  std::vector<std::string> distribution_paths = {"/*"};
  // Concurrency reserved for the stack's handler function; unset: none (reserving any fails in
  // accounts still at the new-account concurrency limit). Every deployment of a stack that
  // sets it must set the same value.
  std::optional<int> handler_reserved_concurrency;
};

// A Custom::CDKBucketDeployment resource at "<id>/CustomResource". Its handler function is
// shared by every deployment of the stack, at "<stack>/BucketDeploymentHandler"; each
// deployment adds to its role, in a policy of its own at "<id>/HandlerPolicy", what it needs:
// reading its sources, writing the destination prefix, invalidating its distribution. Throws
// cdk::Error naming the construct path for a source that is not a folder, no source, no
// destination, files deleted on delete from the bucket's root, or an invalidation path that
// does not start with '/'.
class BucketDeployment : public Construct {
 public:
  BucketDeployment(Construct& scope, std::string_view id, BucketDeploymentProps props);

  const CfnResource& resource() const { return *resource_; }
  // The stack's shared handler.
  const lambda::Function& handler() const { return *handler_; }

 private:
  CfnResource* resource_ = nullptr;
  lambda::Function* handler_ = nullptr;
};

}  // namespace cdk::aws::s3_deployment
