// cdkpp tests of the L2 constructs: DynamoDB tables and their grants.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/aws/dynamodb/table.hpp>
#include <cdk/aws/iam/role.hpp>

#include "construct_test.hpp"

namespace construct_tests {
namespace {

namespace dynamodb = cdk::aws::dynamodb;
namespace iam = cdk::aws::iam;
using cdk::Json;

class TableTest : public StackTest {
 protected:
  dynamodb::Table& add_table(dynamodb::TableProps props) {
    return stack_.add<dynamodb::Table>("Table", std::move(props));
  }
  iam::Role& add_role() {
    return stack_.add<iam::Role>(
        "Role", iam::RoleProps{.assumed_by = iam::service_principal("lambda.amazonaws.com")});
  }
  Json statements_of(const iam::Role& role) {
    return resource(
        role.default_policy()->logical_id())["Properties"]["PolicyDocument"]["Statement"];
  }
};

TEST_F(TableTest, defaults_to_on_demand_with_recovery_and_encryption_and_is_kept) {
  const auto& table = add_table({.partition_key = {.name = "id"}});
  const Json entry = resource(table.resource().logical_id());

  EXPECT_EQ(entry["Properties"], Json::parse(R"({
      "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
      "BillingMode": "PAY_PER_REQUEST",
      "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
      "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true},
      "SSESpecification": {"SSEEnabled": true}
    })"));
  EXPECT_EQ(entry["DeletionPolicy"], "Retain");
  EXPECT_EQ(entry["UpdateReplacePolicy"], "Retain");
}

TEST_F(TableTest, provisioned_with_a_sort_key_and_dynamodb_s_own_key) {
  const auto& table = add_table(
      {.partition_key = {.name = "pk"},
       .sort_key = dynamodb::Attribute{.name = "at", .type = dynamodb::AttributeType::number},
       .billing_mode = dynamodb::BillingMode::provisioned,
       .read_capacity = 5,
       .write_capacity = 2,
       .point_in_time_recovery = false,
       .encryption = dynamodb::TableEncryption::aws_owned});
  EXPECT_EQ(resource(table.resource().logical_id())["Properties"], Json::parse(R"({
      "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                               {"AttributeName": "at", "AttributeType": "N"}],
      "BillingMode": "PROVISIONED",
      "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                    {"AttributeName": "at", "KeyType": "RANGE"}],
      "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 2}
    })"));
}

TEST_F(TableTest, refuses_capacities_that_do_not_fit_the_billing_mode) {
  EXPECT_EQ(error_of([&] {
              add_table({.partition_key = {.name = "id"},
                         .billing_mode = dynamodb::BillingMode::provisioned,
                         .read_capacity = 1});
            }),
            "'Test/Table': write capacity must be at least 1 with PROVISIONED billing, got '0'");
  EXPECT_EQ(error_of([&] { add_table({.partition_key = {.name = "id"}, .read_capacity = 3}); }),
            "'Test/Table': read capacity is for PROVISIONED billing only, got '3' with "
            "PAY_PER_REQUEST");
}

TEST_F(TableTest, refuses_a_key_without_a_name) {
  EXPECT_EQ(error_of([&] { add_table({}); }), "'Test/Table': the partition key needs a name");
  EXPECT_EQ(error_of([&] {
              add_table({.partition_key = {.name = "id"}, .sort_key = dynamodb::Attribute{}});
            }),
            "'Test/Table': the sort key needs a name");
}

TEST_F(TableTest, refuses_a_sort_key_that_is_the_partition_key) {
  EXPECT_EQ(
      error_of([&] {
        add_table({.partition_key = {.name = "id"}, .sort_key = dynamodb::Attribute{.name = "id"}});
      }),
      "'Test/Table': the sort key 'id' must differ from the partition key");
}

TEST_F(TableTest, read_write_grant_gives_the_item_actions_on_this_table_only) {
  const auto& table = add_table({.partition_key = {.name = "id"}});
  auto& role = add_role();
  table.grant_read_write_data(role);

  EXPECT_EQ(statements_of(role),
            (Json{{{"Action",
                    {"dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
                     "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
                     "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"}},
                   {"Effect", "Allow"},
                   {"Resource", get_att(table.resource().logical_id(), "Arn")}}}));
}

TEST_F(TableTest, read_and_write_grants_are_separate) {
  const auto& table = add_table({.partition_key = {.name = "id"}});
  auto& role = add_role();
  table.grant_read_data(role);
  table.grant_write_data(role);

  const Json statements = statements_of(role);
  ASSERT_EQ(statements.size(), 2);
  EXPECT_EQ(statements[0]["Action"], (Json{"dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem",
                                           "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"}));
  EXPECT_EQ(statements[1]["Action"], (Json{"dynamodb:BatchWriteItem", "dynamodb:DeleteItem",
                                           "dynamodb:PutItem", "dynamodb:UpdateItem"}));
}

}  // namespace
}  // namespace construct_tests
