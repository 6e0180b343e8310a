// cdkpp reference application, User Management: the API in front of the users table.
// SPDX-License-Identifier: Apache-2.0
#include "user_management/ingress.hpp"

#include <string>

#include <cdk/aws/apigatewayv2.hpp>
#include <cdk/aws/lambda.hpp>

#include "common/iam.hpp"
#include "common/layout.hpp"

namespace service::user_management {
namespace {

using cdk::aws::apigatewayv2::CfnApi;
using cdk::aws::apigatewayv2::CfnIntegration;
using cdk::aws::apigatewayv2::CfnRoute;
using cdk::aws::apigatewayv2::CfnStage;
using cdk::aws::lambda::CfnFunction;
using cdk::aws::lambda::CfnPermission;

void check_reserved_concurrency(const cdk::Construct& scope, int concurrency) {
  if (concurrency >= 0 && concurrency <= 1000) return;
  throw cdk::Error(scope.describe() + ": lambda reserved concurrency must be within 0..1000, " +
                   "got '" + std::to_string(concurrency) + "'");
}

// The item actions of DynamoDB, on the one table: what the handler needs and no more.
common::PolicyStatement table_access_statement(const cdk::Value& table_arn) {
  return {.actions = {"dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
                      "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
                      "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem"},
          .resources = {table_arn}};
}

CfnFunction& add_function(cdk::Construct& scope, const IngressProps& props) {
  auto& function_scope = scope.add<cdk::Construct>("Function");
  const cdk::Stack& stack = cdk::Stack::of(scope);
  auto& role = common::add_service_role(
      function_scope, "ServiceRole", "lambda.amazonaws.com",
      {common::managed_policy_arn(stack, "service-role/AWSLambdaBasicExecutionRole")});
  auto& policy = common::add_role_policy(role, {table_access_statement(props.table_arn)});

  // The handler's folder, uploaded as a zip archive before the stack deploys.
  const auto& code = function_scope.add<cdk::Asset>(
      "Code", cdk::AssetProps{.path = CDKPP_USER_MANAGEMENT_API_DIR});

  auto& function = function_scope.add<CfnFunction>(
      "Resource",
      CfnFunction::Props{.code = {.s3_bucket = code.bucket_name(), .s3_key = code.object_key()},
                         .environment = {.variables = {{"TABLE_NAME", props.table_name}}},
                         .handler = "app.handler",
                         .reserved_concurrent_executions = props.lambda_reserved_concurrency,
                         .role = role.attr_arn(),
                         .runtime = "python3.12",
                         .timeout = 10});

  code.add_resource_metadata(function, "Code");

  // The function must not run before it may use the table; the role itself is already waited
  // for, through the reference to its ARN.
  function.add_depends_on(policy);
  return function;
}

// The route that sends every method and path under /api to the function (the admin console's
// distribution forwards /api/* to this API unchanged), and the function's permission to be
// invoked by this API only.
void add_proxy_route(cdk::Construct& api_scope, const CfnApi& api,
                     const CfnIntegration& integration, const CfnFunction& function) {
  const cdk::Stack& stack = cdk::Stack::of(api_scope);
  auto& route_scope = api_scope.add<cdk::Construct>("ProxyRoute");
  route_scope.add<CfnRoute>("Resource",
                            CfnRoute::Props{.api_id = api.ref(),
                                            .authorization_type = "NONE",
                                            .route_key = "ANY /api/{proxy+}",
                                            .target = "integrations/" + integration.ref()});

  route_scope.add<CfnPermission>(
      "InvokePermission",
      CfnPermission::Props{.action = "lambda:InvokeFunction",
                           .function_name = function.attr_arn(),
                           .principal = "apigateway.amazonaws.com",
                           .source_arn = "arn:" + stack.partition() +
                                         ":execute-api:" + stack.region() + ":" + stack.account() +
                                         ":" + api.ref() + "/*/*"});
}

CfnApi& add_http_api(cdk::Construct& scope, const CfnFunction& function) {
  const cdk::Stack& stack = cdk::Stack::of(scope);
  auto& api_scope = scope.add<cdk::Construct>("HttpApi");
  auto& api = api_scope.add<CfnApi>(
      "Resource",
      CfnApi::Props{.name = stack.stack_name() + "-" + scope.id(), .protocol_type = "HTTP"});

  const auto& integration =
      common::add_resource<CfnIntegration>(api_scope, "LambdaIntegration",
                                           {.api_id = api.ref(),
                                            .integration_type = "AWS_PROXY",
                                            .integration_uri = function.attr_arn(),
                                            .payload_format_version = "2.0"});
  add_proxy_route(api_scope, api, integration, function);

  common::add_resource<CfnStage>(
      api_scope, "DefaultStage",
      {.api_id = api.ref(), .auto_deploy = true, .stage_name = "$default"});
  return api;
}

}  // namespace

Ingress::Ingress(cdk::Construct& scope, std::string_view id, IngressProps props)
    : cdk::Construct(scope, id) {
  check_reserved_concurrency(*this, props.lambda_reserved_concurrency);

  const auto& function = add_function(*this, props);
  const auto& api = add_http_api(*this, function);

  const cdk::Stack& stack = cdk::Stack::of(*this);
  api_url_ =
      "https://" + api.ref() + ".execute-api." + stack.region() + "." + stack.url_suffix() + "/";
}

}  // namespace service::user_management
