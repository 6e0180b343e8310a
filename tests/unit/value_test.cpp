// cdkpp unit tests: CloudFormation values (cdk/value.hpp): literals, every intrinsic function,
// pseudo parameters, string concatenation and how each renders in a template.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/value.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::Value;
using cdk::test::error_of;

// A stack with a bucket ("Bucket") and a condition ("IsProd") to build values from.
class ValueTest : public ::testing::Test {
 protected:
  Json render(const Value& value) { return cdk::test::resolve(stack_, value); }

  cdk::App app_;
  cdk::Stack& stack_ = app_.add<cdk::Stack>("Stack");
  cdk::CfnResource& bucket_ = stack_.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  cdk::CfnCondition& is_prod_ =
      stack_.add<cdk::CfnCondition>("IsProd", cdk::fn::equals(cdk::pseudo::region(), "eu-west-1"));
};

TEST_F(ValueTest, literals_render_as_json) {
  EXPECT_EQ(render(Value()), Json(nullptr));
  EXPECT_EQ(render(true), Json(true));
  EXPECT_EQ(render(42), Json(42));
  EXPECT_EQ(render(std::uint16_t{7}), Json(7));
  EXPECT_EQ(render(1.5), Json(1.5));
  EXPECT_EQ(render("text"), Json("text"));
  EXPECT_EQ(render(std::string("s")), Json("s"));
  EXPECT_EQ(render(cdk::List{1, "two", cdk::List{}}), Json::parse(R"([1, "two", []])"));
}

// JSON.stringify writes 5.0 as 5: a template must not say 5.0 where the AWS CDK says 5.
TEST_F(ValueTest, whole_numbers_given_as_doubles_are_written_without_a_fraction) {
  EXPECT_EQ(cdk::detail::to_json_text(render(5.0), 0), "5");
  EXPECT_EQ(cdk::detail::to_json_text(render(-3.0), 0), "-3");
  EXPECT_EQ(cdk::detail::to_json_text(render(2.5), 0), "2.5");
}

TEST_F(ValueTest, objects_keep_their_key_order) {
  const Value object = cdk::Object{{"Zeta", 1}, {"Alpha", cdk::Object{{"b", 2}, {"a", 3}}}};

  EXPECT_EQ(render(object).dump(), R"({"Zeta":1,"Alpha":{"b":2,"a":3}})");
  EXPECT_EQ(object.to_json().dump(), R"({"Zeta":1,"Alpha":{"b":2,"a":3}})");
}

TEST_F(ValueTest, from_json_round_trips_a_literal) {
  const Json json = Json::parse(R"({"b": [1, 2.5, -3, true, null, "x"], "a": {"n": 18446744073}})");

  const Value value = Value::from_json(json);
  EXPECT_TRUE(value.is_object());
  EXPECT_TRUE(value.is_literal());
  EXPECT_EQ(value.to_json(), json);
  EXPECT_EQ(render(value), json);
}

TEST_F(ValueTest, is_literal_looks_inside_lists_and_objects) {
  EXPECT_TRUE(Value(cdk::List{1, cdk::Object{{"a", "b"}}}).is_literal());
  EXPECT_FALSE(Value(cdk::List{1, cdk::Object{{"a", bucket_.ref()}}}).is_literal());
  EXPECT_FALSE(bucket_.ref().is_literal());
  EXPECT_FALSE(cdk::pseudo::region().is_literal());
}

TEST_F(ValueTest, to_json_of_a_deploy_time_value_is_an_error) {
  EXPECT_EQ(error_of([&] { bucket_.ref().to_json(); }),
            "a reference has no literal value before synthesis");
  EXPECT_EQ(error_of([&] { cdk::fn::base64("x").to_json(); }),
            "the intrinsic Fn::Base64 has no literal value before synthesis");
}

TEST_F(ValueTest, accessors_of_the_wrong_kind_are_errors) {
  EXPECT_EQ(Value("x").as_string(), "x");
  EXPECT_EQ(error_of([] { Value(1).as_string(); }), "expected a string but found an integer");
  EXPECT_EQ(error_of([] { Value("x").as_object(); }), "expected an object but found a string");
  EXPECT_EQ(error_of([] { Value().as_list(); }), "expected a list but found null");
  EXPECT_EQ(error_of([] { Value(1.5).as_reference(); }), "expected a reference but found a number");
  EXPECT_EQ(error_of([&] { bucket_.ref().as_intrinsic(); }),
            "expected an intrinsic but found a reference");
}

TEST_F(ValueTest, references_render_as_ref_and_get_att) {
  EXPECT_EQ(render(bucket_.ref()), (Json{{"Ref", "Bucket"}}));
  EXPECT_EQ(render(bucket_.get_att("Arn")), Json::parse(R"({"Fn::GetAtt": ["Bucket", "Arn"]})"));
  EXPECT_EQ(render(bucket_.get_att("Endpoint.Port")),
            Json::parse(R"({"Fn::GetAtt": ["Bucket", "Endpoint.Port"]})"));
}

TEST_F(ValueTest, values_are_equal_by_kind_and_content) {
  auto& other = stack_.add<cdk::CfnResource>("Other", "AWS::S3::Bucket");
  EXPECT_EQ(Value("a"), Value("a"));
  EXPECT_NE(Value("1"), Value(1));
  EXPECT_NE(Value(1), Value(1.0));
  EXPECT_EQ(Value(cdk::List{"a", 1}), Value(cdk::List{"a", 1}));
  EXPECT_NE(Value(cdk::List{"a", 1}), Value(cdk::List{1, "a"}));
  EXPECT_EQ(Value(cdk::Object{{"k", true}}), Value(cdk::Object{{"k", true}}));
  // Members in another order are another value: templates keep the order.
  EXPECT_NE(Value(cdk::Object{{"a", 1}, {"b", 2}}), Value(cdk::Object{{"b", 2}, {"a", 1}}));

  EXPECT_EQ(bucket_.ref(), bucket_.ref());
  EXPECT_NE(bucket_.ref(), other.ref());
  EXPECT_NE(bucket_.ref(), bucket_.get_att("Arn"));
  EXPECT_NE(bucket_.get_att("Arn"), bucket_.get_att("DomainName"));
  EXPECT_EQ(bucket_.get_att("Arn") + "/*", bucket_.get_att("Arn") + "/*");
  EXPECT_NE(bucket_.get_att("Arn") + "/*", bucket_.get_att("Arn") + "/a");
  EXPECT_EQ(stack_.region(), stack_.region());
  EXPECT_NE(stack_.region(), stack_.account());
}

TEST_F(ValueTest, every_intrinsic_function_renders_as_cloudformation_expects) {
  namespace fn = cdk::fn;
  EXPECT_EQ(render(fn::join(",", {"a", bucket_.ref()})),
            Json::parse(R"({"Fn::Join": [",", ["a", {"Ref": "Bucket"}]]})"));
  EXPECT_EQ(render(fn::sub("arn:${AWS::Partition}:s3:::${Bucket}")),
            Json::parse(R"({"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}"})"));
  EXPECT_EQ(render(fn::sub("${Name}-x", {{"Name", bucket_.ref()}})),
            Json::parse(R"({"Fn::Sub": ["${Name}-x", {"Name": {"Ref": "Bucket"}}]})"));
  EXPECT_EQ(render(fn::select(1, fn::get_azs())),
            Json::parse(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})"));
  EXPECT_EQ(render(fn::split("|", "a|b")), Json::parse(R"({"Fn::Split": ["|", "a|b"]})"));
  EXPECT_EQ(render(fn::if_(is_prod_, 3, cdk::pseudo::no_value())),
            Json::parse(R"({"Fn::If": ["IsProd", 3, {"Ref": "AWS::NoValue"}]})"));
  EXPECT_EQ(render(fn::import_value("Shared:Name")),
            Json::parse(R"({"Fn::ImportValue": "Shared:Name"})"));
  EXPECT_EQ(render(fn::find_in_map("Map", "k1", cdk::pseudo::region())),
            Json::parse(R"({"Fn::FindInMap": ["Map", "k1", {"Ref": "AWS::Region"}]})"));
  EXPECT_EQ(render(fn::get_azs("eu-west-1")), Json::parse(R"({"Fn::GetAZs": "eu-west-1"})"));
  EXPECT_EQ(render(fn::base64("#!/bin/sh")), Json::parse(R"({"Fn::Base64": "#!/bin/sh"})"));
  EXPECT_EQ(render(fn::cidr("10.0.0.0/16", 6, 5)),
            Json::parse(R"({"Fn::Cidr": ["10.0.0.0/16", 6, 5]})"));
  EXPECT_EQ(render(fn::get_att("Legacy", "Arn")),
            Json::parse(R"({"Fn::GetAtt": ["Legacy", "Arn"]})"));
  EXPECT_EQ(render(fn::ref("Legacy")), Json::parse(R"({"Ref": "Legacy"})"));
}

TEST_F(ValueTest, condition_functions_render_as_cloudformation_expects) {
  namespace fn = cdk::fn;
  const Value a = fn::equals(cdk::pseudo::region(), "eu-west-1");
  const Value b = fn::condition(is_prod_);

  EXPECT_EQ(render(a), Json::parse(R"({"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]})"));
  EXPECT_EQ(render(b), Json::parse(R"({"Condition": "IsProd"})"));
  EXPECT_EQ(render(fn::not_(b)), Json::parse(R"({"Fn::Not": [{"Condition": "IsProd"}]})"));
  EXPECT_EQ(render(fn::and_({a, b})),
            Json::parse(R"({"Fn::And": [{"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]},
                                        {"Condition": "IsProd"}]})"));
  EXPECT_EQ(render(fn::or_({b, b})),
            Json::parse(R"({"Fn::Or": [{"Condition": "IsProd"}, {"Condition": "IsProd"}]})"));
}

TEST_F(ValueTest, a_condition_is_named_by_its_current_logical_id) {
  const Value value = cdk::fn::if_(is_prod_, "a", "b");
  is_prod_.override_logical_id("ProdOnly");

  EXPECT_EQ(render(value), Json::parse(R"({"Fn::If": ["ProdOnly", "a", "b"]})"));
}

TEST_F(ValueTest, pseudo_parameters_render_as_refs) {
  namespace pseudo = cdk::pseudo;
  EXPECT_EQ(render(pseudo::account_id()), (Json{{"Ref", "AWS::AccountId"}}));
  EXPECT_EQ(render(pseudo::region()), (Json{{"Ref", "AWS::Region"}}));
  EXPECT_EQ(render(pseudo::partition()), (Json{{"Ref", "AWS::Partition"}}));
  EXPECT_EQ(render(pseudo::url_suffix()), (Json{{"Ref", "AWS::URLSuffix"}}));
  EXPECT_EQ(render(pseudo::stack_id()), (Json{{"Ref", "AWS::StackId"}}));
  EXPECT_EQ(render(pseudo::stack_name()), (Json{{"Ref", "AWS::StackName"}}));
  EXPECT_EQ(render(pseudo::notification_arns()), (Json{{"Ref", "AWS::NotificationARNs"}}));
  EXPECT_EQ(render(pseudo::no_value()), (Json{{"Ref", "AWS::NoValue"}}));
}

TEST_F(ValueTest, scoped_pseudo_parameters_render_as_refs_in_their_own_stack) {
  const cdk::ScopedAws aws(stack_);
  EXPECT_EQ(render(aws.account_id()), (Json{{"Ref", "AWS::AccountId"}}));
  EXPECT_EQ(render(aws.region()), (Json{{"Ref", "AWS::Region"}}));
  EXPECT_EQ(render(aws.partition()), (Json{{"Ref", "AWS::Partition"}}));
  EXPECT_EQ(render(aws.url_suffix()), (Json{{"Ref", "AWS::URLSuffix"}}));
  EXPECT_EQ(render(aws.stack_id()), (Json{{"Ref", "AWS::StackId"}}));
  EXPECT_EQ(render(aws.stack_name()), (Json{{"Ref", "AWS::StackName"}}));
  EXPECT_TRUE(aws.region().is_reference());
  EXPECT_FALSE(stack_.region().is_reference());
}

TEST_F(ValueTest, concatenating_two_literal_strings_gives_a_literal) {
  const Value value = Value("arn:") + Value("aws");

  EXPECT_TRUE(value.is_string());
  EXPECT_EQ(value.as_string(), "arn:aws");
}

TEST_F(ValueTest, concatenating_a_deploy_time_value_gives_a_join) {
  EXPECT_EQ(render(Value("https://") + bucket_.ref()),
            Json::parse(R"({"Fn::Join": ["", ["https://", {"Ref": "Bucket"}]]})"));
  EXPECT_EQ(render(bucket_.ref() + bucket_.get_att("Arn")),
            Json::parse(R"({"Fn::Join": ["", [{"Ref": "Bucket"},
                                             {"Fn::GetAtt": ["Bucket", "Arn"]}]]})"));
}

TEST_F(ValueTest, adjacent_literals_merge_into_one_part) {
  const Value value = Value("a") + bucket_.ref() + "b" + "c" + cdk::pseudo::region() + "d";

  EXPECT_EQ(render(value), Json::parse(R"({"Fn::Join": ["", ["a", {"Ref": "Bucket"}, "bc",
                                             {"Ref": "AWS::Region"}, "d"]]})"));
}

TEST_F(ValueTest, nested_concatenations_flatten_into_one_join) {
  const Value left = Value("a") + bucket_.ref() + "-";
  const Value right = Value("-") + cdk::pseudo::region() + "z";

  EXPECT_EQ(render(left + right), Json::parse(R"({"Fn::Join": ["", ["a", {"Ref": "Bucket"}, "--",
                                             {"Ref": "AWS::Region"}, "z"]]})"));
}

TEST_F(ValueTest, a_join_with_a_delimiter_is_a_part_not_flattened) {
  const Value list = cdk::fn::join(",", {bucket_.ref(), "x"});

  EXPECT_EQ(render(Value("[") + list + "]"),
            Json::parse(R"({"Fn::Join": ["", ["[", {"Fn::Join": [",", [{"Ref": "Bucket"}, "x"]]},
                                             "]"]]})"));
}

TEST_F(ValueTest, number_and_boolean_literals_concatenate_as_text) {
  EXPECT_EQ(render(Value(8080) + ":" + bucket_.ref()),
            Json::parse(R"({"Fn::Join": ["", ["8080:", {"Ref": "Bucket"}]]})"));
  EXPECT_EQ(render(bucket_.ref() + true),
            Json::parse(R"({"Fn::Join": ["", [{"Ref": "Bucket"}, "true"]]})"));
}

TEST_F(ValueTest, empty_strings_vanish_from_a_concatenation) {
  // As in the AWS CDK, where `${''}${bucket.bucketName}` is just the token.
  EXPECT_EQ(render(Value("") + bucket_.ref()), (Json{{"Ref", "Bucket"}}));
  EXPECT_EQ(render(bucket_.ref() + ""), (Json{{"Ref", "Bucket"}}));
  EXPECT_EQ(render(Value("") + ""), Json(""));
}

TEST_F(ValueTest, describe_names_references_by_construct_path) {
  const cdk::ScopedAws aws(stack_);
  EXPECT_EQ(bucket_.ref().describe(), "Ref of 'Stack/Bucket'");
  EXPECT_EQ(bucket_.get_att("Arn").describe(), "attribute Arn of 'Stack/Bucket'");
  EXPECT_EQ(aws.region().describe(), "AWS::Region of stack 'Stack'");
  EXPECT_EQ(cdk::fn::base64("x").describe(), "Fn::Base64(...)");
  EXPECT_EQ(Value("abc").describe(), "\"abc\"");
  EXPECT_EQ(Value(std::string(100, 'x')).describe(), "\"" + std::string(76, 'x') + "...");
}

}  // namespace
