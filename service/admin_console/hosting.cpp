// cdkpp reference application, Admin Console: where the console's web page is served from.
// SPDX-License-Identifier: Apache-2.0
#include "admin_console/hosting.hpp"

#include <string>
#include <vector>

#include "common/aws_resources.hpp"

namespace service::admin_console {
namespace {

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

cdk::CfnResource& add_origin_access_control(cdk::Construct& scope) {
  return common::add_resource(scope, "OriginAccessControl", "AWS::CloudFront::OriginAccessControl",
                              cdk::Object{{"OriginAccessControlConfig",
                                           cdk::Object{{"Name", origin_access_control_name(scope)},
                                                       {"OriginAccessControlOriginType", "s3"},
                                                       {"SigningBehavior", "always"},
                                                       {"SigningProtocol", "sigv4"}}}});
}

cdk::Object bucket_origin(const cdk::CfnResource& bucket, const cdk::CfnResource& access) {
  return {{"DomainName", bucket.get_att("RegionalDomainName")},
          {"Id", kBucketOriginId},
          {"OriginAccessControlId", access.get_att("Id")},
          // Origin access control replaces the legacy identity, which must then be empty.
          {"S3OriginConfig", cdk::Object{{"OriginAccessIdentity", ""}}}};
}

// The API's host is the third part of "https://<host>/" split at '/'.
cdk::Object api_origin(const cdk::Value& api_endpoint) {
  return {{"CustomOriginConfig", cdk::Object{{"OriginProtocolPolicy", "https-only"},
                                             {"OriginSSLProtocols", cdk::List{"TLSv1.2"}}}},
          {"DomainName", cdk::fn::select(2, cdk::fn::split("/", api_endpoint))},
          {"Id", kApiOriginId}};
}

// API answers are never cached, and every header but Host goes to the API (API Gateway
// routes by its own host name).
cdk::Object api_behavior() {
  return {{"AllowedMethods", cdk::List{"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"}},
          {"CachePolicyId", kCachingDisabled},
          {"Compress", true},
          {"OriginRequestPolicyId", kAllViewerExceptHostHeader},
          {"PathPattern", "/api/*"},
          {"TargetOriginId", kApiOriginId},
          {"ViewerProtocolPolicy", "redirect-to-https"}};
}

cdk::CfnResource& add_distribution(cdk::Construct& scope, const cdk::CfnResource& bucket,
                                   const cdk::CfnResource& access, const cdk::Value& api_endpoint) {
  cdk::Object default_behavior{{"CachePolicyId", kCachingOptimized},
                               {"Compress", true},
                               {"TargetOriginId", kBucketOriginId},
                               {"ViewerProtocolPolicy", "redirect-to-https"}};
  return common::add_resource(
      scope, "Distribution", "AWS::CloudFront::Distribution",
      cdk::Object{
          {"DistributionConfig", cdk::Object{{"CacheBehaviors", cdk::List{api_behavior()}},
                                             {"DefaultCacheBehavior", std::move(default_behavior)},
                                             {"DefaultRootObject", "index.html"},
                                             {"Enabled", true},
                                             {"HttpVersion", "http2"},
                                             {"Origins", cdk::List{bucket_origin(bucket, access),
                                                                   api_origin(api_endpoint)}}}}});
}

// Only this distribution may read the objects.
cdk::Object distribution_read_statement(const cdk::CfnResource& bucket,
                                        const cdk::CfnResource& distribution) {
  const cdk::Stack& stack = cdk::Stack::of(distribution);
  const cdk::Value distribution_arn = "arn:" + stack.partition() +
                                      ":cloudfront::" + stack.account() + ":distribution/" +
                                      distribution.ref();
  return {{"Action", "s3:GetObject"},
          {"Condition",
           cdk::Object{{"StringEquals", cdk::Object{{"AWS:SourceArn", distribution_arn}}}}},
          {"Effect", "Allow"},
          {"Principal", cdk::Object{{"Service", "cloudfront.amazonaws.com"}}},
          {"Resource", bucket.get_att("Arn") + "/*"}};
}

}  // namespace

Hosting::Hosting(cdk::Construct& scope, std::string_view id, HostingProps props)
    : cdk::Construct(scope, id) {
  auto& bucket = common::add_private_bucket(*this, "Bucket");
  const auto& access = add_origin_access_control(*this);
  const auto& distribution =
      add_distribution(*this, bucket, access, props.user_management_api_endpoint);
  common::add_bucket_policy(bucket, {distribution_read_statement(bucket, distribution)});

  ui_endpoint_ = "https://" + distribution.get_att("DomainName");
}

}  // namespace service::admin_console
