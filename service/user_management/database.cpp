// cdkpp reference application, User Management: the users table.
// SPDX-License-Identifier: Apache-2.0
#include "user_management/database.hpp"

#include <cdk/aws/dynamodb/table.hpp>

namespace service::user_management {

namespace dynamodb = cdk::aws::dynamodb;

Database::Database(cdk::Construct& scope, std::string_view id, DatabaseProps props)
    : cdk::Construct(scope, id) {
  const bool provisioned = props.billing_mode == BillingMode::provisioned;

  // Point-in-time recovery, encryption with the account's key, and a table kept when the stack
  // is deleted: the L2 table's defaults, which the users need.
  table_ = &add<dynamodb::Table>(
      "Table",
      dynamodb::TableProps{.partition_key = {.name = "id", .type = dynamodb::AttributeType::string},
                           .billing_mode = provisioned ? dynamodb::BillingMode::provisioned
                                                       : dynamodb::BillingMode::pay_per_request,
                           .read_capacity = provisioned ? props.read_capacity : 0,
                           .write_capacity = provisioned ? props.write_capacity : 0});
}

}  // namespace service::user_management
