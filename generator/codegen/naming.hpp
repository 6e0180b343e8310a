// cdkpp-codegen: C++ names for CloudFormation names.
// SPDX-License-Identifier: Apache-2.0
//
// The rule is the README's ("Typed resources", "Names"): AWS::DynamoDB::Table is the class
// cdk::aws::dynamodb::CfnTable in <cdk/aws/dynamodb.hpp>, its nested type KeySchema the struct
// CfnTable::KeySchemaProperty, its property SSESpecification the field sse_specification, its
// attribute Endpoint.Address the function attr_endpoint_address().
#pragma once

#include <string>

namespace cdkpp::codegen {

// "SSESpecification" -> "sse_specification"; never a C++ keyword.
std::string snake_case(const std::string& name);

std::string class_name(const std::string& resource_name);
std::string struct_name(const std::string& nested_type_name);
std::string attribute_function(const std::string& attribute_name);

}  // namespace cdkpp::codegen
