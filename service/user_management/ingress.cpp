// cdkpp reference application, User Management: the API in front of the users table.
// SPDX-License-Identifier: Apache-2.0
#include "user_management/ingress.hpp"

#include <string>

#include <cdk/aws/apigatewayv2/http_api.hpp>
#include <cdk/aws/dynamodb/table.hpp>
#include <cdk/aws/lambda/function.hpp>

namespace service::user_management {
namespace {

namespace apigatewayv2 = cdk::aws::apigatewayv2;
namespace lambda = cdk::aws::lambda;

constexpr int kTimeoutSeconds = 10;
constexpr int kLogRetentionDays = 30;

void check_reserved_concurrency(const cdk::Construct& scope, int concurrency) {
  if (concurrency >= 0 && concurrency <= 1000) return;
  throw cdk::Error(scope.describe() + ": lambda reserved concurrency must be within 0..1000, " +
                   "got '" + std::to_string(concurrency) + "'");
}

}  // namespace

Ingress::Ingress(cdk::Construct& scope, std::string_view id, IngressProps props)
    : cdk::Construct(scope, id) {
  check_reserved_concurrency(*this, props.lambda_reserved_concurrency);
  if (props.table == nullptr) throw cdk::Error(describe() + ": the API needs the users table");

  auto& function = add<lambda::Function>(
      "Function",
      lambda::FunctionProps{.runtime = lambda::Runtime::python_3_12(),
                            .handler = "app.handler",
                            .code = lambda::Code::from_asset(CDKPP_USER_MANAGEMENT_API_DIR),
                            .environment = {{"TABLE_NAME", props.table->table_name()}},
                            .timeout_seconds = kTimeoutSeconds,
                            .reserved_concurrent_executions = props.lambda_reserved_concurrency,
                            .log_retention_days = kLogRetentionDays});
  props.table->grant_read_write_data(function);

  // Every method and path under /api goes to the function: the admin console's distribution
  // forwards /api/* to this API unchanged.
  const cdk::Stack& stack = cdk::Stack::of(*this);
  auto& api = add<apigatewayv2::HttpApi>(
      "HttpApi", apigatewayv2::HttpApiProps{.api_name = stack.stack_name() + "-" + this->id()});
  const apigatewayv2::HttpLambdaIntegration integration{.id = "LambdaIntegration",
                                                        .handler = &function};
  api.add_routes({.path = "/api/{proxy+}", .integration = &integration, .id = "ProxyRoute"});

  api_url_ = api.url();
}

}  // namespace service::user_management
