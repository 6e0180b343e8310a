// cdkpp micro-benchmarks: resolving values (literals, references, intrinsics) into the JSON of
// the template that uses them.
// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cdk/cdk.hpp>

#include "synthesis.hpp"

namespace {

// An IAM policy document with `statements` statements, each on a resource's attribute.
cdk::Value policy_document(const std::vector<cdk::CfnResource*>& resources) {
  cdk::List statements;
  for (const cdk::CfnResource* resource : resources) {
    statements.push_back(cdk::Object{
        {"Action", cdk::List{"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"}},
        {"Effect", "Allow"},
        {"Resource", cdk::List{resource->get_att("Arn"),
                               cdk::fn::join("", {resource->get_att("Arn"), "/index/*"})}},
    });
  }
  return cdk::Object{{"Version", "2012-10-17"}, {"Statement", std::move(statements)}};
}

void BM_ResolvePolicyDocument(benchmark::State& state) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  std::vector<cdk::CfnResource*> tables;
  for (int i = 0; i < state.range(0); ++i) {
    tables.push_back(&stack.add<cdk::CfnResource>(fmt::format("Table{}", i),
                                                   "AWS::DynamoDB::Table"));
  }
  const cdk::Value document = policy_document(tables);

  std::vector<std::string> problems;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cdk::detail::resolve_in_stack(stack, document, problems));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ResolvePolicyDocument)->Arg(1)->Arg(10)->Arg(100);

void BM_ResolveLiteralString(benchmark::State& state) {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("Stack");
  const cdk::Value value("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  std::vector<std::string> problems;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cdk::detail::resolve_in_stack(stack, value, problems));
  }
}
BENCHMARK(BM_ResolveLiteralString);

}  // namespace
