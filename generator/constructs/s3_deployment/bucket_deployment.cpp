// cdkpp L2: bucket deployments.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/s3_deployment/bucket_deployment.hpp"

#include <utility>

#include "cdk/aws/iam.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk::aws::s3_deployment {
namespace {

constexpr std::string_view kHandlerId = "BucketDeploymentHandler";
constexpr int kHandlerTimeoutSeconds = 900;
constexpr int kHandlerMemorySize = 256;
constexpr int kHandlerLogRetentionDays = 30;

// The stack's one handler function, made by its first deployment.
lambda::Function& handler_of(const Construct& deployment, Stack& stack,
                             const std::optional<int>& reserved_concurrency) {
  if (auto* existing = stack.try_find_child(kHandlerId)) {
    auto& handler = dynamic_cast<lambda::Function&>(*existing);
    const Value& reserved = handler.resource().props().reserved_concurrent_executions.value();
    if (reserved_concurrency && reserved != Value(*reserved_concurrency)) {
      throw Error(deployment.describe() + ": handler reserved concurrency '" +
                  std::to_string(*reserved_concurrency) + "' differs from the " +
                  (reserved.is_null() ? std::string("none") : "'" + reserved.describe() + "'") +
                  " of the stack's handler, " + handler.describe());
    }
    return handler;
  }
  return stack.add<lambda::Function>(
      kHandlerId,
      lambda::FunctionProps{.runtime = lambda::Runtime::python_3_12(),
                            .handler = "index.handler",
                            .code = lambda::Code::from_asset(CDKPP_BUCKET_DEPLOYMENT_HANDLER_DIR),
                            .timeout_seconds = kHandlerTimeoutSeconds,
                            .memory_size = kHandlerMemorySize,
                            .reserved_concurrent_executions = reserved_concurrency,
                            .log_retention_days = kHandlerLogRetentionDays});
}

// What this deployment's handler may do, and no more: read its sources, list and write the
// destination prefix, invalidate its distribution.
std::vector<iam::PolicyStatement> handler_statements(const BucketDeploymentProps& props) {
  std::vector<Value> sources;
  for (const Asset* asset : props.sources) {
    sources.push_back("arn:" + Stack::of(*asset).partition() + ":s3:::" + asset->bucket_name() +
                      "/" + asset->object_key());
  }
  const s3::Bucket& bucket = *props.destination_bucket;
  std::vector<iam::PolicyStatement> statements = {
      {.actions = {"s3:GetObject"}, .resources = std::move(sources)},
      {.actions = {"s3:ListBucket"}, .resources = {bucket.bucket_arn()}},
      {.actions = {"s3:DeleteObject", "s3:PutObject"},
       .resources = {bucket.arn_for_objects(props.destination_key_prefix + "*")}},
  };
  if (props.distribution != nullptr) {
    statements.push_back(
        {.actions = {"cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"},
         .resources = {props.distribution->distribution_arn()}});
  }
  return statements;
}

void check(const Construct& scope, const BucketDeploymentProps& props) {
  if (props.sources.empty()) {
    throw Error(scope.describe() + ": a bucket deployment needs at least one source");
  }
  for (const Asset* asset : props.sources) {
    if (asset->packaging() != FileAssetPackaging::zip_directory) {
      throw Error(scope.describe() + ": source '" + asset->path() +
                  "' is not a folder asset: " + asset->source_path().string());
    }
  }
  if (props.destination_bucket == nullptr) {
    throw Error(scope.describe() + ": a bucket deployment needs its destination bucket");
  }
  // Deleting the deployment deletes everything under its prefix, whoever wrote it: the whole
  // bucket would be too much.
  if (!props.retain_on_delete && props.destination_key_prefix.empty()) {
    throw Error(scope.describe() +
                ": a deployment that deletes its files on delete needs a key prefix of its "
                "own, not the bucket's root");
  }
  for (const std::string& path : props.distribution_paths) {
    if (!path.empty() && path.front() == '/') continue;
    throw Error(scope.describe() + ": invalidation path '" + path + "' must start with '/'");
  }
}

// "site" and "site/" are the same folder; the policy and the handler both see "site/".
void normalize_prefix(std::string& prefix) {
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
}

}  // namespace

BucketDeployment::BucketDeployment(Construct& scope, std::string_view id,
                                   BucketDeploymentProps props)
    : Construct(scope, id) {
  check(*this, props);
  normalize_prefix(props.destination_key_prefix);
  handler_ = &handler_of(*this, Stack::of(*this), props.handler_reserved_concurrency);

  // A policy per deployment, on the shared role: a deployment's permissions go with it.
  auto& policy =
      add<Construct>("HandlerPolicy")
          .add<iam::CfnPolicy>(
              "Resource", iam::CfnPolicy::Props{
                              .policy_document = iam::policy_document(handler_statements(props)),
                              .roles = {handler_->role().role_name()}});
  policy.props().policy_name = iam::inline_policy_name(policy);

  List bucket_names;
  List object_keys;
  for (const Asset* asset : props.sources) {
    bucket_names.push_back(asset->bucket_name());
    object_keys.push_back(asset->object_key());
  }
  Object properties{{"ServiceToken", handler_->function_arn()},
                    {"SourceBucketNames", std::move(bucket_names)},
                    {"SourceObjectKeys", std::move(object_keys)},
                    {"DestinationBucketName", props.destination_bucket->bucket_name()},
                    {"DestinationBucketKeyPrefix", props.destination_key_prefix},
                    {"Prune", props.prune},
                    {"RetainOnDelete", props.retain_on_delete}};
  if (!props.config.is_null()) properties.emplace_back("Config", props.config);
  if (props.distribution != nullptr) {
    List paths(props.distribution_paths.begin(), props.distribution_paths.end());
    properties.emplace_back("DistributionId", props.distribution->distribution_id());
    properties.emplace_back("DistributionPaths", std::move(paths));
  }

  resource_ =
      &add<CfnResource>("CustomResource", "Custom::CDKBucketDeployment", std::move(properties));
  // The handler may only run once it may read and write: the policy comes first.
  resource_->add_depends_on(policy);
  resource_->apply_removal_policy(ResourcePolicy::delete_resource);
}

}  // namespace cdk::aws::s3_deployment
