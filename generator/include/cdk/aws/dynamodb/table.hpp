// cdkpp L2: a DynamoDB table with point-in-time recovery and encryption by default.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cdk/aws/dynamodb.hpp"
#include "cdk/aws/iam/policy.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::dynamodb {

enum class AttributeType { string, number, binary };

struct Attribute {
  std::string name;
  AttributeType type = AttributeType::string;
};

enum class BillingMode { pay_per_request, provisioned };

enum class TableEncryption {
  aws_owned,    // DynamoDB's own key: no SSESpecification
  aws_managed,  // the account's aws/dynamodb KMS key, which CloudTrail logs the use of
};

struct TableProps {
  Attribute partition_key;
  std::optional<Attribute> sort_key;
  BillingMode billing_mode = BillingMode::pay_per_request;
  // With PROVISIONED billing only, and then at least 1.
  int read_capacity = 0;
  int write_capacity = 0;
  bool point_in_time_recovery = true;
  TableEncryption encryption = TableEncryption::aws_managed;
  // Empty: CloudFormation names the table.
  std::string table_name;
  // Tables outlive their stack unless told otherwise, as in the AWS CDK.
  ResourcePolicy removal_policy = ResourcePolicy::retain;
};

// An AWS::DynamoDB::Table at "<id>/Resource". Throws cdk::Error naming the construct path for
// an empty key name, capacities missing with PROVISIONED billing or given without it.
class Table : public Construct {
 public:
  Table(Construct& scope, std::string_view id, TableProps props);

  Value table_name() const { return table_->ref(); }
  Value table_arn() const { return table_->attr_arn(); }

  // Item-level access to this table only; nothing on the table's settings or streams.
  void grant_read_data(iam::Grantable& grantee) const;
  void grant_write_data(iam::Grantable& grantee) const;
  void grant_read_write_data(iam::Grantable& grantee) const;

  CfnTable& resource() { return *table_; }
  const CfnTable& resource() const { return *table_; }

 private:
  CfnTable* table_ = nullptr;
};

}  // namespace cdk::aws::dynamodb
