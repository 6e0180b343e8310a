// cdkpp unit tests: the naming rules of cdk/names.hpp (makeUniqueId, makeUniqueResourceName).
// SPDX-License-Identifier: Apache-2.0
//
// Expected values are the AWS CDK's: the worked examples of CDK-FACTS §1.3 and values computed
// with aws-cdk-lib 2.276's own makeUniqueId / makeUniqueResourceName.
#include "cdk/names.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

using cdk::names::make_unique_id;
using cdk::names::make_unique_resource_name;
using Components = std::vector<std::string>;

std::string repeat(std::size_t n, const std::string& text) {
  std::string result;
  for (std::size_t i = 0; i < n; ++i) result += text;
  return result;
}

TEST(make_unique_id, two_components_get_the_human_part_and_an_md5_hash) {
  EXPECT_EQ(make_unique_id({"Parent", "ThingResource"}), "ParentThingResource75D1D9CB");
  EXPECT_EQ(make_unique_id({"Parent", "ThingResource1"}), "ParentThingResource1916E7808");
  EXPECT_EQ(make_unique_id({"Parent", "ThingResource2"}), "ParentThingResource2F19948CB");
}

TEST(make_unique_id, resource_is_left_out_of_the_human_part_but_kept_in_the_hash) {
  EXPECT_EQ(make_unique_id({"Parent", "Child", "Resource", "HeyThere"}),
            "ParentChildHeyThere35220347");
  EXPECT_EQ(make_unique_id({"MyBucket", "Resource"}), "MyBucketF68F3FF0");
  EXPECT_EQ(make_unique_id({"MyQueue", "Resource"}), "MyQueueE6CA6235");
  EXPECT_EQ(make_unique_id({"Function1", "Resource"}), "Function1904AA941");
  EXPECT_EQ(make_unique_id({"Function1", "ServiceRole", "Resource"}),
            "Function1ServiceRole16CD7E62");
  EXPECT_EQ(make_unique_id({"UserPool", "Resource"}), "UserPool6BA7E5F2");
}

TEST(make_unique_id, non_alphanumerics_are_stripped_from_the_human_part_but_hashed) {
  EXPECT_EQ(make_unique_id({"Foo-bar", "B00m", "Hello_World", "&&Horray Horray."}),
            "FoobarB00mHelloWorldHorrayHorray640E99FB");
  EXPECT_EQ(make_unique_id({"Foobar", "B00m", "HelloWorld", "HorrayHorray"}),
            "FoobarB00mHelloWorldHorrayHorray744334FD");
}

TEST(make_unique_id, a_single_component_is_only_stripped) {
  EXPECT_EQ(make_unique_id({"Foo-bar"}), "Foobar");
  EXPECT_EQ(make_unique_id({"MyBucket"}), "MyBucket");
  EXPECT_EQ(make_unique_id({"Resource"}), "Resource");
}

TEST(make_unique_id, a_single_component_may_strip_to_an_empty_id) {
  EXPECT_EQ(make_unique_id({"."}), "");
}

TEST(make_unique_id, a_single_component_of_255_characters_has_no_hash) {
  EXPECT_EQ(make_unique_id({std::string(255, 'x')}), std::string(255, 'x'));
  EXPECT_EQ(make_unique_id({repeat(255, "*y-")}), std::string(255, 'y'));
}

TEST(make_unique_id, a_single_component_over_255_characters_is_cut_to_240_and_hashed) {
  EXPECT_EQ(make_unique_id({std::string(256, 'x')}), std::string(240, 'x') + "C7A139A2");
}

TEST(make_unique_id, a_repeated_component_appears_once_in_the_human_part) {
  EXPECT_EQ(make_unique_id({"Pipeline", "Pipeline", "Resource"}), "Pipeline9850B417");
  EXPECT_EQ(make_unique_id({"Pipeline", "Pipeline", "Role", "Resource"}), "PipelineRoleB27FAA37");
  EXPECT_EQ(make_unique_id({"Pipeline", "Pipeline", "Role", "DefaultPolicy", "Resource"}),
            "PipelineRoleDefaultPolicy7BDC1ABB");
}

TEST(make_unique_id, dupes_are_compared_with_the_last_kept_raw_component) {
  EXPECT_EQ(make_unique_id({"Bar", "FooBar"}), "BarFooBar8091CE0C");
  EXPECT_EQ(make_unique_id({"FooBar", "Bar"}), "FooBarAF11DA55");
  EXPECT_EQ(make_unique_id({"FooBar", "Bar", "Bar", "oBar"}), "FooBarD598920A");
  EXPECT_EQ(make_unique_id({"a-b", "b", "-b", "ab"}), "abab271463C0");
}

TEST(make_unique_id, default_components_are_dropped_before_anything_else) {
  EXPECT_EQ(make_unique_id({"CDKMetadata", "Default"}), "CDKMetadata");
  EXPECT_EQ(make_unique_id({"Parent", "Default", "HeyThere"}), "ParentHeyThere24BA5503");
  EXPECT_EQ(make_unique_id({"Parent", "HeyThere"}), "ParentHeyThere24BA5503");
  EXPECT_EQ(make_unique_id({"Default", "Default", "Foo"}), "Foo");
  EXPECT_EQ(make_unique_id({"X", "Default", "X"}), "X86266975");
}

TEST(make_unique_id, default_is_matched_case_sensitively) {
  EXPECT_EQ(make_unique_id({"DEFAULT", "default", "Foo"}), "DEFAULTdefaultFooAA1D0944");
}

TEST(make_unique_id, the_human_part_is_cut_to_240_characters) {
  const std::string id = make_unique_id({std::string(200, 'A'), std::string(100, 'B')});
  EXPECT_EQ(id.size(), 248u);
  EXPECT_EQ(id.substr(0, 240), std::string(200, 'A') + std::string(40, 'B'));
}

TEST(make_unique_id, unicode_is_stripped_and_hashed_as_utf8) {
  EXPECT_EQ(make_unique_id({"B\xC3\xBC"
                            "cket",
                            "\xC3\x9C"
                            "berall"}),
            "Bcketberall2B04D987");
  EXPECT_EQ(make_unique_id({"D\xC3\xA4t\xC3\xA4"}), "Dt");
}

TEST(make_unique_id, an_empty_set_of_components_is_an_error) {
  const std::string expected = "unable to calculate a unique id for an empty set of components";
  EXPECT_EQ(cdk::test::error_of([] { make_unique_id({}); }), expected);
  EXPECT_EQ(cdk::test::error_of([] { make_unique_id({"Default"}); }), expected);
}

TEST(make_unique_resource_name, a_single_component_is_returned_stripped) {
  EXPECT_EQ(make_unique_resource_name({"My_Stack"}, 128), "MyStack");
  EXPECT_EQ(make_unique_resource_name({"Holder", "Default"}, 128), "Holder");
}

TEST(make_unique_resource_name, allowed_special_characters_are_kept) {
  EXPECT_EQ(make_unique_resource_name({"my-name.x"}, 128, "", "-"), "my-namex");
  EXPECT_EQ(make_unique_resource_name({"Foo", "Resource", "Bar"}, 256, ".", "."),
            "Foo.Bar.6979348C");
}

TEST(make_unique_resource_name, several_components_get_a_hash) {
  EXPECT_EQ(make_unique_resource_name({"Stage", "Stack1"}, 128), "StageStack130339B27");
  EXPECT_EQ(make_unique_resource_name({"Stage", "Holder", "Resource"}, 128), "StageHolderE319FFCB");
  EXPECT_EQ(make_unique_resource_name({"Pipeline", "Pipeline", "Resource"}, 128),
            "Pipeline9850B417");
}

TEST(make_unique_resource_name, the_separator_joins_and_ends_the_human_part) {
  EXPECT_EQ(make_unique_resource_name({"Foo", "Bar"}, 256, "-"), "Foo-Bar-CFC0D4D9");
}

TEST(make_unique_resource_name, a_long_human_part_keeps_its_first_and_last_halves) {
  EXPECT_EQ(make_unique_resource_name({"Holder", std::string(130, 'L')}, 128),
            "Holder" + std::string(114, 'L') + "DEB24768");
  EXPECT_EQ(make_unique_resource_name({std::string(30, 'A'), std::string(30, 'B')}, 41),
            std::string(16, 'A') + std::string(16, 'B') + "1275CE07");
}

TEST(make_unique_resource_name, a_single_component_over_the_limit_is_split_and_hashed) {
  EXPECT_EQ(make_unique_resource_name({std::string(129, 'x')}, 128),
            std::string(120, 'x') + "3926841D");
}

TEST(make_unique_resource_name, an_empty_set_of_components_is_an_error) {
  EXPECT_EQ(cdk::test::error_of([] { make_unique_resource_name({"Default"}, 128); }),
            "unable to calculate a unique resource name for an empty set of components");
}

TEST(path_hash, is_the_upper_case_md5_prefix_of_the_joined_components) {
  EXPECT_EQ(cdk::names::path_hash({"Parent", "ThingResource"}), "75D1D9CB");
  EXPECT_EQ(cdk::names::path_hash({"Exports", "Output{\"Ref\":\"AWS::AccountId\"}"}), "AD568057");
}

TEST(remove_non_alphanumeric, keeps_only_ascii_letters_and_digits) {
  EXPECT_EQ(cdk::names::remove_non_alphanumeric("Foo-bar_1 2.x/\xC3\xA4!"), "Foobar12x");
  EXPECT_EQ(cdk::names::remove_non_alphanumeric(""), "");
}

TEST(is_valid_logical_id, accepts_1_to_255_alphanumerics) {
  EXPECT_TRUE(cdk::names::is_valid_logical_id("A"));
  EXPECT_TRUE(cdk::names::is_valid_logical_id(std::string(255, 'x')));
  EXPECT_FALSE(cdk::names::is_valid_logical_id(""));
  EXPECT_FALSE(cdk::names::is_valid_logical_id(std::string(256, 'x')));
  EXPECT_FALSE(cdk::names::is_valid_logical_id("a-b"));
  EXPECT_FALSE(cdk::names::is_valid_logical_id("a b"));
}

// Expected orders are those of JavaScript's localeCompare (node 20, ICU root collation).
TEST(locale_less, orders_paths_as_javascript_locale_compare) {
  using cdk::names::locale_less;
  EXPECT_TRUE(locale_less("Stack/alpha", "Stack/Zeta"));
  EXPECT_TRUE(locale_less("Stack/a", "Stack/A"));
  EXPECT_FALSE(locale_less("Stack/A", "Stack/a"));
  EXPECT_TRUE(locale_less("Stack/a", "Stack/B"));
  EXPECT_TRUE(locale_less("Stack/A-1", "Stack/A1"));
  EXPECT_TRUE(locale_less("Stack/A_1", "Stack/A-1"));
  EXPECT_TRUE(locale_less("Stack/A", "Stack/AA"));
  EXPECT_TRUE(locale_less("Stack/Z9", "Stack/Za"));
  EXPECT_TRUE(locale_less("Stack/A/B", "Stack/A1"));
  EXPECT_TRUE(locale_less("Stack/A-b", "Stack/A.b"));
  EXPECT_TRUE(locale_less("Stack/item10", "Stack/item9"));
  EXPECT_FALSE(locale_less("Stack/same", "Stack/same"));
}

}  // namespace
