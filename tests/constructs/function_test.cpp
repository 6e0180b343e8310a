// cdkpp tests of the L2 constructs: Lambda functions, their roles, code and logs.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/aws/lambda/function.hpp>

#include "construct_test.hpp"

namespace construct_tests {
namespace {

namespace iam = cdk::aws::iam;
namespace lambda = cdk::aws::lambda;
using cdk::Json;

lambda::FunctionProps python_function() {
  return {.runtime = lambda::Runtime::python_3_12(),
          .handler = "index.handler",
          .code = lambda::Code::from_asset(CDKPP_TEST_CODE_DIR)};
}

class FunctionTest : public StackTest {
 protected:
  lambda::Function& add_function(lambda::FunctionProps props = python_function()) {
    return stack_.add<lambda::Function>("Function", std::move(props));
  }
};

TEST_F(FunctionTest, runs_its_asset_code_as_a_role_of_its_own) {
  const auto& function = add_function();
  const std::string role_id = function.role().resource().logical_id();
  EXPECT_EQ(function.role().path(), "Test/Function/ServiceRole");

  const Json entry = resource(function.resource().logical_id());
  EXPECT_EQ(
      entry["Properties"],
      (Json{{"Code",
             {{"S3Bucket", {{"Fn::Sub", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}}},
              {"S3Key", function.code().asset_hash() + ".zip"}}},
            {"Handler", "index.handler"},
            {"Role", get_att(role_id, "Arn")},
            {"Runtime", "python3.12"}}));
  EXPECT_EQ(entry["Metadata"]["aws:asset:property"], "Code");
  EXPECT_EQ(resource(role_id)["Properties"]["ManagedPolicyArns"],
            (Json{join({"arn:", cfn_ref("AWS::Partition"),
                        ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"})}));
  EXPECT_EQ(
      resource(role_id)["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"],
      (Json{{"Service", "lambda.amazonaws.com"}}));
}

TEST_F(FunctionTest, sets_what_it_is_given) {
  lambda::FunctionProps props = python_function();
  props.environment = {{"TABLE", "users"}};
  props.description = "the API";
  props.timeout_seconds = 10;
  props.memory_size = 256;
  props.reserved_concurrent_executions = 0;
  auto& function = add_function(std::move(props));
  function.add_environment("STAGE", "test");

  const Json properties = resource(function.resource().logical_id())["Properties"];
  EXPECT_EQ(properties["Environment"],
            (Json{{"Variables", {{"STAGE", "test"}, {"TABLE", "users"}}}}));
  EXPECT_EQ(properties["Description"], "the API");
  EXPECT_EQ(properties["Timeout"], 10);
  EXPECT_EQ(properties["MemorySize"], 256);
  EXPECT_EQ(properties["ReservedConcurrentExecutions"], 0);
  EXPECT_FALSE(properties.contains("LoggingConfig"));
}

TEST_F(FunctionTest, logs_to_a_group_of_its_own_when_given_a_retention) {
  lambda::FunctionProps props = python_function();
  props.log_retention_days = 14;
  const auto& function = add_function(std::move(props));

  const auto groups = template_of().find_resources("AWS::Logs::LogGroup");
  ASSERT_EQ(groups.size(), 1);
  const std::string group_id = groups.begin().key();
  EXPECT_EQ(groups[group_id]["Properties"], (Json{{"RetentionInDays", 14}}));
  EXPECT_EQ(groups[group_id]["DeletionPolicy"], "Retain");
  EXPECT_EQ(resource(function.resource().logical_id())["Properties"]["LoggingConfig"],
            (Json{{"LogGroup", cfn_ref(group_id)}}));
}

TEST_F(FunctionTest, waits_for_the_policy_that_grants_add_to_its_role) {
  auto& function = add_function();
  function.add_to_role_policy({.actions = {"sqs:SendMessage"}, .resources = {"arn:q"}});

  const auto* policy = function.role().default_policy();
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(resource(function.resource().logical_id())["DependsOn"], (Json{policy->logical_id()}));
}

TEST_F(FunctionTest, runs_as_a_role_it_is_given) {
  auto& role = stack_.add<iam::Role>(
      "Shared", iam::RoleProps{.assumed_by = iam::service_principal("lambda.amazonaws.com")});
  lambda::FunctionProps props = python_function();
  props.role = &role;
  const auto& function = add_function(std::move(props));

  EXPECT_EQ(&function.role(), &role);
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::IAM::Role", 1));
}

TEST_F(FunctionTest, a_permission_names_its_source) {
  auto& function = add_function();
  function.add_permission(stack_, "Invoke",
                          {.principal = "events.amazonaws.com", .source_arn = "arn:rule"});
  EXPECT_TEMPLATE(template_of().has_resource_properties(
      "AWS::Lambda::Permission",
      Json{{"Action", "lambda:InvokeFunction"},
           {"FunctionName", get_att(function.resource().logical_id(), "Arn")},
           {"Principal", "events.amazonaws.com"},
           {"SourceArn", "arn:rule"}}));

  EXPECT_EQ(error_of([&] {
              function.add_permission(stack_, "Open", {.principal = "events.amazonaws.com"});
            }),
            "'Test/Open': a permission for 'events.amazonaws.com' to invoke 'Test/Function' "
            "needs a source ARN");
}

TEST_F(FunctionTest, refuses_values_lambda_refuses) {
  auto with = [](auto change) {
    lambda::FunctionProps props = python_function();
    change(props);
    return props;
  };
  EXPECT_EQ(error_of([&] { add_function(with([](auto& p) { p.handler = ""; })); }),
            "'Test/Function': a function needs a handler");
  EXPECT_EQ(error_of([&] { add_function(with([](auto& p) { p.timeout_seconds = 901; })); }),
            "'Test/Function': timeout (seconds) must be within 1..900, got '901'");
  EXPECT_EQ(error_of([&] { add_function(with([](auto& p) { p.memory_size = 64; })); }),
            "'Test/Function': memory size (MB) must be within 128..10240, got '64'");
  EXPECT_EQ(
      error_of([&] { add_function(with([](auto& p) { p.reserved_concurrent_executions = -1; })); }),
      "'Test/Function': reserved concurrent executions must be at least 0, got '-1'");
  EXPECT_EQ(error_of([&] { add_function(with([](auto& p) { p.log_retention_days = 10; })); }),
            "'Test/Function': log retention must be one of CloudWatch Logs' periods (1, 3, 5, 7, "
            "14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, "
            "3288, 3653 days), got '10'");
  EXPECT_EQ(error_of([&] {
              add_function(with([](auto& p) { p.environment = {{"AWS_REGION", "x"}}; }));
            }),
            "'Test/Function': environment variable 'AWS_REGION' is reserved by Lambda, which "
            "sets it itself");
  EXPECT_EQ(error_of([&] {
              add_function(with([](auto& p) { p.environment = {{"LAMBDA_TASK_ROOT", "x"}}; }));
            }),
            "'Test/Function': environment variable 'LAMBDA_TASK_ROOT' is reserved by Lambda, "
            "which sets it itself");
  EXPECT_EQ(error_of([&] {
              add_function(with([](auto& p) { p.environment = {{"1ST-VAR", "x"}}; }));
            }),
            "'Test/Function': environment variable '1ST-VAR' must start with a letter and hold "
            "only letters, digits and '_'");
}

}  // namespace
}  // namespace construct_tests
