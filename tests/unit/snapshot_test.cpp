// cdkpp unit tests: snapshot tests of templates (cdk::assertions::match_snapshot).
// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <gtest/gtest.h>

#include "cdk/assertions/snapshot.hpp"
#include "cdk/assertions/template.hpp"
#include "test_support.hpp"

namespace {

using cdk::Json;
using cdk::assertions::AssertionError;
using cdk::assertions::match_snapshot;
using cdk::assertions::SnapshotOutcome;
using cdk::test::error_of;
using cdk::test::read_file;
using cdk::test::TempDir;
using cdk::test::write_file;

const Json kTemplate = Json::parse(R"({"Resources": {"Queue": {"Type": "AWS::SQS::Queue",
  "Properties": {"VisibilityTimeout": 30, "DelaySeconds": 5}}}})");

TEST(snapshots, a_snapshot_with_the_same_values_in_another_order_matches) {
  TempDir dir;
  write_file(dir / "Stack.template.json", R"({"Resources": {"Queue": {"Properties":
    {"DelaySeconds": 5, "VisibilityTimeout": 30}, "Type": "AWS::SQS::Queue"}}})");

  EXPECT_EQ(match_snapshot(kTemplate, dir / "Stack.template.json", false),
            SnapshotOutcome::matched);
}

TEST(snapshots, a_difference_fails_with_a_unified_diff) {
  TempDir dir;
  match_snapshot(kTemplate, dir / "Stack.template.json", true);
  Json changed = kTemplate;
  changed["Resources"]["Queue"]["Properties"]["DelaySeconds"] = 10;

  const std::string message = error_of<AssertionError>(
      [&] { match_snapshot(changed, dir / "Stack.template.json", false); });

  EXPECT_EQ(message, "the template differs from the snapshot '" +
                         (dir / "Stack.template.json").string() +
                         "' (run with CDKPP_UPDATE_SNAPSHOTS=1 to accept it):\n"
                         "--- Stack.template.json\n"
                         "+++ synthesized\n"
                         "@@ -2,7 +2,7 @@\n"
                         "   \"Resources\": {\n"
                         "     \"Queue\": {\n"
                         "       \"Properties\": {\n"
                         "-        \"DelaySeconds\": 5,\n"
                         "+        \"DelaySeconds\": 10,\n"
                         "         \"VisibilityTimeout\": 30\n"
                         "       },\n"
                         "       \"Type\": \"AWS::SQS::Queue\"\n");
}

TEST(snapshots, an_update_writes_the_snapshot_with_sorted_keys) {
  TempDir dir;
  EXPECT_EQ(match_snapshot(kTemplate, dir / "new" / "Stack.template.json", true),
            SnapshotOutcome::written);

  EXPECT_EQ(read_file(dir / "new" / "Stack.template.json"),
            "{\n  \"Resources\": {\n    \"Queue\": {\n      \"Properties\": {\n"
            "        \"DelaySeconds\": 5,\n        \"VisibilityTimeout\": 30\n      },\n"
            "      \"Type\": \"AWS::SQS::Queue\"\n    }\n  }\n}\n");
}

TEST(snapshots, the_update_switch_is_an_environment_variable) {
  TempDir dir;
  cdk::test::ScopedEnv update("CDKPP_UPDATE_SNAPSHOTS", "1");

  EXPECT_EQ(match_snapshot(kTemplate, dir / "Stack.template.json"), SnapshotOutcome::written);
}

TEST(snapshots, a_missing_snapshot_says_how_to_write_it) {
  TempDir dir;
  cdk::test::ScopedEnv update("CDKPP_UPDATE_SNAPSHOTS", nullptr);

  EXPECT_EQ(error_of<AssertionError>([&] { match_snapshot(kTemplate, dir / "None.json"); }),
            "the snapshot '" + (dir / "None.json").string() +
                "' does not exist; run with CDKPP_UPDATE_SNAPSHOTS=1 to write it");
}

TEST(snapshots, a_snapshot_that_is_not_json_is_reported) {
  TempDir dir;
  write_file(dir / "Bad.json", "{");

  const std::string message =
      error_of<AssertionError>([&] { match_snapshot(kTemplate, dir / "Bad.json", false); });
  EXPECT_EQ(message.rfind("the snapshot '" + (dir / "Bad.json").string() + "' is not JSON: ", 0),
            0u)
      << message;
}

}  // namespace
