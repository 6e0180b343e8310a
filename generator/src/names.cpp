// cdkpp: the AWS CDK's naming rules (aws-cdk-lib core: uniqueid, unique-resource-name).
// SPDX-License-Identifier: Apache-2.0
#include "cdk/names.hpp"

#include <algorithm>
#include <cctype>

#include "cdk/errors.hpp"
#include "hashing.hpp"

namespace cdk::names {
namespace {

constexpr std::string_view kHiddenId = "Default";
constexpr std::string_view kHiddenFromHumanId = "Resource";
constexpr std::size_t kHashLength = 8;
constexpr std::size_t kMaxHumanLength = 240;
constexpr std::size_t kMaxIdLength = 255;

bool is_alphanumeric(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

std::vector<std::string> without_hidden(const std::vector<std::string>& components) {
  std::vector<std::string> kept;
  for (const std::string& component : components) {
    if (component != kHiddenId) kept.push_back(component);
  }
  return kept;
}

// Drops a component when the last kept one ends with it ("Pipeline/Pipeline" reads once).
std::vector<std::string> remove_dupes(const std::vector<std::string>& components) {
  std::vector<std::string> kept;
  for (const std::string& component : components) {
    if (!kept.empty() && kept.back().ends_with(component)) continue;
    kept.push_back(component);
  }
  return kept;
}

std::string keep_allowed(std::string_view text, std::string_view allowed_specials) {
  std::string result;
  for (char c : text) {
    if (is_alphanumeric(c) || allowed_specials.find(c) != std::string_view::npos) {
      result.push_back(c);
    }
  }
  return result;
}

std::string split_in_middle(const std::string& text, std::size_t max_length) {
  const std::size_t half = max_length / 2;
  return text.substr(0, half) + text.substr(text.size() - half);
}

// Primary collation weight of an ASCII character, in the order of the Unicode root collation
// that JavaScript's localeCompare uses: punctuation and symbols, then digits, then letters.
int primary_weight(unsigned char c) {
  static constexpr std::string_view kPunctuation = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
  if (std::isdigit(c)) return 100 + (c - '0');
  if (std::isalpha(c)) return 200 + (std::tolower(c) - 'a');
  const auto at = kPunctuation.find(static_cast<char>(c));
  return at == std::string_view::npos ? 99 : static_cast<int>(at);
}

}  // namespace

std::string remove_non_alphanumeric(std::string_view text) { return keep_allowed(text, ""); }

std::string path_hash(const std::vector<std::string>& components) {
  std::string joined;
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (i > 0) joined.push_back('/');
    joined += components[i];
  }
  std::string hash = detail::md5_hex(joined).substr(0, kHashLength);
  std::transform(hash.begin(), hash.end(), hash.begin(), ::toupper);
  return hash;
}

std::string make_unique_id(const std::vector<std::string>& raw_components) {
  const std::vector<std::string> components = without_hidden(raw_components);
  if (components.empty()) {
    throw Error("unable to calculate a unique id for an empty set of components");
  }

  if (components.size() == 1) {
    std::string candidate = remove_non_alphanumeric(components[0]);
    if (candidate.size() <= kMaxIdLength) return candidate;
  }

  std::string human;
  for (const std::string& component : remove_dupes(components)) {
    if (component == kHiddenFromHumanId) continue;
    human += remove_non_alphanumeric(component);
  }
  if (human.size() > kMaxHumanLength) human.resize(kMaxHumanLength);
  return human + path_hash(components);
}

std::string make_unique_resource_name(const std::vector<std::string>& raw_components,
                                      std::size_t max_length, std::string_view separator,
                                      std::string_view allowed_specials) {
  const std::vector<std::string> components = without_hidden(raw_components);
  if (components.empty()) {
    throw Error("unable to calculate a unique resource name for an empty set of components");
  }

  if (components.size() == 1) {
    std::string candidate = keep_allowed(components[0], allowed_specials);
    if (candidate.size() <= max_length) return candidate;
  }

  std::string human;
  bool first = true;
  for (const std::string& component : remove_dupes(components)) {
    if (component == kHiddenFromHumanId) continue;
    std::string kept = keep_allowed(component, allowed_specials);
    if (kept.empty()) continue;
    if (!first) human += separator;
    human += kept;
    first = false;
  }
  human += separator;

  const std::size_t max_human = max_length - kHashLength;
  if (human.size() > max_human) human = split_in_middle(human, max_human);
  return human + path_hash(components);
}

bool is_valid_logical_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength &&
         std::all_of(id.begin(), id.end(), is_alphanumeric);
}

bool locale_less(std::string_view lhs, std::string_view rhs) {
  const std::size_t common = std::min(lhs.size(), rhs.size());
  for (std::size_t i = 0; i < common; ++i) {
    const int a = primary_weight(static_cast<unsigned char>(lhs[i]));
    const int b = primary_weight(static_cast<unsigned char>(rhs[i]));
    if (a != b) return a < b;
  }
  if (lhs.size() != rhs.size()) return lhs.size() < rhs.size();

  // Equal but for case: lower case sorts first, as in the root collation.
  for (std::size_t i = 0; i < common; ++i) {
    if (lhs[i] != rhs[i]) return std::islower(static_cast<unsigned char>(lhs[i])) != 0;
  }
  return false;
}

}  // namespace cdk::names
