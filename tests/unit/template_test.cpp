// cdkpp unit tests: template rendering (detail::render_template) of resources, outputs,
// parameters, conditions, mappings, rules and the default synthesizer's bootstrap check.
// SPDX-License-Identifier: Apache-2.0
//
// JSON is compared as ordered values, so key order is part of every expectation.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_mapping.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::test::error_of;
using cdk::test::keys_of;
using cdk::test::render;

// The bootstrap parameter and rule of CDK-FACTS §4, exactly as aws-cdk-lib 2.276 writes them.
const Json kBootstrapParameter = {
    {"Type", "AWS::SSM::Parameter::Value<String>"},
    {"Default", "/cdk-bootstrap/hnb659fds/version"},
    {"Description",
     "Version of the CDK Bootstrap resources in this environment, automatically retrieved "
     "from SSM Parameter Store. [cdk:skip]"}};
const Json kBootstrapRule = {
    {"Assertions",
     Json::array({{{"Assert", Json::parse(R"({"Fn::Not": [{"Fn::Contains": [
                    ["1", "2", "3", "4", "5"], {"Ref": "BootstrapVersion"}]}]})")},
                   {"AssertDescription",
                    "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a "
                    "recent version of the CDK CLI."}}})}};

TEST(render_template, an_empty_stack_renders_an_empty_object) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(render(stack), Json::object());
}

TEST(render_template, the_description_comes_first) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack", cdk::StackProps{.description = "My service"});
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");

  EXPECT_EQ(keys_of(render(stack)), (std::vector<std::string>{"Description", "Resources"}));
  EXPECT_EQ(render(stack)["Description"], Json("My service"));
}

TEST(render_template, sections_follow_the_tree_pre_order_of_their_first_element) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnOutput>("First", cdk::CfnOutputProps{.value = "x"});
  auto& group = stack.add<cdk::Construct>("Group");
  group.add<cdk::CfnParameter>("Param");
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  group.add<cdk::CfnResource>("Inner", "AWS::SQS::Queue");
  stack.add<cdk::CfnCondition>("Always", cdk::fn::equals("a", "a"));

  const Json document = render(stack);
  EXPECT_EQ(keys_of(document),
            (std::vector<std::string>{"Outputs", "Parameters", "Resources", "Conditions"}));
  // Group/Inner comes before Queue: pre-order, not creation order.
  EXPECT_EQ(keys_of(document["Resources"]),
            (std::vector<std::string>{"GroupInner92CB7A4B", "Queue"}));
}

TEST(render_template, resource_keys_are_in_the_order_of_the_aws_cdk) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& zeta = stack.add<cdk::CfnResource>("Zeta", "AWS::SQS::Queue");
  auto& alpha = stack.add<cdk::CfnResource>("alpha", "AWS::SQS::Queue");
  auto& is_prod =
      stack.add<cdk::CfnCondition>("IsProd", cdk::fn::equals(cdk::pseudo::region(), "eu-west-1"));
  auto& main =
      stack.add<cdk::CfnResource>("Main", "AWS::S3::Bucket", cdk::Object{{"BucketName", "logs"}});
  main.set_condition(is_prod);
  main.add_metadata("cfn_nag", cdk::Object{{"rules", cdk::List{}}});
  main.set_deletion_policy(cdk::ResourcePolicy::retain);
  main.set_update_replace_policy(cdk::ResourcePolicy::snapshot);
  main.add_depends_on(zeta);
  main.add_depends_on(alpha);

  EXPECT_EQ(render(stack)["Resources"]["Main"], Json::parse(R"({
    "Type": "AWS::S3::Bucket",
    "Properties": {"BucketName": "logs"},
    "DependsOn": ["alpha", "Zeta"],
    "UpdateReplacePolicy": "Snapshot",
    "DeletionPolicy": "Retain",
    "Metadata": {"aws:cdk:path": "Stack/Main", "cfn_nag": {"rules": []}},
    "Condition": "IsProd"
  })"));
}

TEST(render_template, depends_on_is_sorted_by_construct_path_and_listed_once) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& b = stack.add<cdk::Construct>("B").add<cdk::CfnResource>("Resource", "AWS::SQS::Queue");
  auto& a = stack.add<cdk::CfnResource>("Azure", "AWS::SQS::Queue");
  a.override_logical_id("Zzz");
  auto& user = stack.add<cdk::CfnResource>("User", "AWS::SQS::Queue");
  user.add_depends_on(b);
  user.add_depends_on(a);
  user.add_depends_on(b);

  // Stack/Azure sorts before Stack/B/Resource, whatever their logical IDs.
  EXPECT_EQ(render(stack)["Resources"]["User"]["DependsOn"],
            Json::parse(R"(["Zzz", "B08E7C7AF"])"));
}

TEST(render_template, depends_on_across_stacks_becomes_a_stack_dependency) {
  cdk::App app;
  auto& one = app.add<cdk::Stack>("One").add<cdk::CfnResource>("R", "AWS::SQS::Queue");
  auto& two = app.add<cdk::Stack>("Two").add<cdk::CfnResource>("S", "AWS::SQS::Queue");

  one.add_depends_on(two);
  EXPECT_TRUE(one.stack().depends_on(two.stack()));
  EXPECT_FALSE(render(one.stack())["Resources"]["R"].contains("DependsOn"));
}

TEST(render_template, removal_policies_render_as_cloudformation_words) {
  EXPECT_EQ(cdk::to_string(cdk::ResourcePolicy::delete_resource), "Delete");
  EXPECT_EQ(cdk::to_string(cdk::ResourcePolicy::retain), "Retain");
  EXPECT_EQ(cdk::to_string(cdk::ResourcePolicy::snapshot), "Snapshot");
  EXPECT_EQ(cdk::to_string(cdk::ResourcePolicy::retain_except_on_delete), "RetainExceptOnDelete");

  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnResource>("Table", "AWS::DynamoDB::Table")
      .apply_removal_policy(cdk::ResourcePolicy::retain_except_on_delete);

  EXPECT_EQ(render(stack)["Resources"]["Table"], Json::parse(R"({
    "Type": "AWS::DynamoDB::Table",
    "UpdateReplacePolicy": "RetainExceptOnDelete",
    "DeletionPolicy": "RetainExceptOnDelete",
    "Metadata": {"aws:cdk:path": "Stack/Table"}
  })"));
}

TEST(render_template, set_property_replaces_in_place_or_appends) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& queue = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue",
                                            cdk::Object{{"QueueName", "a"}, {"DelaySeconds", 1}});
  queue.set_property("QueueName", "b");
  queue.set_property("FifoQueue", true);

  EXPECT_EQ(render(stack)["Resources"]["Queue"]["Properties"],
            Json::parse(R"({"QueueName": "b", "DelaySeconds": 1, "FifoQueue": true})"));
}

TEST(render_template, properties_resolve_references_and_intrinsics) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& topic = stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic");
  stack.add<cdk::CfnResource>(
      "Sub", "AWS::SNS::Subscription",
      cdk::Object{{"TopicArn", topic.ref()},
                  {"Endpoint", cdk::Value("https://") + cdk::pseudo::url_suffix()},
                  {"Filter", cdk::List{topic.get_att("TopicName"), cdk::Object{}}}});

  EXPECT_EQ(render(stack)["Resources"]["Sub"]["Properties"], Json::parse(R"({
    "TopicArn": {"Ref": "Topic"},
    "Endpoint": {"Fn::Join": ["", ["https://", {"Ref": "AWS::URLSuffix"}]]},
    "Filter": [{"Fn::GetAtt": ["Topic", "TopicName"]}, {}]
  })"));
}

TEST(render_template, path_metadata_can_be_turned_off_by_context) {
  for (const Json& off : {Json(false), Json("false"), Json("OFF")}) {
    SCOPED_TRACE(off.dump());
    cdk::App app;
    app.context().set("aws:cdk:enable-path-metadata", off);
    auto& stack = app.add<cdk::Stack>("Stack");
    stack.add<cdk::CfnResource>("Plain", "AWS::SQS::Queue");
    stack.add<cdk::CfnResource>("Noted", "AWS::SQS::Queue").add_metadata("note", "kept");

    EXPECT_EQ(render(stack)["Resources"], Json::parse(R"({
      "Plain": {"Type": "AWS::SQS::Queue"},
      "Noted": {"Type": "AWS::SQS::Queue", "Metadata": {"note": "kept"}}
    })"));
  }
}

TEST(render_template, only_resources_carry_path_metadata) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnParameter>("Param");
  stack.add<cdk::CfnOutput>("Out", cdk::CfnOutputProps{.value = "v"});

  EXPECT_EQ(render(stack), Json::parse(R"({
    "Parameters": {"Param": {"Type": "String"}},
    "Outputs": {"Out": {"Value": "v"}}
  })"));
}

TEST(render_template, a_resource_needs_a_type_and_object_properties) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(error_of([&] { stack.add<cdk::CfnResource>("R", ""); }),
            "'Stack/R': a resource type must not be empty");
  EXPECT_EQ(error_of([&] { stack.add<cdk::CfnResource>("S", "AWS::S3::Bucket", cdk::List{1}); }),
            "'Stack/S': the properties of a AWS::S3::Bucket must be an object, got [1]");
}

TEST(render_template, an_output_renders_description_value_export_and_condition_in_order) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& queue = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  auto& is_prod = stack.add<cdk::CfnCondition>("IsProd", cdk::fn::equals("a", "b"));
  stack.add<cdk::CfnOutput>("QueueUrl", cdk::CfnOutputProps{.value = queue.ref(),
                                                            .description = "the queue",
                                                            .export_name = "Shared-QueueUrl",
                                                            .condition = &is_prod});

  EXPECT_EQ(render(stack)["Outputs"], Json::parse(R"({"QueueUrl": {
    "Description": "the queue",
    "Value": {"Ref": "Queue"},
    "Export": {"Name": "Shared-QueueUrl"},
    "Condition": "IsProd"
  }})"));
}

TEST(render_template, an_export_name_may_be_computed) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnOutput>(
      "Out", cdk::CfnOutputProps{.value = 1,
                                 .export_name = cdk::pseudo::stack_name() + cdk::Value(":out")});

  EXPECT_EQ(render(stack)["Outputs"]["Out"], Json::parse(R"({
    "Value": 1,
    "Export": {"Name": {"Fn::Join": ["", [{"Ref": "AWS::StackName"}, ":out"]]}}
  })"));
}

TEST(render_template, an_output_needs_a_value) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(error_of([&] { stack.add<cdk::CfnOutput>("Out", cdk::CfnOutputProps{}); }),
            "'Stack/Out': an output needs a value");
}

TEST(render_template, only_an_exported_output_can_be_imported) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& exported = stack.add<cdk::CfnOutput>(
      "Exported", cdk::CfnOutputProps{.value = "v", .export_name = "Shared-Name"});
  auto& plain = stack.add<cdk::CfnOutput>("Plain", cdk::CfnOutputProps{.value = "v"});

  EXPECT_EQ(cdk::test::resolve(stack, exported.import_value()),
            Json::parse(R"({"Fn::ImportValue": "Shared-Name"})"));
  EXPECT_EQ(error_of([&] { plain.import_value(); }),
            "'Stack/Plain': only an exported output can be imported; set export_name");
}

TEST(render_template, a_parameter_renders_its_keys_in_the_order_of_the_aws_cdk) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::CfnParameter>("Size", cdk::CfnParameterProps{.type = "Number",
                                                              .default_value = 3,
                                                              .allowed_pattern = "[0-9]+",
                                                              .allowed_values = {1, 3, 5},
                                                              .constraint_description = "odd",
                                                              .description = "how many",
                                                              .max_length = 2,
                                                              .max_value = 5.0,
                                                              .min_length = 1,
                                                              .min_value = 1.0,
                                                              .no_echo = true});

  EXPECT_EQ(render(stack)["Parameters"]["Size"], Json::parse(R"({
    "Type": "Number",
    "Default": 3,
    "AllowedPattern": "[0-9]+",
    "AllowedValues": [1, 3, 5],
    "ConstraintDescription": "odd",
    "Description": "how many",
    "MaxLength": 2,
    "MaxValue": 5.0,
    "MinLength": 1,
    "MinValue": 1.0,
    "NoEcho": true
  })"));
  // Written as JSON.stringify writes them: whole numbers without a fraction.
  const std::string text = cdk::detail::to_json_text(render(stack)["Parameters"]["Size"], 0);
  EXPECT_NE(text.find("\"MaxValue\":5,"), std::string::npos) << text;
  EXPECT_NE(text.find("\"MinValue\":1,"), std::string::npos) << text;
}

TEST(render_template, a_parameter_is_used_through_ref) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& name = stack.add<cdk::Construct>("Config").add<cdk::CfnParameter>("Name");
  stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue", cdk::Object{{"QueueName", name.value()}});

  const Json document = render(stack);
  EXPECT_EQ(document["Parameters"], Json::parse(R"({"ConfigName2C8E94E1": {"Type": "String"}})"));
  EXPECT_EQ(document["Resources"]["Queue"]["Properties"],
            Json::parse(R"({"QueueName": {"Ref": "ConfigName2C8E94E1"}})"));
}

TEST(render_template, conditions_render_their_expression) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& is_prod = stack.add<cdk::CfnCondition>(
      "IsProd", cdk::fn::equals(cdk::pseudo::account_id(), "111111111111"));
  stack.add<cdk::CfnCondition>("NotProd", cdk::fn::not_(cdk::fn::condition(is_prod)));

  EXPECT_EQ(render(stack), Json::parse(R"({"Conditions": {
    "IsProd": {"Fn::Equals": [{"Ref": "AWS::AccountId"}, "111111111111"]},
    "NotProd": {"Fn::Not": [{"Condition": "IsProd"}]}
  }})"));
}

TEST(render_template, a_mapping_renders_and_is_read_with_find_in_map) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& map = stack.add<cdk::CfnMapping>(
      "RegionMap",
      Json::parse(R"({"eu-west-1": {"ami": "ami-1"}, "us-east-1": {"ami": "ami-2"}})"));
  stack.add<cdk::CfnResource>(
      "Host", "AWS::EC2::Instance",
      cdk::Object{{"ImageId", map.find_in_map(cdk::pseudo::region(), "ami")},
                  {"Fixed", map.find_in_map("eu-west-1", "ami")}});

  const Json document = render(stack);
  EXPECT_EQ(document["Mappings"], Json::parse(R"({"RegionMap": {
    "eu-west-1": {"ami": "ami-1"}, "us-east-1": {"ami": "ami-2"}
  }})"));
  EXPECT_EQ(document["Resources"]["Host"]["Properties"], Json::parse(R"({
    "ImageId": {"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "ami"]},
    "Fixed": {"Fn::FindInMap": ["RegionMap", "eu-west-1", "ami"]}
  })"));
}

TEST(render_template, find_in_map_with_literal_keys_must_find_an_entry) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& map = stack.add<cdk::CfnMapping>("Map", Json::parse(R"({"eu-west-1": {"ami": "x"}})"));

  EXPECT_EQ(error_of([&] { map.find_in_map("us-east-1", "ami"); }),
            "'Stack/Map': mapping has no entry 'us-east-1'/'ami'");
  EXPECT_EQ(error_of([&] { map.find_in_map("eu-west-1", "size"); }),
            "'Stack/Map': mapping has no entry 'eu-west-1'/'size'");
}

TEST(render_template, a_mapping_must_be_an_object_of_objects) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(error_of([&] { stack.add<cdk::CfnMapping>("A", Json::parse("[1]")); }),
            "'Stack/A': a mapping must be an object of objects, got [1]");
  EXPECT_EQ(error_of([&] { stack.add<cdk::CfnMapping>("B", Json::parse(R"({"k": 1})")); }),
            "'Stack/B': mapping key 'k' must hold an object, got 1");
}

TEST(render_template, a_rule_renders_its_condition_then_its_assertions) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& env = stack.add<cdk::CfnParameter>("Env");
  stack.add<cdk::CfnRule>("ProdNeedsLarge",
                          std::vector<cdk::RuleAssertion>{
                              {cdk::fn::equals(env.value(), "prod"), "env must be prod"},
                              {cdk::fn::not_(cdk::fn::equals(env.value(), "")), "env must be set"}},
                          cdk::fn::equals(cdk::pseudo::region(), "eu-west-1"));

  EXPECT_EQ(render(stack)["Rules"], Json::parse(R"({"ProdNeedsLarge": {
    "RuleCondition": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]},
    "Assertions": [
      {"Assert": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}, "AssertDescription": "env must be prod"},
      {"Assert": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Env"}, ""]}]},
       "AssertDescription": "env must be set"}
    ]
  }})"));
}

TEST(bootstrap_elements, add_the_version_parameter_and_rule_of_the_default_synthesizer) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  cdk::detail::add_bootstrap_elements(stack);

  EXPECT_EQ(render(stack), (Json{{"Parameters", {{"BootstrapVersion", kBootstrapParameter}}},
                                 {"Rules", {{"CheckBootstrapVersion", kBootstrapRule}}}}));
}

TEST(bootstrap_elements, are_added_once) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  cdk::detail::add_bootstrap_elements(stack);
  cdk::detail::add_bootstrap_elements(stack);
  EXPECT_EQ(cdk::detail::prepare_app(app), std::vector<std::string>{});

  EXPECT_EQ(stack.children().size(), 2u);
}

TEST(bootstrap_elements, use_the_qualifier_from_context) {
  cdk::App app;
  app.context().set("@aws-cdk/core:bootstrapQualifier", "custom42");
  auto& stack = app.add<cdk::Stack>("Stack");
  cdk::detail::add_bootstrap_elements(stack);

  EXPECT_EQ(render(stack)["Parameters"]["BootstrapVersion"]["Default"],
            Json("/cdk-bootstrap/custom42/version"));
}

TEST(bootstrap_elements, an_id_taken_by_the_user_is_an_error) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::Construct>("BootstrapVersion");
  auto& other = app.add<cdk::Stack>("Other");
  other.add<cdk::CfnResource>("CheckBootstrapVersion", "AWS::SQS::Queue");

  EXPECT_EQ(error_of([&] { cdk::detail::add_bootstrap_elements(stack); }),
            "'Stack': duplicate construct id 'BootstrapVersion': 'Stack/BootstrapVersion' already "
            "exists, and the default synthesizer needs the id for its bootstrap version check");
  EXPECT_EQ(error_of([&] { cdk::detail::add_bootstrap_elements(other); }),
            "'Other': duplicate construct id 'CheckBootstrapVersion': "
            "'Other/CheckBootstrapVersion' already exists, and the default synthesizer needs the "
            "id for its bootstrap version check");
}

TEST(bootstrap_elements, come_after_the_user_elements_and_the_exports) {
  // The template of aws-cdk-lib 2.276 for a stack holding one queue, parsed in order.
  cdk::App app;
  auto& producer = app.add<cdk::Stack>("Agnostic");
  auto& queue = producer.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  auto& consumer = app.add<cdk::Stack>("Consumer");
  consumer.add<cdk::CfnResource>("Use", "AWS::SSM::Parameter",
                                 cdk::Object{{"Type", "String"}, {"Value", queue.get_att("Arn")}});
  ASSERT_EQ(cdk::detail::prepare_app(app), std::vector<std::string>{});

  const Json document = render(producer);
  EXPECT_EQ(keys_of(document),
            (std::vector<std::string>{"Resources", "Outputs", "Parameters", "Rules"}));
  EXPECT_EQ(document["Resources"], Json::parse(R"({
    "Queue": {"Type": "AWS::SQS::Queue", "Metadata": {"aws:cdk:path": "Agnostic/Queue"}}
  })"));
  EXPECT_EQ(document["Parameters"]["BootstrapVersion"], kBootstrapParameter);
  EXPECT_EQ(document["Rules"]["CheckBootstrapVersion"], kBootstrapRule);
}

}  // namespace
