// cdkpp template tests: the pipeline construct on its own: what it refuses when a stage is
// added, and a stack dependency that only synthesis finds.
// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include <cdk/aws/codepipeline.hpp>
#include <cdk/aws/s3.hpp>
#include <cdk/cdk.hpp>

#include "code_pipeline.hpp"

namespace template_tests {
namespace {

using toolchain::CodePipeline;
using toolchain::CodePipelineProps;

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const cdk::Error& error) {
    return error.what();
  }
  return "(no error)";
}

class CodePipelineTest : public ::testing::Test {
 protected:
  cdk::App app_;
  cdk::Stack& tools_ = app_.add<cdk::Stack>(
      "Tools", cdk::StackProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  CodePipeline& pipeline_ = tools_.add<CodePipeline>(
      "Pipeline",
      CodePipelineProps{.source = {.connection_arn = "arn:aws:codeconnections:eu-west-1:"
                                                     "111111111111:connection/c",
                                   .repository = "org/repo",
                                   .branch = "main"},
                        .synth = {.commands = {"make synth"}, .primary_output_directory = "out"},
                        .cli_version = "2.1148.1"});
  cdk::Stage& stage_ = pipeline_.add<cdk::Stage>(
      "Prod", cdk::StageProps{.env = cdk::Environment{"222222222222", "eu-west-1"}});
};

TEST_F(CodePipelineTest, a_dependency_that_only_synthesis_finds_is_refused) {
  auto& producer = stage_.add<cdk::Stack>("Producer");
  auto& consumer = stage_.add<cdk::Stack>("Consumer");
  auto& bucket = producer.add<cdk::aws::s3::CfnBucket>("Bucket");
  // Added before the reference that makes Consumer depend on Producer is resolved.
  pipeline_.add_stage(stage_);
  consumer.add<cdk::CfnOutput>("Name", cdk::CfnOutputProps{.value = bucket.ref()});

  const auto out = std::filesystem::temp_directory_path() / "cdkpp-code-pipeline-test";
  std::vector<std::string> problems;
  try {
    app_.synth(out);
  } catch (const cdk::ValidationError& error) {
    problems = error.problems();
  }
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "'Tools/Pipeline': stack 'Tools/Pipeline/Prod/Consumer' depends on "
                          "'Tools/Pipeline/Prod/Producer', which the pipeline does not deploy "
                          "before it: declare the dependency (add_dependency) before the stage "
                          "is added"}));
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(CodePipelineTest, a_declared_dependency_orders_the_deployments) {
  auto& producer = stage_.add<cdk::Stack>("Producer");
  auto& consumer = stage_.add<cdk::Stack>("Consumer");
  auto& bucket = producer.add<cdk::aws::s3::CfnBucket>("Bucket");
  consumer.add<cdk::CfnOutput>("Name", cdk::CfnOutputProps{.value = bucket.ref()});
  consumer.add_dependency(producer);
  pipeline_.add_stage(stage_);
  EXPECT_TRUE(pipeline_.validate().empty());
}

TEST_F(CodePipelineTest, a_stack_made_before_the_one_it_depends_on_deploys_after_it) {
  auto& consumer = stage_.add<cdk::Stack>("Consumer");
  auto& producer = stage_.add<cdk::Stack>("Producer");
  consumer.add_dependency(producer);
  pipeline_.add_stage(stage_);
  EXPECT_TRUE(pipeline_.validate().empty());

  std::vector<std::pair<std::string, std::int64_t>> orders;
  const cdk::Value stages = pipeline_.resource().props().stages.value();
  for (const cdk::Value& action : stages.as_list().back().as_object()[0].second.as_list()) {
    std::string name;
    std::int64_t order = 0;
    for (const auto& [key, value] : action.as_object()) {
      if (key == "Name") name = value.as_string();
      if (key == "RunOrder") order = std::get<std::int64_t>(value.data());
    }
    orders.emplace_back(name, order);
  }
  EXPECT_EQ(orders, (std::vector<std::pair<std::string, std::int64_t>>{{"Producer.Prepare", 1},
                                                                       {"Producer.Deploy", 2},
                                                                       {"Consumer.Prepare", 3},
                                                                       {"Consumer.Deploy", 4}}));
}

TEST_F(CodePipelineTest, refuses_a_stage_in_another_region) {
  auto& elsewhere = pipeline_.add<cdk::Stage>(
      "Elsewhere", cdk::StageProps{.env = cdk::Environment{"222222222222", "us-east-1"}});
  elsewhere.add<cdk::Stack>("Stack");
  EXPECT_EQ(error_of([&] { pipeline_.add_stage(elsewhere); }),
            "'Tools/Pipeline': stage 'Tools/Pipeline/Elsewhere' is in region 'us-east-1', the "
            "pipeline in 'eu-west-1': a stage must be in the pipeline's region");
}

TEST_F(CodePipelineTest, refuses_a_stage_it_cannot_deploy) {
  EXPECT_EQ(error_of([&] { pipeline_.add_stage(stage_); }),
            "'Tools/Pipeline': stage 'Tools/Pipeline/Prod' has no stacks");

  auto& outside = app_.add<cdk::Stage>(
      "Outside", cdk::StageProps{.env = cdk::Environment{"222222222222", "eu-west-1"}});
  outside.add<cdk::Stack>("Stack");
  EXPECT_EQ(error_of([&] { pipeline_.add_stage(outside); }),
            "'Tools/Pipeline': stage 'Outside' must be created inside the pipeline");

  auto& agnostic = pipeline_.add<cdk::Stage>("Agnostic");
  agnostic.add<cdk::Stack>("Stack");
  EXPECT_EQ(error_of([&] { pipeline_.add_stage(agnostic); }),
            "'Tools/Pipeline': stage 'Tools/Pipeline/Agnostic' needs an environment with an "
            "account and a region");
}

}  // namespace
}  // namespace template_tests
