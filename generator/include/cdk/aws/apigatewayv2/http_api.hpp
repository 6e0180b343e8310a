// cdkpp L2: an HTTP API (API Gateway v2) with Lambda integrations, routes and its $default
// stage.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cdk/aws/apigatewayv2.hpp"
#include "cdk/aws/lambda/function.hpp"
#include "cdk/construct.hpp"
#include "cdk/value.hpp"

namespace cdk::aws::apigatewayv2 {

enum class HttpMethod { any, get, head, options, patch, post, put, delete_ };

// "ANY", "GET", ...: as route keys write them.
std::string to_string(HttpMethod method);

// Sends a route's requests to a Lambda function in payload format 2.0. One integration serves
// every route it is given to, through one AWS::ApiGatewayV2::Integration per API, at
// "<api>/<id>/Resource".
struct HttpLambdaIntegration {
  std::string id;
  lambda::Function* handler = nullptr;
  std::string payload_format_version = "2.0";
};

struct HttpRouteOptions {
  // "/users", "/api/{proxy+}": starts with '/' and does not end with one (but "/" itself).
  std::string path;
  std::vector<HttpMethod> methods = {HttpMethod::any};
  const HttpLambdaIntegration* integration = nullptr;
  // The route's construct id; by default "<METHOD><path>" ('/' becomes "--"), as in the AWS
  // CDK. With several methods, each route's id is this id followed by the method.
  std::string id;
};

struct HttpApiProps {
  // Empty: the construct id.
  Value api_name;
  std::string description;
  // A "$default" stage at "<id>/DefaultStage/Resource" that deploys every change itself.
  bool create_default_stage = true;
};

// An AWS::ApiGatewayV2::Api of protocol HTTP at "<id>/Resource". Each route gets its function's
// permission to be invoked by this API's route only (the source ARN names the API, the method
// and the path), at "<route>/<integration id>-Permission".
class HttpApi : public Construct {
 public:
  HttpApi(Construct& scope, std::string_view id, HttpApiProps props = {});

  // One AWS::ApiGatewayV2::Route per method. Throws cdk::Error naming the construct path and the
  // path for a malformed path, a route key given twice, or no integration.
  std::vector<CfnRoute*> add_routes(const HttpRouteOptions& options);

  Value api_id() const { return api_->ref(); }
  // "https://<api id>.execute-api.<region>.amazonaws.com", as API Gateway reports it.
  Value api_endpoint() const { return api_->attr_api_endpoint(); }
  // The $default stage's URL, "https://<api id>.execute-api.<region>.<url suffix>/".
  Value url() const;
  // "arn:<partition>:execute-api:<region>:<account>:<api id>/<stage>/<method><path>", the ARN
  // of a route's requests; path variables and what follows them become '*'.
  Value arn_for_execute_api(HttpMethod method, std::string_view path,
                            std::string_view stage = "*") const;

  CfnApi& resource() { return *api_; }
  const CfnApi& resource() const { return *api_; }

 private:
  const CfnIntegration& integration_for(const HttpLambdaIntegration& integration);

  CfnApi* api_ = nullptr;
  std::map<std::string, CfnIntegration*> integrations_;
  std::vector<std::string> route_keys_;
};

}  // namespace cdk::aws::apigatewayv2
