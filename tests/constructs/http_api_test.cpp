// cdkpp tests of the L2 constructs: HTTP APIs with Lambda integrations.
// SPDX-License-Identifier: Apache-2.0
#include <set>
#include <string>

#include <cdk/aws/apigatewayv2/http_api.hpp>

#include "construct_test.hpp"

namespace construct_tests {
namespace {

namespace apigatewayv2 = cdk::aws::apigatewayv2;
namespace lambda = cdk::aws::lambda;
using apigatewayv2::HttpMethod;
using cdk::Json;

class HttpApiTest : public StackTest {
 protected:
  lambda::Function& function_ = stack_.add<lambda::Function>(
      "Handler", lambda::FunctionProps{.runtime = lambda::Runtime::python_3_12(),
                                       .handler = "index.handler",
                                       .code = lambda::Code::from_asset(CDKPP_TEST_CODE_DIR)});
  apigatewayv2::HttpApi& api_ = stack_.add<apigatewayv2::HttpApi>("Api");
  apigatewayv2::HttpLambdaIntegration integration_{.id = "Users", .handler = &function_};

  std::string api_id() const { return api_.resource().logical_id(); }
  Json source_arn(const std::string& route) const {
    Json parts = arn_parts("execute-api");
    parts.push_back(cfn_ref(api_id()));
    parts.push_back(route);
    return join(parts);
  }
};

TEST_F(HttpApiTest, is_an_http_api_with_a_default_stage_that_deploys_itself) {
  EXPECT_EQ(resource(api_id())["Properties"], (Json{{"Name", "Api"}, {"ProtocolType", "HTTP"}}));
  EXPECT_TEMPLATE(template_of().has_resource_properties(
      "AWS::ApiGatewayV2::Stage",
      Json{{"ApiId", cfn_ref(api_id())}, {"AutoDeploy", true}, {"StageName", "$default"}}));
}

TEST_F(HttpApiTest, a_route_sends_its_method_and_path_to_the_function) {
  const auto routes = api_.add_routes(
      {.path = "/users", .methods = {HttpMethod::get}, .integration = &integration_});
  ASSERT_EQ(routes.size(), 1);
  EXPECT_EQ(routes[0]->path(), "Test/Api/GET--users/Resource");

  const auto integrations = template_of().find_resources("AWS::ApiGatewayV2::Integration");
  ASSERT_EQ(integrations.size(), 1);
  const std::string integration_id = integrations.begin().key();
  EXPECT_EQ(integrations[integration_id]["Properties"],
            (Json{{"ApiId", cfn_ref(api_id())},
                  {"IntegrationType", "AWS_PROXY"},
                  {"IntegrationUri", get_att(function_.resource().logical_id(), "Arn")},
                  {"PayloadFormatVersion", "2.0"}}));
  EXPECT_EQ(resource(routes[0]->logical_id())["Properties"],
            (Json{{"ApiId", cfn_ref(api_id())},
                  {"AuthorizationType", "NONE"},
                  {"RouteKey", "GET /users"},
                  {"Target", join({"integrations/", cfn_ref(integration_id)})}}));
}

TEST_F(HttpApiTest, the_function_may_be_invoked_by_that_route_only) {
  api_.add_routes({.path = "/users",
                   .methods = {HttpMethod::get, HttpMethod::post},
                   .integration = &integration_});
  api_.add_routes({.path = "/users/{id}/{proxy+}", .integration = &integration_});

  const auto permissions = template_of().find_resources("AWS::Lambda::Permission");
  std::set<std::string> arns;
  for (const auto& [id, permission] : permissions.items()) {
    EXPECT_EQ(permission["Properties"]["Principal"], "apigateway.amazonaws.com");
    arns.insert(permission["Properties"]["SourceArn"].dump());
  }
  EXPECT_EQ(arns, (std::set<std::string>{source_arn("/*/GET/users").dump(),
                                         source_arn("/*/POST/users").dump(),
                                         source_arn("/*/*/users/*").dump()}));
  // One integration serves all three routes.
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::ApiGatewayV2::Integration", 1));
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::ApiGatewayV2::Route", 3));
}

TEST_F(HttpApiTest, a_route_id_can_be_given) {
  const auto routes =
      api_.add_routes({.path = "/api/{proxy+}", .integration = &integration_, .id = "Proxy"});
  EXPECT_EQ(routes[0]->path(), "Test/Api/Proxy/Resource");
  EXPECT_NE(stack_.find_child("Api").find_child("Proxy").try_find_child("Users-Permission"),
            nullptr);
}

TEST_F(HttpApiTest, the_url_is_the_default_stage_s) {
  stack_.add<cdk::CfnOutput>("Url", cdk::CfnOutputProps{.value = api_.url()});
  EXPECT_EQ(template_of().to_json()["Outputs"]["Url"]["Value"],
            join({"https://", cfn_ref(api_id()), ".execute-api.", cfn_ref("AWS::Region"), ".",
                  cfn_ref("AWS::URLSuffix"), "/"}));
}

TEST_F(HttpApiTest, an_integration_id_names_one_function) {
  auto& other = stack_.add<lambda::Function>(
      "Other", lambda::FunctionProps{.runtime = lambda::Runtime::python_3_12(),
                                     .handler = "index.handler",
                                     .code = lambda::Code::from_asset(CDKPP_TEST_CODE_DIR)});
  api_.add_routes({.path = "/a", .integration = &integration_});
  const apigatewayv2::HttpLambdaIntegration same_id{.id = "Users", .handler = &other};
  EXPECT_EQ(error_of([&] { api_.add_routes({.path = "/b", .integration = &same_id}); }),
            "'Test/Api': integration id 'Users' is given to two different integrations (another "
            "function or payload format)");
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::ApiGatewayV2::Route", 1));
}

TEST_F(HttpApiTest, a_refused_call_adds_no_route) {
  api_.add_routes({.path = "/a", .methods = {HttpMethod::post}, .integration = &integration_});
  EXPECT_EQ(error_of([&] {
              api_.add_routes({.path = "/a",
                               .methods = {HttpMethod::get, HttpMethod::post},
                               .integration = &integration_});
            }),
            "'Test/Api': route 'POST /a' is added twice");
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::ApiGatewayV2::Route", 1));
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::Lambda::Permission", 1));
}

TEST_F(HttpApiTest, refuses_malformed_paths_repeated_routes_and_no_integration) {
  EXPECT_EQ(error_of([&] { api_.add_routes({.path = "users", .integration = &integration_}); }),
            "'Test/Api': route path 'users' must start with '/' and not end with one");
  EXPECT_EQ(error_of([&] { api_.add_routes({.path = "/users/", .integration = &integration_}); }),
            "'Test/Api': route path '/users/' must start with '/' and not end with one");
  EXPECT_EQ(error_of([&] { api_.add_routes({.path = "/users"}); }),
            "'Test/Api': route '/users' needs an integration with a function");

  api_.add_routes({.path = "/users", .integration = &integration_});
  EXPECT_EQ(error_of([&] { api_.add_routes({.path = "/users", .integration = &integration_}); }),
            "'Test/Api': route 'ANY /users' is added twice");
}

}  // namespace
}  // namespace construct_tests
