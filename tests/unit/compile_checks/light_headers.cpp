// Compile check: the headers an app includes declare cdk::Json but leave the full nlohmann
// header out. That header alone costs well over a second in every translation unit; a file
// that writes JSON literals includes it itself.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/aws/dynamodb.hpp>
#include <cdk/aws/iam.hpp>
#include <cdk/cdk.hpp>

#ifdef INCLUDE_NLOHMANN_JSON_HPP_
#error "a cdkpp header includes <nlohmann/json.hpp>; include <nlohmann/json_fwd.hpp> instead"
#endif

namespace {

// A context is made, copied and destroyed without the full header.
[[maybe_unused]] cdk::Context copy_of(const cdk::Context& context) {
  cdk::Context copy = context;
  return copy;
}

}  // namespace
