// cdkpp: where a stack deploys: an AWS account and region, either of which may be left open.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>

namespace cdk {

// An account and region left unset make the stack environment-agnostic in that respect: the
// account or region of the credentials used at deploy time.
struct Environment {
  std::optional<std::string> account;
  std::optional<std::string> region;

  // "aws://<account|unknown-account>/<region|unknown-region>", as in the cloud assembly.
  std::string to_uri() const;

  friend bool operator==(const Environment&, const Environment&) = default;
};

}  // namespace cdk
