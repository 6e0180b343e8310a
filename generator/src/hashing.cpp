// cdkpp: message digests through OpenSSL's EVP interface.
// SPDX-License-Identifier: Apache-2.0
#include "hashing.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include "cdk/errors.hpp"

namespace cdk::detail {
namespace {

std::string to_hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

std::string digest_hex(const EVP_MD* algorithm, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, algorithm, nullptr) != 1) {
    throw Error("openssl digest failed");
  }
  return to_hex(digest, length);
}

// The algorithm, fetched from OpenSSL's providers once: a digest given EVP_sha256() or EVP_md5()
// fetches it again on every call, which costs more than hashing a logical ID's path.
struct FetchedDigest {
  explicit FetchedDigest(const char* name) : md(EVP_MD_fetch(nullptr, name, nullptr)) {
    if (md == nullptr) throw Error(fmt::format("openssl: no {} digest available", name));
  }
  ~FetchedDigest() { EVP_MD_free(md); }
  FetchedDigest(const FetchedDigest&) = delete;
  FetchedDigest& operator=(const FetchedDigest&) = delete;

  EVP_MD* md;
};

const EVP_MD* sha256() {
  static const FetchedDigest digest("SHA256");
  return digest.md;
}

const EVP_MD* md5() {
  static const FetchedDigest digest("MD5");
  return digest.md;
}

}  // namespace

struct Sha256::Context {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (context_->md == nullptr || EVP_DigestInit_ex(context_->md, sha256(), nullptr) != 1) {
    throw Error("openssl: cannot start a sha256 digest");
  }
}

Sha256::~Sha256() = default;

Sha256& Sha256::update(std::string_view data) {
  if (EVP_DigestUpdate(context_->md, data.data(), data.size()) != 1) {
    throw Error("openssl: sha256 update failed");
  }
  return *this;
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context_->md, digest, &length) != 1) {
    throw Error("openssl: sha256 final failed");
  }
  return to_hex(digest, length);
}

std::string md5_hex(std::string_view data) { return digest_hex(md5(), data); }

std::string sha256_hex(std::string_view data) { return digest_hex(sha256(), data); }

}  // namespace cdk::detail
