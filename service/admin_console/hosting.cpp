// cdkpp reference application, Admin Console: where the console's web page is served from.
// SPDX-License-Identifier: Apache-2.0
#include "admin_console/hosting.hpp"

#include <string>
#include <vector>

#include <cdk/aws/cloudfront.hpp>

#include "common/bucket_deployment.hpp"
#include "common/layout.hpp"
#include "common/s3.hpp"

namespace service::admin_console {
namespace {

using cdk::aws::cloudfront::CfnDistribution;
using cdk::aws::cloudfront::CfnOriginAccessControl;
using cdk::aws::s3::CfnBucket;

// CloudFront's managed policies (the same ids in every account).
constexpr const char* kCachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
constexpr const char* kCachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
constexpr const char* kAllViewerExceptHostHeader = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

constexpr const char* kBucketOriginId = "Bucket";
constexpr const char* kApiOriginId = "UserManagementApi";
constexpr std::size_t kMaxOriginAccessControlName = 64;

// Origin access control names are unique per account; the construct path makes them so.
std::string origin_access_control_name(const cdk::Construct& scope) {
  std::vector<std::string> ids;
  for (const cdk::Construct* c : scope.scopes()) {
    if (c->scope() != nullptr) ids.push_back(c->id());
  }
  ids.emplace_back("OriginAccessControl");
  return cdk::names::make_unique_resource_name(ids, kMaxOriginAccessControlName);
}

CfnOriginAccessControl& add_origin_access_control(cdk::Construct& scope) {
  return common::add_resource<CfnOriginAccessControl>(
      scope, "OriginAccessControl",
      {.origin_access_control_config = {.name = origin_access_control_name(scope),
                                        .origin_access_control_origin_type = "s3",
                                        .signing_behavior = "always",
                                        .signing_protocol = "sigv4"}});
}

CfnDistribution::OriginProperty bucket_origin(const CfnBucket& bucket,
                                              const CfnOriginAccessControl& access) {
  return {.domain_name = bucket.attr_regional_domain_name(),
          .id = kBucketOriginId,
          .origin_access_control_id = access.attr_id(),
          // Origin access control replaces the legacy identity, which must then be empty.
          .s3_origin_config = {.origin_access_identity = ""}};
}

// The API's host is the third part of "https://<host>/" split at '/'.
CfnDistribution::OriginProperty api_origin(const cdk::Value& api_endpoint) {
  return {.custom_origin_config = {.origin_protocol_policy = "https-only",
                                   .origin_ssl_protocols = {"TLSv1.2"}},
          .domain_name = cdk::fn::select(2, cdk::fn::split("/", api_endpoint)),
          .id = kApiOriginId};
}

// API answers are never cached, and every header but Host goes to the API (API Gateway
// routes by its own host name).
CfnDistribution::CacheBehaviorProperty api_behavior() {
  return {.allowed_methods = {"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"},
          .cache_policy_id = kCachingDisabled,
          .compress = true,
          .origin_request_policy_id = kAllViewerExceptHostHeader,
          .path_pattern = "/api/*",
          .target_origin_id = kApiOriginId,
          .viewer_protocol_policy = "redirect-to-https"};
}

CfnDistribution& add_distribution(cdk::Construct& scope, const CfnBucket& bucket,
                                  const CfnOriginAccessControl& access,
                                  const cdk::Value& api_endpoint) {
  return common::add_resource<CfnDistribution>(
      scope, "Distribution",
      {.distribution_config = {
           .cache_behaviors = {api_behavior()},
           .default_cache_behavior = {.cache_policy_id = kCachingOptimized,
                                      .compress = true,
                                      .target_origin_id = kBucketOriginId,
                                      .viewer_protocol_policy = "redirect-to-https"},
           .default_root_object = "index.html",
           .enabled = true,
           .http_version = "http2",
           .origins = {bucket_origin(bucket, access), api_origin(api_endpoint)}}});
}

cdk::Value distribution_arn(const CfnDistribution& distribution) {
  const cdk::Stack& stack = cdk::Stack::of(distribution);
  return "arn:" + stack.partition() + ":cloudfront::" + stack.account() + ":distribution/" +
         distribution.ref();
}

// Only this distribution may read the objects.
common::PolicyStatement distribution_read_statement(const CfnBucket& bucket,
                                                    const CfnDistribution& distribution) {
  return {.actions = {"s3:GetObject"},
          .condition = cdk::Object{{"StringEquals", cdk::Object{{"AWS:SourceArn",
                                                                 distribution_arn(distribution)}}}},
          .principal = cdk::Object{{"Service", "cloudfront.amazonaws.com"}},
          .resources = {bucket.attr_arn() + "/*"}};
}

}  // namespace

Hosting::Hosting(cdk::Construct& scope, std::string_view id, HostingProps props)
    : cdk::Construct(scope, id) {
  auto& bucket = common::add_private_bucket(*this, "Bucket");
  const auto& access = add_origin_access_control(*this);
  const auto& distribution =
      add_distribution(*this, bucket, access, props.user_management_api_endpoint);
  common::add_bucket_policy(bucket, {distribution_read_statement(bucket, distribution)});

  // The page's files, copied into the bucket at deploy time, with a config.json that holds
  // the API's endpoint as CloudFormation resolves it; the distribution then serves them anew.
  const auto& page = add<cdk::Asset>("Page", cdk::AssetProps{.path = CDKPP_ADMIN_CONSOLE_UI_DIR});
  add<common::BucketDeployment>(
      "Deployment",
      common::BucketDeploymentProps{
          .sources = {&page},
          .destination_bucket_name = bucket.ref(),
          .destination_bucket_arn = bucket.attr_arn(),
          .config = cdk::Object{{"userManagementApiEndpoint", props.user_management_api_endpoint}},
          .distribution_id = distribution.ref(),
          .distribution_arn = distribution_arn(distribution)});

  ui_endpoint_ = "https://" + distribution.attr_domain_name();
}

}  // namespace service::admin_console
