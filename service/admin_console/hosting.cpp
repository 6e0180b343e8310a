// cdkpp reference application, Admin Console: where the console's web page is served from.
// SPDX-License-Identifier: Apache-2.0
#include "admin_console/hosting.hpp"

#include <cdk/aws/cloudfront/distribution.hpp>
#include <cdk/aws/s3/bucket.hpp>
#include <cdk/aws/s3_deployment/bucket_deployment.hpp>

namespace service::admin_console {
namespace {

namespace cloudfront = cdk::aws::cloudfront;
namespace s3 = cdk::aws::s3;
namespace s3_deployment = cdk::aws::s3_deployment;

// API answers are never cached, and every header but Host goes to the API (API Gateway
// routes by its own host name). The API's host is the third part of "https://<host>/".
cloudfront::BehaviorOptions api_behavior(const cdk::Value& api_endpoint) {
  return {.origin = cloudfront::Origin::http(cdk::fn::select(2, cdk::fn::split("/", api_endpoint)),
                                             {}, "UserManagementApi"),
          .allowed_methods = cloudfront::AllowedMethods::all,
          .cache_policy_id = cloudfront::managed_policy::kCachingDisabled,
          .origin_request_policy_id = cloudfront::managed_policy::kAllViewerExceptHostHeader};
}

}  // namespace

Hosting::Hosting(cdk::Construct& scope, std::string_view id, HostingProps props)
    : cdk::Construct(scope, id) {
  auto& bucket = add<s3::Bucket>("Bucket");
  const auto& access = add<cloudfront::S3OriginAccessControl>("OriginAccessControl");
  const auto& distribution = add<cloudfront::Distribution>(
      "Distribution",
      cloudfront::DistributionProps{
          .default_behavior = {.origin = cloudfront::Origin::s3_with_origin_access_control(
                                   bucket, &access, "Bucket")},
          .additional_behaviors = {{"/api/*", api_behavior(props.user_management_api_endpoint)}},
          .default_root_object = "index.html"});

  // The page's files, copied into the bucket at deploy time, with a config.json that holds
  // the API's endpoint as CloudFormation resolves it; the distribution then serves them anew.
  const auto& page = add<cdk::Asset>("Page", cdk::AssetProps{.path = CDKPP_ADMIN_CONSOLE_UI_DIR});
  add<s3_deployment::BucketDeployment>(
      "Deployment",
      s3_deployment::BucketDeploymentProps{
          .sources = {&page},
          .destination_bucket = &bucket,
          .config = cdk::Object{{"userManagementApiEndpoint", props.user_management_api_endpoint}},
          .distribution = &distribution,
          // Every function of the application has reserved concurrency; one or two
          // deployments of a stack run at a time.
          .handler_reserved_concurrency = 2});

  ui_endpoint_ = "https://" + distribution.domain_name();
}

}  // namespace service::admin_console
