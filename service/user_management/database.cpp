// cdkpp reference application, User Management: the users table.
// SPDX-License-Identifier: Apache-2.0
#include "user_management/database.hpp"

#include <string>

#include "common/aws_resources.hpp"

namespace service::user_management {
namespace {

void check_capacity(const cdk::Construct& scope, std::string_view what, int units) {
  if (units >= 1) return;
  throw cdk::Error(scope.describe() + ": " + std::string(what) + " capacity must be at least 1 " +
                   "with PROVISIONED billing, got '" + std::to_string(units) + "'");
}

cdk::Object billing_properties(const cdk::Construct& scope, const DatabaseProps& props) {
  if (props.billing_mode == BillingMode::pay_per_request) {
    return {{"BillingMode", "PAY_PER_REQUEST"}};
  }

  check_capacity(scope, "read", props.read_capacity);
  check_capacity(scope, "write", props.write_capacity);
  return {{"BillingMode", "PROVISIONED"},
          {"ProvisionedThroughput", cdk::Object{{"ReadCapacityUnits", props.read_capacity},
                                                {"WriteCapacityUnits", props.write_capacity}}}};
}

cdk::CfnResource& add_table(cdk::Construct& scope, const DatabaseProps& props) {
  cdk::Object properties{
      {"AttributeDefinitions",
       cdk::List{cdk::Object{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
      {"KeySchema", cdk::List{cdk::Object{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
      {"PointInTimeRecoverySpecification", cdk::Object{{"PointInTimeRecoveryEnabled", true}}},
      {"SSESpecification", cdk::Object{{"SSEEnabled", true}}}};
  for (auto& property : billing_properties(scope, props)) properties.push_back(std::move(property));

  auto& table = common::add_resource(scope, "Table", "AWS::DynamoDB::Table", std::move(properties));

  // The users outlive a deleted stack, as the AWS CDK keeps tables by default.
  table.apply_removal_policy(cdk::ResourcePolicy::retain);
  return table;
}

}  // namespace

Database::Database(cdk::Construct& scope, std::string_view id, DatabaseProps props)
    : cdk::Construct(scope, id), table_(add_table(*this, props)) {}

}  // namespace service::user_management
