// cdkpp: message digests (through OpenSSL) as lowercase hex.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace cdk::detail {

// A SHA-256 fed piece by piece, for contents too large to hold at once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& update(std::string_view data);
  // The digest of everything fed so far, as lowercase hex; the hash takes no more data after.
  std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

std::string md5_hex(std::string_view data);
std::string sha256_hex(std::string_view data);

}  // namespace cdk::detail
