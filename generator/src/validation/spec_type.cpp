// cdkpp: parsing the spec's type vocabulary.
// SPDX-License-Identifier: Apache-2.0
#include "validation/spec_type.hpp"

#include <fmt/format.h>

#include "cdk/errors.hpp"

namespace cdk::detail::validation {
namespace {

struct Primitive {
  std::string_view word;
  SpecType::Kind kind;
};

constexpr Primitive kPrimitives[] = {
    {"string", SpecType::Kind::string},
    {"integer", SpecType::Kind::integer},
    {"number", SpecType::Kind::number},
    {"boolean", SpecType::Kind::boolean},
    {"timestamp", SpecType::Kind::timestamp},
    {"json", SpecType::Kind::json},
    {"tag", SpecType::Kind::tag},
};

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// A recursive descent over the grammar: type := member ("|" member)*.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  SpecType parse() {
    SpecType type = parse_union();
    if (pos_ != text_.size()) fail();
    return type;
  }

 private:
  SpecType parse_union() {
    SpecType first = parse_member();
    if (!at('|')) return first;

    SpecType any_of{SpecType::Kind::any_of, "", {std::move(first)}};
    while (at('|')) {
      ++pos_;
      any_of.members.push_back(parse_member());
    }
    return any_of;
  }

  SpecType parse_member() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    const std::string_view word = text_.substr(start, pos_ - start);
    if (word.empty()) fail();

    if ((word == "list" || word == "map") && at('<')) {
      ++pos_;
      SpecType element = parse_union();
      if (!at('>')) fail();
      ++pos_;
      const auto kind = word == "list" ? SpecType::Kind::list : SpecType::Kind::map;
      return SpecType{kind, "", {std::move(element)}};
    }
    for (const Primitive& primitive : kPrimitives) {
      if (word == primitive.word) return SpecType{primitive.kind, "", {}};
    }
    if (word.front() < 'A' || word.front() > 'Z') fail();
    return SpecType{SpecType::Kind::named, std::string(word), {}};
  }

  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

  [[noreturn]] void fail() const {
    throw Error(fmt::format("the spec type '{}' is not in the type grammar (at character {})",
                            text_, pos_ + 1));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

SpecType parse_spec_type(std::string_view text) { return Parser(text).parse(); }

std::string to_string(const SpecType& type) {
  switch (type.kind) {
    case SpecType::Kind::named:
      return type.name;
    case SpecType::Kind::list:
      return "list<" + to_string(type.members.front()) + ">";
    case SpecType::Kind::map:
      return "map<" + to_string(type.members.front()) + ">";
    case SpecType::Kind::any_of: {
      std::string text;
      for (const SpecType& member : type.members) {
        text += (text.empty() ? "" : "|") + to_string(member);
      }
      return text;
    }
    default:
      break;
  }
  for (const Primitive& primitive : kPrimitives) {
    if (primitive.kind == type.kind) return std::string(primitive.word);
  }
  return "json";
}

}  // namespace cdk::detail::validation
