// cdkpp L2: a Lambda function whose code is an asset, with its execution role.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "cdk/asset.hpp"
#include "cdk/aws/iam/role.hpp"
#include "cdk/aws/lambda.hpp"
#include "cdk/aws/logs.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::lambda {

// A runtime identifier, as Lambda names it ("python3.12").
struct Runtime {
  std::string name;

  static Runtime python_3_12() { return {"python3.12"}; }
  static Runtime python_3_13() { return {"python3.13"}; }
  static Runtime nodejs_20_x() { return {"nodejs20.x"}; }
  static Runtime nodejs_22_x() { return {"nodejs22.x"}; }
  static Runtime provided_al2023() { return {"provided.al2023"}; }
};

// The function's code: a folder (zipped) or a .zip file, shipped as an asset.
struct Code {
  std::filesystem::path asset_path;

  static Code from_asset(std::filesystem::path path) { return {std::move(path)}; }
};

struct FunctionProps {
  Runtime runtime;
  // "<module>.<function>" for Python, "<file>.<export>" for Node.js.
  std::string handler;
  Code code;
  std::map<std::string, Value> environment;
  std::string description;
  // Seconds, 1 to 900; unset: Lambda's default (3).
  std::optional<int> timeout_seconds;
  // MB, 128 to 10240; unset: Lambda's default (128).
  std::optional<int> memory_size;
  std::optional<int> reserved_concurrent_executions;
  // Days to keep the function's logs, one of CloudWatch Logs' values (1, 3, 5, 7, 14, 30, ...);
  // set, the function logs to a log group of its own at "<id>/LogGroup". Unset: Lambda's
  // default group, kept forever.
  std::optional<int> log_retention_days;
  // Null: a role at "<id>/ServiceRole" that Lambda assumes, with the basic execution policy
  // (writing its logs) and whatever grants add.
  iam::Role* role = nullptr;
};

// A permission for an AWS service to invoke the function.
struct PermissionProps {
  std::string principal;  // "apigateway.amazonaws.com"
  // Which resource of that service may invoke it. Required: without it, any account's resource
  // of that service could.
  Value source_arn;
  std::string action = "lambda:InvokeFunction";
};

// An AWS::Lambda::Function at "<id>/Resource", its code at "<id>/Code". The function waits for
// its role's inline policy, so it never runs without the permissions granted to it. Throws
// cdk::Error naming the construct path and the value for an empty handler or runtime, a
// timeout, memory size, concurrency or log retention out of range, or an environment
// variable's name that Lambda refuses.
class Function : public Construct, public iam::Grantable {
 public:
  Function(Construct& scope, std::string_view id, FunctionProps props);

  Value function_name() const { return function_->ref(); }
  Value function_arn() const { return function_->attr_arn(); }
  iam::Role& role() { return *role_; }
  const iam::Role& role() const { return *role_; }
  const Asset& code() const { return *code_; }
  CfnFunction& resource() { return *function_; }
  const CfnFunction& resource() const { return *function_; }

  void add_environment(const std::string& name, Value value);
  void add_to_role_policy(iam::PolicyStatement statement);
  void add_to_principal_policy(iam::PolicyStatement statement) override;
  // An AWS::Lambda::Permission at "<id>" inside scope.
  CfnPermission& add_permission(Construct& scope, std::string_view id, PermissionProps props);

 private:
  CfnFunction* function_ = nullptr;
  iam::Role* role_ = nullptr;
  const Asset* code_ = nullptr;
  std::map<std::string, Value> environment_;
};

}  // namespace cdk::aws::lambda
