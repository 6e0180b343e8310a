// cdkpp: the one exception family the library throws.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace cdk {

// Every error the library reports. Messages are lowercase, quote the bad value and say where:
// the construct path, the property path or the preset variable.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Synthesis found one or more problems; all of them are collected before it stops.
class ValidationError : public Error {
 public:
  explicit ValidationError(std::vector<std::string> problems);

  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

}  // namespace cdk
