// cdkpp unit tests: stacks and stages (cdk/stack.hpp, cdk/stage.hpp): artifact IDs, stack
// names, environments, stack dependencies and the checks made at synthesis.
// SPDX-License-Identifier: Apache-2.0
//
// Expected names are the AWS CDK's (CDK-FACTS §1.5, aws-cdk-lib 2.276).
#include "cdk/stack.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stage.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"

namespace {

using cdk::test::error_of;

TEST(stack_names, a_top_level_stack_is_named_by_its_id) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("MyStack");

  EXPECT_EQ(stack.artifact_id(), "MyStack");
  EXPECT_EQ(stack.stack_name(), "MyStack");
  EXPECT_EQ(stack.template_file(), "MyStack.template.json");
}

TEST(stack_names, a_given_stack_name_leaves_the_artifact_id_alone) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("MyStack", cdk::StackProps{.stack_name = "Other-Name"});

  EXPECT_EQ(stack.artifact_id(), "MyStack");
  EXPECT_EQ(stack.stack_name(), "Other-Name");
}

TEST(stack_names, a_stack_in_a_stage_is_prefixed_with_the_stage_name) {
  cdk::App app;
  auto& stage = app.add<cdk::Stage>("Stage");
  auto& stack = stage.add<cdk::Stack>("Stack1");

  EXPECT_EQ(stack.artifact_id(), "StageStack130339B27");
  EXPECT_EQ(stack.stack_name(), "Stage-Stack1");
  EXPECT_EQ(stack.template_file(), "StageStack130339B27.template.json");
}

TEST(stack_names, nested_stages_join_their_names_with_a_dash) {
  cdk::App app;
  auto& outer = app.add<cdk::Stage>("Outer");
  auto& inner = outer.add<cdk::Stage>("Inner");
  auto& stack = inner.add<cdk::Stack>("Service");

  EXPECT_EQ(inner.stage_name(), "Outer-Inner");
  EXPECT_EQ(stack.artifact_id(), "OuterInnerServiceB576015D");
  EXPECT_EQ(stack.stack_name(), "Outer-Inner-Service");
}

TEST(stack_names, a_stack_under_a_plain_construct_gets_a_hashed_name) {
  cdk::App app;
  auto& holder = app.add<cdk::Construct>("Holder");
  auto& stack = holder.add<cdk::Stack>("Stack");

  EXPECT_EQ(stack.artifact_id(), "HolderStack725424EC");
  EXPECT_EQ(stack.stack_name(), "HolderStack725424EC");
}

TEST(stack_names, constructs_inside_a_stage_are_hashed_after_the_prefix) {
  cdk::App app;
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& stack = prod.add<cdk::Construct>("Group").add<cdk::Construct>("Sub").add<cdk::Stack>("Api");

  EXPECT_EQ(stack.artifact_id(), "ProdGroupSubApi96EB158D");
  EXPECT_EQ(stack.stack_name(), "Prod-GroupSubApi5F0F6D91");
}

TEST(stack_names, the_stage_path_example_of_cdk_pipelines) {
  cdk::App app;
  auto& pipeline_stack = app.add<cdk::Stack>("StackOutputPipelineStack");
  auto& stage = pipeline_stack.add<cdk::Stage>("AppStage");
  auto& stack = stage.add<cdk::Stack>("Stack");

  EXPECT_EQ(stack.artifact_id(), "StackOutputPipelineStackAppStageStackB810E610");
  EXPECT_EQ(stack.stack_name(), "AppStage-Stack");
}

TEST(stack_names, default_and_resource_ids_are_hidden) {
  cdk::App app;
  auto& holder = app.add<cdk::Construct>("Holder");
  auto& hidden = holder.add<cdk::Stack>("Default");
  auto& stage = app.add<cdk::Stage>("Stage");
  auto& resource = stage.add<cdk::Construct>("Holder").add<cdk::Stack>("Resource");

  EXPECT_EQ(hidden.artifact_id(), "Holder");
  EXPECT_EQ(hidden.stack_name(), "Holder");
  EXPECT_EQ(resource.artifact_id(), "StageHolderE319FFCB");
  EXPECT_EQ(resource.stack_name(), "Stage-Holder41396D00");
}

TEST(stack_names, an_id_of_128_characters_is_used_as_it_is) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>(std::string(128, 'S'));

  EXPECT_EQ(stack.artifact_id(), std::string(128, 'S'));
  EXPECT_EQ(stack.stack_name(), std::string(128, 'S'));
}

TEST(stack_names, an_id_over_128_characters_is_split_in_the_middle_and_hashed) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>(std::string(129, 'S'));
  auto& holder = app.add<cdk::Construct>("Holder");
  auto& nested = holder.add<cdk::Stack>(std::string(130, 'L'));

  EXPECT_EQ(stack.artifact_id(), std::string(120, 'S') + "FA242C26");
  EXPECT_EQ(stack.stack_name(), stack.artifact_id());
  EXPECT_EQ(nested.artifact_id(), "Holder" + std::string(114, 'L') + "DEB24768");
}

TEST(stack_names, a_slash_in_the_id_is_kept_as_two_dashes) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("a/b");

  EXPECT_EQ(stack.artifact_id(), "a--b");
  EXPECT_EQ(stack.stack_name(), "a--b");
  EXPECT_EQ(stack.template_file(), "a--b.template.json");
}

TEST(stage, artifact_id_is_the_path_with_dashes) {
  cdk::App app;
  auto& level1 = app.add<cdk::Stage>("StageLevel1");
  auto& level2 = level1.add<cdk::Stage>("StageLevel2");
  auto& under_construct = app.add<cdk::Construct>("Group").add<cdk::Stage>("Beta");

  EXPECT_EQ(level1.artifact_id(), "assembly-StageLevel1");
  EXPECT_EQ(level2.artifact_id(), "assembly-StageLevel1-StageLevel2");
  EXPECT_EQ(under_construct.artifact_id(), "assembly-Group-Beta");
  EXPECT_EQ(under_construct.stage_name(), "Beta");
}

TEST(stage, the_app_is_a_stage_without_a_name_or_artifact_id) {
  cdk::App app;

  EXPECT_EQ(app.stage_name(), "");
  EXPECT_EQ(app.artifact_id(), "");
  EXPECT_EQ(cdk::Stage::of(app), &app);
}

TEST(stage, of_returns_the_nearest_enclosing_stage) {
  cdk::App app;
  auto& stage = app.add<cdk::Stage>("Beta");
  auto& stack = stage.add<cdk::Stack>("Stack");
  auto& top = app.add<cdk::Stack>("Top");

  EXPECT_EQ(cdk::Stage::of(stack), &stage);
  EXPECT_EQ(cdk::Stage::of(stage), &stage);
  EXPECT_EQ(&stack.stage(), &stage);
  EXPECT_EQ(&top.stage(), &app);
}

TEST(stage, an_id_must_start_with_a_letter) {
  cdk::App app;

  EXPECT_EQ(error_of([&] { app.add<cdk::Stage>("1st"); }),
            "the app: invalid stage id '1st': a stage id starts with a letter and holds only "
            "letters, digits, '-', '_' and '.'");
  EXPECT_EQ(error_of([&] { app.add<cdk::Stage>("Group").add<cdk::Stage>("a b"); }),
            "'Group': invalid stage id 'a b': a stage id starts with a letter and holds only "
            "letters, digits, '-', '_' and '.'");
}

TEST(stage, ids_with_dots_underscores_and_one_letter_are_accepted) {
  // The newest AWS CDK accepts one-character stage ids (CDK-FACTS §1.5 leaves '+' versus '*'
  // open); cdkpp follows it.
  cdk::App app;

  EXPECT_EQ(app.add<cdk::Stage>("my_stage.v1-2").stage_name(), "my_stage.v1-2");
  EXPECT_EQ(app.add<cdk::Stage>("a").artifact_id(), "assembly-a");
}

TEST(stack_environment, a_stack_is_environment_agnostic_by_default) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(stack.environment(), cdk::Environment{});
  EXPECT_EQ(stack.environment().to_uri(), "aws://unknown-account/unknown-region");
}

TEST(stack_environment, a_stack_inherits_what_its_stage_sets_and_keeps_its_own) {
  cdk::App app;
  auto& stage = app.add<cdk::Stage>(
      "Prod", cdk::StageProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  auto& inherited = stage.add<cdk::Stack>("Inherited");
  auto& own_region = stage.add<cdk::Stack>(
      "OwnRegion", cdk::StackProps{.env = cdk::Environment{std::nullopt, "us-east-1"}});

  EXPECT_EQ(inherited.environment().to_uri(), "aws://111111111111/eu-west-1");
  EXPECT_EQ(own_region.environment().to_uri(), "aws://111111111111/us-east-1");
}

TEST(stack_environment, a_nested_stage_completes_its_environment_from_the_outer_one) {
  cdk::App app;
  auto& outer = app.add<cdk::Stage>(
      "Outer", cdk::StageProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  auto& inner = outer.add<cdk::Stage>(
      "Inner", cdk::StageProps{.env = cdk::Environment{std::nullopt, "ap-south-1"}});
  auto& stack = inner.add<cdk::Stack>("Stack");

  EXPECT_EQ(stack.environment().to_uri(), "aws://111111111111/ap-south-1");
}

TEST(stack_environment, account_and_region_are_literals_only_when_known) {
  cdk::App app;
  auto& agnostic = app.add<cdk::Stack>("Agnostic");
  auto& specific = app.add<cdk::Stack>(
      "Specific", cdk::StackProps{.env = cdk::Environment{"123456789012", "eu-west-1"}});

  EXPECT_EQ(cdk::test::resolve(agnostic, agnostic.account()),
            (cdk::Json{{"Ref", "AWS::AccountId"}}));
  EXPECT_EQ(cdk::test::resolve(agnostic, agnostic.region()), (cdk::Json{{"Ref", "AWS::Region"}}));
  EXPECT_EQ(cdk::test::resolve(specific, specific.account()), cdk::Json("123456789012"));
  EXPECT_EQ(cdk::test::resolve(specific, specific.region()), cdk::Json("eu-west-1"));
  EXPECT_EQ(cdk::test::resolve(specific, specific.partition()),
            (cdk::Json{{"Ref", "AWS::Partition"}}));
  EXPECT_EQ(cdk::test::resolve(specific, specific.url_suffix()),
            (cdk::Json{{"Ref", "AWS::URLSuffix"}}));
}

TEST(stack_of, finds_the_enclosing_stack) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& deep = stack.add<cdk::Construct>("A").add<cdk::Construct>("B");
  const cdk::Construct& const_deep = deep;

  EXPECT_EQ(&cdk::Stack::of(deep), &stack);
  EXPECT_EQ(&cdk::Stack::of(const_deep), &stack);
  EXPECT_EQ(&cdk::Stack::of(stack), &stack);
}

TEST(stack_of, a_construct_outside_any_stack_is_an_error) {
  cdk::App app;
  auto& holder = app.add<cdk::Construct>("Holder");

  EXPECT_EQ(error_of([&] { cdk::Stack::of(holder); }),
            "'Holder': this construct must be defined within a stack");
  EXPECT_EQ(error_of([&] { cdk::Stack::of(app); }),
            "the app: this construct must be defined within a stack");
}

TEST(stack_of, the_search_stops_at_a_stage) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Pipeline");
  auto& stage = stack.add<cdk::Stage>("Beta");

  EXPECT_EQ(error_of([&] { cdk::Stack::of(stage.add<cdk::Construct>("Loose")); }),
            "'Pipeline/Beta/Loose': this construct must be defined within a stack");
  EXPECT_EQ(error_of([&] { stage.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue"); }),
            "'Pipeline/Beta': this construct must be defined within a stack");
}

TEST(stack_dependency, is_recorded_once_in_insertion_order) {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& c = app.add<cdk::Stack>("C");

  c.add_dependency(b, "first");
  c.add_dependency(a);
  c.add_dependency(b, "again");
  c.add_dependency(c);

  ASSERT_EQ(c.dependencies().size(), 2u);
  EXPECT_EQ(c.dependencies()[0].stack, &b);
  EXPECT_EQ(c.dependencies()[0].reason, "first");
  EXPECT_EQ(c.dependencies()[1].stack, &a);
}

TEST(stack_dependency, depends_on_follows_dependencies_transitively) {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& c = app.add<cdk::Stack>("C");
  c.add_dependency(b);
  b.add_dependency(a);

  EXPECT_TRUE(c.depends_on(a));
  EXPECT_TRUE(c.depends_on(b));
  EXPECT_FALSE(a.depends_on(c));
}

TEST(stack_dependency, stacks_that_depend_on_every_stack_before_them_are_checked_once_each) {
  // Dependencies that fan out and join again give 2^n paths through n stacks: the cycle checks
  // must visit each stack once, not each path.
  constexpr int kStacks = 40;
  cdk::App app;
  std::vector<cdk::Stack*> stacks;
  for (int i = 0; i < kStacks; ++i) {
    stacks.push_back(&app.add<cdk::Stack>("S" + std::to_string(i)));
    for (int before = 0; before < i; ++before) stacks.back()->add_dependency(*stacks[before]);
  }

  EXPECT_TRUE(stacks.back()->depends_on(*stacks.front()));
  EXPECT_FALSE(stacks.front()->depends_on(*stacks.back()));
  EXPECT_EQ(error_of([&] { stacks.front()->add_dependency(*stacks.back(), "S0 needs S39"); }),
            "'S39' depends on 'S0'; adding the dependency (S0 needs S39) would create a cycle");
}

TEST(stack_dependency, a_cycle_is_an_error_naming_both_stacks) {
  cdk::App app;
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& c = app.add<cdk::Stack>("C");
  c.add_dependency(b);
  b.add_dependency(a);

  EXPECT_EQ(error_of([&] { a.add_dependency(c, "A needs C"); }),
            "'C' depends on 'A'; adding the dependency (A needs C) would create a cycle");
  EXPECT_EQ(error_of([&] { a.add_dependency(b); }),
            "'B' depends on 'A'; adding the dependency (A -> B) would create a cycle");
}

TEST(stack_dependency, crossing_a_stage_boundary_is_an_error) {
  cdk::App app;
  auto& top = app.add<cdk::Stack>("Top");
  auto& beta = app.add<cdk::Stage>("Beta");
  auto& in_beta = beta.add<cdk::Stack>("Service");
  auto& gamma = app.add<cdk::Stage>("Gamma");
  auto& in_gamma = gamma.add<cdk::Stack>("Service");

  EXPECT_EQ(error_of([&] { in_beta.add_dependency(top); }),
            "you cannot have a dependency from 'Beta/Service' (in stage 'Beta') to 'Top' (in "
            "the app): dependency cannot cross stage boundaries");
  EXPECT_EQ(error_of([&] { in_gamma.add_dependency(in_beta); }),
            "you cannot have a dependency from 'Gamma/Service' (in stage 'Gamma') to "
            "'Beta/Service' (in stage 'Beta'): dependency cannot cross stage boundaries");
}

TEST(stack_validation, a_stack_name_must_match_the_cloudformation_pattern) {
  cdk::App app;
  app.add<cdk::Stack>("My_Stack");
  app.add<cdk::Stage>("my_stage.v1").add<cdk::Stack>("Stack");

  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{
                "stack 'My_Stack': stack name 'My_Stack' must match ^[A-Za-z][A-Za-z0-9-]*$",
                "stack 'my_stage.v1/Stack': stack name 'my_stage.v1-Stack' must match "
                "^[A-Za-z][A-Za-z0-9-]*$"}));
}

TEST(stack_validation, a_stack_name_over_128_characters_is_an_error) {
  cdk::App app;
  auto& stage = app.add<cdk::Stage>("Stage");
  auto& group = stage.add<cdk::Construct>(std::string(70, 'A'));
  auto& stack = group.add<cdk::Stack>(std::string(70, 'B'));
  const std::string name = stack.stack_name();

  // The stage prefix comes on top of the 128 characters (no includePrefixInUniqueNameGeneration).
  EXPECT_EQ(name, "Stage-" + std::string(60, 'A') + std::string(60, 'B') + "1D317FD2");
  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{"stack 'Stage/" + std::string(70, 'A') + "/" +
                                      std::string(70, 'B') + "': stack name '" + name +
                                      "' is 134 characters long; the limit is 128"}));
}

TEST(stack_validation, two_stacks_with_one_name_in_one_environment_are_an_error) {
  cdk::App app;
  app.add<cdk::Stack>("First", cdk::StackProps{.stack_name = "Shared"});
  app.add<cdk::Stack>("Second", cdk::StackProps{.stack_name = "Shared"});
  app.add<cdk::Stack>("Elsewhere", cdk::StackProps{.stack_name = "Shared",
                                                   .env = cdk::Environment{"1", "eu-west-1"}});

  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{"stacks 'First' and 'Second' have the same stack name "
                                      "'Shared' in aws://unknown-account/unknown-region"}));
}

TEST(stack_validation, two_stacks_with_one_artifact_id_in_one_assembly_are_an_error) {
  cdk::App app;
  app.add<cdk::Stack>("HolderStack725424EC", cdk::StackProps{.stack_name = "One"});
  app.add<cdk::Construct>("Holder").add<cdk::Stack>("Stack", cdk::StackProps{.stack_name = "Two"});

  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{"stack 'HolderStack725424EC' and stack 'Holder/Stack' both "
                                      "need the artifact id 'HolderStack725424EC' in the "
                                      "assembly"}));
}

TEST(stack_validation, artifact_ids_of_the_tree_and_of_stages_are_taken_too) {
  cdk::App app;
  app.add<cdk::Stack>("Tree");
  app.add<cdk::Stage>("B");
  app.add<cdk::Stack>("assembly-B");

  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{
                "the construct tree (tree.json) and stack 'Tree' both need the artifact id 'Tree' "
                "in the assembly",
                "stage 'B' and stack 'assembly-B' both need the artifact id 'assembly-B' in the "
                "assembly"}));
}

}  // namespace
