// cdkpp: message digests (through OpenSSL) as lowercase hex.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace cdk::detail {

std::string md5_hex(std::string_view data);
std::string sha256_hex(std::string_view data);

}  // namespace cdk::detail
