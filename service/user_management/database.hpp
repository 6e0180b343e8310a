// cdkpp reference application, User Management: the users table.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include <cdk/cdk.hpp>

namespace cdk::aws::dynamodb {
class Table;
}

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

  // The table, to grant access to (<cdk/aws/dynamodb/table.hpp>).
  const cdk::aws::dynamodb::Table& table() const { return *table_; }

 private:
  const cdk::aws::dynamodb::Table* table_ = nullptr;
};

}  // namespace service::user_management
