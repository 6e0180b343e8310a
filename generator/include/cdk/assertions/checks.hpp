// cdkpp: template assertions in a plain test program, for CTest without a test framework.
// SPDX-License-Identifier: Apache-2.0
//
//   int main(int argc, char** argv) {
//     return cdk::assertions::check_template_files(argc, argv, [](const Template& tpl,
//                                                                Checks& check) {
//       check("buckets block public access", [&] {
//         tpl.all_resources_properties("AWS::S3::Bucket", {{"BucketEncryption", ...}});
//       });
//     });
//   }
//
// Every check runs, failed or not; the program prints each failure with its message, then
// "N passed, N failed", and exits 1 when one failed. cdkpp_add_template_tests() in CMake runs such
// a program once per template of an assembly.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cdk/assertions/template.hpp"

namespace cdk::assertions {

class Checks {
 public:
  // Runs one named assertion; an AssertionError it throws is recorded and the run goes on.
  void operator()(std::string_view name, const std::function<void()>& assertion);

  // What the checks that follow are about (a file); failures are named "<subject>: <name>".
  void set_subject(std::string subject) { subject_ = std::move(subject); }

  std::size_t passed() const { return passed_; }
  std::size_t failed() const { return failures_.size(); }

  // Writes "FAILED: <name>" and the message of each failure, then "N passed, N failed".
  // Returns the exit code: 0 when every check passed, 1 otherwise.
  int report(std::ostream& out) const;

 private:
  struct Failure {
    std::string name;
    std::string message;
  };

  std::string subject_;
  std::size_t passed_ = 0;
  std::vector<Failure> failures_;
};

using TemplateChecks = std::function<void(const Template&, Checks&)>;

// The main of a program run as `<program> <template file>...`: loads each file and runs the
// checks on it, with the file as the subject of its failures; then reports. Exits 0 when all
// passed, 1 when one failed, 2 on a wrong command line or a file that is not a readable JSON
// template.
int check_template_files(int argc, char** argv, const TemplateChecks& checks);

}  // namespace cdk::assertions
