// cdkpp unit tests: logical IDs of template elements (cdk/cfn_element.hpp): which path
// components count, the Default wrapper, overrides and the checks made at synthesis.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/cfn_element.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stage.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"

namespace {

// Creates plain constructs for every id but the last, then a resource; returns the resource.
cdk::CfnResource& resource_at(cdk::Construct& scope, const std::vector<std::string>& ids) {
  cdk::Construct* current = &scope;
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
    current = &current->add<cdk::Construct>(ids[i]);
  }
  return current->add<cdk::CfnResource>(ids.back(), "Cdkpp::Test::Leaf");
}

std::string logical_id_of(const std::vector<std::string>& ids) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  return resource_at(stack, ids).logical_id();
}

TEST(logical_id, matches_the_worked_examples_of_the_aws_cdk) {
  EXPECT_EQ(logical_id_of({"Parent", "ThingResource"}), "ParentThingResource75D1D9CB");
  EXPECT_EQ(logical_id_of({"Parent", "ThingResource1"}), "ParentThingResource1916E7808");
  EXPECT_EQ(logical_id_of({"Parent", "ThingResource2"}), "ParentThingResource2F19948CB");
  EXPECT_EQ(logical_id_of({"Parent", "Child", "Resource", "HeyThere"}),
            "ParentChildHeyThere35220347");
  EXPECT_EQ(logical_id_of({"Foo-bar", "B00m", "Hello_World", "&&Horray Horray."}),
            "FoobarB00mHelloWorldHorrayHorray640E99FB");
  EXPECT_EQ(logical_id_of({"Foobar", "B00m", "HelloWorld", "HorrayHorray"}),
            "FoobarB00mHelloWorldHorrayHorray744334FD");
  EXPECT_EQ(logical_id_of({"Foo-bar"}), "Foobar");
  EXPECT_EQ(logical_id_of({std::string(256, 'x')}), std::string(240, 'x') + "C7A139A2");
  EXPECT_EQ(logical_id_of({std::string(255, 'x')}), std::string(255, 'x'));
  EXPECT_EQ(logical_id_of({"MyBucket", "Resource"}), "MyBucketF68F3FF0");
  EXPECT_EQ(logical_id_of({"Function1", "Resource"}), "Function1904AA941");
  EXPECT_EQ(logical_id_of({"Function1", "ServiceRole", "Resource"}),
            "Function1ServiceRole16CD7E62");
  EXPECT_EQ(logical_id_of({"MyQueue", "Resource"}), "MyQueueE6CA6235");
  EXPECT_EQ(logical_id_of({"Pipeline", "Pipeline", "Resource"}), "Pipeline9850B417");
  EXPECT_EQ(logical_id_of({"Pipeline", "Pipeline", "Role", "Resource"}), "PipelineRoleB27FAA37");
  EXPECT_EQ(logical_id_of({"Pipeline", "Pipeline", "Role", "DefaultPolicy", "Resource"}),
            "PipelineRoleDefaultPolicy7BDC1ABB");
  EXPECT_EQ(logical_id_of({"CDKMetadata", "Default"}), "CDKMetadata");
}

TEST(logical_id, a_default_wrapper_is_transparent) {
  EXPECT_EQ(logical_id_of({"Parent", "Default", "HeyThere"}),
            logical_id_of({"Parent", "HeyThere"}));
  EXPECT_EQ(logical_id_of({"Parent", "HeyThere"}), "ParentHeyThere24BA5503");
}

TEST(logical_id, a_slash_in_an_id_adds_no_component) {
  EXPECT_EQ(logical_id_of({"Parent", "a/b"}), "Parentab18ED7735");
  EXPECT_EQ(logical_id_of({"Parent/Child", "Leaf/x"}), "ParentChildLeafx944A4CAC");
  EXPECT_EQ(logical_id_of({"x", "/"}), "xB87500EA");
}

TEST(logical_id, ids_above_the_stack_do_not_count) {
  cdk::App app;
  auto& top = app.add<cdk::Stack>("Top");
  auto& staged = app.add<cdk::Stage>("Beta").add<cdk::Stack>("Other");
  auto& held = app.add<cdk::Construct>("Holder").add<cdk::Stack>("Held");

  const std::string expected = "ParentThingResource75D1D9CB";
  EXPECT_EQ(resource_at(top, {"Parent", "ThingResource"}).logical_id(), expected);
  EXPECT_EQ(resource_at(staged, {"Parent", "ThingResource"}).logical_id(), expected);
  EXPECT_EQ(resource_at(held, {"Parent", "ThingResource"}).logical_id(), expected);
}

TEST(logical_id, the_nearest_stack_is_the_one_that_counts) {
  // A stack inside another stack owns the elements below it.
  cdk::App app;
  auto& outer = app.add<cdk::Stack>("Outer");
  auto& inner = outer.add<cdk::Construct>("Group").add<cdk::Stack>("Inner");
  auto& resource = resource_at(inner, {"Parent", "ThingResource"});

  EXPECT_EQ(&resource.stack(), &inner);
  EXPECT_EQ(resource.logical_id(), "ParentThingResource75D1D9CB");
}

TEST(logical_id, an_override_replaces_the_derived_id) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& resource = resource_at(stack, {"MyBucket", "Resource"});
  resource.override_logical_id("LegacyBucket");

  EXPECT_EQ(resource.logical_id(), "LegacyBucket");
  EXPECT_EQ(cdk::test::keys_of(cdk::test::render(stack)["Resources"]),
            (std::vector<std::string>{"LegacyBucket"}));
}

TEST(logical_id, an_override_applies_even_after_the_id_was_read) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  auto& resource = resource_at(stack, {"Queue"});
  EXPECT_EQ(resource.logical_id(), "Queue");

  resource.override_logical_id("Renamed");
  EXPECT_EQ(resource.logical_id(), "Renamed");
}

TEST(logical_id, an_invalid_override_is_reported_at_synthesis) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  resource_at(stack, {"Queue"}).override_logical_id("my-queue");

  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{
                "'Stack/Queue': logical id 'my-queue' must match ^[A-Za-z0-9]{1,255}$"}));
}

TEST(logical_id, an_id_that_strips_to_nothing_is_reported_at_synthesis) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  resource_at(stack, {"."});
  resource_at(stack, {"Default"});

  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{
                "'Stack/Default': unable to calculate a unique id for an empty set of components",
                "'Stack/.': logical id '' must match ^[A-Za-z0-9]{1,255}$",
            }));
}

TEST(logical_id, two_elements_with_one_id_are_reported_at_synthesis) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  resource_at(stack, {"Foo-bar"});
  resource_at(stack, {"Foobar"});

  EXPECT_EQ(cdk::detail::prepare_app(app),
            (std::vector<std::string>{
                "'Stack/Foo-bar' and 'Stack/Foobar' are both given the logical id 'Foobar'",
                "stack 'Stack': section 'Resources' already contains 'Foobar'"}));
}

}  // namespace
