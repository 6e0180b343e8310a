// cdkpp L2: a CloudFront distribution.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/cloudfront/distribution.hpp"

#include <algorithm>
#include <vector>

#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "cdk/stack.hpp"

namespace cdk::aws::cloudfront {
namespace {

constexpr std::size_t kMaxOriginAccessControlName = 64;

std::vector<std::string> path_ids(const Construct& construct) {
  std::vector<std::string> ids;
  for (const Construct* c : construct.scopes()) {
    if (c->scope() != nullptr) ids.push_back(c->id());
  }
  return ids;
}

const char* viewer_protocol(ViewerProtocolPolicy policy) {
  switch (policy) {
    case ViewerProtocolPolicy::redirect_to_https:
      return "redirect-to-https";
    case ViewerProtocolPolicy::https_only:
      return "https-only";
    case ViewerProtocolPolicy::allow_all:
      return "allow-all";
  }
  return "redirect-to-https";
}

std::vector<std::string> methods(AllowedMethods allowed) {
  switch (allowed) {
    case AllowedMethods::get_head_options:
      return {"GET", "HEAD", "OPTIONS"};
    case AllowedMethods::all:
      return {"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"};
    case AllowedMethods::get_head:
      break;
  }
  return {"GET", "HEAD"};
}

bool same_origin(const Origin& a, const Origin& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == Origin::Kind::s3_origin_access_control) {
    return a.bucket == b.bucket && a.access_control == b.access_control;
  }
  return a.domain_name == b.domain_name && a.http_options.origin_path == b.http_options.origin_path;
}

// The distribution's origins, each once, with their ids, in the order behaviours name them.
// Origins are compared as the behaviours gave them, before an id or an access control is made.
class OriginSet {
 public:
  explicit OriginSet(Construct& distribution) : distribution_(distribution) {}

  const std::string& add(const Origin& origin) {
    for (std::size_t i = 0; i < given_.size(); ++i) {
      const Origin& known = origins_[i];
      if (!origin.id.empty() && known.id == origin.id) {
        if (same_origin(given_[i], origin)) return known.id;
        throw Error(distribution_.describe() + ": origin id '" + origin.id +
                    "' is given to two different origins");
      }
      if (origin.id.empty() && same_origin(given_[i], origin)) return known.id;
    }
    check_readable(origin);

    given_.push_back(origin);
    Origin added = origin;
    const std::string scope_id = "Origin" + std::to_string(origins_.size() + 1);
    if (added.id.empty()) {
      std::vector<std::string> ids = path_ids(distribution_);
      ids.push_back(scope_id);
      added.id = names::make_unique_id(ids);
    }
    if (added.kind == Origin::Kind::s3_origin_access_control && added.access_control == nullptr) {
      added.access_control = &distribution_.add<Construct>(scope_id).add<S3OriginAccessControl>(
          "S3OriginAccessControl");
    }
    origins_.push_back(std::move(added));
    return origins_.back().id;
  }

  const std::vector<Origin>& origins() const { return origins_; }

 private:
  // Origin access control signs its requests, but decrypting SSE-KMS objects needs a key
  // policy that lets CloudFront use the key, which the account's aws/s3 key never has.
  void check_readable(const Origin& origin) const {
    if (origin.kind != Origin::Kind::s3_origin_access_control) return;
    const s3::Bucket& bucket = *origin.bucket;
    const bool aws_s3_key = bucket.encryption() == s3::BucketEncryption::kms_managed &&
                            bucket.encryption_key_arn().is_null();
    if (!aws_s3_key) return;
    throw Error(distribution_.describe() + ": bucket " + bucket.describe() +
                " is encrypted with the account's aws/s3 KMS key, which CloudFront cannot use "
                "to read it: give the bucket SSE-S3 encryption");
  }

  Construct& distribution_;
  std::vector<Origin> given_;
  std::vector<Origin> origins_;
};

CfnDistribution::OriginProperty render_origin(const Origin& origin) {
  if (origin.kind == Origin::Kind::s3_origin_access_control) {
    return {.domain_name = origin.bucket->bucket_regional_domain_name(),
            .id = origin.id,
            .origin_access_control_id = origin.access_control->access_control_id(),
            // Origin access control replaces the legacy identity, which must then be empty.
            .s3_origin_config = {.origin_access_identity = ""}};
  }
  CfnDistribution::OriginProperty out{
      .custom_origin_config = {.origin_protocol_policy = "https-only",
                               .origin_ssl_protocols = origin.http_options.ssl_protocols},
      .domain_name = origin.domain_name,
      .id = origin.id};
  if (!origin.http_options.origin_path.empty()) out.origin_path = origin.http_options.origin_path;
  return out;
}

template <class Behavior>
void fill_behavior(Behavior& out, const BehaviorOptions& options, const std::string& origin_id) {
  // CloudFront's own default is GET and HEAD.
  if (options.allowed_methods != AllowedMethods::get_head) {
    out.allowed_methods = methods(options.allowed_methods);
  }
  out.cache_policy_id = options.cache_policy_id;
  out.compress = options.compress;
  if (!options.origin_request_policy_id.empty()) {
    out.origin_request_policy_id = options.origin_request_policy_id;
  }
  out.target_origin_id = origin_id;
  out.viewer_protocol_policy = viewer_protocol(options.viewer_protocol_policy);
}

void check(const Construct& scope, const DistributionProps& props) {
  if (!props.default_root_object.empty() && props.default_root_object.front() == '/') {
    throw Error(scope.describe() + ": the default root object '" + props.default_root_object +
                "' must not start with '/'");
  }
  auto check_cache_policy = [&scope](const std::string& which, const BehaviorOptions& behavior) {
    if (!behavior.cache_policy_id.empty()) return;
    throw Error(scope.describe() + ": " + which + " needs a cache policy id");
  };
  check_cache_policy("the default behaviour", props.default_behavior);
  std::vector<std::string> patterns;
  for (const auto& [pattern, behavior] : props.additional_behaviors) {
    check_cache_policy("behaviour '" + pattern + "'", behavior);
    if (pattern.empty()) throw Error(scope.describe() + ": a behaviour needs a path pattern");
    if (std::find(patterns.begin(), patterns.end(), pattern) != patterns.end()) {
      throw Error(scope.describe() + ": path pattern '" + pattern + "' has two behaviours");
    }
    patterns.push_back(pattern);
  }
}

}  // namespace

S3OriginAccessControl::S3OriginAccessControl(Construct& scope, std::string_view id,
                                             S3OriginAccessControlProps props)
    : Construct(scope, id) {
  std::string name = props.name;
  if (name.empty()) {
    std::vector<std::string> ids = path_ids(*this);
    name = names::make_unique_resource_name(ids, kMaxOriginAccessControlName);
  }
  resource_ = &add<CfnOriginAccessControl>(
      "Resource", CfnOriginAccessControl::Props{
                      .origin_access_control_config = {.name = name,
                                                       .origin_access_control_origin_type = "s3",
                                                       .signing_behavior = "always",
                                                       .signing_protocol = "sigv4"}});
}

Origin Origin::s3_with_origin_access_control(s3::Bucket& bucket,
                                             const S3OriginAccessControl* access_control,
                                             std::string id) {
  return {.kind = Kind::s3_origin_access_control,
          .bucket = &bucket,
          .access_control = access_control,
          .id = std::move(id)};
}

Origin Origin::http(Value domain_name, HttpOriginOptions options, std::string id) {
  return {.kind = Kind::http,
          .domain_name = std::move(domain_name),
          .http_options = std::move(options),
          .id = std::move(id)};
}

Distribution::Distribution(Construct& scope, std::string_view id, DistributionProps props)
    : Construct(scope, id) {
  check(*this, props);

  OriginSet origins(*this);
  CfnDistribution::DefaultCacheBehaviorProperty default_behavior;
  fill_behavior(default_behavior, props.default_behavior,
                origins.add(props.default_behavior.origin));
  std::vector<CfnDistribution::CacheBehaviorProperty> behaviors;
  for (const auto& [pattern, options] : props.additional_behaviors) {
    CfnDistribution::CacheBehaviorProperty behavior{.path_pattern = pattern};
    fill_behavior(behavior, options, origins.add(options.origin));
    behaviors.push_back(std::move(behavior));
  }

  std::vector<CfnDistribution::OriginProperty> rendered;
  for (const Origin& origin : origins.origins()) rendered.push_back(render_origin(origin));
  CfnDistribution::DistributionConfigProperty config{
      .default_cache_behavior = std::move(default_behavior),
      .enabled = props.enabled,
      .http_version = props.http_version,
      .origins = rendered};
  if (!behaviors.empty()) config.cache_behaviors = behaviors;
  if (!props.default_root_object.empty()) config.default_root_object = props.default_root_object;
  if (!props.comment.empty()) config.comment = props.comment;
  resource_ = &add<CfnDistribution>(
      "Resource", CfnDistribution::Props{.distribution_config = std::move(config)});

  // Each bucket lets this distribution, and no one else, read its objects.
  for (const Origin& origin : origins.origins()) {
    if (origin.kind != Origin::Kind::s3_origin_access_control) continue;
    origin.bucket->add_to_resource_policy(
        {.actions = {"s3:GetObject"},
         .condition = Object{{"StringEquals", Object{{"AWS:SourceArn", distribution_arn()}}}},
         .principal = iam::service_principal("cloudfront.amazonaws.com"),
         .resources = {origin.bucket->arn_for_objects("*")}});
  }
}

Value Distribution::distribution_arn() const {
  const Stack& stack = Stack::of(*this);
  return "arn:" + stack.partition() + ":cloudfront::" + stack.account() + ":distribution/" +
         distribution_id();
}

void Distribution::grant_create_invalidation(iam::Grantable& grantee) const {
  grantee.add_to_principal_policy(
      {.actions = {"cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"},
       .resources = {distribution_arn()}});
}

}  // namespace cdk::aws::cloudfront
