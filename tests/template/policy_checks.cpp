// cdkpp template tests: rules that every template of the application keeps, whatever the stack,
// checked on the synthesized files by a plain program (cdkpp_add_template_tests runs it once per
// template of the preset's assembly).
// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <cdk/assertions/checks.hpp>

namespace {

using cdk::Json;
using cdk::assertions::Checks;
using cdk::assertions::Match;
using cdk::assertions::Pattern;
using cdk::assertions::Template;

bool has_any(const Template& tpl, const std::string& type) {
  return !tpl.find_resources(type).empty();
}

void check_buckets(const Template& tpl, Checks& check) {
  if (!has_any(tpl, "AWS::S3::Bucket")) return;
  check("every bucket blocks public access and is encrypted", [&] {
    tpl.all_resources_properties(
        "AWS::S3::Bucket",
        {{"BucketEncryption", {{"ServerSideEncryptionConfiguration", Match::any_value()}}},
         {"PublicAccessBlockConfiguration",
          Match::object_equals({{"BlockPublicAcls", true},
                                {"BlockPublicPolicy", true},
                                {"IgnorePublicAcls", true},
                                {"RestrictPublicBuckets", true}})}});
  });
  check("every bucket policy denies requests without TLS", [&] {
    tpl.all_resources_properties(
        "AWS::S3::BucketPolicy",
        {{"PolicyDocument",
          {{"Statement", Match::array_with({Match::object_like(
                             {{"Condition", {{"Bool", {{"aws:SecureTransport", "false"}}}}},
                              {"Effect", "Deny"}})})}}}});
  });
}

void check_iam(const Template& tpl, Checks& check) {
  if (has_any(tpl, "AWS::IAM::Policy")) {
    // The action may be written as the string "*" or inside a list of actions.
    check("no policy allows every action", [&] {
      for (const Pattern& every_action : {Pattern("*"), Match::array_with({"*"})}) {
        tpl.all_resources_properties(
            "AWS::IAM::Policy", {{"PolicyDocument",
                                  {{"Statement", Match::not_(Match::array_with({Match::object_like(
                                                     {{"Action", every_action}})}))}}}});
      }
    });
  }
  if (has_any(tpl, "AWS::IAM::Role")) {
    check("every role is assumed by an AWS service", [&] {
      tpl.all_resources_properties(
          "AWS::IAM::Role",
          {{"AssumeRolePolicyDocument",
            {{"Statement", Match::array_equals({Match::object_equals(
                               {{"Action", "sts:AssumeRole"},
                                {"Effect", "Allow"},
                                {"Principal",
                                 {{"Service", Match::string_like_regexp(
                                                  "^[a-z0-9.-]+\\.amazonaws\\.com$")}}}})})}}}});
    });
  }
}

void check_keys(const Template& tpl, Checks& check) {
  if (!has_any(tpl, "AWS::KMS::Key")) return;
  check("every KMS key rotates and trusts no one by wildcard", [&] {
    const Pattern anyone = Match::array_with(
        {Match::object_like({{"Principal", Match::object_like({{"AWS", "*"}})}})});
    tpl.all_resources_properties(
        "AWS::KMS::Key", {{"EnableKeyRotation", true},
                          {"KeyPolicy", {{"Statement", Match::not_(anyone)}}}});
  });
}

void check_functions_and_tables(const Template& tpl, Checks& check) {
  if (has_any(tpl, "AWS::Lambda::Function")) {
    check("every function has a reserved concurrency", [&] {
      tpl.all_resources_properties("AWS::Lambda::Function",
                                   {{"ReservedConcurrentExecutions", Match::any_value()}});
    });
  }
  if (has_any(tpl, "AWS::Lambda::Permission")) {
    check("every invoke permission names its source", [&] {
      tpl.all_resources_properties("AWS::Lambda::Permission", {{"SourceArn", Match::any_value()}});
    });
  }
  if (has_any(tpl, "AWS::DynamoDB::Table")) {
    check("every table is encrypted, recoverable and kept on delete", [&] {
      tpl.all_resources(
          "AWS::DynamoDB::Table",
          {{"DeletionPolicy", "Retain"},
           {"Properties",
            {{"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}},
             {"SSESpecification", {{"SSEEnabled", true}}}}}});
    });
  }
}

void check_bootstrap(const Template& tpl, Checks& check) {
  check("the template checks the bootstrap version of the default qualifier", [&] {
    tpl.has_parameter("BootstrapVersion", {{"Default", "/cdk-bootstrap/hnb659fds/version"},
                                           {"Type", "AWS::SSM::Parameter::Value<String>"}});
    tpl.template_matches(
        {{"Rules", {{"CheckBootstrapVersion", {{"Assertions", Match::any_value()}}}}}});
  });
}

}  // namespace

int main(int argc, char** argv) {
  return cdk::assertions::check_template_files(argc, argv, [](const Template& tpl, Checks& check) {
    check_buckets(tpl, check);
    check_iam(tpl, check);
    check_keys(tpl, check);
    check_functions_and_tables(tpl, check);
    check_bootstrap(tpl, check);
  });
}
