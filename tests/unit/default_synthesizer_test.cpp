// cdkpp unit tests: the default synthesizer's conventions (default_synthesizer.hpp): bootstrap
// role ARNs, bucket and version parameter for each kind of environment, the stack artifact's
// properties and the asset manifest publishing the template.
// SPDX-License-Identifier: Apache-2.0
//
// Template hashes and destination IDs are those of a cdk.out written by aws-cdk-lib 2.276
// for stacks "Agnostic", "Specific" (123456789012/eu-west-1), "Partial" (us-east-1 only) and
// "Beta/Svc"; the destination ID carries a hash of the destination, so matching it checks
// every field of the destination.
#include "default_synthesizer.hpp"

#include <string>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/stage.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;

constexpr const char* kAgnosticHash =
    "7cf69454ef3c22936560b1ea46c05d13844e1bad86459d9055f66ecdc4a97118";
constexpr const char* kSpecificHash =
    "ea2f87c586ca4e2179d807f1880492556f8c9f06e2d62470900015f9b104bddb";
constexpr const char* kEmptyHash =
    "21fbb51d7b23f6a6c262b46a9caee79d744a3ac019fd45422d988b96d44b2a22";

const cdk::Environment kSpecific{"123456789012", "eu-west-1"};
const cdk::Environment kPartial{std::nullopt, "us-east-1"};

std::string role(const std::string& name, const std::string& account, const std::string& region) {
  return "arn:${AWS::Partition}:iam::" + account + ":role/cdk-hnb659fds-" + name + "-role-" +
         account + "-" + region;
}

TEST(bootstrap_names, an_agnostic_stack_keeps_every_placeholder_but_the_qualifier) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Agnostic");
  const auto names = cdk::detail::bootstrap_names(stack, "hnb659fds");

  const std::string a = "${AWS::AccountId}";
  const std::string r = "${AWS::Region}";
  EXPECT_EQ(names.deploy_role_arn, role("deploy", a, r));
  EXPECT_EQ(names.cloudformation_execution_role_arn, role("cfn-exec", a, r));
  EXPECT_EQ(names.file_publishing_role_arn, role("file-publishing", a, r));
  EXPECT_EQ(names.lookup_role_arn, role("lookup", a, r));
  EXPECT_EQ(names.assets_bucket, "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}");
  EXPECT_EQ(names.version_parameter, "/cdk-bootstrap/hnb659fds/version");
}

TEST(bootstrap_names, a_known_account_and_region_are_filled_in_but_never_the_partition) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Specific", cdk::StackProps{.env = kSpecific});
  const auto names = cdk::detail::bootstrap_names(stack, "hnb659fds");

  EXPECT_EQ(names.deploy_role_arn,
            "arn:${AWS::Partition}:iam::123456789012:role/"
            "cdk-hnb659fds-deploy-role-123456789012-eu-west-1");
  EXPECT_EQ(names.assets_bucket, "cdk-hnb659fds-assets-123456789012-eu-west-1");
  EXPECT_EQ(names.version_parameter, "/cdk-bootstrap/hnb659fds/version");
}

TEST(bootstrap_names, only_the_known_half_of_a_partial_environment_is_filled_in) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Partial", cdk::StackProps{.env = kPartial});
  const auto names = cdk::detail::bootstrap_names(stack, "hnb659fds");

  EXPECT_EQ(names.deploy_role_arn,
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/"
            "cdk-hnb659fds-deploy-role-${AWS::AccountId}-us-east-1");
  EXPECT_EQ(names.assets_bucket, "cdk-hnb659fds-assets-${AWS::AccountId}-us-east-1");
}

TEST(bootstrap_qualifier, comes_from_context_or_defaults_to_hnb659fds) {
  cdk::App plain;
  EXPECT_EQ(cdk::detail::bootstrap_qualifier(plain.add<cdk::Stack>("Stack")), "hnb659fds");

  cdk::App custom;
  custom.context().set("@aws-cdk/core:bootstrapQualifier", "myqual");
  auto& stack = custom.add<cdk::Stack>("Stack");
  EXPECT_EQ(cdk::detail::bootstrap_qualifier(stack), "myqual");
  EXPECT_EQ(cdk::detail::bootstrap_names(stack, "myqual").version_parameter,
            "/cdk-bootstrap/myqual/version");
}

TEST(stack_artifact_properties, match_the_aws_cdk_for_an_agnostic_stack) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Agnostic");

  const std::string a = "${AWS::AccountId}";
  const std::string r = "${AWS::Region}";
  const Json expected = {
      {"templateFile", "Agnostic.template.json"},
      {"terminationProtection", false},
      {"validateOnSynth", false},
      {"assumeRoleArn", role("deploy", a, r)},
      {"cloudFormationExecutionRoleArn", role("cfn-exec", a, r)},
      {"stackTemplateAssetObjectUrl",
       "s3://cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/" + std::string(kAgnosticHash) +
           ".json"},
      {"requiresBootstrapStackVersion", 6},
      {"bootstrapStackVersionSsmParameter", "/cdk-bootstrap/hnb659fds/version"},
      {"additionalDependencies", {"Agnostic.assets"}},
      {"lookupRole",
       {{"arn", role("lookup", a, r)},
        {"requiresBootstrapStackVersion", 8},
        {"bootstrapStackVersionSsmParameter", "/cdk-bootstrap/hnb659fds/version"}}}};
  EXPECT_EQ(cdk::detail::stack_artifact_properties(stack, kAgnosticHash), expected);
}

TEST(stack_artifact_properties, name_the_stack_only_when_it_differs_from_the_artifact_id) {
  cdk::App app;
  auto& svc = app.add<cdk::Stage>("Beta").add<cdk::Stack>("Svc");
  auto& same = app.add<cdk::Stack>("Same", cdk::StackProps{.stack_name = "Same"});

  const Json properties = cdk::detail::stack_artifact_properties(svc, kEmptyHash);
  EXPECT_EQ(cdk::test::keys_of(properties).back(), "stackName");
  EXPECT_EQ(properties["stackName"], Json("Beta-Svc"));
  EXPECT_EQ(properties["templateFile"], Json("BetaSvc24763EBC.template.json"));
  EXPECT_FALSE(cdk::detail::stack_artifact_properties(same, kEmptyHash).contains("stackName"));
}

TEST(stack_artifact_properties, carry_termination_protection) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.termination_protection = true});

  EXPECT_EQ(cdk::detail::stack_artifact_properties(stack, kEmptyHash)["terminationProtection"],
            Json(true));
}

TEST(stack_artifact_properties, are_specialized_for_a_known_environment) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Specific", cdk::StackProps{.env = kSpecific});

  const Json properties = cdk::detail::stack_artifact_properties(stack, kSpecificHash);
  EXPECT_EQ(properties["assumeRoleArn"], Json(role("deploy", "123456789012", "eu-west-1")));
  EXPECT_EQ(properties["cloudFormationExecutionRoleArn"],
            Json(role("cfn-exec", "123456789012", "eu-west-1")));
  EXPECT_EQ(properties["stackTemplateAssetObjectUrl"],
            Json("s3://cdk-hnb659fds-assets-123456789012-eu-west-1/" + std::string(kSpecificHash) +
                 ".json"));
  EXPECT_EQ(properties["lookupRole"]["arn"], Json(role("lookup", "123456789012", "eu-west-1")));
}

TEST(stack_asset_manifest, publishes_the_template_as_the_aws_cdk_does) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Specific", cdk::StackProps{.env = kSpecific});

  const Json expected = {
      {"version", cdk::detail::kSchemaVersion},
      {"files",
       {{kSpecificHash,
         {{"displayName", "Specific Template"},
          {"source", {{"path", "Specific.template.json"}, {"packaging", "file"}}},
          {"destinations",
           {{"123456789012-eu-west-1-683ae7ab",
             {{"bucketName", "cdk-hnb659fds-assets-123456789012-eu-west-1"},
              {"objectKey", std::string(kSpecificHash) + ".json"},
              {"region", "eu-west-1"},
              {"assumeRoleArn", role("file-publishing", "123456789012", "eu-west-1")}}}}}}}}},
      {"dockerImages", Json::object()}};
  EXPECT_EQ(cdk::detail::stack_asset_manifest(stack, kSpecificHash), expected);
}

TEST(stack_asset_manifest, destination_ids_match_the_aws_cdk_for_each_environment) {
  cdk::App app;
  auto& agnostic = app.add<cdk::Stack>("Agnostic");
  auto& partial = app.add<cdk::Stack>("Partial", cdk::StackProps{.env = kPartial});
  auto& svc = app.add<cdk::Stage>("Beta").add<cdk::Stack>("Svc");

  auto destinations = [](const cdk::Stack& stack, const char* hash) {
    return cdk::test::keys_of(
        cdk::detail::stack_asset_manifest(stack, hash)["files"][hash]["destinations"]);
  };
  EXPECT_EQ(destinations(agnostic, kAgnosticHash),
            std::vector<std::string>{"current_account-current_region-78948b60"});
  EXPECT_EQ(destinations(partial, kEmptyHash),
            std::vector<std::string>{"current_account-us-east-1-8d4f3189"});
  EXPECT_EQ(destinations(svc, kEmptyHash),
            std::vector<std::string>{"current_account-current_region-d8d86b35"});
}

TEST(stack_asset_manifest, names_the_template_after_the_stack_name) {
  cdk::App app;
  auto& svc = app.add<cdk::Stage>("Beta").add<cdk::Stack>("Svc");
  const Json file = cdk::detail::stack_asset_manifest(svc, kEmptyHash)["files"][kEmptyHash];

  EXPECT_EQ(file["displayName"], Json("Beta-Svc Template"));
  EXPECT_EQ(file["source"]["path"], Json("BetaSvc24763EBC.template.json"));
  EXPECT_FALSE(file["destinations"]["current_account-current_region-d8d86b35"].contains("region"));
}

TEST(asset_manifest_artifact, points_at_the_asset_manifest_file) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Agnostic");

  EXPECT_EQ(cdk::detail::asset_manifest_artifact(stack), Json::parse(R"({
    "type": "cdk:asset-manifest",
    "properties": {
      "file": "Agnostic.assets.json",
      "requiresBootstrapStackVersion": 6,
      "bootstrapStackVersionSsmParameter": "/cdk-bootstrap/hnb659fds/version"
    }
  })"));
}

}  // namespace
