// cdkpp template tests: the bucket deployment on its own: what it refuses, and how deployments
// of one stack share a handler.
// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <functional>
#include <string>

#include <gtest/gtest.h>

#include <cdk/assertions/gtest.hpp>
#include <cdk/assertions/template.hpp>
#include <cdk/cdk.hpp>

#include "common/bucket_deployment.hpp"

namespace template_tests {
namespace {

using service::common::BucketDeployment;
using service::common::BucketDeploymentProps;

const std::filesystem::path kUiDir = CDKPP_ADMIN_CONSOLE_UI_DIR;

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const cdk::Error& error) {
    return error.what();
  }
  return "(no error)";
}

class BucketDeploymentTest : public ::testing::Test {
 protected:
  BucketDeploymentProps props_for(const cdk::Asset& source) {
    return {.sources = {&source},
            .destination_bucket_name = "site",
            .destination_bucket_arn = "arn:aws:s3:::site"};
  }

  cdk::App app_;
  cdk::Stack& stack_ = app_.add<cdk::Stack>("Site");
  cdk::Asset& folder_ = stack_.add<cdk::Asset>("Folder", cdk::AssetProps{.path = kUiDir});
};

TEST_F(BucketDeploymentTest, two_deployments_of_a_stack_share_one_handler) {
  stack_.add<BucketDeployment>("One", props_for(folder_));
  BucketDeploymentProps other = props_for(folder_);
  other.destination_key_prefix = "other/";
  stack_.add<BucketDeployment>("Two", other);

  const auto tpl = cdk::assertions::Template::from_stack(stack_);
  EXPECT_TEMPLATE(tpl.resource_count_is("Custom::CDKBucketDeployment", 2));
  EXPECT_TEMPLATE(tpl.resource_count_is("AWS::Lambda::Function", 1));
  EXPECT_TEMPLATE(tpl.resource_count_is("AWS::IAM::Policy", 2));
}

TEST_F(BucketDeploymentTest, a_file_source_is_refused) {
  auto& page = stack_.add<cdk::Asset>("Page", cdk::AssetProps{.path = kUiDir / "index.html"});
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props_for(page)); }),
            "'Site/Deployment': source 'Site/Page' is not a folder asset: " +
                (kUiDir / "index.html").string());
}

TEST_F(BucketDeploymentTest, no_source_is_refused) {
  BucketDeploymentProps props = props_for(folder_);
  props.sources.clear();
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': a bucket deployment needs at least one source");
}

TEST_F(BucketDeploymentTest, a_destination_without_its_name_or_arn_is_refused) {
  BucketDeploymentProps props = props_for(folder_);
  props.destination_bucket_arn = cdk::Value();
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': a bucket deployment needs its destination bucket's name and ARN");
}

TEST_F(BucketDeploymentTest, deleting_files_from_the_bucket_root_on_delete_is_refused) {
  BucketDeploymentProps props = props_for(folder_);
  props.retain_on_delete = false;
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': a deployment that deletes its files on delete needs a key prefix "
            "of its own, not the bucket's root");
  props.destination_key_prefix = "site/";
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }), "(no error)");
}

TEST_F(BucketDeploymentTest, a_distribution_without_its_arn_is_refused) {
  BucketDeploymentProps props = props_for(folder_);
  props.distribution_id = "E123";
  EXPECT_EQ(error_of([&] { stack_.add<BucketDeployment>("Deployment", props); }),
            "'Site/Deployment': a distribution to invalidate needs its ARN too");
}

}  // namespace
}  // namespace template_tests
