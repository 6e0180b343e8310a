// cdkpp reference application: the service's configuration, read from context values.
// SPDX-License-Identifier: Apache-2.0
#include "config.hpp"

#include <regex>
#include <string>

namespace service {
namespace {

constexpr std::int64_t kMaxReservedConcurrency = 1000;
// DynamoDB's default quota of capacity units per table.
constexpr std::int64_t kMaxCapacityUnits = 40000;

std::string key_of(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + ":" + std::string(name);
}

std::optional<std::string> read_optional_string(const cdk::Context& context,
                                                const std::string& key) {
  std::optional<std::string> value = context.try_get_string(key);
  if (value && value->empty()) return std::nullopt;
  return value;
}

void check_account(const std::string& key, const std::optional<std::string>& account) {
  static const std::regex kAccount("^[0-9]{12}$");
  if (!account || std::regex_match(*account, kAccount)) return;
  throw cdk::Error("context value '" + key + "' is '" + *account +
                   "': expected an AWS account id of 12 digits");
}

}  // namespace

ServiceConfig read_service_config(const cdk::Context& context) {
  ServiceConfig config;
  const std::string layout =
      context.get_enum("cdkpp:service-layout", {"stack-per-context", "single-stack"});
  config.layout =
      layout == "single-stack" ? ServiceLayout::single_stack : ServiceLayout::stack_per_context;
  config.lambda_reserved_concurrency = static_cast<int>(
      context.get_int("user-management:lambda-reserved-concurrency", 0, kMaxReservedConcurrency));

  const std::string billing =
      context.get_enum("user-management:dynamodb-billing-mode", {"PAY_PER_REQUEST", "PROVISIONED"});
  if (billing == "PROVISIONED") {
    config.billing_mode = user_management::BillingMode::provisioned;
    config.read_capacity = static_cast<int>(
        context.get_int("user-management:dynamodb-read-capacity", 1, kMaxCapacityUnits));
    config.write_capacity = static_cast<int>(
        context.get_int("user-management:dynamodb-write-capacity", 1, kMaxCapacityUnits));
  }
  return config;
}

std::optional<cdk::Environment> read_optional_environment(const cdk::Context& context,
                                                          std::string_view prefix) {
  const std::string account_key = key_of(prefix, "account");
  cdk::Environment env{.account = read_optional_string(context, account_key),
                       .region = read_optional_string(context, key_of(prefix, "region"))};
  check_account(account_key, env.account);

  if (!env.account && !env.region) return std::nullopt;
  return env;
}

cdk::Environment read_environment(const cdk::Context& context, std::string_view prefix) {
  const std::string account_key = key_of(prefix, "account");
  cdk::Environment env{.account = read_required_string(context, account_key),
                       .region = read_required_string(context, key_of(prefix, "region"))};
  check_account(account_key, env.account);
  return env;
}

std::string read_required_string(const cdk::Context& context, std::string_view key) {
  std::string value = context.get_string(key);
  if (value.empty()) {
    throw cdk::Error("context value '" + std::string(key) + "' is empty: expected a value");
  }
  return value;
}

}  // namespace service
