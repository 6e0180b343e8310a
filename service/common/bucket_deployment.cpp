// cdkpp reference application: bucket deployments.
// SPDX-License-Identifier: Apache-2.0
#include "common/bucket_deployment.hpp"

#include <utility>

#include <cdk/aws/iam.hpp>
#include <cdk/aws/lambda.hpp>
#include <cdk/errors.hpp>
#include <cdk/stack.hpp>

#include "common/iam.hpp"
#include "common/layout.hpp"

namespace service::common {
namespace {

using cdk::aws::iam::CfnPolicy;
using cdk::aws::iam::CfnRole;
using cdk::aws::lambda::CfnFunction;

constexpr std::string_view kHandlerId = "BucketDeploymentHandler";
constexpr int kHandlerTimeoutSeconds = 900;
// Deployments of one stack run one or two at a time; the function needs no more.
constexpr int kHandlerReservedConcurrency = 2;

struct Handler {
  const CfnFunction* function;
  const CfnRole* role;
};

// The stack's one handler function, made by its first deployment.
Handler handler_of(cdk::Stack& stack) {
  if (auto* scope = stack.try_find_child(kHandlerId)) {
    return {&dynamic_cast<const CfnFunction&>(scope->find_child("Resource")),
            &dynamic_cast<const CfnRole&>(scope->find_child("ServiceRole").find_child("Resource"))};
  }

  auto& scope = stack.add<cdk::Construct>(kHandlerId);
  const auto& code =
      scope.add<cdk::Asset>("Code", cdk::AssetProps{.path = CDKPP_BUCKET_DEPLOYMENT_HANDLER_DIR});
  const auto& role =
      add_service_role(scope, "ServiceRole", "lambda.amazonaws.com",
                       {managed_policy_arn(stack, "service-role/AWSLambdaBasicExecutionRole")});
  auto& function = scope.add<CfnFunction>(
      "Resource",
      CfnFunction::Props{.code = {.s3_bucket = code.bucket_name(), .s3_key = code.object_key()},
                         .handler = "index.handler",
                         .memory_size = 256,
                         .reserved_concurrent_executions = kHandlerReservedConcurrency,
                         .role = role.attr_arn(),
                         .runtime = "python3.12",
                         .timeout = kHandlerTimeoutSeconds});
  code.add_resource_metadata(function, "Code");
  return {&function, &role};
}

// What this deployment's handler may do, and no more: read its sources, list and write the
// destination prefix, invalidate its distribution.
std::vector<PolicyStatement> handler_statements(const BucketDeploymentProps& props) {
  std::vector<cdk::Value> sources;
  for (const cdk::Asset* asset : props.sources) {
    sources.push_back("arn:" + cdk::Stack::of(*asset).partition() +
                      ":s3:::" + asset->bucket_name() + "/" + asset->object_key());
  }
  std::vector<PolicyStatement> statements = {
      {.actions = {"s3:GetObject"}, .resources = std::move(sources)},
      {.actions = {"s3:ListBucket"}, .resources = {props.destination_bucket_arn}},
      {.actions = {"s3:DeleteObject", "s3:PutObject"},
       .resources = {props.destination_bucket_arn + "/" + props.destination_key_prefix + "*"}},
  };
  if (!props.distribution_id.is_null()) {
    statements.push_back(
        {.actions = {"cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"},
         .resources = {props.distribution_arn}});
  }
  return statements;
}

void check(const cdk::Construct& scope, const BucketDeploymentProps& props) {
  if (props.sources.empty()) {
    throw cdk::Error(scope.describe() + ": a bucket deployment needs at least one source");
  }
  for (const cdk::Asset* asset : props.sources) {
    if (asset->packaging() != cdk::FileAssetPackaging::zip_directory) {
      throw cdk::Error(scope.describe() + ": source '" + asset->path() +
                       "' is not a folder asset: " + asset->source_path().string());
    }
  }
  if (props.destination_bucket_name.is_null() || props.destination_bucket_arn.is_null()) {
    throw cdk::Error(scope.describe() +
                     ": a bucket deployment needs its destination bucket's name and ARN");
  }
  // Deleting the deployment deletes everything under its prefix, whoever wrote it: the whole
  // bucket would be too much.
  if (!props.retain_on_delete && props.destination_key_prefix.empty()) {
    throw cdk::Error(scope.describe() +
                     ": a deployment that deletes its files on delete needs a key prefix of its "
                     "own, not the bucket's root");
  }
  if (!props.distribution_id.is_null() && props.distribution_arn.is_null()) {
    throw cdk::Error(scope.describe() + ": a distribution to invalidate needs its ARN too");
  }
}

}  // namespace

BucketDeployment::BucketDeployment(cdk::Construct& scope, std::string_view id,
                                   BucketDeploymentProps props)
    : cdk::Construct(scope, id) {
  check(*this, props);
  cdk::Stack& stack = cdk::Stack::of(*this);
  const Handler handler = handler_of(stack);

  auto& policy =
      add_resource<CfnPolicy>(*this, "HandlerPolicy",
                              {.policy_document = policy_document(handler_statements(props)),
                               .roles = {handler.role->ref()}});
  policy.props().policy_name = policy.logical_id_value();

  cdk::List bucket_names;
  cdk::List object_keys;
  for (const cdk::Asset* asset : props.sources) {
    bucket_names.push_back(asset->bucket_name());
    object_keys.push_back(asset->object_key());
  }
  cdk::Object properties{{"ServiceToken", handler.function->attr_arn()},
                         {"SourceBucketNames", std::move(bucket_names)},
                         {"SourceObjectKeys", std::move(object_keys)},
                         {"DestinationBucketName", props.destination_bucket_name},
                         {"DestinationBucketKeyPrefix", props.destination_key_prefix},
                         {"Prune", props.prune},
                         {"RetainOnDelete", props.retain_on_delete}};
  if (!props.config.is_null()) properties.emplace_back("Config", props.config);
  if (!props.distribution_id.is_null()) {
    cdk::List paths(props.distribution_paths.begin(), props.distribution_paths.end());
    properties.emplace_back("DistributionId", props.distribution_id);
    properties.emplace_back("DistributionPaths", std::move(paths));
  }

  resource_ = &add<cdk::CfnResource>("CustomResource", "Custom::CDKBucketDeployment",
                                     std::move(properties));
  // The handler may only run once it may read and write: the policy comes first.
  resource_->add_depends_on(policy);
  resource_->apply_removal_policy(cdk::ResourcePolicy::delete_resource);
}

}  // namespace service::common
