// cdkpp micro-benchmarks: logical IDs, computed from construct paths as the AWS CDK does.
// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cdk/cdk.hpp>

namespace {

// A path of `depth` ids below the stack, as an L2 construct's resources have.
std::vector<std::string> path_of_depth(int depth) {
  std::vector<std::string> components;
  for (int level = 0; level < depth; ++level) components.push_back(fmt::format("Level{}", level));
  components.push_back("Resource");
  return components;
}

void BM_MakeUniqueId(benchmark::State& state) {
  const std::vector<std::string> components = path_of_depth(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(cdk::names::make_unique_id(components));
}
BENCHMARK(BM_MakeUniqueId)->Arg(1)->Arg(3)->Arg(8);

// The first logical_id() of a new element walks its scopes; later calls read the cached ID.
void BM_LogicalIdOfNewElements(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    cdk::App app;
    auto& stack = app.add<cdk::Stack>("Stack");
    auto& scope = stack.add<cdk::Construct>("Service").add<cdk::Construct>("Database");
    std::vector<cdk::CfnResource*> resources;
    for (int i = 0; i < state.range(0); ++i) {
      resources.push_back(&scope.add<cdk::CfnResource>(fmt::format("Table{}", i),
                                                        "AWS::DynamoDB::Table"));
    }
    state.ResumeTiming();
    for (const cdk::CfnResource* resource : resources) {
      benchmark::DoNotOptimize(resource->logical_id());
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LogicalIdOfNewElements)->Arg(100);

}  // namespace
