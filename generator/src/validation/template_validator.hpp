// cdkpp: checks a rendered template's resources against the CloudFormation spec at synth:
// resource types, properties at every depth (names, required ones, types, shapes), intrinsic
// functions where their result must fit, and the attributes that Fn::GetAtt reads.
// SPDX-License-Identifier: Apache-2.0
//
//   TemplateValidator validator(compiled_spec());
//   for (each stack) validator.validate(template_json, construct_paths, problems);
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cdk/value.hpp"
#include "validation/intrinsics.hpp"
#include "validation/spec_schema.hpp"

namespace cdk::detail::validation {

class TemplateValidator {
 public:
  // The spec entries are parsed when first used and kept for the validator's lifetime: make one
  // per synthesis.
  explicit TemplateValidator(SpecSource spec) : spec_(std::move(spec)) {}

  // Appends one message per problem in the template. construct_paths maps the template's
  // logical IDs to the construct paths that messages name (a logical ID without one is named
  // as it is).
  void validate(const Json& document, const std::map<std::string, std::string>& construct_paths,
                std::vector<std::string>& problems);

 private:
  void check_resource(IntrinsicTypes& intrinsics, const std::string& type, const Json& body,
                      const std::string& element, std::vector<std::string>& problems);

  SpecCache spec_;
};

}  // namespace cdk::detail::validation
