// cdkpp micro-benchmarks: rendering a stack's template and writing it as JSON text, for a
// stack of tables and functions as the generated benchmark applications have.
// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cdk/aws/dynamodb/table.hpp>
#include <cdk/aws/lambda/function.hpp>
#include <cdk/cdk.hpp>

#include "synthesis.hpp"

namespace {

namespace dynamodb = cdk::aws::dynamodb;
namespace lambda = cdk::aws::lambda;

// A prepared app of one stack with `pairs` tables, each with a function that uses it.
struct BenchStack {
  explicit BenchStack(int pairs) : stack(app.add<cdk::Stack>("Stack")) {
    for (int pair = 0; pair < pairs; ++pair) {
      const auto& table = stack.add<dynamodb::Table>(
          fmt::format("Table{}", pair), dynamodb::TableProps{.partition_key = {.name = "id"}});
      auto& function = stack.add<lambda::Function>(
          fmt::format("Function{}", pair),
          lambda::FunctionProps{.runtime = lambda::Runtime::python_3_12(),
                                .handler = "index.handler",
                                .code = lambda::Code::from_asset(CDKPP_BENCH_CODE_DIR),
                                .environment = {{"TABLE_NAME", table.table_name()}}});
      table.grant_read_write_data(function);
    }
    if (!cdk::detail::prepare_app(app).empty()) throw std::runtime_error("the stack is invalid");
  }

  cdk::App app;
  cdk::Stack& stack;
};

void BM_RenderTemplate(benchmark::State& state) {
  const BenchStack bench(static_cast<int>(state.range(0)));
  std::vector<std::string> problems;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cdk::detail::render_template(bench.stack, problems));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0) * 4);
}
BENCHMARK(BM_RenderTemplate)->Arg(1)->Arg(50);

void BM_TemplateToJsonText(benchmark::State& state) {
  const BenchStack bench(static_cast<int>(state.range(0)));
  std::vector<std::string> problems;
  const cdk::Json document = cdk::detail::render_template(bench.stack, problems);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = cdk::detail::to_json_text(document, 1);
    bytes += text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_TemplateToJsonText)->Arg(1)->Arg(50);

// Preparation renders and validates every template of the app, as synthesis does.
void BM_PrepareApp(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto bench = std::make_unique<BenchStack>(0);
    for (int pair = 0; pair < state.range(0); ++pair) {
      bench->stack.add<dynamodb::Table>(fmt::format("Table{}", pair),
                                        dynamodb::TableProps{.partition_key = {.name = "id"}});
    }
    state.ResumeTiming();
    benchmark::DoNotOptimize(cdk::detail::prepare_app(bench->app));
    state.PauseTiming();
    bench.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PrepareApp)->Arg(50);

}  // namespace
