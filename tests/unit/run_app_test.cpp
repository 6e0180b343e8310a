// cdkpp unit tests: cdk::run_app, the main() of an app: its command line, the context it
// builds, the depfile, and the exit code and message on an error.
// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stack.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using cdk::test::read_file;

struct AppRun {
  int exit_code;
  std::string stderr_text;
};

// Calls run_app as an executable named "app" given args, capturing what it prints to stderr.
AppRun run(std::vector<std::string> args, const std::function<void(cdk::App&)>& build) {
  args.insert(args.begin(), "app");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  ::testing::internal::CaptureStderr();
  const int code = cdk::run_app(static_cast<int>(args.size()), argv.data(), build);
  return {code, ::testing::internal::GetCapturedStderr()};
}

void one_stack(cdk::App& app) { app.add<cdk::Stack>("Stack"); }

// Runs every test without the variables the AWS CDK CLI sets, unless a test sets them.
class RunAppTest : public ::testing::Test {
 protected:
  cdk::test::ScopedEnv no_outdir_{"CDK_OUTDIR", nullptr};
  cdk::test::ScopedEnv no_context_{"CDK_CONTEXT_JSON", nullptr};
  cdk::test::TempDir dir_;
  fs::path out_ = dir_ / "cdk.out";
};

TEST_F(RunAppTest, synthesizes_into_the_output_folder) {
  const AppRun result = run({"--output", out_.string()}, one_stack);

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.stderr_text, "");
  EXPECT_TRUE(fs::exists(out_ / "manifest.json"));
  EXPECT_TRUE(fs::exists(out_ / "Stack.template.json"));
}

TEST_F(RunAppTest, the_output_defaults_to_cdk_outdir) {
  const cdk::test::ScopedEnv outdir("CDK_OUTDIR", (dir_ / "from-env").c_str());

  EXPECT_EQ(run({}, one_stack).exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "from-env" / "manifest.json"));
}

TEST_F(RunAppTest, context_pairs_reach_the_app) {
  std::string stage;
  std::int64_t replicas = 0;
  const AppRun result =
      run({"-o", out_.string(), "-c", "stage=prod", "--context", "replicas=3", "-c", "note=a=b"},
          [&](cdk::App& app) {
            stage = app.context().get_string("stage");
            replicas = app.context().get_int("replicas");
            EXPECT_EQ(app.context().get_string("note"), "a=b");
          });

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(stage, "prod");
  EXPECT_EQ(replicas, 3);
}

TEST_F(RunAppTest, an_error_is_printed_with_its_source_and_exits_with_1) {
  const AppRun result = run({"-o", out_.string(), "-c", "stage=qa"}, [](cdk::App& app) {
    app.context().get_enum("stage", {"dev", "prod"});
  });

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.stderr_text,
            "error: context value 'stage' is 'qa' (from -c stage=qa): expected one of dev, prod\n");
  EXPECT_FALSE(fs::exists(out_));
}

TEST_F(RunAppTest, a_context_pair_needs_a_key_and_an_equals_sign) {
  for (const char* pair : {"novalue", "=value"}) {
    SCOPED_TRACE(pair);
    const AppRun result = run({"-o", out_.string(), "-c", pair}, one_stack);

    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.stderr_text, "error: -c '" + std::string(pair) + "': expected key=value\n");
  }
}

TEST_F(RunAppTest, a_context_file_names_each_value_source) {
  const fs::path file = dir_ / "context.json";
  cdk::test::write_file(file, R"({"context": {"stage": "qa", "region": "eu-west-1"},
                                  "sources": {"stage": "CMake cache variable CDKPP_STAGE"}})");
  std::string region;
  const AppRun result =
      run({"-o", out_.string(), "--context-file", file.string()}, [&](cdk::App& app) {
        region = app.context().get_string("region");
        app.context().get_enum("stage", {"dev", "prod"});
      });

  EXPECT_EQ(region, "eu-west-1");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.stderr_text,
            "error: context value 'stage' is 'qa' (from CMake cache variable CDKPP_STAGE): "
            "expected one of dev, prod\n");
}

TEST_F(RunAppTest, pairs_override_files_which_override_cdk_context_json) {
  const cdk::test::ScopedEnv json("CDK_CONTEXT_JSON", R"({"a": "env", "b": "env", "c": "env"})");
  const fs::path file = dir_ / "context.json";
  cdk::test::write_file(file, R"({"b": "file", "c": "file"})");
  std::vector<std::string> seen;
  const AppRun result = run({"-o", out_.string(), "--context-file", file.string(), "-c", "c=pair"},
                            [&](cdk::App& app) {
                              for (const char* key : {"a", "b", "c"}) {
                                seen.push_back(app.context().get_string(key));
                              }
                            });

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(seen, (std::vector<std::string>{"env", "file", "pair"}));
}

TEST_F(RunAppTest, cdk_context_json_is_named_as_the_source) {
  const cdk::test::ScopedEnv json("CDK_CONTEXT_JSON", R"({"replicas": "many"})");
  const AppRun result =
      run({"-o", out_.string()}, [](cdk::App& app) { app.context().get_int("replicas", 1, 9); });

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.stderr_text,
            "error: context value 'replicas' is 'many' (from CDK_CONTEXT_JSON): expected an "
            "integer\n");
}

TEST_F(RunAppTest, the_depfile_names_the_manifest_and_every_file_read) {
  const fs::path context_file = dir_ / "context.json";
  const fs::path page = dir_ / "page.html";
  cdk::test::write_file(context_file, "{}");
  cdk::test::write_file(page, "<p>hi</p>");
  const fs::path depfile = dir_ / "synth.d";

  const AppRun result = run(
      {"-o", out_.string(), "--context-file", context_file.string(), "--depfile", depfile.string()},
      [&](cdk::App& app) {
        auto& stack = app.add<cdk::Stack>("Stack");
        stack.add<cdk::CfnResource>(
            "Page", "AWS::SSM::Parameter",
            cdk::Object{{"Type", "String"}, {"Value", cdk::read_text_file(stack, page)}});
      });

  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(read_file(depfile), (out_ / "manifest.json").string() + ": \\\n  " +
                                    context_file.string() + " \\\n  " + page.string() + "\n");
  EXPECT_FALSE(fs::exists(dir_ / "synth.d.tmp"));
}

TEST_F(RunAppTest, the_depfile_escapes_spaces_and_dollars) {
  const fs::path folder = dir_ / "my $dir";
  fs::create_directories(folder);
  const fs::path page = folder / "a page.txt";
  cdk::test::write_file(page, "x");
  const fs::path depfile = dir_ / "synth.d";

  const AppRun result =
      run({"-o", (folder / "out").string(), "--depfile", depfile.string()},
          [&](cdk::App& app) { cdk::read_text_file(app.add<cdk::Stack>("Stack"), page); });

  EXPECT_EQ(result.exit_code, 0);
  const std::string escaped_dir = dir_.path().string() + "/my\\ $$dir";
  EXPECT_EQ(read_file(depfile),
            escaped_dir + "/out/manifest.json: \\\n  " + escaped_dir + "/a\\ page.txt\n");
}

TEST_F(RunAppTest, a_failed_synth_writes_neither_assembly_nor_depfile) {
  const fs::path depfile = dir_ / "synth.d";
  auto build = [](cdk::App& app) {
    app.add<cdk::Stack>("Stack")
        .add<cdk::CfnResource>("Queue", "AWS::SQS::Queue")
        .override_logical_id("bad_id");
  };
  const AppRun result = run({"-o", out_.string(), "--depfile", depfile.string()}, build);

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.stderr_text,
            "error: synthesis failed with 1 error:\n"
            "  'Stack/Queue': logical id 'bad_id' must match ^[A-Za-z0-9]{1,255}$\n");
  EXPECT_FALSE(fs::exists(out_));
  EXPECT_FALSE(fs::exists(depfile));
}

TEST_F(RunAppTest, any_exception_from_the_build_is_reported) {
  const AppRun result =
      run({"-o", out_.string()}, [](cdk::App&) { throw std::runtime_error("the build gave up"); });

  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.stderr_text, "error: the build gave up\n");
}

TEST_F(RunAppTest, an_expected_output_must_be_written) {
  const AppRun ok = run({"-o", out_.string(), "--expect", "Stack.template.json"}, one_stack);
  EXPECT_EQ(ok.exit_code, 0);
  const auto before = cdk::test::snapshot(out_);

  // A different app, so that an assembly swapped in by mistake would show.
  const AppRun missing = run({"-o", out_.string(), "--expect", "Other.template.json"},
                             [](cdk::App& app) { app.add<cdk::Stack>("Changed"); });
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(cdk::test::snapshot(out_), before) << "the previous assembly must stay";
  EXPECT_EQ(missing.stderr_text,
            "error: the synth did not write 'Other.template.json', which "
            "the build expects in '" +
                out_.string() + "'\n");
}

TEST_F(RunAppTest, an_unknown_option_is_a_usage_error) {
  bool built = false;
  const AppRun result = run({"--bogus"}, [&](cdk::App&) { built = true; });

  EXPECT_NE(result.exit_code, 0);
  EXPECT_FALSE(built);
  EXPECT_NE(result.stderr_text.find("--bogus"), std::string::npos) << result.stderr_text;
}

}  // namespace
