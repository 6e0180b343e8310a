// cdkpp: named checks for plain test programs, and the main of a template-checking program.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/checks.hpp"

#include <iostream>
#include <ostream>
#include <utility>
#include <vector>

namespace cdk::assertions {

void Checks::operator()(std::string_view name, const std::function<void()>& assertion) {
  try {
    assertion();
    ++passed_;
  } catch (const AssertionError& failure) {
    std::string named = subject_.empty() ? std::string(name) : subject_ + ": " + std::string(name);
    failures_.push_back(Failure{std::move(named), failure.what()});
  }
}

int Checks::report(std::ostream& out) const {
  for (const Failure& failure : failures_) {
    out << "FAILED: " << failure.name << "\n" << failure.message << "\n\n";
  }
  out << passed() << " passed, " << failed() << " failed\n";
  return failures_.empty() ? 0 : 1;
}

int check_template_files(int argc, char** argv, const TemplateChecks& checks) {
  if (argc < 2) {
    std::cerr << "usage: " << (argc > 0 ? argv[0] : "checks") << " <template file>...\n";
    return 2;
  }

  // Every file is loaded first: a file that cannot be read is a broken setup, not a failure.
  std::vector<Template> templates;
  for (int i = 1; i < argc; ++i) {
    try {
      templates.push_back(Template::from_file(argv[i]));
    } catch (const Error& e) {
      std::cerr << e.what() << "\n";
      return 2;
    }
  }

  Checks check;
  for (std::size_t i = 0; i < templates.size(); ++i) {
    check.set_subject(argv[i + 1]);
    checks(templates[i], check);
  }
  return check.report(std::cout);
}

}  // namespace cdk::assertions
