// cdkpp unit tests: references between stacks (CDK-FACTS §2): the producer's export, the
// consumer's Fn::ImportValue, the stack dependency and the errors that stop synthesis.
// SPDX-License-Identifier: Apache-2.0
//
// Output IDs and export names are those aws-cdk-lib 2.276 writes for the same trees.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stage.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::test::keys_of;
using cdk::test::render;

// The consumers' type: a third-party one, whose properties the spec checks leave alone.
constexpr const char* kSink = "Cdkpp::Test::Sink";

// Two stacks, "Stack1" producing and "Stack2" consuming through the properties of "Use".
class CrossStackTest : public ::testing::Test {
 protected:
  // Creates Stack2/Use with the properties, prepares the app and expects no problem.
  const cdk::CfnResource& use(cdk::Object properties) {
    auto& resource = consumer_.add<cdk::CfnResource>("Use", kSink, std::move(properties));
    EXPECT_EQ(cdk::detail::prepare_app(app_), std::vector<std::string>{});
    return resource;
  }

  Json outputs() { return render(producer_).value("Outputs", Json::object()); }
  Json used() { return render(consumer_)["Resources"]["Use"]["Properties"]; }

  cdk::App app_;
  cdk::Stack& producer_ = app_.add<cdk::Stack>("Stack1");
  cdk::Stack& consumer_ = app_.add<cdk::Stack>("Stack2");
};

Json exported(const std::string& value_json, const std::string& export_name) {
  return {{"Value", Json::parse(value_json)}, {"Export", {{"Name", export_name}}}};
}

Json import_of(const std::string& export_name) { return {{"Fn::ImportValue", export_name}}; }

TEST_F(CrossStackTest, a_scoped_account_id_is_exported_under_the_aws_cdk_names) {
  use({{"Value", cdk::ScopedAws(producer_).account_id()}});

  EXPECT_EQ(outputs(), (Json{{"ExportsOutputRefAWSAccountIdAD568057",
                              exported(R"({"Ref": "AWS::AccountId"})",
                                       "Stack1:ExportsOutputRefAWSAccountIdAD568057")}}));
  EXPECT_EQ(used(), (Json{{"Value", import_of("Stack1:ExportsOutputRefAWSAccountIdAD568057")}}));
}

TEST_F(CrossStackTest, every_kind_of_reference_gets_one_export_in_order_of_first_use) {
  auto& bucket = producer_.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  const cdk::ScopedAws aws(producer_);
  use({{"A", aws.account_id()},
       {"B", aws.stack_id()},
       {"C", bucket.get_att("Arn")},
       {"D", bucket.ref()},
       {"E", bucket.get_att("Arn")},
       {"F", aws.region()},
       {"G", producer_.region()},
       {"H", aws.url_suffix()},
       {"I", aws.partition()},
       {"J", aws.stack_name()}});

  EXPECT_EQ(keys_of(outputs()), (std::vector<std::string>{
                                    "ExportsOutputRefAWSAccountIdAD568057",
                                    "ExportsOutputRefAWSStackIdB2DD5BAA",
                                    "ExportsOutputFnGetAttBucketArn436138FE",
                                    "ExportsOutputRefBucket239F7DF2",
                                    "ExportsOutputRefAWSRegion31D1D346",
                                    "ExportsOutputRefAWSURLSuffix20C345A7",
                                    "ExportsOutputRefAWSPartition57D0E721",
                                    "ExportsOutputRefAWSStackName947389C5",
                                }));
  EXPECT_EQ(outputs()["ExportsOutputFnGetAttBucketArn436138FE"],
            exported(R"({"Fn::GetAtt": ["Bucket", "Arn"]})",
                     "Stack1:ExportsOutputFnGetAttBucketArn436138FE"));
  EXPECT_EQ(used(), (Json{
                        {"A", import_of("Stack1:ExportsOutputRefAWSAccountIdAD568057")},
                        {"B", import_of("Stack1:ExportsOutputRefAWSStackIdB2DD5BAA")},
                        {"C", import_of("Stack1:ExportsOutputFnGetAttBucketArn436138FE")},
                        {"D", import_of("Stack1:ExportsOutputRefBucket239F7DF2")},
                        {"E", import_of("Stack1:ExportsOutputFnGetAttBucketArn436138FE")},
                        {"F", import_of("Stack1:ExportsOutputRefAWSRegion31D1D346")},
                        {"G", {{"Ref", "AWS::Region"}}},
                        {"H", import_of("Stack1:ExportsOutputRefAWSURLSuffix20C345A7")},
                        {"I", import_of("Stack1:ExportsOutputRefAWSPartition57D0E721")},
                        {"J", import_of("Stack1:ExportsOutputRefAWSStackName947389C5")},
                    }));
}

TEST_F(CrossStackTest, the_export_ids_follow_the_logical_id_of_the_target) {
  auto& hits = producer_.add<cdk::CfnResource>(
      "Hits", "AWS::DynamoDB::Table",
      cdk::Object{
          {"KeySchema", cdk::List{cdk::Object{{"AttributeName", "id"}, {"KeyType", "HASH"}}}}});
  hits.override_logical_id("HitsFF5AF8CD");
  auto& db = producer_.add<cdk::CfnResource>("Db", "AWS::RDS::DBInstance");
  db.override_logical_id("testdb9A2744AA");
  auto& pool = producer_.add<cdk::Construct>("UserPool")
                   .add<cdk::CfnResource>("Resource", "AWS::Cognito::UserPool");
  use({{"Hits", hits.get_att("Arn")}, {"Port", db.get_att("Endpoint.Port")}, {"Pool", pool.ref()}});

  EXPECT_EQ(used(), (Json{
                        {"Hits", import_of("Stack1:ExportsOutputFnGetAttHitsFF5AF8CDArn18792E32")},
                        {"Port", import_of("Stack1:ExportsOutputFnGetAtttestdb9A2744AAEndpoint"
                                           "Port44CC01FA")},
                        {"Pool", import_of("Stack1:ExportsOutputRefUserPool6BA7E5F296FD7236")},
                    }));
  EXPECT_EQ(outputs()["ExportsOutputFnGetAtttestdb9A2744AAEndpointPort44CC01FA"]["Value"],
            Json::parse(R"({"Fn::GetAtt": ["testdb9A2744AA", "Endpoint.Port"]})"));
}

TEST_F(CrossStackTest, the_output_lives_under_exports_named_by_the_resolved_value) {
  use({{"Value", cdk::ScopedAws(producer_).account_id()}});

  const cdk::Construct& exports = producer_.find_child("Exports");
  ASSERT_EQ(exports.children().size(), 1u);
  const auto* output = dynamic_cast<const cdk::CfnOutput*>(exports.children()[0]);
  ASSERT_NE(output, nullptr);
  EXPECT_EQ(output->id(), R"(Output{"Ref":"AWS::AccountId"})");
  EXPECT_EQ(output->logical_id(), "ExportsOutputRefAWSAccountIdAD568057");
}

TEST_F(CrossStackTest, a_value_used_by_two_stacks_is_exported_once) {
  auto& queue = producer_.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  auto& third = app_.add<cdk::Stack>("Stack3");
  third.add<cdk::CfnResource>("Also", kSink, cdk::Object{{"Value", queue.ref()}});
  use({{"Value", queue.ref()}});

  EXPECT_EQ(outputs(),
            (Json{{"ExportsOutputRefQueueD6A24597",
                   exported(R"({"Ref": "Queue"})", "Stack1:ExportsOutputRefQueueD6A24597")}}));
  EXPECT_EQ(render(third)["Resources"]["Also"]["Properties"]["Value"],
            import_of("Stack1:ExportsOutputRefQueueD6A24597"));
}

TEST_F(CrossStackTest, an_import_inside_a_string_is_part_of_the_join) {
  auto& api = producer_.add<cdk::CfnResource>("Api", "AWS::ApiGatewayV2::Api");
  use({{"Value", cdk::Value("https://") + api.ref() + ".example.com/"}});

  EXPECT_EQ(
      used()["Value"],
      (Json{
          {"Fn::Join",
           {"", {"https://", import_of("Stack1:ExportsOutputRefApiBCFDE45C"), ".example.com/"}}}}));
}

TEST_F(CrossStackTest, the_consumer_depends_on_the_producer) {
  auto& queue = producer_.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  use({{"Value", queue.get_att("Arn")}});

  ASSERT_EQ(consumer_.dependencies().size(), 1u);
  EXPECT_EQ(consumer_.dependencies()[0].stack, &producer_);
  EXPECT_EQ(consumer_.dependencies()[0].reason, "Stack2 -> attribute Arn of 'Stack1/Queue'");
  EXPECT_TRUE(producer_.dependencies().empty());

  const cdk::test::TempDir out;
  app_.synth(out.path());
  const Json manifest = cdk::test::read_json(out / "manifest.json");
  EXPECT_EQ(manifest["artifacts"]["Stack2"]["dependencies"],
            Json::parse(R"(["Stack1", "Stack2.assets"])"));
  EXPECT_EQ(manifest["artifacts"]["Stack1"]["dependencies"], Json::parse(R"(["Stack1.assets"])"));
}

TEST_F(CrossStackTest, the_region_of_a_stack_is_not_exported) {
  // Like the AWS CDK's stack.region (Aws.REGION when environment-agnostic): it is the same
  // pseudo parameter in whichever stack reads it.
  use({{"Region", producer_.region()}, {"Account", producer_.account()}});

  EXPECT_EQ(used(), Json::parse(R"({"Region": {"Ref": "AWS::Region"},
                                    "Account": {"Ref": "AWS::AccountId"}})"));
  EXPECT_EQ(producer_.try_find_child("Exports"), nullptr);
  EXPECT_TRUE(consumer_.dependencies().empty());
}

TEST_F(CrossStackTest, stacks_in_one_environment_may_reference_each_other) {
  cdk::App app;
  const cdk::StackProps props{.env = cdk::Environment{"123456789012", "eu-west-1"}};
  auto& producer = app.add<cdk::Stack>("Producer", props);
  auto& consumer = app.add<cdk::Stack>("Consumer", props);
  auto& queue = producer.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  consumer.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"Value", queue.ref()}});

  EXPECT_EQ(cdk::detail::prepare_app(app), std::vector<std::string>{});
  EXPECT_EQ(render(consumer)["Resources"]["Use"]["Properties"]["Value"],
            import_of("Producer:ExportsOutputRefQueueD6A24597"));
}

TEST(cross_stack, the_export_name_starts_with_the_stage_prefixed_stack_name) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& producer = prod.add<cdk::Stack>("Producer");
  auto& consumer = prod.add<cdk::Stack>("Consumer");
  auto& queue = producer.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  consumer.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"Value", queue.ref()}});
  ASSERT_EQ(cdk::detail::prepare_app(app), std::vector<std::string>{});

  EXPECT_EQ(render(consumer)["Resources"]["Use"]["Properties"]["Value"],
            import_of("Prod-Producer:ExportsOutputRefQueueD6A24597"));
}

TEST(cross_stack, an_export_name_over_255_characters_is_cut_from_the_left) {
  cdk::App app;
  const std::string stack_name = "P" + std::string(127, 'n');
  auto& producer = app.add<cdk::Stack>("Producer", cdk::StackProps{.stack_name = stack_name});
  auto& consumer = app.add<cdk::Stack>("Consumer");
  auto& queue = producer.add<cdk::CfnResource>(std::string(200, 'Q'), "AWS::SQS::Queue");
  consumer.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"Value", queue.ref()}});
  ASSERT_EQ(cdk::detail::prepare_app(app), std::vector<std::string>{});

  const std::string output_id = "ExportsOutputRef" + std::string(200, 'Q') + "04B76D33";
  const std::string export_name = stack_name + ":" + std::string(118, 'Q') + "04B76D33";
  EXPECT_EQ(export_name.size(), 255u);
  EXPECT_EQ(render(producer)["Outputs"][output_id]["Export"]["Name"], Json(export_name));
  EXPECT_EQ(render(consumer)["Resources"]["Use"]["Properties"]["Value"], import_of(export_name));
}

// The problems of a synthesis that must fail; the previous assertions name what each says.
std::vector<std::string> problems_of(cdk::App& app) { return cdk::detail::prepare_app(app); }

TEST(cross_stack, a_reference_between_accounts_is_an_error) {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>(
      "Producer", cdk::StackProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  auto& consumer = app.add<cdk::Stack>(
      "Consumer", cdk::StackProps{.env = cdk::Environment{"222222222222", "eu-west-1"}});
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  consumer.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"V", bucket.ref()}});

  EXPECT_EQ(problems_of(app),
            (std::vector<std::string>{
                "'Consumer/Use' in stack 'Consumer' (aws://222222222222/eu-west-1) cannot "
                "reference Ref of 'Producer/Bucket' in stack 'Producer' "
                "(aws://111111111111/eu-west-1): cross-stack references are only supported for "
                "stacks deployed to the same account"}));
  EXPECT_EQ(producer.try_find_child("Exports"), nullptr);
}

TEST(cross_stack, a_reference_between_regions_is_an_error) {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>(
      "Producer", cdk::StackProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  auto& consumer = app.add<cdk::Stack>(
      "Consumer", cdk::StackProps{.env = cdk::Environment{"111111111111", "us-east-1"}});
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  consumer.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"V", bucket.get_att("Arn")}});

  EXPECT_EQ(problems_of(app),
            (std::vector<std::string>{
                "'Consumer/Use' in stack 'Consumer' (aws://111111111111/us-east-1) cannot "
                "reference attribute Arn of 'Producer/Bucket' in stack 'Producer' "
                "(aws://111111111111/eu-west-1): cross-stack references are only supported for "
                "stacks deployed to the same environment"}));
}

TEST(cross_stack, an_agnostic_stack_may_not_reference_one_with_a_known_account) {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>(
      "Producer", cdk::StackProps{.env = cdk::Environment{"111111111111", std::nullopt}});
  auto& consumer = app.add<cdk::Stack>("Consumer");
  consumer.add<cdk::CfnResource>("Use", kSink,
                                 cdk::Object{{"V", cdk::ScopedAws(producer).stack_id()}});

  EXPECT_EQ(problems_of(app),
            (std::vector<std::string>{
                "'Consumer/Use' in stack 'Consumer' (aws://unknown-account/unknown-region) "
                "cannot reference AWS::StackId of stack 'Producer' in stack 'Producer' "
                "(aws://111111111111/unknown-region): cross-stack references are only supported "
                "for stacks deployed to the same account"}));
}

TEST(cross_stack, a_reference_across_stages_is_an_error) {
  cdk::App app;
  auto& producer = app.add<cdk::Stage>("Alpha").add<cdk::Stack>("Producer");
  auto& consumer = app.add<cdk::Stage>("Beta").add<cdk::Stack>("Consumer");
  auto& top = app.add<cdk::Stack>("Top");
  auto& queue = producer.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  consumer.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"V", queue.ref()}});
  top.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"V", queue.ref()}});

  EXPECT_EQ(problems_of(app),
            (std::vector<std::string>{
                "you cannot have a dependency from 'Beta/Consumer' (in stage 'Beta') to "
                "'Alpha/Producer' (in stage 'Alpha'): dependency cannot cross stage boundaries",
                "you cannot have a dependency from 'Top' (in the app) to 'Alpha/Producer' (in "
                "stage 'Alpha'): dependency cannot cross stage boundaries"}));
}

TEST(cross_stack, references_in_both_directions_are_a_cycle) {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& x = a.add<cdk::CfnResource>("X", "AWS::SQS::Queue");
  auto& y = b.add<cdk::CfnResource>("Y", "AWS::SQS::Queue");
  a.add<cdk::CfnResource>("UsesY", kSink, cdk::Object{{"V", y.ref()}});
  b.add<cdk::CfnResource>("UsesX", kSink, cdk::Object{{"V", x.ref()}});

  EXPECT_EQ(problems_of(app),
            (std::vector<std::string>{"'A' depends on 'B'; adding the dependency (B -> Ref of "
                                      "'A/X') would create a cycle"}));
}

TEST(cross_stack, a_reference_to_another_app_is_an_error) {
  cdk::App other;
  auto& producer = other.add<cdk::Stack>("Producer");
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  cdk::App app;
  auto& consumer = app.add<cdk::Stack>("Consumer");
  consumer.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"V", bucket.ref()}});

  EXPECT_EQ(problems_of(app),
            (std::vector<std::string>{"'Consumer/Use' in stack 'Consumer' cannot reference Ref "
                                      "of 'Producer/Bucket': the stacks belong to different "
                                      "apps"}));
}

TEST(cross_stack, a_condition_of_another_stack_cannot_be_used) {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& is_prod = a.add<cdk::CfnCondition>("IsProd", cdk::fn::equals("x", "y"));
  b.add<cdk::CfnResource>("Use", kSink, cdk::Object{{"V", cdk::fn::if_(is_prod, "a", "b")}});

  EXPECT_EQ(problems_of(app),
            (std::vector<std::string>{
                "'B/Use' in stack 'B' cannot use the name of 'A/IsProd' of another stack"}));
}

TEST(cross_stack, synth_lists_every_problem_in_one_validation_error) {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>(
      "Producer", cdk::StackProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  auto& consumer = app.add<cdk::Stack>(
      "Consumer", cdk::StackProps{.env = cdk::Environment{"111111111111", "us-east-1"}});
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  consumer.add<cdk::CfnResource>("One", kSink, cdk::Object{{"V", bucket.ref()}});
  consumer.add<cdk::CfnOutput>("Two", cdk::CfnOutputProps{.value = bucket.get_att("Arn")});
  const cdk::test::TempDir out;

  try {
    app.synth(out / "cdk.out");
    FAIL() << "synth should have failed";
  } catch (const cdk::ValidationError& e) {
    const std::string tail =
        "in stack 'Producer' (aws://111111111111/eu-west-1): cross-stack references are only "
        "supported for stacks deployed to the same environment";
    const std::vector<std::string> expected{
        "'Consumer/One' in stack 'Consumer' (aws://111111111111/us-east-1) cannot reference "
        "Ref of 'Producer/Bucket' " +
            tail,
        "'Consumer/Two' in stack 'Consumer' (aws://111111111111/us-east-1) cannot reference "
        "attribute Arn of 'Producer/Bucket' " +
            tail};
    EXPECT_EQ(e.problems(), expected);
    EXPECT_EQ(std::string(e.what()),
              "synthesis failed with 2 errors:\n  " + expected[0] + "\n  " + expected[1]);
  }
  EXPECT_FALSE(std::filesystem::exists(out / "cdk.out"));
}

}  // namespace

// A construct that reports, at synth, the dependencies its stack has then.
class DependencyReporter : public cdk::Construct {
 public:
  using cdk::Construct::Construct;

  std::vector<std::string> validate() const override {
    std::vector<std::string> problems;
    for (const cdk::StackDependency& dependency : cdk::Stack::of(*this).dependencies()) {
      problems.push_back("'" + path() + "': depends on " + dependency.stack->stack_name());
    }
    return problems;
  }
};

TEST(cross_stack, constructs_validate_once_references_made_the_stack_dependencies) {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>("Producer");
  auto& consumer = app.add<cdk::Stack>("Consumer");
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  consumer.add<cdk::CfnResource>("Sink", kSink, cdk::Object{{"V", bucket.ref()}});
  consumer.add<DependencyReporter>("Reporter");
  producer.add<DependencyReporter>("Quiet");
  const cdk::test::TempDir out;

  try {
    app.synth(out / "cdk.out");
    FAIL() << "synth should have failed";
  } catch (const cdk::ValidationError& e) {
    EXPECT_EQ(e.problems(), (std::vector<std::string>{"'Consumer/Reporter': depends on Producer"}));
  }
  EXPECT_FALSE(std::filesystem::exists(out / "cdk.out"));
}

// An output whose value changes from one rendering to the next: a literal the first time, when
// synthesis walks the templates for references, and a value of another stack after.
class ChangingOutput : public cdk::CfnElement {
 public:
  ChangingOutput(cdk::Construct& scope, std::string_view id, cdk::Value later)
      : cdk::CfnElement(scope, id), later_(std::move(later)) {}

  void render(cdk::RenderContext& context) const override {
    const cdk::Value value = renders_++ == 0 ? cdk::Value("first") : later_;
    context.add("Outputs", logical_id(), Json{{"Value", context.resolve(value)}});
  }

 private:
  cdk::Value later_;
  mutable int renders_ = 0;
};

TEST(cross_stack, a_reference_that_appears_only_after_the_walk_is_an_error_not_a_dangling_import) {
  cdk::App app;
  auto& producer = app.add<cdk::Stack>("Producer");
  auto& consumer = app.add<cdk::Stack>("Consumer");
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", "AWS::S3::Bucket");
  consumer.add<ChangingOutput>("Changing", bucket.ref());

  EXPECT_EQ(
      cdk::detail::prepare_app(app),
      (std::vector<std::string>{
          "'Consumer/Changing' in stack 'Consumer' cannot import Ref of 'Producer/Bucket' from "
          "stack 'Producer': the reference was not found before the templates were "
          "rendered"}));
}
