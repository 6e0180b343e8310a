// cdkpp L2: a CloudFront distribution, with S3 origins read through origin access control and
// HTTP origins reached over TLS.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/aws/cloudfront.hpp"
#include "cdk/aws/iam/policy.hpp"
#include "cdk/aws/s3/bucket.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::cloudfront {

// CloudFront's managed policies: the same ids in every account.
namespace managed_policy {
inline constexpr const char* kCachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
inline constexpr const char* kCachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
inline constexpr const char* kAllViewerExceptHostHeader = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
}  // namespace managed_policy

enum class ViewerProtocolPolicy { redirect_to_https, https_only, allow_all };
enum class AllowedMethods { get_head, get_head_options, all };

struct S3OriginAccessControlProps {
  // Unique per account; empty: made from the construct path (at most 64 characters).
  std::string name;
};

// An AWS::CloudFront::OriginAccessControl at "<id>/Resource" that signs every request to S3.
class S3OriginAccessControl : public Construct {
 public:
  S3OriginAccessControl(Construct& scope, std::string_view id,
                        S3OriginAccessControlProps props = {});

  Value access_control_id() const { return resource_->attr_id(); }

 private:
  CfnOriginAccessControl* resource_ = nullptr;
};

struct HttpOriginOptions {
  std::string origin_path;
  // CloudFront reaches the origin over HTTPS only, with TLS 1.2.
  std::vector<std::string> ssl_protocols = {"TLSv1.2"};
};

// Where a behaviour's requests go. An S3 origin is read through origin access control, and the
// distribution adds to the bucket's policy that it, and only it, may read the objects.
struct Origin {
  enum class Kind { s3_origin_access_control, http };

  // access_control null: one at "<distribution>/Origin<N>/S3OriginAccessControl".
  static Origin s3_with_origin_access_control(s3::Bucket& bucket,
                                              const S3OriginAccessControl* access_control = nullptr,
                                              std::string id = {});
  static Origin http(Value domain_name, HttpOriginOptions options = {}, std::string id = {});

  Kind kind = Kind::http;
  s3::Bucket* bucket = nullptr;
  const S3OriginAccessControl* access_control = nullptr;
  Value domain_name;
  HttpOriginOptions http_options;
  // The origin's id in the distribution; empty: made from the distribution's path. Behaviours
  // with the same id share the origin.
  std::string id;
};

struct BehaviorOptions {
  Origin origin;
  AllowedMethods allowed_methods = AllowedMethods::get_head;
  ViewerProtocolPolicy viewer_protocol_policy = ViewerProtocolPolicy::redirect_to_https;
  std::string cache_policy_id = managed_policy::kCachingOptimized;
  std::string origin_request_policy_id;
  bool compress = true;
};

struct DistributionProps {
  BehaviorOptions default_behavior;
  // Path pattern ("/api/*") and behaviour, in the order CloudFront matches them.
  std::vector<std::pair<std::string, BehaviorOptions>> additional_behaviors;
  // What "/" serves ("index.html"); no leading '/'.
  std::string default_root_object;
  std::string comment;
  std::string http_version = "http2";
  bool enabled = true;
};

// An AWS::CloudFront::Distribution at "<id>/Resource". Throws cdk::Error naming the construct
// path and the value for a root object with a leading '/', an empty or repeated path pattern,
// or an origin id used for two different origins.
class Distribution : public Construct {
 public:
  Distribution(Construct& scope, std::string_view id, DistributionProps props);

  Value distribution_id() const { return resource_->ref(); }
  Value domain_name() const { return resource_->attr_domain_name(); }
  // "arn:<partition>:cloudfront::<account>:distribution/<id>".
  Value distribution_arn() const;

  void grant_create_invalidation(iam::Grantable& grantee) const;

  CfnDistribution& resource() { return *resource_; }
  const CfnDistribution& resource() const { return *resource_; }

 private:
  CfnDistribution* resource_ = nullptr;
};

}  // namespace cdk::aws::cloudfront
