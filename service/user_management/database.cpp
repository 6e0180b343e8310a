// cdkpp reference application, User Management: the users table.
// SPDX-License-Identifier: Apache-2.0
#include "user_management/database.hpp"

#include <string>

#include <cdk/aws/dynamodb.hpp>

#include "common/layout.hpp"

namespace service::user_management {
namespace {

using cdk::aws::dynamodb::CfnTable;

void check_capacity(const cdk::Construct& scope, std::string_view what, int units) {
  if (units >= 1) return;
  throw cdk::Error(scope.describe() + ": " + std::string(what) + " capacity must be at least 1 " +
                   "with PROVISIONED billing, got '" + std::to_string(units) + "'");
}

CfnTable::Props table_props(const cdk::Construct& scope, const DatabaseProps& props) {
  CfnTable::Props table{
      .attribute_definitions = {{.attribute_name = "id", .attribute_type = "S"}},
      .billing_mode = "PAY_PER_REQUEST",
      .key_schema = {{.attribute_name = "id", .key_type = "HASH"}},
      .point_in_time_recovery_specification = {.point_in_time_recovery_enabled = true},
      .sse_specification = {.sse_enabled = true}};
  if (props.billing_mode == BillingMode::pay_per_request) return table;

  check_capacity(scope, "read", props.read_capacity);
  check_capacity(scope, "write", props.write_capacity);
  table.billing_mode = "PROVISIONED";
  table.provisioned_throughput = {.read_capacity_units = props.read_capacity,
                                  .write_capacity_units = props.write_capacity};
  return table;
}

}  // namespace

Database::Database(cdk::Construct& scope, std::string_view id, DatabaseProps props)
    : cdk::Construct(scope, id) {
  auto& table = common::add_resource<CfnTable>(*this, "Table", table_props(*this, props));

  // The users outlive a deleted stack, as the AWS CDK keeps tables by default.
  table.apply_removal_policy(cdk::ResourcePolicy::retain);
  table_name_ = table.ref();
  table_arn_ = table.attr_arn();
}

}  // namespace service::user_management
