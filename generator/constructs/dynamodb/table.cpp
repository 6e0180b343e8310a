// cdkpp L2: a DynamoDB table.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/dynamodb/table.hpp"

#include <string>
#include <vector>

#include "cdk/errors.hpp"

namespace cdk::aws::dynamodb {
namespace {

const char* attribute_type(AttributeType type) {
  switch (type) {
    case AttributeType::string:
      return "S";
    case AttributeType::number:
      return "N";
    case AttributeType::binary:
      return "B";
  }
  return "S";
}

void check_key(const Construct& scope, std::string_view which, const Attribute& key) {
  if (!key.name.empty()) return;
  throw Error(scope.describe() + ": the " + std::string(which) + " key needs a name");
}

void check_capacities(const Construct& scope, const TableProps& props) {
  const std::pair<const char*, int> capacities[] = {{"read", props.read_capacity},
                                                    {"write", props.write_capacity}};
  for (const auto& [what, units] : capacities) {
    if (props.billing_mode == BillingMode::provisioned && units < 1) {
      throw Error(scope.describe() + ": " + what + " capacity must be at least 1 with " +
                  "PROVISIONED billing, got '" + std::to_string(units) + "'");
    }
    if (props.billing_mode == BillingMode::pay_per_request && units != 0) {
      throw Error(scope.describe() + ": " + what + " capacity is for PROVISIONED billing " +
                  "only, got '" + std::to_string(units) + "' with PAY_PER_REQUEST");
    }
  }
}

CfnTable::Props table_props(const TableProps& props) {
  std::vector<CfnTable::AttributeDefinitionProperty> attributes = {
      {.attribute_name = props.partition_key.name,
       .attribute_type = attribute_type(props.partition_key.type)}};
  std::vector<CfnTable::KeySchemaProperty> keys = {
      {.attribute_name = props.partition_key.name, .key_type = "HASH"}};
  if (props.sort_key) {
    attributes.push_back({.attribute_name = props.sort_key->name,
                          .attribute_type = attribute_type(props.sort_key->type)});
    keys.push_back({.attribute_name = props.sort_key->name, .key_type = "RANGE"});
  }

  CfnTable::Props out{.attribute_definitions = attributes, .key_schema = keys};
  if (props.billing_mode == BillingMode::pay_per_request) {
    out.billing_mode = "PAY_PER_REQUEST";
  } else {
    out.billing_mode = "PROVISIONED";
    out.provisioned_throughput = {.read_capacity_units = props.read_capacity,
                                  .write_capacity_units = props.write_capacity};
  }
  if (props.point_in_time_recovery) {
    out.point_in_time_recovery_specification = {.point_in_time_recovery_enabled = true};
  }
  if (props.encryption == TableEncryption::aws_managed)
    out.sse_specification = {.sse_enabled = true};
  if (!props.table_name.empty()) out.table_name = props.table_name;
  return out;
}

}  // namespace

Table::Table(Construct& scope, std::string_view id, TableProps props) : Construct(scope, id) {
  check_key(*this, "partition", props.partition_key);
  if (props.sort_key) check_key(*this, "sort", *props.sort_key);
  if (props.sort_key && props.sort_key->name == props.partition_key.name) {
    throw Error(describe() + ": the sort key '" + props.sort_key->name +
                "' must differ from the partition key");
  }
  check_capacities(*this, props);

  table_ = &add<CfnTable>("Resource", table_props(props));
  table_->apply_removal_policy(props.removal_policy);
}

void Table::grant_read_data(iam::Grantable& grantee) const {
  grantee.add_to_principal_policy(
      {.actions = {"dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:GetItem",
                   "dynamodb:Query", "dynamodb:Scan"},
       .resources = {table_arn()}});
}

void Table::grant_write_data(iam::Grantable& grantee) const {
  grantee.add_to_principal_policy({.actions = {"dynamodb:BatchWriteItem", "dynamodb:DeleteItem",
                                               "dynamodb:PutItem", "dynamodb:UpdateItem"},
                                   .resources = {table_arn()}});
}

void Table::grant_read_write_data(iam::Grantable& grantee) const {
  grantee.add_to_principal_policy(
      {.actions = {"dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
                   "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
                   "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"},
       .resources = {table_arn()}});
}

}  // namespace cdk::aws::dynamodb
