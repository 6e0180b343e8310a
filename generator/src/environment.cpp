// cdkpp: environments.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/environment.hpp"

namespace cdk {

std::string Environment::to_uri() const {
  return "aws://" + account.value_or("unknown-account") + "/" + region.value_or("unknown-region");
}

}  // namespace cdk
