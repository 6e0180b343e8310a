// cdkpp reference application: the service's configuration and how it is read from the
// context values that the CMake presets set.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string_view>

#include <cdk/cdk.hpp>

#include "user_management/database.hpp"

namespace service {

// How the bounded contexts are deployed: a stack each, or all in one stack.
enum class ServiceLayout { stack_per_context, single_stack };

struct ServiceConfig {
  ServiceLayout layout = ServiceLayout::stack_per_context;
  int lambda_reserved_concurrency = 1;
  user_management::BillingMode billing_mode = user_management::BillingMode::pay_per_request;
  // Used only with provisioned billing.
  int read_capacity = 0;
  int write_capacity = 0;
  // Where the stacks deploy; unset: the enclosing stage's environment, else
  // environment-agnostic.
  std::optional<cdk::Environment> env;
};

// Reads cdkpp:service-layout and the user-management:* values; the capacities only for
// PROVISIONED billing. Leaves env unset. Throws cdk::Error naming the key of a missing or
// ill-typed value.
ServiceConfig read_service_config(const cdk::Context& context);

// "<prefix>:account" and "<prefix>:region"; a value that is absent or empty is left open, and
// nullopt when both are.
std::optional<cdk::Environment> read_optional_environment(const cdk::Context& context,
                                                          std::string_view prefix);

// Like read_optional_environment, but both values are required.
cdk::Environment read_environment(const cdk::Context& context, std::string_view prefix);

// The value of key, which must be set and not empty.
std::string read_required_string(const cdk::Context& context, std::string_view key);

}  // namespace service
