// cdkpp template tests: the reference application built in-process.
// SPDX-License-Identifier: Apache-2.0
#include "test_app.hpp"

#include <functional>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "config.hpp"
#include "toolchain_config.hpp"

namespace template_tests {
namespace {

using Values = std::vector<std::pair<std::string, std::string>>;

// CMakePresets.json, preset by preset.
const Values kSandboxValues = {
    {"cdkpp:app-name", "MyApp"},
    {"cdkpp:stage", "sandbox"},
    {"sandbox:account", ""},
    {"sandbox:region", ""},
    {"user-management:lambda-reserved-concurrency", "1"},
    {"user-management:dynamodb-billing-mode", "PAY_PER_REQUEST"},
};

const Values kProductionValues = {
    {"cdkpp:app-name", "MyApp"},
    {"cdkpp:stage", "production"},
    {"toolchain:account", "111111111111"},
    {"toolchain:region", "eu-west-1"},
    {"production:account", "222222222222"},
    {"production:region", "eu-west-1"},
    {"user-management:lambda-reserved-concurrency", "10"},
    {"user-management:dynamodb-billing-mode", "PROVISIONED"},
    {"user-management:dynamodb-read-capacity", "5"},
    {"user-management:dynamodb-write-capacity", "5"},
    {"toolchain:source-connection-arn",
     "arn:aws:codeconnections:eu-west-1:111111111111:connection/"
     "6d1b3c5e-0000-4000-8000-000000000000"},
    {"toolchain:source-repository", "my-org/cdkpp"},
    {"toolchain:source-branch", "main"},
};

void collect_paths(const cdk::Json& node, const std::string& where, const std::string& name,
                   std::set<std::string>& out) {
  if (node.is_object()) {
    for (const auto& [key, child] : node.items()) {
      if (key == name) out.insert(where);
      collect_paths(child, where + "/" + key, name, out);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      collect_paths(node[i], where + "/" + std::to_string(i), name, out);
    }
  }
}

}  // namespace

std::string to_string(Preset preset) {
  return preset == Preset::sandbox ? "sandbox" : "production";
}

void PrintTo(Preset preset, std::ostream* out) { *out << to_string(preset); }

cdk::Context preset_context(Preset preset, std::string_view layout) {
  cdk::Context context;
  for (const auto& [key, value] : preset == Preset::sandbox ? kSandboxValues : kProductionValues) {
    context.set(key, value, "the " + to_string(preset) + " preset");
  }
  context.set("cdkpp:service-layout", std::string(layout), "the test");
  return context;
}

TestApp::TestApp(Preset preset, std::string_view layout)
    : TestApp(preset_context(preset, layout)) {}

// Composes the app as app.cpp does.
TestApp::TestApp(cdk::Context context) : app_(std::make_unique<cdk::App>(std::move(context))) {
  const cdk::Context& values = app_->context();
  const std::string app_name = service::read_required_string(values, "cdkpp:app-name");
  if (values.get_enum("cdkpp:stage", {"sandbox", "production"}) == "sandbox") {
    service::ServiceConfig config = service::read_service_config(values);
    config.env = service::read_optional_environment(values, "sandbox");
    sandbox_service_.emplace(*app_, app_name + "-Service-Sandbox", config);
    return;
  }
  toolchain_ = &app_->add<toolchain::ToolchainStack>(
      app_name + "-Toolchain-Management",
      toolchain::ToolchainStackProps{
          .stack = {.env = service::read_environment(values, "toolchain")},
          .app_name = app_name,
          .config = toolchain::read_toolchain_config(values)});
}

const service::ServiceStack& TestApp::service() const {
  if (sandbox_service_) return *sandbox_service_;
  return toolchain().deployment_pipeline().production_service();
}

toolchain::ToolchainStack& TestApp::toolchain() const {
  if (toolchain_ == nullptr) throw std::logic_error("the sandbox app has no toolchain stack");
  return *toolchain_;
}

ServiceExpectations expectations_for(Preset preset) {
  if (preset == Preset::sandbox) {
    return {.stack_prefix = "MyApp-Service-Sandbox",
            .lambda_reserved_concurrency = 1,
            .billing = {{"BillingMode", "PAY_PER_REQUEST"}},
            .account = {{"Ref", "AWS::AccountId"}},
            .region = {{"Ref", "AWS::Region"}}};
  }
  return {
      .stack_prefix = "MyApp-Service-Production",
      .lambda_reserved_concurrency = 10,
      .billing = {{"BillingMode", "PROVISIONED"},
                  {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}}},
      .account = "222222222222",
      .region = "eu-west-1"};
}

cdk::Json ref(const std::string& logical_id) { return {{"Ref", logical_id}}; }

cdk::Json get_att(const std::string& logical_id, const std::string& attribute) {
  return {{"Fn::GetAtt", {logical_id, attribute}}};
}

cdk::Json join(const cdk::Json& parts) {
  cdk::Json merged = cdk::Json::array();
  for (const cdk::Json& part : parts) {
    if (part.is_string() && !merged.empty() && merged.back().is_string()) {
      merged.back() = merged.back().get<std::string>() + part.get<std::string>();
    } else {
      merged.push_back(part);
    }
  }
  return {{"Fn::Join", {"", merged}}};
}

cdk::Json assets_bucket(Preset preset) {
  if (preset == Preset::production) return "cdk-hnb659fds-assets-222222222222-eu-west-1";
  return {{"Fn::Sub", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}};
}

const std::vector<std::string> kUserManagementResourceTypes = {"AWS::DynamoDB::Table",
                                                               "AWS::IAM::Role",
                                                               "AWS::IAM::Policy",
                                                               "AWS::Lambda::Function",
                                                               "AWS::Lambda::Permission",
                                                               "AWS::ApiGatewayV2::Api",
                                                               "AWS::ApiGatewayV2::Integration",
                                                               "AWS::ApiGatewayV2::Route",
                                                               "AWS::ApiGatewayV2::Stage",
                                                               "AWS::Logs::LogGroup"};

const std::vector<std::string> kAdminConsoleResourceTypes = {"AWS::S3::Bucket",
                                                             "AWS::S3::BucketPolicy",
                                                             "AWS::CloudFront::OriginAccessControl",
                                                             "AWS::CloudFront::Distribution",
                                                             "Custom::CDKBucketDeployment",
                                                             "AWS::IAM::Policy",
                                                             "AWS::Lambda::Function",
                                                             "AWS::IAM::Role",
                                                             "AWS::Logs::LogGroup"};

void expect_resources_of_types(const cdk::assertions::Template& tpl,
                               const std::vector<std::string>& types) {
  std::map<std::string, std::size_t> counts;
  for (const std::string& type : types) ++counts[type];
  for (const auto& [type, count] : counts) {
    EXPECT_TEMPLATE(tpl.resource_count_is(type, count));
  }
  EXPECT_EQ(resource_ids(tpl).size(), types.size());
}

std::set<std::string> resource_ids(const cdk::assertions::Template& tpl) {
  std::set<std::string> ids;
  const cdk::Json resources = tpl.to_json().value("Resources", cdk::Json::object());
  for (const auto& [id, resource] : resources.items()) ids.insert(id);
  return ids;
}

std::set<std::string> paths_of_key(const cdk::Json& document, const std::string& name) {
  std::set<std::string> out;
  collect_paths(document, "", name, out);
  return out;
}

}  // namespace template_tests
