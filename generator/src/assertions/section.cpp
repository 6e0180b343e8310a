// cdkpp: matching a template section and describing the closest misses.
// SPDX-License-Identifier: Apache-2.0
#include "section.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "literal.hpp"

namespace cdk::assertions::detail {
namespace {

constexpr std::size_t kClosestShown = 3;
constexpr std::size_t kTriedShown = 20;

std::string tried_list(const std::vector<const std::pair<std::string, MatchResult>*>& ranked) {
  std::string list;
  for (std::size_t i = 0; i < ranked.size() && i < kTriedShown; ++i) {
    list += (i == 0 ? "" : ", ") + ranked[i]->first;
  }
  if (ranked.size() > kTriedShown) {
    list += fmt::format(" and {} more", ranked.size() - kTriedShown);
  }
  return list;
}

}  // namespace

SectionMatch match_section(const Json& entries, const Pattern& pattern) {
  SectionMatch match;
  for (const auto& [id, entry] : entries.items()) {
    MatchResult result = match_value(pattern, entry);
    if (result.has_failed()) {
      match.misses.emplace_back(id, std::move(result));
    } else {
      match.matches[id] = entry;
    }
  }
  return match;
}

std::string section_failure(const Json& entries, const SectionMatch& match,
                            const std::string& qualifier) {
  std::string message = fmt::format("Template has {} {}", entries.size(), qualifier);
  if (entries.empty()) return message + ".\nNo matches found";
  message += ", but none match as expected.\n";

  // The cheapest misses first, by logical ID on a tie.
  std::vector<const std::pair<std::string, MatchResult>*> ranked;
  for (const auto& miss : match.misses) ranked.push_back(&miss);
  std::sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) {
    const std::size_t ca = a->second.failure_cost();
    const std::size_t cb = b->second.failure_cost();
    return ca != cb ? ca < cb : a->first < b->first;
  });

  // Beyond the AWS CDK's text: every entry tried, and the closest one's mismatches by path.
  message += "Tried, closest first: " + tried_list(ranked) + "\n";
  const auto& [closest_id, closest] = *ranked.front();
  message += fmt::format("The closest, {}, has {} mismatch{}:", closest_id,
                         closest.failures().size(), closest.failures().size() == 1 ? "" : "es");
  for (const MatchFailure& failure : closest.failures()) {
    message += fmt::format("\n  {}: {}", pointer_of(failure.path), failure.message);
  }

  ranked.resize(std::min(ranked.size(), kClosestShown));
  message += fmt::format("\nThe {} closest matches:", ranked.size());
  for (const auto* miss : ranked) {
    message += fmt::format("\n{} :: {}", miss->first,
                           miss->second.render_mismatch(entries.at(miss->first)));
  }
  return message;
}

}  // namespace cdk::assertions::detail
