// cdkpp-codegen: C++ names for CloudFormation names.
// SPDX-License-Identifier: Apache-2.0
#include "naming.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace cdkpp::codegen {
namespace {

constexpr std::array<std::string_view, 97> kKeywords = {
    "alignas",       "alignof",     "and",
    "and_eq",        "asm",         "auto",
    "bitand",        "bitor",       "bool",
    "break",         "case",        "catch",
    "char",          "char8_t",     "char16_t",
    "char32_t",      "class",       "compl",
    "concept",       "const",       "consteval",
    "constexpr",     "constinit",   "const_cast",
    "continue",      "co_await",    "co_return",
    "co_yield",      "decltype",    "default",
    "delete",        "do",          "double",
    "dynamic_cast",  "else",        "enum",
    "explicit",      "export",      "extern",
    "false",         "float",       "for",
    "friend",        "goto",        "if",
    "inline",        "int",         "long",
    "mutable",       "namespace",   "new",
    "noexcept",      "not",         "not_eq",
    "nullptr",       "operator",    "or",
    "or_eq",         "private",     "protected",
    "public",        "register",    "reinterpret_cast",
    "requires",      "return",      "short",
    "signed",        "sizeof",      "static",
    "static_assert", "static_cast", "struct",
    "switch",        "template",    "this",
    "thread_local",  "throw",       "true",
    "try",           "typedef",     "typeid",
    "typename",      "union",       "unsigned",
    "using",         "virtual",     "void",
    "volatile",      "wchar_t",     "while",
    "xor",           "xor_eq",      "final",
    "override",      "import",      "module",
    "assert"};

bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower_or_digit(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0 ||
         std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Mixed-case terms that are one word each, though their capitals say otherwise.
constexpr std::array<std::string_view, 16> kTerms = {
    "OAuth", "IPv4", "IPv6",  "GiB",    "MiB", "KiB", "TiB", "PiB",
    "vCPU",  "iOS",  "macOS", "DNSSec", "FSx", "IoT", "IdC", "DDoS"};

// How many characters of name, from at, a known term takes: the term, its plural 's', and
// nothing when a lower-case letter follows (then it is the start of a longer word).
std::size_t term_at(const std::string& name, std::size_t at) {
  for (std::string_view term : kTerms) {
    if (name.compare(at, term.size(), term) != 0) continue;
    std::size_t end = at + term.size();
    if (end < name.size() && name[end] == 's') ++end;
    if (end == name.size() || !std::islower(static_cast<unsigned char>(name[end]))) {
      return end - at;
    }
  }
  return 0;
}

// The snake_case words of name, keywords not yet avoided.
std::string snake_words(const std::string& name) {
  std::string out;
  auto start_word = [&] {
    if (!out.empty() && out.back() != '_') out += '_';
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      out += '_';
      continue;
    }
    if (const std::size_t length = term_at(name, i); length > 0) {
      start_word();
      for (std::size_t k = 0; k < length; ++k) {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i + k])));
      }
      i += length - 1;
      // A word starts after the term; a digit stays with it ("OAuth2").
      if (i + 1 < name.size() && std::isalpha(static_cast<unsigned char>(name[i + 1]))) out += '_';
      continue;
    }
    if (is_upper(c) && i > 0) {
      const char before = name[i - 1];
      const bool after_lower = is_lower_or_digit(before);
      // The last capital of an acronym starts the next word ("SSESpecification"), unless the
      // lower-case letter is the plural 's' of the acronym ("CNAMEs", "SecurityGroupIDs").
      const bool next_lower =
          i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1])) != 0;
      const bool plural_s =
          next_lower && name[i + 1] == 's' &&
          (i + 2 == name.size() || !std::islower(static_cast<unsigned char>(name[i + 2])));
      const bool ends_acronym = is_upper(before) && next_lower && !plural_s;
      if (after_lower || ends_acronym) start_word();
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }

  std::string tidy;
  for (char c : out) {
    if (c == '_' && (tidy.empty() || tidy.back() == '_')) continue;
    tidy += c;
  }
  while (!tidy.empty() && tidy.back() == '_') tidy.pop_back();
  return tidy;
}

}  // namespace

std::string snake_case(const std::string& name) {
  std::string words = snake_words(name);
  // An identifier cannot start with a digit: "3DSettings" -> "p_3d_settings".
  if (words.empty() || std::isdigit(static_cast<unsigned char>(words.front()))) {
    words = "p_" + words;
  }
  if (std::find(kKeywords.begin(), kKeywords.end(), words) != kKeywords.end()) words += '_';
  return words;
}

std::string class_name(const std::string& resource_name) { return "Cfn" + resource_name; }

std::string struct_name(const std::string& nested_type_name) {
  return nested_type_name + "Property";
}

std::string attribute_function(const std::string& attribute_name) {
  return "attr_" + snake_words(attribute_name);
}

}  // namespace cdkpp::codegen
