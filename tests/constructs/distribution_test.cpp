// cdkpp tests of the L2 constructs: CloudFront distributions and their origins.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/aws/cloudfront/distribution.hpp>

#include "construct_test.hpp"

namespace construct_tests {
namespace {

namespace cloudfront = cdk::aws::cloudfront;
namespace s3 = cdk::aws::s3;
using cdk::Json;

class DistributionTest : public StackTest {
 protected:
  cloudfront::Distribution& add_distribution(cloudfront::DistributionProps props) {
    return stack_.add<cloudfront::Distribution>("Site", std::move(props));
  }
  Json config_of(const cloudfront::Distribution& distribution) {
    return resource(distribution.resource().logical_id())["Properties"]["DistributionConfig"];
  }

  s3::Bucket& bucket_ = stack_.add<s3::Bucket>("Bucket");
};

TEST_F(DistributionTest, serves_a_bucket_over_https_through_origin_access_control) {
  const auto& distribution = add_distribution(
      {.default_behavior = {.origin = cloudfront::Origin::s3_with_origin_access_control(bucket_)},
       .default_root_object = "index.html"});

  // The origin access control the distribution made for the bucket.
  const cdk::Construct* access =
      stack_.find_child("Site").find_child("Origin1").try_find_child("S3OriginAccessControl");
  ASSERT_NE(access, nullptr);
  const auto controls = template_of().find_resources("AWS::CloudFront::OriginAccessControl");
  ASSERT_EQ(controls.size(), 1);
  const std::string access_id = controls.begin().key();
  EXPECT_EQ(controls[access_id]["Properties"]["OriginAccessControlConfig"],
            (Json{{"Name", "TestSiteOrigin1S3OriginAccessControlCB6CDA3D"},
                  {"OriginAccessControlOriginType", "s3"},
                  {"SigningBehavior", "always"},
                  {"SigningProtocol", "sigv4"}}));

  const std::string bucket_id = bucket_.resource().logical_id();
  const Json config = config_of(distribution);
  const Json origin_id = config["Origins"][0]["Id"];
  EXPECT_EQ(config, (Json{{"DefaultCacheBehavior",
                           {{"CachePolicyId", cloudfront::managed_policy::kCachingOptimized},
                            {"Compress", true},
                            {"TargetOriginId", origin_id},
                            {"ViewerProtocolPolicy", "redirect-to-https"}}},
                          {"DefaultRootObject", "index.html"},
                          {"Enabled", true},
                          {"HttpVersion", "http2"},
                          {"Origins",
                           {{{"DomainName", get_att(bucket_id, "RegionalDomainName")},
                             {"Id", origin_id},
                             {"OriginAccessControlId", get_att(access_id, "Id")},
                             {"S3OriginConfig", {{"OriginAccessIdentity", ""}}}}}}}));
}

TEST_F(DistributionTest, the_bucket_lets_only_this_distribution_read_its_objects) {
  const auto& distribution = add_distribution(
      {.default_behavior = {.origin = cloudfront::Origin::s3_with_origin_access_control(bucket_)}});

  const Json statements =
      resource(bucket_.policy()->logical_id())["Properties"]["PolicyDocument"]["Statement"];
  ASSERT_EQ(statements.size(), 2);  // after the TLS statement
  const Json arn = get_att(bucket_.resource().logical_id(), "Arn");
  EXPECT_EQ(statements[1],
            (Json{{"Action", "s3:GetObject"},
                  {"Condition",
                   {{"StringEquals",
                     {{"AWS:SourceArn", join({"arn:", cfn_ref("AWS::Partition"), ":cloudfront::",
                                              cfn_ref("AWS::AccountId"), ":distribution/",
                                              cfn_ref(distribution.resource().logical_id())})}}}}},
                  {"Effect", "Allow"},
                  {"Principal", {{"Service", "cloudfront.amazonaws.com"}}},
                  {"Resource", join({arn, "/*"})}}));
}

TEST_F(DistributionTest, an_http_origin_behind_a_path_is_reached_over_tls) {
  const auto& access = stack_.add<cloudfront::S3OriginAccessControl>(
      "Access", cloudfront::S3OriginAccessControlProps{.name = "site-access"});
  const auto& distribution = add_distribution(
      {.default_behavior = {.origin = cloudfront::Origin::s3_with_origin_access_control(
                                bucket_, &access, "Files")},
       .additional_behaviors = {
           {"/api/*",
            {.origin = cloudfront::Origin::http("api.example.com", {.origin_path = "/v1"}, "Api"),
             .allowed_methods = cloudfront::AllowedMethods::all,
             .cache_policy_id = cloudfront::managed_policy::kCachingDisabled}}}});

  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::CloudFront::OriginAccessControl", 1));
  const Json config = config_of(distribution);
  EXPECT_EQ(config["CacheBehaviors"],
            (Json{{{"AllowedMethods", {"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"}},
                   {"CachePolicyId", cloudfront::managed_policy::kCachingDisabled},
                   {"Compress", true},
                   {"PathPattern", "/api/*"},
                   {"TargetOriginId", "Api"},
                   {"ViewerProtocolPolicy", "redirect-to-https"}}}));
  EXPECT_EQ(config["Origins"][1],
            (Json{{"CustomOriginConfig",
                   {{"OriginProtocolPolicy", "https-only"}, {"OriginSSLProtocols", {"TLSv1.2"}}}},
                  {"DomainName", "api.example.com"},
                  {"Id", "Api"},
                  {"OriginPath", "/v1"}}));
  EXPECT_EQ(config["Origins"][0]["Id"], "Files");
}

TEST_F(DistributionTest, behaviours_on_the_same_bucket_share_its_origin_and_access_control) {
  const auto origin = cloudfront::Origin::s3_with_origin_access_control(bucket_);
  const auto& distribution =
      add_distribution({.default_behavior = {.origin = origin},
                        .additional_behaviors = {{"/a/*", {.origin = origin}}}});
  EXPECT_EQ(config_of(distribution)["Origins"].size(), 1);
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::CloudFront::OriginAccessControl", 1));

  const auto named = cloudfront::Origin::s3_with_origin_access_control(bucket_, nullptr, "Site");
  EXPECT_EQ(error_of([&] {
              stack_.add<cloudfront::Distribution>(
                  "Named", cloudfront::DistributionProps{
                               .default_behavior = {.origin = named},
                               .additional_behaviors = {{"/a/*", {.origin = named}}}});
            }),
            "(no error)");
}

TEST_F(DistributionTest, refuses_a_bucket_it_could_not_decrypt) {
  auto& sealed = stack_.add<s3::Bucket>(
      "Sealed", s3::BucketProps{.encryption = s3::BucketEncryption::kms_managed});
  EXPECT_EQ(error_of([&] {
              add_distribution(
                  {.default_behavior = {
                       .origin = cloudfront::Origin::s3_with_origin_access_control(sealed)}});
            }),
            "'Test/Site': bucket 'Test/Sealed' is encrypted with the account's aws/s3 KMS key, "
            "which CloudFront cannot use to read it: give the bucket SSE-S3 encryption");
}

TEST_F(DistributionTest, refuses_a_behaviour_without_a_cache_policy) {
  EXPECT_EQ(error_of([&] {
              add_distribution({.default_behavior = {.origin = cloudfront::Origin::http("a.com"),
                                                     .cache_policy_id = ""}});
            }),
            "'Test/Site': the default behaviour needs a cache policy id");
}

TEST_F(DistributionTest, refuses_a_rooted_default_object_and_repeated_patterns) {
  const auto origin = cloudfront::Origin::http("example.com");
  EXPECT_EQ(error_of([&] {
              add_distribution(
                  {.default_behavior = {.origin = origin}, .default_root_object = "/index.html"});
            }),
            "'Test/Site': the default root object '/index.html' must not start with '/'");
  EXPECT_EQ(error_of([&] {
              add_distribution({.default_behavior = {.origin = origin},
                                .additional_behaviors = {{"/a/*", {.origin = origin}},
                                                         {"/a/*", {.origin = origin}}}});
            }),
            "'Test/Site': path pattern '/a/*' has two behaviours");
  EXPECT_EQ(error_of([&] {
              add_distribution(
                  {.default_behavior = {.origin = cloudfront::Origin::http("a.com", {}, "X")},
                   .additional_behaviors = {
                       {"/b/*", {.origin = cloudfront::Origin::http("b.com", {}, "X")}}}});
            }),
            "'Test/Site': origin id 'X' is given to two different origins");
}

}  // namespace
}  // namespace construct_tests
