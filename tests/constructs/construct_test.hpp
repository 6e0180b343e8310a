// cdkpp tests of the L2 constructs: what every test file uses.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>

#include <gtest/gtest.h>

#include <cdk/assertions/gtest.hpp>
#include <cdk/assertions/template.hpp>
#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

namespace construct_tests {

// The message of the cdk::Error that action throws, or "(no error)".
std::string error_of(const std::function<void()>& action);

// {"Ref": id}, {"Fn::GetAtt": [id, attribute]}, {"Fn::Join": ["", parts]}.
cdk::Json cfn_ref(const std::string& logical_id);
cdk::Json get_att(const std::string& logical_id, const std::string& attribute);
cdk::Json join(cdk::Json parts);

// The ARN prefix "arn:<partition>:<service>:<region>:<account>:" as a list of join parts.
cdk::Json arn_parts(const std::string& service);

// One environment-agnostic stack in an app of its own.
class StackTest : public ::testing::Test {
 protected:
  cdk::assertions::Template template_of() const {
    return cdk::assertions::Template::from_stack(stack_);
  }
  // The resource's whole entry in the template.
  cdk::Json resource(const std::string& logical_id) const;

  cdk::App app_;
  cdk::Stack& stack_ = app_.add<cdk::Stack>("Test");
};

}  // namespace construct_tests
