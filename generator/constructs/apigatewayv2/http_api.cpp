// cdkpp L2: an HTTP API with Lambda integrations.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/aws/apigatewayv2/http_api.hpp"

#include <algorithm>

#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk::aws::apigatewayv2 {
namespace {

void check_path(const Construct& api, std::string_view path) {
  if (path == "/" || (path.size() > 1 && path.front() == '/' && path.back() != '/')) return;
  throw Error(api.describe() + ": route path '" + std::string(path) +
              "' must start with '/' and not end with one");
}

// Everything from the first path variable on matches any request path.
std::string path_pattern(std::string_view path) {
  const auto variable = path.find('{');
  if (variable == std::string_view::npos) return std::string(path);
  return std::string(path.substr(0, variable)) + "*";
}

}  // namespace

std::string to_string(HttpMethod method) {
  switch (method) {
    case HttpMethod::any:
      return "ANY";
    case HttpMethod::get:
      return "GET";
    case HttpMethod::head:
      return "HEAD";
    case HttpMethod::options:
      return "OPTIONS";
    case HttpMethod::patch:
      return "PATCH";
    case HttpMethod::post:
      return "POST";
    case HttpMethod::put:
      return "PUT";
    case HttpMethod::delete_:
      return "DELETE";
  }
  return "ANY";
}

HttpApi::HttpApi(Construct& scope, std::string_view id, HttpApiProps props) : Construct(scope, id) {
  CfnApi::Props api{.name = props.api_name.is_null() ? Value(this->id()) : props.api_name,
                    .protocol_type = "HTTP"};
  if (!props.description.empty()) api.description = props.description;
  api_ = &add<CfnApi>("Resource", std::move(api));

  if (props.create_default_stage) {
    add<Construct>("DefaultStage")
        .add<CfnStage>(
            "Resource",
            CfnStage::Props{.api_id = api_->ref(), .auto_deploy = true, .stage_name = "$default"});
  }
}

Value HttpApi::url() const {
  const Stack& stack = Stack::of(*this);
  return "https://" + api_id() + ".execute-api." + stack.region() + "." + stack.url_suffix() + "/";
}

Value HttpApi::arn_for_execute_api(HttpMethod method, std::string_view path,
                                   std::string_view stage) const {
  const Stack& stack = Stack::of(*this);
  const std::string method_part = method == HttpMethod::any ? "*" : to_string(method);
  return "arn:" + stack.partition() + ":execute-api:" + stack.region() + ":" + stack.account() +
         ":" + api_id() + "/" + std::string(stage) + "/" + method_part + path_pattern(path);
}

const CfnIntegration& HttpApi::integration_for(const HttpLambdaIntegration& integration) {
  auto found = integrations_.find(integration.id);
  if (found != integrations_.end()) {
    const CfnIntegration& known = *found->second;
    const bool same =
        known.props().integration_uri.value() == integration.handler->function_arn() &&
        known.props().payload_format_version.value() == Value(integration.payload_format_version);
    if (same) return known;
    throw Error(describe() + ": integration id '" + integration.id +
                "' is given to two different integrations (another function or payload format)");
  }

  auto& resource =
      add<Construct>(integration.id)
          .add<CfnIntegration>(
              "Resource",
              CfnIntegration::Props{.api_id = api_->ref(),
                                    .integration_type = "AWS_PROXY",
                                    .integration_uri = integration.handler->function_arn(),
                                    .payload_format_version = integration.payload_format_version});
  integrations_.emplace(integration.id, &resource);
  return resource;
}

std::vector<CfnRoute*> HttpApi::add_routes(const HttpRouteOptions& options) {
  check_path(*this, options.path);
  if (options.integration == nullptr || options.integration->handler == nullptr) {
    throw Error(describe() + ": route '" + options.path + "' needs an integration with a function");
  }
  if (options.methods.empty()) {
    throw Error(describe() + ": route '" + options.path + "' needs at least one method");
  }

  // Every route key is checked before any route is made: a refused call adds nothing.
  std::vector<std::string> keys;
  for (HttpMethod method : options.methods) {
    const std::string key = to_string(method) + " " + options.path;
    const bool known = std::find(route_keys_.begin(), route_keys_.end(), key) != route_keys_.end();
    if (known || std::find(keys.begin(), keys.end(), key) != keys.end()) {
      throw Error(describe() + ": route '" + key + "' is added twice");
    }
    keys.push_back(key);
  }

  const CfnIntegration& integration = integration_for(*options.integration);
  std::vector<CfnRoute*> routes;
  for (std::size_t i = 0; i < options.methods.size(); ++i) {
    const HttpMethod method = options.methods[i];
    const std::string& key = keys[i];
    route_keys_.push_back(key);

    std::string id = options.id.empty() ? to_string(method) + options.path : options.id;
    if (!options.id.empty() && options.methods.size() > 1) id += to_string(method);
    auto& route_scope = add<Construct>(id);
    auto& route = route_scope.add<CfnRoute>(
        "Resource", CfnRoute::Props{.api_id = api_->ref(),
                                    .authorization_type = "NONE",
                                    .route_key = key,
                                    .target = "integrations/" + integration.ref()});

    options.integration->handler->add_permission(
        route_scope, options.integration->id + "-Permission",
        {.principal = "apigateway.amazonaws.com",
         .source_arn = arn_for_execute_api(method, options.path)});
    routes.push_back(&route);
  }
  return routes;
}

}  // namespace cdk::aws::apigatewayv2
