// cdkpp: the exception family.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/errors.hpp"

#include <utility>

namespace cdk {
namespace {

std::string join_problems(const std::vector<std::string>& problems) {
  std::string text = problems.size() == 1
                         ? "synthesis failed with 1 error:"
                         : "synthesis failed with " + std::to_string(problems.size()) + " errors:";
  for (const std::string& problem : problems) text += "\n  " + problem;
  return text;
}

}  // namespace

ValidationError::ValidationError(std::vector<std::string> problems)
    : Error(join_problems(problems)), problems_(std::move(problems)) {}

}  // namespace cdk
