// cdkpp tests of the L2 constructs: shared helpers.
// SPDX-License-Identifier: Apache-2.0
#include "construct_test.hpp"

namespace construct_tests {

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const cdk::Error& error) {
    return error.what();
  }
  return "(no error)";
}

cdk::Json cfn_ref(const std::string& logical_id) { return {{"Ref", logical_id}}; }

cdk::Json get_att(const std::string& logical_id, const std::string& attribute) {
  return {{"Fn::GetAtt", {logical_id, attribute}}};
}

cdk::Json join(cdk::Json parts) { return {{"Fn::Join", {"", std::move(parts)}}}; }

cdk::Json arn_parts(const std::string& service) {
  return {"arn:",
          cfn_ref("AWS::Partition"),
          ":" + service + ":",
          cfn_ref("AWS::Region"),
          ":",
          cfn_ref("AWS::AccountId"),
          ":"};
}

cdk::Json StackTest::resource(const std::string& logical_id) const {
  const cdk::Json all = template_of().to_json()["Resources"];
  if (!all.contains(logical_id)) {
    ADD_FAILURE() << "no resource " << logical_id << " in " << all.dump(2);
    return nullptr;
  }
  return all[logical_id];
}

}  // namespace construct_tests
