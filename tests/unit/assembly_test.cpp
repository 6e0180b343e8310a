// cdkpp unit tests: the cloud assembly App::synth writes (CDK-FACTS §3): its files and their
// formatting, the manifest, nested assemblies for stages, determinism and what a failing
// synth leaves behind.
// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/assertions/template.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stage.hpp"
#include "hashing.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using cdk::Json;
using cdk::test::keys_of;
using cdk::test::list_dir;
using cdk::test::read_file;
using cdk::test::read_json;
using Names = std::vector<std::string>;

// The app that aws-cdk-lib 2.276 synthesized for the reference values: an agnostic stack and
// an environment-specific one holding a queue each, a region-only stack and a stack in a stage.
void build_reference_app(cdk::App& app) {
  app.add<cdk::Stack>("Agnostic").add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  app.add<cdk::Stack>("Specific",
                      cdk::StackProps{.env = cdk::Environment{"123456789012", "eu-west-1"}})
      .add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  app.add<cdk::Stack>("Partial",
                      cdk::StackProps{.env = cdk::Environment{std::nullopt, "us-east-1"}});
  app.add<cdk::Stage>("Beta").add<cdk::Stack>("Svc");
}

class ReferenceAssembly : public ::testing::Test {
 protected:
  void SetUp() override {
    build_reference_app(app_);
    app_.synth(out_);
  }

  cdk::App app_;
  cdk::test::TempDir dir_;
  fs::path out_ = dir_ / "cdk.out";
};

TEST_F(ReferenceAssembly, writes_the_files_of_the_root_and_the_nested_assembly) {
  EXPECT_EQ(list_dir(out_),
            (Names{"Agnostic.assets.json", "Agnostic.template.json", "Partial.assets.json",
                   "Partial.template.json", "Specific.assets.json", "Specific.template.json",
                   "assembly-Beta", "cdk.out", "manifest.json", "tree.json"}));
  EXPECT_EQ(list_dir(out_ / "assembly-Beta"),
            (Names{"BetaSvc24763EBC.assets.json", "BetaSvc24763EBC.template.json", "cdk.out",
                   "manifest.json"}));
}

TEST_F(ReferenceAssembly, templates_are_byte_identical_to_the_aws_cdk) {
  // sha256 of the template files aws-cdk-lib 2.276 wrote for the same stacks.
  using cdk::detail::sha256_hex;
  EXPECT_EQ(sha256_hex(read_file(out_ / "Agnostic.template.json")),
            "7cf69454ef3c22936560b1ea46c05d13844e1bad86459d9055f66ecdc4a97118");
  EXPECT_EQ(sha256_hex(read_file(out_ / "Specific.template.json")),
            "ea2f87c586ca4e2179d807f1880492556f8c9f06e2d62470900015f9b104bddb");
  EXPECT_EQ(sha256_hex(read_file(out_ / "Partial.template.json")),
            "21fbb51d7b23f6a6c262b46a9caee79d744a3ac019fd45422d988b96d44b2a22");
  EXPECT_EQ(sha256_hex(read_file(out_ / "assembly-Beta" / "BetaSvc24763EBC.template.json")),
            "21fbb51d7b23f6a6c262b46a9caee79d744a3ac019fd45422d988b96d44b2a22");
}

TEST_F(ReferenceAssembly, each_file_has_the_formatting_of_the_aws_cdk) {
  const std::string manifest = read_file(out_ / "manifest.json");
  const std::string tpl = read_file(out_ / "Agnostic.template.json");
  const std::string assets = read_file(out_ / "Agnostic.assets.json");
  const std::string tree = read_file(out_ / "tree.json");

  EXPECT_EQ(manifest, Json::parse(manifest).dump(2));
  EXPECT_EQ(tpl, Json::parse(tpl).dump(1));
  EXPECT_EQ(assets, Json::parse(assets).dump(2));
  EXPECT_EQ(tree, Json::parse(tree).dump());
  const std::string version = cdk::detail::kSchemaVersion;
  EXPECT_EQ(read_file(out_ / "cdk.out"), R"({"version":")" + version + R"("})");
  EXPECT_EQ(read_file(out_ / "assembly-Beta" / "cdk.out"), R"({"version":")" + version + R"("})");
  EXPECT_EQ(manifest.substr(0, 29), "{\n  \"version\": \"" + version + "\",\n  \"a");
  EXPECT_EQ(tpl.substr(0, 17), "{\n \"Resources\": {");
  for (const std::string* text : {&manifest, &tpl, &assets, &tree}) {
    EXPECT_EQ(text->back(), '}');
  }
}

TEST_F(ReferenceAssembly, artifacts_are_nested_assemblies_then_stacks_then_the_tree) {
  const Json manifest = read_json(out_ / "manifest.json");

  EXPECT_EQ(keys_of(manifest), (Names{"version", "artifacts"}));
  EXPECT_EQ(manifest["version"], Json(cdk::detail::kSchemaVersion));
  EXPECT_EQ(keys_of(manifest["artifacts"]),
            (Names{"assembly-Beta", "Agnostic.assets", "Agnostic", "Specific.assets", "Specific",
                   "Partial.assets", "Partial", "Tree"}));
  EXPECT_EQ(manifest["artifacts"]["assembly-Beta"], Json::parse(R"({
    "type": "cdk:cloud-assembly",
    "properties": {"directoryName": "assembly-Beta", "displayName": "Beta"}
  })"));
  EXPECT_EQ(manifest["artifacts"]["Tree"],
            Json::parse(R"({"type": "cdk:tree", "properties": {"file": "tree.json"}})"));
}

TEST_F(ReferenceAssembly, the_stack_artifact_of_an_agnostic_stack) {
  const Json artifact = read_json(out_ / "manifest.json")["artifacts"]["Agnostic"];
  const std::string hash = cdk::detail::sha256_hex(read_file(out_ / "Agnostic.template.json"));
  const std::string arn = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-";
  const std::string env = "-${AWS::AccountId}-${AWS::Region}";

  const Json expected = {
      {"type", "aws:cloudformation:stack"},
      {"environment", "aws://unknown-account/unknown-region"},
      {"properties",
       {{"templateFile", "Agnostic.template.json"},
        {"terminationProtection", false},
        {"validateOnSynth", false},
        {"assumeRoleArn", arn + "deploy-role" + env},
        {"cloudFormationExecutionRoleArn", arn + "cfn-exec-role" + env},
        {"stackTemplateAssetObjectUrl", "s3://cdk-hnb659fds-assets" + env + "/" + hash + ".json"},
        {"requiresBootstrapStackVersion", 6},
        {"bootstrapStackVersionSsmParameter", "/cdk-bootstrap/hnb659fds/version"},
        {"additionalDependencies", {"Agnostic.assets"}},
        {"lookupRole",
         {{"arn", arn + "lookup-role" + env},
          {"requiresBootstrapStackVersion", 8},
          {"bootstrapStackVersionSsmParameter", "/cdk-bootstrap/hnb659fds/version"}}}}},
      {"dependencies", {"Agnostic.assets"}},
      {"metadata", Json::parse(R"({
        "/Agnostic/Queue": [{"type": "aws:cdk:logicalId", "data": "Queue"}],
        "/Agnostic/BootstrapVersion": [{"type": "aws:cdk:logicalId", "data": "BootstrapVersion"}],
        "/Agnostic/CheckBootstrapVersion":
            [{"type": "aws:cdk:logicalId", "data": "CheckBootstrapVersion"}]
      })")},
      {"displayName", "Agnostic"}};
  EXPECT_EQ(artifact, expected);
}

TEST_F(ReferenceAssembly, the_stack_artifact_of_a_specific_stack_fills_in_its_environment) {
  const Json artifact = read_json(out_ / "manifest.json")["artifacts"]["Specific"];
  const std::string hash = cdk::detail::sha256_hex(read_file(out_ / "Specific.template.json"));

  EXPECT_EQ(artifact["environment"], Json("aws://123456789012/eu-west-1"));
  EXPECT_EQ(artifact["properties"]["assumeRoleArn"],
            Json("arn:${AWS::Partition}:iam::123456789012:role/"
                 "cdk-hnb659fds-deploy-role-123456789012-eu-west-1"));
  EXPECT_EQ(artifact["properties"]["stackTemplateAssetObjectUrl"],
            Json("s3://cdk-hnb659fds-assets-123456789012-eu-west-1/" + hash + ".json"));
  EXPECT_FALSE(artifact["properties"].contains("stackName"));
}

TEST_F(ReferenceAssembly, the_asset_manifest_publishes_the_template_it_sits_beside) {
  const Json assets = read_json(out_ / "Specific.assets.json");
  const std::string hash = cdk::detail::sha256_hex(read_file(out_ / "Specific.template.json"));

  EXPECT_EQ(keys_of(assets), (Names{"version", "files", "dockerImages"}));
  EXPECT_EQ(keys_of(assets["files"]), Names{hash});
  EXPECT_EQ(assets["files"][hash]["source"],
            Json::parse(R"({"path": "Specific.template.json", "packaging": "file"})"));
  EXPECT_EQ(keys_of(assets["files"][hash]["destinations"]),
            Names{"123456789012-eu-west-1-683ae7ab"});
}

TEST_F(ReferenceAssembly, the_nested_assembly_holds_the_stage_stacks) {
  const fs::path nested = out_ / "assembly-Beta";
  const Json manifest = read_json(nested / "manifest.json");

  EXPECT_EQ(keys_of(manifest["artifacts"]), (Names{"BetaSvc24763EBC.assets", "BetaSvc24763EBC"}));
  const Json& stack = manifest["artifacts"]["BetaSvc24763EBC"];
  EXPECT_EQ(stack["displayName"], Json("Beta/Svc"));
  EXPECT_EQ(stack["properties"]["stackName"], Json("Beta-Svc"));
  EXPECT_EQ(stack["properties"]["templateFile"], Json("BetaSvc24763EBC.template.json"));
  EXPECT_EQ(stack["dependencies"], Json::parse(R"(["BetaSvc24763EBC.assets"])"));
  EXPECT_EQ(read_json(nested / "BetaSvc24763EBC.assets.json")["files"].begin().value()["source"],
            Json::parse(R"({"path": "BetaSvc24763EBC.template.json", "packaging": "file"})"));
}

TEST_F(ReferenceAssembly, tree_json_describes_the_whole_app) {
  const Json tree = read_json(out_ / "tree.json");

  EXPECT_EQ(keys_of(tree), (Names{"version", "tree"}));
  EXPECT_EQ(tree["version"], Json("tree-0.1"));
  EXPECT_EQ(tree["tree"]["id"], Json("App"));
  EXPECT_EQ(tree["tree"]["path"], Json(""));
  EXPECT_EQ(keys_of(tree["tree"]["children"]),
            (Names{"Agnostic", "Specific", "Partial", "Beta", "Tree"}));
  EXPECT_EQ(tree["tree"]["children"]["Tree"], Json::parse(R"({"id": "Tree", "path": "Tree"})"));
  EXPECT_EQ(tree["tree"]["children"]["Agnostic"]["children"]["Queue"], Json::parse(R"({
    "id": "Queue",
    "path": "Agnostic/Queue",
    "attributes": {"aws:cdk:cloudformation:type": "AWS::SQS::Queue",
                   "aws:cdk:cloudformation:props": {}}
  })"));
  EXPECT_EQ(tree["tree"]["children"]["Beta"]["children"]["Svc"]["path"], Json("Beta/Svc"));
}

TEST_F(ReferenceAssembly, a_second_synth_writes_the_same_bytes) {
  const auto first = cdk::test::snapshot(out_);

  app_.synth(out_);
  EXPECT_EQ(cdk::test::snapshot(out_), first);

  cdk::App again;
  build_reference_app(again);
  again.synth(dir_ / "again");
  EXPECT_EQ(cdk::test::snapshot(dir_ / "again"), first);
}

TEST_F(ReferenceAssembly, a_failing_synth_leaves_the_previous_assembly_untouched) {
  const auto before = cdk::test::snapshot(out_);
  auto& specific = dynamic_cast<cdk::Stack&>(app_.find_child("Specific"));
  auto& agnostic = dynamic_cast<cdk::Stack&>(app_.find_child("Agnostic"));
  auto& queue = dynamic_cast<cdk::CfnResource&>(agnostic.find_child("Queue"));
  specific.add<cdk::CfnOutput>("Bad", cdk::CfnOutputProps{.value = queue.ref()});

  try {
    app_.synth(out_);
    FAIL() << "synth should have failed";
  } catch (const cdk::ValidationError& e) {
    EXPECT_EQ(e.problems(),
              (Names{"'Specific/Bad' in stack 'Specific' (aws://123456789012/eu-west-1) cannot "
                     "reference Ref of 'Agnostic/Queue' in stack 'Agnostic' "
                     "(aws://unknown-account/unknown-region): cross-stack references are only "
                     "supported for stacks deployed to the same account"}));
  }
  EXPECT_EQ(cdk::test::snapshot(out_), before);
  EXPECT_EQ(list_dir(dir_.path()), Names{"cdk.out"});
}

TEST_F(ReferenceAssembly, a_value_that_cannot_be_written_fails_the_synth_naming_its_construct) {
  // Invalid UTF-8 passes every check until the template is turned into text, which happens
  // before anything of the new assembly is written.
  const auto before = cdk::test::snapshot(out_);
  auto& agnostic = dynamic_cast<cdk::Stack&>(app_.find_child("Agnostic"));
  agnostic.add<cdk::CfnResource>("Bad", "AWS::SSM::Parameter",
                                 cdk::Object{{"Type", "String"}, {"Value", "\xFF"}});

  const std::string message = cdk::test::error_of([&] { app_.synth(out_); });
  EXPECT_EQ(message,
            "synthesis failed with 1 error:\n  'Agnostic/Bad': cannot write json: "
            "[json.exception.type_error.316] invalid UTF-8 byte at index 0: 0xFF");
  EXPECT_EQ(cdk::test::snapshot(out_), before);
  EXPECT_EQ(list_dir(dir_.path()), Names{"cdk.out"});
}

TEST_F(ReferenceAssembly, a_synth_failing_while_writing_removes_its_staging_folder) {
  // A file the build expects and the synth does not write fails it after the staging folder
  // beside the assembly was filled.
  const auto before = cdk::test::snapshot(out_);

  const std::string message =
      cdk::test::error_of([&] { app_.synth(out_, {"Missing.template.json"}); });
  EXPECT_EQ(message, "the synth did not write 'Missing.template.json', which the build expects in '" +
                         out_.string() + "'");
  EXPECT_EQ(cdk::test::snapshot(out_), before);
  EXPECT_EQ(list_dir(dir_.path()), Names{"cdk.out"});
}

TEST(assembly, a_synth_replaces_what_the_folder_held) {
  const cdk::test::TempDir dir;
  const fs::path out = dir / "cdk.out";
  fs::create_directories(out / "stale-folder");
  cdk::test::write_file(out / "Old.template.json", "{}");
  cdk::App app;
  app.add<cdk::Stack>("Stack");

  app.synth(out);
  EXPECT_EQ(list_dir(out), (Names{"Stack.assets.json", "Stack.template.json", "cdk.out",
                                  "manifest.json", "tree.json"}));
  EXPECT_EQ(list_dir(dir.path()), Names{"cdk.out"});
}

TEST(assembly, a_staging_folder_left_by_a_killed_synth_is_removed) {
  const cdk::test::TempDir dir;
  fs::create_directories(dir / ".cdk.out.staging-999999" / "inner");
  fs::create_directories(dir / ".other.staging-1");
  cdk::App app;

  app.synth(dir / "cdk.out");
  EXPECT_EQ(list_dir(dir.path()), (Names{".other.staging-1", "cdk.out"}));
}

TEST(assembly, the_staging_folder_of_a_synth_still_running_is_kept) {
  const cdk::test::TempDir dir;
  fs::create_directories(dir / ".cdk.out.staging-1");  // process 1 is always running
  cdk::App app;

  app.synth(dir / "cdk.out");
  EXPECT_EQ(list_dir(dir.path()), (Names{".cdk.out.staging-1", "cdk.out"}));
}

TEST(assembly, a_symlinked_output_folder_stays_a_link_to_the_new_assembly) {
  const cdk::test::TempDir dir;
  fs::create_directories(dir / "real");
  fs::create_directory_symlink(dir / "real", dir / "cdk.out");
  cdk::App app;
  app.add<cdk::Stack>("Stack");

  app.synth(dir / "cdk.out");
  EXPECT_TRUE(fs::is_symlink(dir / "cdk.out"));
  EXPECT_TRUE(fs::exists(dir / "real" / "manifest.json"));
}

TEST(assembly, a_template_looked_at_before_the_tree_was_complete_does_not_change_the_synth) {
  // GIVEN two equal trees, one of them rendered by a test before its last constructs came
  auto build = [](cdk::App& app) -> cdk::Stack& {
    auto& producer = app.add<cdk::Stack>("Producer");
    auto& queue = producer.add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
    auto& consumer = app.add<cdk::Stack>("Consumer");
    consumer.add<cdk::CfnOutput>("Arn", cdk::CfnOutputProps{.value = queue.get_att("Arn")});
    return producer;
  };
  cdk::App looked_at;
  cdk::Stack& early = build(looked_at);
  cdk::assertions::Template::from_stack(early);
  early.add<cdk::CfnOutput>("Late", cdk::CfnOutputProps{.value = "late"});
  cdk::App fresh;
  build(fresh).add<cdk::CfnOutput>("Late", cdk::CfnOutputProps{.value = "late"});

  // WHEN both are synthesized THEN the assemblies are the same
  const cdk::test::TempDir dir;
  looked_at.synth(dir / "looked-at");
  fresh.synth(dir / "fresh");
  EXPECT_EQ(cdk::test::snapshot(dir / "looked-at"), cdk::test::snapshot(dir / "fresh"));
}

TEST(assembly, an_existing_file_in_place_of_the_folder_is_an_error) {
  const cdk::test::TempDir dir;
  const fs::path out = dir / "cdk.out";
  cdk::test::write_file(out, "not a folder");
  cdk::App app;

  EXPECT_EQ(cdk::test::error_of([&] { app.synth(out); }),
            "cannot write the assembly to '" + out.string() + "': it exists and is not a folder");
  EXPECT_EQ(read_file(out), "not a folder");
  EXPECT_EQ(list_dir(dir.path()), Names{"cdk.out"});
}

TEST(assembly, an_app_without_stacks_writes_only_the_tree) {
  const cdk::test::TempDir dir;
  cdk::App app;
  app.synth(dir / "out");

  EXPECT_EQ(list_dir(dir / "out"), (Names{"cdk.out", "manifest.json", "tree.json"}));
  const Json tree_artifact =
      Json::parse(R"({"type": "cdk:tree", "properties": {"file": "tree.json"}})");
  EXPECT_EQ(
      read_json(dir / "out" / "manifest.json"),
      (Json{{"version", cdk::detail::kSchemaVersion}, {"artifacts", {{"Tree", tree_artifact}}}}));
  EXPECT_EQ(read_file(dir / "out" / "tree.json"),
            R"({"version":"tree-0.1","tree":{"id":"App","path":"","children":{"Tree":)"
            R"({"id":"Tree","path":"Tree"}}}})");
}

TEST(assembly, nested_stages_nest_their_assembly_folders) {
  const cdk::test::TempDir dir;
  cdk::App app;
  auto& level1 = app.add<cdk::Stage>("StageLevel1");
  level1.add<cdk::Stage>("StageLevel2").add<cdk::Stack>("Stack");
  level1.add<cdk::Stack>("Outer");
  app.synth(dir / "out");

  const fs::path one = dir / "out" / "assembly-StageLevel1";
  const fs::path two = one / "assembly-StageLevel1-StageLevel2";
  EXPECT_EQ(keys_of(read_json(dir / "out" / "manifest.json")["artifacts"]),
            (Names{"assembly-StageLevel1", "Tree"}));
  const Json level1_manifest = read_json(one / "manifest.json");
  EXPECT_EQ(keys_of(level1_manifest["artifacts"]),
            (Names{"assembly-StageLevel1-StageLevel2", "StageLevel1Outer1BE0EA98.assets",
                   "StageLevel1Outer1BE0EA98"}));
  EXPECT_EQ(level1_manifest["artifacts"]["assembly-StageLevel1-StageLevel2"], Json::parse(R"({
    "type": "cdk:cloud-assembly",
    "properties": {"directoryName": "assembly-StageLevel1-StageLevel2",
                   "displayName": "StageLevel1/StageLevel2"}
  })"));
  EXPECT_EQ(list_dir(two), (Names{"StageLevel1StageLevel2StackCA77EA18.assets.json",
                                  "StageLevel1StageLevel2StackCA77EA18.template.json", "cdk.out",
                                  "manifest.json"}));
  EXPECT_EQ(read_json(two / "manifest.json")["artifacts"]["StageLevel1StageLevel2StackCA77EA18"]
                                            ["properties"]["stackName"],
            Json("StageLevel1-StageLevel2-Stack"));
}

TEST(assembly, stacks_are_listed_in_post_order) {
  // A stack defined inside another stack is a separate stack, listed before its parent.
  const cdk::test::TempDir dir;
  cdk::App app;
  auto& outer = app.add<cdk::Stack>("Outer");
  outer.add<cdk::Construct>("Group").add<cdk::Stack>("Inner");
  app.add<cdk::Stack>("Last");
  app.synth(dir / "out");

  EXPECT_EQ(keys_of(read_json(dir / "out" / "manifest.json")["artifacts"]),
            (Names{"OuterGroupInner74950D66.assets", "OuterGroupInner74950D66", "Outer.assets",
                   "Outer", "Last.assets", "Last", "Tree"}));
}

TEST(assembly, explicit_stack_dependencies_come_before_the_asset_manifest) {
  const cdk::test::TempDir dir;
  cdk::App app;
  auto& first = app.add<cdk::Stack>("First");
  auto& second = app.add<cdk::Stack>("Second");
  auto& third = app.add<cdk::Stack>("Third");
  third.add_dependency(second);
  third.add_dependency(first);
  app.synth(dir / "out");

  const Json artifacts = read_json(dir / "out" / "manifest.json")["artifacts"];
  EXPECT_EQ(artifacts["Third"]["dependencies"],
            Json::parse(R"(["Second", "First", "Third.assets"])"));
  EXPECT_EQ(artifacts["First"]["dependencies"], Json::parse(R"(["First.assets"])"));
}

TEST(assembly, logical_id_metadata_can_be_turned_off) {
  const cdk::test::TempDir dir;
  cdk::App app;
  app.context().set("aws:cdk:disable-logicalId-metadata", true);
  app.add<cdk::Stack>("Stack").add<cdk::CfnResource>("Queue", "AWS::SQS::Queue");
  app.synth(dir / "out");

  EXPECT_EQ(keys_of(read_json(dir / "out" / "manifest.json")["artifacts"]["Stack"]),
            (Names{"type", "environment", "properties", "dependencies", "displayName"}));
}

TEST(assembly, templates_keep_slashes_and_non_ascii_text_as_they_are) {
  const cdk::test::TempDir dir;
  cdk::App app;
  app.add<cdk::Stack>("Stack").add<cdk::CfnResource>("Param", "AWS::SSM::Parameter",
                                                     cdk::Object{{"Type", "String"},
                                                                 {"Name", "/app/config"},
                                                                 {"Value",
                                                                  "Gr\xC3\xBC\xC3\x9F"
                                                                  "e \xE2\x9C\x93"}});
  app.synth(dir / "out");

  const std::string tpl = read_file(dir / "out" / "Stack.template.json");
  EXPECT_NE(tpl.find("\"Name\": \"/app/config\""), std::string::npos);
  EXPECT_NE(tpl.find("\"Value\": \"Gr\xC3\xBC\xC3\x9F"
                     "e \xE2\x9C\x93\""),
            std::string::npos);
}

TEST(read_text_file, returns_the_bytes_and_records_the_file_as_an_input) {
  const cdk::test::TempDir dir;
  cdk::test::write_file(dir / "page.html", "<h1>hi</h1>\n");
  fs::create_directories(dir / "sub");
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");

  EXPECT_EQ(cdk::read_text_file(stack, dir / "sub" / ".." / "page.html"), "<h1>hi</h1>\n");
  EXPECT_EQ(cdk::read_text_file(stack, dir / "page.html"), "<h1>hi</h1>\n");
  EXPECT_EQ(app.inputs(), std::vector<fs::path>{dir / "page.html"});
}

TEST(read_text_file, a_missing_file_is_an_error_naming_the_scope_and_the_file) {
  const cdk::test::TempDir dir;
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  const fs::path missing = dir / "missing.txt";

  EXPECT_EQ(cdk::test::error_of([&] { cdk::read_text_file(stack, missing); }),
            "'Stack': cannot read '" + missing.string() + "': No such file or directory");
  EXPECT_TRUE(app.inputs().empty());
}

}  // namespace
