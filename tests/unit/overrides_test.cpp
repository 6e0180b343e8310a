// cdkpp unit tests: the escape hatches of resources (overrides by path), on untyped and typed
// resources alike, with the AWS CDK's merge rules.
// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/aws/s3.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::aws::s3::CfnBucket;
using cdk::test::render;

class Overrides : public ::testing::Test {
 protected:
  cdk::App app;
  cdk::Stack& stack = app.add<cdk::Stack>("Stack");
  CfnBucket& bucket = stack.add<CfnBucket>(
      "Bucket", CfnBucket::Props{.bucket_name = "b",
                                 .tags = {{.key = "a", .value = "1"}, {.key = "b", .value = "2"}},
                                 .versioning_configuration = {.status = "Enabled"}});

  Json entry() { return render(stack)["Resources"]["Bucket"]; }
  Json properties() { return entry()["Properties"]; }
};

TEST_F(Overrides, a_property_override_adds_or_replaces_a_property) {
  bucket.add_property_override("BucketName", "other");
  bucket.add_property_override("ObjectLockEnabled", true);

  EXPECT_EQ(properties()["BucketName"], "other");
  EXPECT_EQ(properties()["ObjectLockEnabled"], true);
}

TEST_F(Overrides, nested_paths_create_objects_and_merge_into_existing_ones) {
  bucket.add_property_override("VersioningConfiguration.MfaDelete", "Disabled");
  bucket.add_property_override("LoggingConfiguration.DestinationBucketName", "logs");

  EXPECT_EQ(properties()["VersioningConfiguration"],
            Json::parse(R"({"Status": "Enabled", "MfaDelete": "Disabled"})"));
  EXPECT_EQ(properties()["LoggingConfiguration"],
            Json::parse(R"({"DestinationBucketName": "logs"})"));
}

TEST_F(Overrides, numeric_parts_index_lists) {
  bucket.add_property_override("Tags.1.Value", "changed");

  EXPECT_EQ(properties()["Tags"],
            Json::parse(R"([{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "changed"}])"));
}

TEST_F(Overrides, a_deletion_override_removes_and_an_emptied_object_goes_with_it) {
  bucket.add_property_deletion_override("VersioningConfiguration.Status");
  bucket.add_property_deletion_override("BucketName");

  EXPECT_FALSE(properties().contains("VersioningConfiguration"));
  EXPECT_FALSE(properties().contains("BucketName"));
  EXPECT_TRUE(properties().contains("Tags"));
}

TEST_F(Overrides, overrides_reach_outside_the_properties) {
  bucket.add_override("UpdatePolicy.AutoScalingRollingUpdate.MinInstancesInService", 1);
  bucket.add_deletion_override("Metadata");

  EXPECT_EQ(entry()["UpdatePolicy"],
            Json::parse(R"({"AutoScalingRollingUpdate": {"MinInstancesInService": 1}})"));
  EXPECT_FALSE(entry().contains("Metadata"));
}

TEST_F(Overrides, an_escaped_dot_stays_in_the_key) {
  bucket.add_property_override("Tags.0.Key", "x");
  bucket.add_override("Metadata.cdk\\.example", "y");

  EXPECT_EQ(entry()["Metadata"]["cdk.example"], "y");
}

TEST_F(Overrides, an_intrinsic_is_replaced_not_merged_into) {
  bucket.add_property_override("BucketName", cdk::fn::sub("${AWS::StackName}-b"));
  bucket.add_property_override("BucketName", cdk::fn::join("", {"x"}));

  EXPECT_EQ(properties()["BucketName"], Json::parse(R"({"Fn::Join": ["", ["x"]]})"));
}

TEST_F(Overrides, later_overrides_win_and_values_are_resolved_in_the_stack) {
  bucket.add_property_override("BucketName", "first");
  bucket.add_property_override("BucketName", bucket.ref());

  EXPECT_EQ(properties()["BucketName"], Json::parse(R"({"Ref": "Bucket"})"));
}

TEST_F(Overrides, untyped_resources_take_the_same_overrides) {
  auto& queue =
      stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Object{{"QueueName", "q"}});
  queue.add_property_override("RedrivePolicy.maxReceiveCount", 3);

  EXPECT_EQ(render(stack)["Resources"]["Queue"]["Properties"],
            Json::parse(R"({"QueueName": "q", "RedrivePolicy": {"maxReceiveCount": 3}})"));
}

TEST_F(Overrides, a_name_inside_a_list_is_an_error_naming_the_path) {
  bucket.add_property_override("Tags.first.Value", "x");

  std::vector<std::string> problems;
  cdk::detail::render_template(stack, problems);
  EXPECT_EQ(problems, std::vector<std::string>{
                          "'Stack/Bucket': the override of 'Properties.Tags.first' names 'first' "
                          "inside a list, which takes indexes"});
}

}  // namespace
