// cdkpp reference application, User Management: the users table.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include <cdk/cdk.hpp>

namespace service::user_management {

// How DynamoDB charges for the table: per request, or for capacity provisioned up front.
enum class BillingMode { pay_per_request, provisioned };

struct DatabaseProps {
  BillingMode billing_mode = BillingMode::pay_per_request;
  // Read and write capacity units; used, and then at least 1, only with provisioned billing.
  int read_capacity = 0;
  int write_capacity = 0;
};

// A DynamoDB table of users keyed by the string attribute "id", with point-in-time recovery
// and encryption at rest. Throws cdk::Error naming the construct path for provisioned billing
// without capacities.
class Database : public cdk::Construct {
 public:
  Database(cdk::Construct& scope, std::string_view id, DatabaseProps props);

  const cdk::Value& table_name() const { return table_name_; }
  const cdk::Value& table_arn() const { return table_arn_; }

 private:
  cdk::Value table_name_;
  cdk::Value table_arn_;
};

}  // namespace service::user_management
