// cdkpp L2: a Lambda function whose code is an asset.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/lambda/function.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk::aws::lambda {
namespace {

// The retention periods CloudWatch Logs accepts, in days.
constexpr std::array kRetentionDays = {1,    3,    5,    7,    14,   30,  60,  90,
                                       120,  150,  180,  365,  400,  545, 731, 1096,
                                       1827, 2192, 2557, 2922, 3288, 3653};

// Lambda sets these itself and refuses them in a function's environment (its reserved
// variables; the ones it merely defines, such as TZ or PATH, may be set).
constexpr std::array<std::string_view, 18> kReservedVariables = {
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_DEFAULT_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_LAMBDA_RUNTIME_API",
    "AWS_REGION",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "LAMBDA_RUNTIME_DIR",
    "LAMBDA_TASK_ROOT",
};

void check_range(const Construct& scope, std::string_view what, const std::optional<int>& value,
                 int min, int max) {
  if (!value || (*value >= min && *value <= max)) return;
  throw Error(scope.describe() + ": " + std::string(what) + " must be within " +
              std::to_string(min) + ".." + std::to_string(max) + ", got '" +
              std::to_string(*value) + "'");
}

void check_variable_name(const Construct& scope, const std::string& name) {
  const bool shaped = name.size() >= 2 && std::isalpha(static_cast<unsigned char>(name[0])) &&
                      std::all_of(name.begin(), name.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                      });
  if (!shaped) {
    throw Error(scope.describe() + ": environment variable '" + name +
                "' must start with a letter and hold only letters, digits and '_'");
  }
  if (std::find(kReservedVariables.begin(), kReservedVariables.end(), name) !=
      kReservedVariables.end()) {
    throw Error(scope.describe() + ": environment variable '" + name +
                "' is reserved by Lambda, which sets it itself");
  }
}

void check(const Construct& scope, const FunctionProps& props) {
  if (props.runtime.name.empty()) throw Error(scope.describe() + ": a function needs a runtime");
  if (props.handler.empty()) throw Error(scope.describe() + ": a function needs a handler");
  check_range(scope, "timeout (seconds)", props.timeout_seconds, 1, 900);
  check_range(scope, "memory size (MB)", props.memory_size, 128, 10240);
  const auto& reserved = props.reserved_concurrent_executions;
  if (reserved && *reserved < 0) {
    throw Error(scope.describe() + ": reserved concurrent executions must be at least 0, got '" +
                std::to_string(*reserved) + "'");
  }

  const auto& days = props.log_retention_days;
  if (days &&
      std::find(kRetentionDays.begin(), kRetentionDays.end(), *days) == kRetentionDays.end()) {
    throw Error(scope.describe() + ": log retention must be one of CloudWatch Logs' periods " +
                "(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, " +
                "2192, 2557, 2922, 3288, 3653 days), got '" + std::to_string(*days) + "'");
  }
  for (const auto& [name, value] : props.environment) check_variable_name(scope, name);
}

iam::Role& default_role(Function& function) {
  const Stack& stack = Stack::of(function);
  return function.add<iam::Role>(
      "ServiceRole", iam::RoleProps{.assumed_by = iam::service_principal("lambda.amazonaws.com"),
                                    .managed_policy_arns = {iam::managed_policy_arn(
                                        stack, "service-role/AWSLambdaBasicExecutionRole")}});
}

}  // namespace

Function::Function(Construct& scope, std::string_view id, FunctionProps props)
    : Construct(scope, id) {
  check(*this, props);
  role_ = props.role != nullptr ? props.role : &default_role(*this);
  code_ = &add<Asset>("Code", AssetProps{.path = props.code.asset_path});

  CfnFunction::Props function{
      .code = {.s3_bucket = code_->bucket_name(), .s3_key = code_->object_key()},
      .handler = props.handler,
      .role = role_->role_arn(),
      .runtime = props.runtime.name};
  if (!props.description.empty()) function.description = props.description;
  if (props.timeout_seconds) function.timeout = *props.timeout_seconds;
  if (props.memory_size) function.memory_size = *props.memory_size;
  if (props.reserved_concurrent_executions) {
    function.reserved_concurrent_executions = *props.reserved_concurrent_executions;
  }
  function_ = &add<CfnFunction>("Resource", std::move(function));
  code_->add_resource_metadata(*function_, "Code");

  if (props.log_retention_days) {
    auto& log_group = add<Construct>("LogGroup")
                          .add<logs::CfnLogGroup>(
                              "Resource", logs::CfnLogGroup::Props{.retention_in_days =
                                                                       *props.log_retention_days});
    log_group.apply_removal_policy(ResourcePolicy::retain);
    function_->props().logging_config = {.log_group = log_group.ref()};
  }

  for (auto& [name, value] : props.environment) add_environment(name, std::move(value));
  role_->add_dependent(*function_);
}

void Function::add_environment(const std::string& name, Value value) {
  check_variable_name(*this, name);
  environment_.insert_or_assign(name, std::move(value));
  function_->props().environment = {.variables = environment_};
}

void Function::add_to_role_policy(iam::PolicyStatement statement) {
  role_->add_to_policy(std::move(statement));
}

void Function::add_to_principal_policy(iam::PolicyStatement statement) {
  add_to_role_policy(std::move(statement));
}

CfnPermission& Function::add_permission(Construct& scope, std::string_view id,
                                        PermissionProps props) {
  if (props.source_arn.is_null()) {
    throw Error("'" + scope.path() + "/" + std::string(id) + "': a permission for '" +
                props.principal + "' to invoke " + describe() + " needs a source ARN");
  }
  return scope.add<CfnPermission>(id, CfnPermission::Props{.action = props.action,
                                                           .function_name = function_arn(),
                                                           .principal = props.principal,
                                                           .source_arn = props.source_arn});
}

}  // namespace cdk::aws::lambda
