// cdkpp template tests: the reference application built in-process, as app.cpp builds it from
// the context values that a preset sets.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <cdk/assertions/gtest.hpp>
#include <cdk/assertions/template.hpp>
#include <cdk/cdk.hpp>

#include "service_stack.hpp"
#include "toolchain_stack.hpp"

namespace template_tests {

enum class Preset { sandbox, production };

std::string to_string(Preset preset);
// For GoogleTest's messages.
void PrintTo(Preset preset, std::ostream* out);

// The context values that the preset of CMakePresets.json passes to the app, with the layout
// ("stack-per-context" or "single-stack"). The sandbox preset has no account or region: the
// variables are empty when CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION are not set.
cdk::Context preset_context(Preset preset, std::string_view layout);

// The app of a preset: the sandbox's service, or the toolchain with the production service in
// its pipeline's Production stage.
class TestApp {
 public:
  TestApp(Preset preset, std::string_view layout);
  explicit TestApp(cdk::Context context);

  cdk::App& app() { return *app_; }
  const service::ServiceStack& service() const;
  // The toolchain stack (production only).
  toolchain::ToolchainStack& toolchain() const;

 private:
  std::unique_ptr<cdk::App> app_;
  std::optional<service::ServiceStack> sandbox_service_;
  toolchain::ToolchainStack* toolchain_ = nullptr;
};

// The values that differ between the presets, as they appear in a service template.
struct ServiceExpectations {
  std::string stack_prefix;  // "MyApp-Service-Sandbox"
  int lambda_reserved_concurrency;
  cdk::Json billing;  // BillingMode and, when provisioned, ProvisionedThroughput
  cdk::Json account;  // "222222222222" or {"Ref": "AWS::AccountId"}
  cdk::Json region;
};

ServiceExpectations expectations_for(Preset preset);

// The bootstrap bucket that the preset's service stacks publish their assets to, as the
// templates name it.
cdk::Json assets_bucket(Preset preset);

// {"Ref": logical_id}, {"Fn::GetAtt": [logical_id, attribute]}.
cdk::Json ref(const std::string& logical_id);
cdk::Json get_att(const std::string& logical_id, const std::string& attribute);

// {"Fn::Join": ["", parts]}, adjacent strings merged, as a concatenation renders: a literal
// account or region joins the text around it.
cdk::Json join(const cdk::Json& parts);

// The resource types of each bounded context, a type once for each of its resources.
extern const std::vector<std::string> kUserManagementResourceTypes;
extern const std::vector<std::string> kAdminConsoleResourceTypes;

// Asserts as many resources of each type as the type appears in types, and no other resource.
void expect_resources_of_types(const cdk::assertions::Template& tpl,
                               const std::vector<std::string>& types);

// The logical IDs of the template's resources.
std::set<std::string> resource_ids(const cdk::assertions::Template& tpl);

// The paths, as JSON pointers, of every object in the template with key `name` ("Fn::Join").
std::set<std::string> paths_of_key(const cdk::Json& document, const std::string& name);

}  // namespace template_tests
