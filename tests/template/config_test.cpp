// cdkpp template tests: reading the application's configuration from the preset's context
// values.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "config.hpp"
#include "test_app.hpp"
#include "toolchain_config.hpp"

namespace template_tests {
namespace {

using service::user_management::BillingMode;

// The message of the cdk::Error that f throws, or "" when it throws none.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const cdk::Error& e) {
    return e.what();
  }
  return "";
}

TEST(config_test, sandbox_preset_reads_as_the_post_configures_the_sandbox) {
  const cdk::Context context = preset_context(Preset::sandbox, "single-stack");
  const service::ServiceConfig config = service::read_service_config(context);
  EXPECT_EQ(config.layout, service::ServiceLayout::single_stack);
  EXPECT_EQ(config.lambda_reserved_concurrency, 1);
  EXPECT_EQ(config.billing_mode, service::user_management::BillingMode::pay_per_request);
  EXPECT_FALSE(service::read_optional_environment(context, "sandbox").has_value());
}

TEST(config_test, production_preset_reads_as_the_post_configures_production) {
  const toolchain::ToolchainConfig config =
      toolchain::read_toolchain_config(preset_context(Preset::production, "stack-per-context"));
  EXPECT_EQ(config.production_service.layout, service::ServiceLayout::stack_per_context);
  EXPECT_EQ(config.production_service.lambda_reserved_concurrency, 10);
  EXPECT_EQ(config.production_service.billing_mode,
            service::user_management::BillingMode::provisioned);
  EXPECT_EQ(config.production_service.read_capacity, 5);
  EXPECT_EQ(config.production_service.write_capacity, 5);
  EXPECT_EQ(config.production_env.to_uri(), "aws://222222222222/eu-west-1");
  EXPECT_EQ(config.source_repository, "my-org/cdkpp");
  EXPECT_EQ(config.source_branch, "main");
}

TEST(config_test, sandbox_environment_takes_what_is_set) {
  cdk::Context context = preset_context(Preset::sandbox, "stack-per-context");
  context.set("sandbox:region", "eu-central-1");
  EXPECT_EQ(service::read_optional_environment(context, "sandbox")->to_uri(),
            "aws://unknown-account/eu-central-1");

  context.set("sandbox:account", "333333333333");
  TestApp app(context);
  for (const cdk::Stack* stack : app.service().stacks()) {
    EXPECT_EQ(stack->environment().to_uri(), "aws://333333333333/eu-central-1");
  }
}

TEST(config_test, provisioned_billing_requires_the_capacities) {
  cdk::Context context = preset_context(Preset::sandbox, "stack-per-context");
  context.set("user-management:dynamodb-billing-mode", "PROVISIONED");
  EXPECT_NE(error_of([&] {
              service::read_service_config(context);
            }).find("'user-management:dynamodb-read-capacity' is not set"),
            std::string::npos);

  context.set("user-management:dynamodb-read-capacity", "5");
  context.set("user-management:dynamodb-write-capacity", "0");
  EXPECT_NE(error_of([&] {
              service::read_service_config(context);
            }).find("'user-management:dynamodb-write-capacity'"),
            std::string::npos);
}

TEST(config_test, ill_formed_values_are_reported_with_their_key) {
  cdk::Context context = preset_context(Preset::production, "stack-per-context");
  context.set("production:account", "22222222222");
  EXPECT_EQ(error_of([&] { toolchain::read_toolchain_config(context); }),
            "context value 'production:account' is '22222222222': expected an AWS account id of "
            "12 digits");

  context = preset_context(Preset::production, "stack-per-context");
  context.set("toolchain:source-repository", "cdkpp");
  EXPECT_EQ(error_of([&] { toolchain::read_toolchain_config(context); }),
            "context value 'toolchain:source-repository' is 'cdkpp': expected <owner>/<name>");

  context = preset_context(Preset::production, "two-stacks");
  EXPECT_NE(
      error_of([&] { toolchain::read_toolchain_config(context); }).find("'cdkpp:service-layout'"),
      std::string::npos);

  context = preset_context(Preset::sandbox, "stack-per-context");
  context.set("user-management:lambda-reserved-concurrency", "1001");
  EXPECT_NE(error_of([&] {
              service::read_service_config(context);
            }).find("'user-management:lambda-reserved-concurrency'"),
            std::string::npos);
}

TEST(config_test, provisioned_table_without_capacity_names_the_construct) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  EXPECT_EQ(error_of([&] {
              stack.add<service::user_management::Database>(
                  "Database", service::user_management::DatabaseProps{
                                  .billing_mode = BillingMode::provisioned, .read_capacity = 5});
            }),
            "'Stack/Database/Table': write capacity must be at least 1 with PROVISIONED billing, "
            "got '0'");
}

}  // namespace
}  // namespace template_tests
