// cdkpp unit tests: template assertions from GoogleTest (EXPECT_TEMPLATE, ASSERT_TEMPLATE) and
// from plain programs (Checks, check_template_files).
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/checks.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "cdk/assertions/gtest.hpp"
#include "test_support.hpp"

namespace {

using cdk::assertions::AssertionError;
using cdk::assertions::Checks;
using cdk::assertions::Template;
using cdk::test::TempDir;
using cdk::test::write_file;

const char* kQueueTemplate =
    R"({"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}}})";

// Static: the statements of EXPECT_FATAL_FAILURE may not use local variables.
const Template& queue_template() {
  static const Template tpl = Template::from_string(kQueueTemplate);
  return tpl;
}

TEST(gtest_integration, a_holding_assertion_reports_nothing) {
  EXPECT_TEMPLATE(queue_template().resource_count_is("AWS::SQS::Queue", 1));
  ASSERT_TEMPLATE(queue_template().has_resource_properties("AWS::SQS::Queue",
                                                           {{"DelaySeconds", 5}}));
}

TEST(gtest_integration, expect_template_reports_the_assertions_message_and_goes_on) {
  EXPECT_NONFATAL_FAILURE(
      EXPECT_TEMPLATE(queue_template().resource_count_is("AWS::SQS::Queue", 2)),
      "template assertion failed: queue_template().resource_count_is(\"AWS::SQS::Queue\", 2)\n"
      "Expected 2 resources of type AWS::SQS::Queue but found 1");
}

TEST(gtest_integration, assert_template_ends_the_test_with_the_message) {
  EXPECT_FATAL_FAILURE(ASSERT_TEMPLATE(queue_template().has_resource_properties(
                           "AWS::SQS::Queue", {{"DelaySeconds", 10}})),
                       "/Properties/DelaySeconds: Expected 10 but received 5");
}

TEST(gtest_integration, a_dangling_else_stays_with_its_own_if) {
  bool else_taken = false;
  if (else_taken)
    EXPECT_TEMPLATE(queue_template().resource_count_is("AWS::SQS::Queue", 1));
  else
    else_taken = true;
  EXPECT_TRUE(else_taken);
}

TEST(checks, every_check_runs_and_the_report_lists_the_failures) {
  const Template& tpl = queue_template();
  Checks check;
  check("one queue", [&] { tpl.resource_count_is("AWS::SQS::Queue", 1); });
  check("two topics", [&] { tpl.resource_count_is("AWS::SNS::Topic", 2); });
  check("no topic", [&] { tpl.resource_count_is("AWS::SNS::Topic", 0); });

  std::ostringstream out;
  EXPECT_EQ(check.report(out), 1);
  EXPECT_EQ(out.str(),
            "FAILED: two topics\n"
            "Expected 2 resources of type AWS::SNS::Topic but found 0\n"
            "\n"
            "2 passed, 1 failed\n");
}

TEST(checks, an_error_that_is_not_an_assertion_propagates) {
  Checks check;
  EXPECT_THROW(check("bad", [] { throw cdk::Error("broken"); }), cdk::Error);
  EXPECT_EQ(check.passed() + check.failed(), 0U);
}

// Runs check_template_files on the files as a program's command line.
int run_on(std::vector<std::string> files, const cdk::assertions::TemplateChecks& checks) {
  std::vector<char*> argv{const_cast<char*>("checks")};
  for (std::string& file : files) argv.push_back(file.data());
  return cdk::assertions::check_template_files(static_cast<int>(argv.size()), argv.data(), checks);
}

TEST(check_template_files, names_each_failure_after_its_file_and_exits_one) {
  TempDir dir;
  write_file(dir / "A.template.json", kQueueTemplate);
  write_file(dir / "B.template.json", R"({"Resources": {}})");
  const auto one_queue = [](const Template& tpl, Checks& check) {
    check("one queue", [&] { tpl.resource_count_is("AWS::SQS::Queue", 1); });
  };

  testing::internal::CaptureStdout();
  EXPECT_EQ(run_on({(dir / "A.template.json").string(), (dir / "B.template.json").string()},
                   one_queue),
            1);
  EXPECT_EQ(testing::internal::GetCapturedStdout(),
            "FAILED: " + (dir / "B.template.json").string() +
                ": one queue\n"
                "Expected 1 resources of type AWS::SQS::Queue but found 0\n"
                "\n"
                "1 passed, 1 failed\n");

  testing::internal::CaptureStdout();
  EXPECT_EQ(run_on({(dir / "A.template.json").string()}, one_queue), 0);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "1 passed, 0 failed\n");
}

TEST(check_template_files, an_unreadable_file_or_no_file_exits_two) {
  TempDir dir;
  write_file(dir / "Bad.template.json", "{");
  const auto nothing = [](const Template&, Checks&) {};

  testing::internal::CaptureStderr();
  EXPECT_EQ(run_on({(dir / "Missing.template.json").string()}, nothing), 2);
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "cannot read template '" + (dir / "Missing.template.json").string() + "'\n");

  testing::internal::CaptureStderr();
  EXPECT_EQ(run_on({(dir / "Bad.template.json").string()}, nothing), 2);
  EXPECT_TRUE(testing::internal::GetCapturedStderr().starts_with(
      "template '" + (dir / "Bad.template.json").string() +
      "' is not valid json: [json.exception.parse_error.101]"));

  testing::internal::CaptureStderr();
  EXPECT_EQ(run_on({}, nothing), 2);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "usage: checks <template file>...\n");
}

}  // namespace
