// cdkpp: the wording shared by the spec checks.
// SPDX-License-Identifier: Apache-2.0
#include "validation/messages.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace cdk::detail::validation {
namespace {

constexpr std::size_t kShortValueLength = 40;

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Optimal string alignment distance (edits, with swaps of neighbours), ignoring case.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

bool is_plain_word(const std::string& key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
}

}  // namespace

std::string shorten(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() <= kShortValueLength) return text;

  // Cut before a UTF-8 continuation byte, never inside a character.
  std::size_t cut = kShortValueLength - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

std::string describe_literal(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::string:
      return "string " + shorten(value);
    case Json::value_t::boolean:
      return "boolean " + shorten(value);
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "integer " + shorten(value);
    case Json::value_t::number_float:
      return "number " + shorten(value);
    case Json::value_t::array:
      return "list " + shorten(value);
    default:
      return "object " + shorten(value);
  }
}

std::string member_path(const std::string& path, const std::string& key) {
  const std::string step = is_plain_word(key) ? key : "[" + Json(key).dump() + "]";
  if (path.empty() || step.front() == '[') return path + step;
  return path + "." + step;
}

std::string item_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::optional<std::string> closest_name(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  // A short word can be one edit away from many others; a longer one may take two.
  const std::size_t allowed = word.size() < 6 ? 1 : 2;
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  bool tie = false;
  for (const std::string& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance) {
      tie = true;
    }
  }
  if (!best || tie) return std::nullopt;
  return best;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace cdk::detail::validation
