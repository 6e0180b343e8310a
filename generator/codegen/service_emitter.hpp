// cdkpp-codegen: the header and the source of one service's typed resource classes.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "spec_model.hpp"

namespace cdkpp::codegen {

struct GeneratedService {
  std::string header_path;  // relative to the output's include folder: "cdk/aws/dynamodb.hpp"
  std::string header;
  std::string source_path;  // relative to the output's source folder: "aws/dynamodb.cpp"
  std::string source;
  int classes = 0;
};

// Throws std::runtime_error when two CloudFormation names map to one C++ name.
GeneratedService emit_service(const Service& service, const std::string& banner);

}  // namespace cdkpp::codegen
