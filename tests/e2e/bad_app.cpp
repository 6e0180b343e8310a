// Apps with a mistake in their construct tree, one per value of the context key "case", for the
// bad-input tests: each must fail the synth with a clear error and leave the assembly alone.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/cdk.hpp>

namespace {

void duplicate_id(cdk::App& app) {
  auto& stack = app.add<cdk::Stack>("Service");
  stack.add<cdk::CfnResource>("Table", "AWS::DynamoDB::Table");
  stack.add<cdk::CfnResource>("Table", "AWS::DynamoDB::Table");
}

void empty_id(cdk::App& app) {
  auto& stack = app.add<cdk::Stack>("Service");
  stack.add<cdk::Construct>("Database").add<cdk::CfnResource>("", "AWS::DynamoDB::Table");
}

void cross_environment_reference(cdk::App& app) {
  auto& producer = app.add<cdk::Stack>(
      "Producer", cdk::StackProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  auto& queue = producer.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  auto& consumer = app.add<cdk::Stack>(
      "Consumer", cdk::StackProps{.env = cdk::Environment{"222222222222", "eu-west-1"}});
  consumer.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic",
                                 cdk::Object{{"TopicName", queue.get_att("QueueName")}});
  consumer.add<cdk::CfnOutput>("QueueUrl", cdk::CfnOutputProps{.value = queue.ref()});
}

// A misspelled property and a value of the wrong type, both found by the spec checks.
void spec_mistakes(cdk::App& app) {
  auto& stack = app.add<cdk::Stack>("Service");
  stack.add<cdk::Construct>("Queue").add<cdk::CfnResource>(
      "Resource", "AWS::SQS::Queue", cdk::Object{{"VisibilityTimout", 30}, {"DelaySeconds", "5"}});
}

}  // namespace

int main(int argc, char** argv) {
  return cdk::run_app(argc, argv, [](cdk::App& app) {
    const std::string which = app.context().get_enum(
        "case", {"duplicate-id", "empty-id", "cross-environment", "spec-mistakes"});
    if (which == "duplicate-id") duplicate_id(app);
    if (which == "empty-id") empty_id(app);
    if (which == "cross-environment") cross_environment_reference(app);
    if (which == "spec-mistakes") spec_mistakes(app);
  });
}
