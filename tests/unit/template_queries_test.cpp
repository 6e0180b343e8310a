// cdkpp unit tests: the Template queries beyond resources (counts with properties, every
// resource, outputs, parameters, mappings, conditions, the whole template) and their failure
// messages in the AWS CDK's section format.
// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/assertions/template.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::assertions::AssertionError;
using cdk::assertions::Match;
using cdk::assertions::Template;
using cdk::test::error_of;
using cdk::test::keys_of;
using Lines = std::vector<std::string>;

const char* kTemplate = R"({
  "Parameters": {
    "Stage": {"Type": "String", "Default": "sandbox"},
    "BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>"}
  },
  "Mappings": {"Regions": {"eu-west-1": {"Ami": "ami-1"}}},
  "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "production"]}},
  "Resources": {
    "TableA": {"Type": "AWS::DynamoDB::Table",
               "Properties": {"BillingMode": "PROVISIONED", "TableName": "a"}},
    "TableB": {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST"}},
    "TableC": {"Type": "AWS::DynamoDB::Table"}
  },
  "Outputs": {"Name": {"Value": {"Ref": "TableA"}}}
})";

class template_queries : public ::testing::Test {
 protected:
  const Template tpl_ = Template::from_string(kTemplate);
};

TEST_F(template_queries, resource_properties_count_is_counts_the_matching_resources) {
  tpl_.resource_properties_count_is("AWS::DynamoDB::Table", {{"BillingMode", "PROVISIONED"}}, 1);
  tpl_.resource_properties_count_is("AWS::DynamoDB::Table", Json::object(), 3);
  tpl_.resource_properties_count_is("AWS::DynamoDB::Table", Match::absent(), 1);
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl_.resource_properties_count_is("AWS::DynamoDB::Table",
                                                {{"TableName", Match::any_value()}}, 2);
            }),
            "Expected 2 resources of type AWS::DynamoDB::Table but found 1");
}

TEST_F(template_queries, has_resource_properties_with_absent_sees_missing_properties) {
  tpl_.has_resource_properties("AWS::DynamoDB::Table", Match::absent());
  tpl_.has_resource_properties("AWS::DynamoDB::Table", {{"TableName", Match::absent()}});
}

TEST_F(template_queries, all_resources_requires_every_resource_to_match) {
  tpl_.all_resources("AWS::DynamoDB::Table", {{"Type", "AWS::DynamoDB::Table"}});
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl_.all_resources_properties("AWS::DynamoDB::Table",
                                            {{"BillingMode", Match::any_value()}});
            }),
            "Template has 3 resource(s) with type AWS::DynamoDB::Table, but only 2 match as "
            "expected.\n"
            "The following resources do not match the given definition:\n"
            "\tTableC\n"
            "\t  /Properties/BillingMode: Missing key 'BillingMode'");
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl_.all_resources("AWS::DynamoDB::Table", {{"DeletionPolicy", "Retain"}});
            }),
            "Template has 3 resource(s) with type AWS::DynamoDB::Table, but none match as "
            "expected.\n"
            "The following resources do not match the given definition:\n"
            "\tTableA\n"
            "\t  /DeletionPolicy: Missing key 'DeletionPolicy'\n"
            "\tTableB\n"
            "\t  /DeletionPolicy: Missing key 'DeletionPolicy'\n"
            "\tTableC\n"
            "\t  /DeletionPolicy: Missing key 'DeletionPolicy'");
  EXPECT_EQ(
      error_of<AssertionError>([&] { tpl_.all_resources("AWS::SNS::Topic", Json::object()); }),
      "Template has 0 resource(s) with type AWS::SNS::Topic.");
}

TEST_F(template_queries, the_closest_matches_are_at_most_three_by_cost_then_id) {
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl_.has_resource_properties("AWS::DynamoDB::Table",
                                           {{"BillingMode", "PROVISIONED"}, {"TableName", "b"}});
            }),
            "Template has 3 resources with type AWS::DynamoDB::Table, but none match as "
            "expected.\n"
            "Tried, closest first: TableA, TableB, TableC\n"
            "The closest, TableA, has 1 mismatch:\n"
            "  /Properties/TableName: Expected b but received a\n"
            "The 3 closest matches:\n"
            "TableA :: {\n"
            "  \"Properties\": {\n"
            "    \"BillingMode\": \"PROVISIONED\",\n"
            "!!   Expected b but received a\n"
            "    \"TableName\": \"a\"\n"
            "  },\n"
            "  \"Type\": \"AWS::DynamoDB::Table\"\n"
            "}\n"
            "TableB :: {\n"
            "  \"Properties\": {\n"
            "!!   Expected PROVISIONED but received PAY_PER_REQUEST\n"
            "    \"BillingMode\": \"PAY_PER_REQUEST\",\n"
            "!!   Missing key 'TableName'\n"
            "    \"TableName\": undefined\n"
            "  },\n"
            "  \"Type\": \"AWS::DynamoDB::Table\"\n"
            "}\n"
            "TableC :: {\n"
            "  \"Properties\": {\n"
            "!!   Missing key 'BillingMode'\n"
            "    \"BillingMode\": undefined,\n"
            "!!   Missing key 'TableName'\n"
            "    \"TableName\": undefined\n"
            "  },\n"
            "  \"Type\": \"AWS::DynamoDB::Table\"\n"
            "}");
}

TEST_F(template_queries, outputs_are_found_by_logical_id_or_any) {
  EXPECT_EQ(tpl_.find_outputs("*"), Json::parse(kTemplate)["Outputs"]);
  EXPECT_EQ(tpl_.find_outputs("Name", {{"Value", "text"}}), Json::object());
  EXPECT_EQ(tpl_.find_outputs("Missing"), Json::object());
}

TEST_F(template_queries, parameters_are_queried_by_logical_id) {
  tpl_.has_parameter("Stage", {{"Default", "sandbox"}});
  EXPECT_EQ(keys_of(tpl_.find_parameters("*", {{"Type", "String"}})), Lines{"Stage"});
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl_.has_parameter("Stage", {{"Default", "prod"}});
            }),
            "Template has 1 parameters with logicalId 'Stage', but none match as expected.\n"
            "Tried, closest first: Stage\n"
            "The closest, Stage, has 1 mismatch:\n"
            "  /Default: Expected prod but received sandbox\n"
            "The 1 closest matches:\n"
            "Stage :: {\n"
            "!! Expected prod but received sandbox\n"
            "  \"Default\": \"sandbox\",\n"
            "  \"Type\": \"String\"\n"
            "}");
}

TEST_F(template_queries, mappings_are_queried_by_logical_id) {
  tpl_.has_mapping("*", {{"eu-west-1", {{"Ami", "ami-1"}}}});
  EXPECT_EQ(keys_of(tpl_.find_mappings("Regions")), Lines{"Regions"});
  EXPECT_EQ(error_of<AssertionError>([&] { tpl_.has_mapping("Other", Json::object()); }),
            "Template has 0 mappings with logicalId Other.\nNo matches found");
}

TEST_F(template_queries, conditions_are_queried_by_logical_id) {
  tpl_.has_condition("IsProd", {{"Fn::Equals", Match::array_with({"production"})}});
  EXPECT_EQ(keys_of(tpl_.find_conditions("*")), Lines{"IsProd"});
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl_.has_condition("IsProd", {{"Fn::Equals", Match::array_with({"sandbox"})}});
            }),
            "Template has 1 conditions with logicalId IsProd, but none match as expected.\n"
            "Tried, closest first: IsProd\n"
            "The closest, IsProd, has 2 mismatches:\n"
            "  /Fn::Equals: Could not match array_with pattern 0. This is the closest match\n"
            "  /Fn::Equals/1: Expected sandbox but received production\n"
            "The 1 closest matches:\n"
            "IsProd :: {\n"
            "!! Could not match array_with pattern 0. This is the closest match\n"
            "  \"Fn::Equals\": [\n"
            "    { \"Ref\": \"Stage\" },\n"
            "!!   Expected sandbox but received production\n"
            "    \"production\"\n"
            "  ]\n"
            "}");
}

TEST_F(template_queries, template_matches_lists_every_mismatch_with_its_path) {
  tpl_.template_matches({{"Mappings", {{"Regions", Match::any_value()}}}});
  EXPECT_EQ(error_of<AssertionError>([&] {
              tpl_.template_matches({{"Outputs", Match::absent()}, {"Rules", Match::any_value()}});
            }),
            "Template did not match as expected. The following mismatches were found:\n"
            "\tReceived {\"Name\":{\"Value\":{\"Ref\":\"TableA\"}}}, but key should be absent at "
            "/Outputs (using absent matcher)\n"
            "\tMissing key 'Rules' at /Rules (using object_like matcher)");
}

TEST_F(template_queries, a_value_of_another_type_is_marked_after_it) {
  EXPECT_EQ(error_of<AssertionError>([&] { tpl_.has_output("Name", Match::array_with({1})); }),
            "Template has 1 outputs named Name, but none match as expected.\n"
            "Tried, closest first: Name\n"
            "The closest, Name, has 1 mismatch:\n"
            "  /: Expected type array but received object\n"
            "The 1 closest matches:\n"
            "Name :: { \"Value\": { ... } }\n"
            "!! Expected type array but received object");
}

}  // namespace
