// cdkpp unit tests: the construct tree of cdk/construct.hpp (ids, paths, lookups, ownership).
// SPDX-License-Identifier: Apache-2.0
#include "cdk/construct.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "test_support.hpp"

namespace {

using cdk::test::error_of;

std::vector<std::string> ids_of(const std::vector<cdk::Construct*>& constructs) {
  std::vector<std::string> ids;
  for (const cdk::Construct* c : constructs) ids.push_back(c->id());
  return ids;
}

TEST(construct, path_joins_the_ids_below_the_root) {
  cdk::App app;
  auto& a = app.add<cdk::Construct>("A");
  auto& b = a.add<cdk::Construct>("B");
  auto& c = b.add<cdk::Construct>("C");

  EXPECT_EQ(app.path(), "");
  EXPECT_EQ(app.id(), "");
  EXPECT_EQ(a.path(), "A");
  EXPECT_EQ(c.path(), "A/B/C");
  EXPECT_EQ(c.id(), "C");
  EXPECT_EQ(c.scope(), &b);
  EXPECT_EQ(app.scope(), nullptr);
}

TEST(construct, describe_names_the_path_or_the_app) {
  cdk::App app;
  auto& a = app.add<cdk::Construct>("A");
  auto& b = a.add<cdk::Construct>("B");

  EXPECT_EQ(app.describe(), "the app");
  EXPECT_EQ(b.describe(), "'A/B'");
}

TEST(construct, a_duplicate_id_is_an_error_naming_the_scope) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  stack.add<cdk::Construct>("Thing");

  EXPECT_EQ(error_of([&] { stack.add<cdk::Construct>("Thing"); }),
            "'Stack': duplicate construct id 'Thing': 'Stack/Thing' already exists");
  EXPECT_EQ(error_of([&] { app.add<cdk::Construct>("Stack"); }),
            "the app: duplicate construct id 'Stack': 'Stack' already exists");
  EXPECT_EQ(stack.children().size(), 1u);
}

TEST(construct, an_id_equal_after_sanitizing_is_a_duplicate) {
  cdk::App app;
  app.add<cdk::Construct>("a--b");

  EXPECT_EQ(error_of([&] { app.add<cdk::Construct>("a/b"); }),
            "the app: duplicate construct id 'a--b': 'a--b' already exists");
}

TEST(construct, an_empty_id_is_an_error) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(error_of([&] { stack.add<cdk::Construct>(""); }),
            "'Stack': a construct id must not be empty");
  EXPECT_EQ(error_of([&] { app.add<cdk::Construct>(""); }),
            "the app: a construct id must not be empty");
  EXPECT_TRUE(stack.children().empty());
}

TEST(construct, a_slash_in_an_id_becomes_two_dashes) {
  cdk::App app;
  auto& parent = app.add<cdk::Construct>("Parent");
  auto& child = parent.add<cdk::Construct>("a/b/c");

  EXPECT_EQ(child.id(), "a--b--c");
  EXPECT_EQ(child.path(), "Parent/a--b--c");
  EXPECT_EQ(child.scopes().size(), 3u);
}

TEST(sanitize_construct_id, replaces_every_slash_and_nothing_else) {
  EXPECT_EQ(cdk::sanitize_construct_id("a/b"), "a--b");
  EXPECT_EQ(cdk::sanitize_construct_id("/"), "--");
  EXPECT_EQ(cdk::sanitize_construct_id("x-y_z.1 \\"), "x-y_z.1 \\");
  EXPECT_EQ(cdk::sanitize_construct_id(""), "");
}

TEST(construct, children_keep_their_creation_order) {
  cdk::App app;
  app.add<cdk::Construct>("Zed");
  app.add<cdk::Construct>("Alpha");
  app.add<cdk::Construct>("Mid");

  EXPECT_EQ(ids_of(app.children()), (std::vector<std::string>{"Zed", "Alpha", "Mid"}));
}

TEST(construct, find_all_walks_in_pre_order_from_this_construct) {
  cdk::App app;
  auto& a = app.add<cdk::Construct>("A");
  a.add<cdk::Construct>("A1").add<cdk::Construct>("A1x");
  a.add<cdk::Construct>("A2");
  app.add<cdk::Construct>("B");

  EXPECT_EQ(ids_of(app.find_all()), (std::vector<std::string>{"", "A", "A1", "A1x", "A2", "B"}));
  EXPECT_EQ(ids_of(a.find_all()), (std::vector<std::string>{"A", "A1", "A1x", "A2"}));
}

TEST(construct, scopes_and_root_lead_from_the_app_down) {
  cdk::App app;
  auto& a = app.add<cdk::Construct>("A");
  auto& b = a.add<cdk::Construct>("B");

  EXPECT_EQ(b.scopes(), (std::vector<const cdk::Construct*>{&app, &a, &b}));
  EXPECT_EQ(&b.root(), &app);
  EXPECT_EQ(&app.root(), &app);
}

TEST(construct, try_find_child_returns_null_when_absent) {
  cdk::App app;
  auto& a = app.add<cdk::Construct>("A");
  auto& slashed = a.add<cdk::Construct>("x/y");

  EXPECT_EQ(app.try_find_child("A"), &a);
  EXPECT_EQ(a.try_find_child("x--y"), &slashed);
  EXPECT_EQ(a.try_find_child("x/y"), nullptr);
  EXPECT_EQ(app.try_find_child("Missing"), nullptr);
}

TEST(construct, find_child_throws_naming_the_scope_when_absent) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(&app.find_child("Stack"), &stack);
  EXPECT_EQ(error_of([&] { stack.find_child("Nope"); }), "'Stack': no child with id 'Nope'");
  EXPECT_EQ(error_of([&] { app.find_child("Nope"); }), "the app: no child with id 'Nope'");
}

TEST(construct, a_construct_on_the_cpp_stack_leaves_the_tree_when_destroyed) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  {
    cdk::Construct local(stack, "Local");
    cdk::CfnResource resource(local, "Queue", "AWS::SQS::Queue");
    EXPECT_EQ(stack.try_find_child("Local"), &local);
    EXPECT_EQ(resource.path(), "Stack/Local/Queue");
  }
  EXPECT_EQ(stack.try_find_child("Local"), nullptr);
  EXPECT_TRUE(stack.children().empty());

  // The id is free again.
  EXPECT_EQ(stack.add<cdk::Construct>("Local").path(), "Stack/Local");
}

TEST(construct, a_construct_lost_before_synthesis_stops_the_synth_instead_of_crashing) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  cdk::Value queue_arn;
  {
    cdk::CfnResource queue(stack, "Queue", "AWS::SQS::Queue");
    queue_arn = queue.get_att("Arn");
  }
  stack.add<cdk::CfnResource>("Topic", "AWS::SNS::Topic", cdk::Object{{"Name", queue_arn}});

  EXPECT_EQ(app.destroyed_before_synthesis(), std::vector<std::string>{"Stack/Queue"});
  cdk::test::TempDir dir;
  EXPECT_EQ(error_of([&] { app.synth(dir / "cdk.out"); }),
            "synthesis failed with 1 error:\n  'Stack/Queue' was destroyed before synthesis; "
            "create constructs with add<T>() so that the tree owns them");
}

TEST(construct, a_constructor_that_throws_does_not_count_as_a_lost_construct) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  EXPECT_THROW(stack.add<cdk::CfnResource>("Bad", ""), cdk::Error);
  EXPECT_TRUE(app.destroyed_before_synthesis().empty());
}

TEST(construct, add_returns_a_reference_owned_by_the_scope) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& queue = stack.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");

  EXPECT_EQ(&stack.find_child("Queue"), &queue);
  EXPECT_EQ(queue.type(), "AWS::SQS::Queue");
  EXPECT_EQ(&queue.stack(), &stack);
}

TEST(construct, a_scope_destroys_the_constructs_it_owns) {
  // A construct made with add<T> lives as long as its scope; destroying a scope on the C++
  // stack destroys its owned children without touching the rest of the tree.
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  {
    cdk::Construct group(stack, "Group");
    group.add<cdk::Construct>("Owned").add<cdk::Construct>("Deeper");
    EXPECT_EQ(group.find_all().size(), 3u);
  }
  EXPECT_TRUE(stack.children().empty());
  EXPECT_EQ(app.find_all().size(), 2u);
}

TEST(find_enclosing, returns_the_nearest_scope_of_the_type) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& group = stack.add<cdk::Construct>("Group");
  auto& queue = group.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  const cdk::Construct& const_queue = queue;

  EXPECT_EQ(cdk::find_enclosing<cdk::Stack>(queue), &stack);
  EXPECT_EQ(cdk::find_enclosing<cdk::Stack>(const_queue), &stack);
  EXPECT_EQ(cdk::find_enclosing<cdk::Stack>(stack), &stack);
  EXPECT_EQ(cdk::find_enclosing<cdk::App>(queue), &app);
  EXPECT_EQ(cdk::find_enclosing<cdk::CfnResource>(group), nullptr);
}

}  // namespace
