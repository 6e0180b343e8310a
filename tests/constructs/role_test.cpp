// cdkpp tests of the L2 constructs: IAM roles and policy documents.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/aws/iam/role.hpp>
#include <cdk/aws/s3.hpp>

#include "construct_test.hpp"

namespace construct_tests {
namespace {

namespace iam = cdk::aws::iam;
using cdk::Json;

class RoleTest : public StackTest {
 protected:
  iam::Role& role_ = stack_.add<iam::Role>(
      "Role", iam::RoleProps{.assumed_by = iam::service_principal("lambda.amazonaws.com")});
};

TEST_F(RoleTest, trusts_only_its_principal) {
  EXPECT_EQ(resource(role_.resource().logical_id())["Properties"],
            Json::parse(R"({"AssumeRolePolicyDocument": {"Version": "2012-10-17",
              "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                             "Principal": {"Service": "lambda.amazonaws.com"}}]}})"));
}

TEST_F(RoleTest, has_no_inline_policy_until_a_statement_is_added) {
  EXPECT_EQ(role_.default_policy(), nullptr);
  EXPECT_TEMPLATE(template_of().resource_count_is("AWS::IAM::Policy", 0));
}

TEST_F(RoleTest, statements_go_into_one_default_policy_named_after_its_logical_id) {
  role_.add_to_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::a/*"}});
  role_.add_to_policy({.actions = {"sqs:SendMessage", "sqs:GetQueueUrl"},
                       .resources = {"arn:aws:sqs:eu-west-1:111111111111:q"}});
  // Given twice, written once.
  role_.add_to_policy({.actions = {"s3:GetObject"}, .resources = {"arn:aws:s3:::a/*"}});

  ASSERT_NE(role_.default_policy(), nullptr);
  const std::string policy_id = role_.default_policy()->logical_id();
  EXPECT_EQ(role_.default_policy()->path(), "Test/Role/DefaultPolicy/Resource");
  EXPECT_EQ(resource(policy_id)["Properties"],
            (Json{{"PolicyDocument", Json::parse(R"({"Version": "2012-10-17", "Statement": [
          {"Action": "s3:GetObject", "Effect": "Allow", "Resource": "arn:aws:s3:::a/*"},
          {"Action": ["sqs:SendMessage", "sqs:GetQueueUrl"], "Effect": "Allow",
           "Resource": "arn:aws:sqs:eu-west-1:111111111111:q"}]})")},
                  {"PolicyName", policy_id},
                  {"Roles", {cfn_ref(role_.resource().logical_id())}}}));
}

TEST_F(StackTest, a_policy_name_keeps_the_last_128_characters_of_a_long_logical_id) {
  cdk::Construct* scope = &stack_;
  for (int i = 0; i < 6; ++i) scope = &scope->add<cdk::Construct>(std::string(30, 'a' + i));
  auto& role = scope->add<iam::Role>(
      "Role", iam::RoleProps{.assumed_by = iam::service_principal("lambda.amazonaws.com")});
  role.add_to_policy({.actions = {"s3:ListBucket"}, .resources = {"arn:aws:s3:::a"}});

  const std::string id = role.default_policy()->logical_id();
  ASSERT_GT(id.size(), 128u);
  EXPECT_EQ(resource(id)["Properties"]["PolicyName"], id.substr(id.size() - 128));
}

TEST_F(RoleTest, dependents_wait_for_the_policy_made_before_or_after_them) {
  auto& before = stack_.add<cdk::aws::s3::CfnBucket>("Before");
  role_.add_dependent(before);
  role_.add_to_policy({.actions = {"s3:ListBucket"}, .resources = {"arn:aws:s3:::a"}});
  auto& after = stack_.add<cdk::aws::s3::CfnBucket>("After");
  role_.add_dependent(after);

  const Json policy = {role_.default_policy()->logical_id()};
  EXPECT_EQ(resource(before.logical_id())["DependsOn"], policy);
  EXPECT_EQ(resource(after.logical_id())["DependsOn"], policy);
}

TEST_F(RoleTest, managed_policies_are_listed) {
  role_.add_managed_policy_arn(iam::managed_policy_arn(stack_, "ReadOnlyAccess"));
  EXPECT_EQ(resource(role_.resource().logical_id())["Properties"]["ManagedPolicyArns"],
            (Json{join({"arn:", cfn_ref("AWS::Partition"), ":iam::aws:policy/ReadOnlyAccess"})}));
}

TEST_F(StackTest, a_role_without_a_principal_is_refused) {
  EXPECT_EQ(error_of([&] { stack_.add<iam::Role>("Role", iam::RoleProps{}); }),
            "'Test/Role': a role needs the principal that assumes it (assumed_by)");
}

TEST(PolicyDocument, leaves_out_what_is_not_set_and_renders_deny) {
  const cdk::Value document = iam::policy_document(
      {{.actions = {"s3:*"}, .effect = iam::Effect::deny, .principal = cdk::Object{{"AWS", "*"}}}});
  EXPECT_EQ(document.to_json(), Json::parse(R"({"Version": "2012-10-17", "Statement": [
              {"Action": "s3:*", "Effect": "Deny", "Principal": {"AWS": "*"}}]})"));
}

}  // namespace
}  // namespace construct_tests
