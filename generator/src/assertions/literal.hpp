// cdkpp: the literal comparison behind the object and array matchers (internal).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "cdk/assertions/match.hpp"

namespace cdk::assertions::detail {

// The JavaScript type name of a value, as the AWS CDK reports it ("undefined" when absent).
std::string type_of(const Json* value);
// A value in a message: strings as they are, others as compact JSON, long ones shortened.
std::string describe(const Json& value);
// A value in a rendering: compact JSON, long values shortened.
std::string describe_json(const Json& value);
// "/a/0/b", escaped as a JSON pointer; "/" for the value itself.
std::string pointer_of(const JsonPath& path);
JsonPath child_path(const JsonPath& path, std::string segment);

struct CaptureState;
void add_captured(CaptureState& state, Json value);

// Compares `actual` with a literal pattern; matchers nested in it test for themselves. With
// `partial`, objects may hold keys the pattern lacks (arrays still match in full).
void match_literal(const Pattern& pattern, const Json* actual, const JsonPath& path, bool partial,
                   const std::string& name, MatchResult& result);
// Matches an array element by element, or as an ordered subsequence.
void match_array(const std::vector<Pattern>& items, const Json* actual, const JsonPath& path,
                 bool subsequence, bool partial, const std::string& name, MatchResult& result);

}  // namespace cdk::assertions::detail
