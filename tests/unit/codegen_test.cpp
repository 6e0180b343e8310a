// cdkpp unit tests: cdkpp-codegen's naming rule, type parser and class emitter.
// SPDX-License-Identifier: Apache-2.0
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "naming.hpp"
#include "service_emitter.hpp"
#include "spec_model.hpp"

namespace {

using namespace cdkpp::codegen;

TEST(codegen_naming, properties_become_snake_case) {
  EXPECT_EQ(snake_case("KeySchema"), "key_schema");
  EXPECT_EQ(snake_case("SSESpecification"), "sse_specification");
  EXPECT_EQ(snake_case("DBInstanceClass"), "db_instance_class");
  EXPECT_EQ(snake_case("EC2InstanceId"), "ec2_instance_id");
  EXPECT_EQ(snake_case("S3Bucket"), "s3_bucket");
  EXPECT_EQ(snake_case("Arn"), "arn");
  EXPECT_EQ(snake_case("ARN"), "arn");
  EXPECT_EQ(snake_case("snake_case-and.dots"), "snake_case_and_dots");
}

TEST(codegen_naming, plural_acronyms_and_mixed_case_terms_stay_whole) {
  EXPECT_EQ(snake_case("CNAMEs"), "cnames");
  EXPECT_EQ(snake_case("SecurityGroupIDs"), "security_group_ids");
  EXPECT_EQ(snake_case("SizeInGBs"), "size_in_gbs");
  EXPECT_EQ(snake_case("OAuthCredentials"), "oauth_credentials");
  EXPECT_EQ(snake_case("IPv6Address"), "ipv6_address");
  EXPECT_EQ(snake_case("MemoryGiBPerVCpu"), "memory_gib_per_v_cpu");
  EXPECT_EQ(snake_case("FSxLustreConfig"), "fsx_lustre_config");
  EXPECT_EQ(snake_case("OAuth2"), "oauth2");
}

TEST(codegen_naming, keywords_and_leading_digits_stay_valid_identifiers) {
  EXPECT_EQ(snake_case("Namespace"), "namespace_");
  EXPECT_EQ(snake_case("Default"), "default_");
  EXPECT_EQ(snake_case("Operator"), "operator_");
  EXPECT_EQ(snake_case("3DSettings"), "p_3_d_settings");
}

TEST(codegen_naming, classes_structs_and_attributes) {
  EXPECT_EQ(class_name("Table"), "CfnTable");
  EXPECT_EQ(struct_name("KeySchema"), "KeySchemaProperty");
  EXPECT_EQ(attribute_function("StreamArn"), "attr_stream_arn");
  EXPECT_EQ(attribute_function("Endpoint.Address"), "attr_endpoint_address");
  EXPECT_EQ(attribute_function("Default"), "attr_default");
}

TEST(codegen_types, the_vocabulary_parses_into_a_tree) {
  const TypeExpr type = parse_type("list<KeySchema>|json");
  ASSERT_EQ(type.kind, TypeExpr::Kind::union_of);
  ASSERT_EQ(type.members.size(), 2u);
  EXPECT_EQ(type.members[0].kind, TypeExpr::Kind::list);
  EXPECT_EQ(type.members[0].members[0].kind, TypeExpr::Kind::named);
  EXPECT_EQ(type.members[0].members[0].name, "KeySchema");
  EXPECT_EQ(type.members[1].name, "json");

  const TypeExpr nested = parse_type("map<list<boolean|integer>>");
  EXPECT_EQ(nested.kind, TypeExpr::Kind::map);
  EXPECT_EQ(nested.members[0].members[0].kind, TypeExpr::Kind::union_of);
}

TEST(codegen_types, a_malformed_type_is_an_error_naming_it) {
  try {
    parse_type("list<string");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "type 'list<string': expected '>' at character 12");
  }
  EXPECT_THROW(parse_type("strng"), std::runtime_error);
}

// A one-resource specification in the file's format.
Spec spec_of(const char* resource_json) {
  return load_spec(
      nlohmann::json{{"format", 1},
                     {"source", {{"package", "test"}, {"version", "1"}}},
                     {"resources", {{"AWS::Test::Thing", nlohmann::json::parse(resource_json)}}}});
}

TEST(codegen_emitter, a_type_that_contains_itself_is_boxed_once_and_defined_in_order) {
  const Spec spec = spec_of(R"({"service": "test", "attributes": {"Arn": "string"},
    "properties": {"Root": {"type": "Node", "required": true}},
    "types": {"Leaf": {"properties": {"Value": {"type": "integer"}}},
              "Node": {"properties": {"Child": {"type": "Node"}, "Leaf": {"type": "Leaf"},
                                      "Children": {"type": "list<Node>"}}}}})");
  const GeneratedService generated = emit_service(spec.services.at("aws/test"), "banner");

  EXPECT_EQ(generated.header_path, "cdk/aws/test.hpp");
  EXPECT_EQ(generated.classes, 1);
  const std::string& header = generated.header;
  EXPECT_NE(header.find("cdk::Prop<NodeProperty> child;"), std::string::npos) << header;
  EXPECT_NE(header.find("LeafProperty leaf;"), std::string::npos);
  EXPECT_NE(header.find("cdk::PropList<NodeProperty> children;"), std::string::npos);
  EXPECT_NE(header.find("NodeProperty root;"), std::string::npos);
  EXPECT_LT(header.find("struct LeafProperty {"), header.find("struct NodeProperty {"));
  EXPECT_NE(header.find("cdk::Value attr_arn() const { return get_att(\"Arn\"); }"),
            std::string::npos);
  EXPECT_NE(generated.source.find("cdk::detail::put(out, \"Root\", props_.root);"),
            std::string::npos);
}

TEST(codegen_emitter, two_names_that_meet_in_cpp_are_an_error) {
  const Spec spec = spec_of(R"({"service": "test", "attributes": {}, "types": {},
    "properties": {"DbName": {"type": "string"}, "DBName": {"type": "string"}}})");
  try {
    emit_service(spec.services.at("aws/test"), "banner");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "AWS::Test::Thing: properties 'DBName' and 'DbName' both become 'db_name'");
  }
}

}  // namespace
