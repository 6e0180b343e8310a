// cdkpp benchmark: a generated application of N stacks with M resources each. Each stack holds
// pairs of a table and a function (with its role and policy) that reads and writes it; from
// the second stack on, each function also reads the same table of the stack before, which
// makes an export and an import per table. Leftover resources are tables.
//   bench_generated_app --output DIR -c bench:stacks=N -c bench:resources=M \
//                       -c bench:code=<function code folder>
// bench/cdk/generated_app.js builds the same application with aws-cdk-lib.
// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <fmt/format.h>

#include <cdk/aws/dynamodb/table.hpp>
#include <cdk/aws/lambda/function.hpp>
#include <cdk/cdk.hpp>

namespace {

namespace dynamodb = cdk::aws::dynamodb;
namespace lambda = cdk::aws::lambda;

// A table, its function and the function's role and policy.
constexpr int kResourcesPerPair = 4;

std::vector<const dynamodb::Table*> add_stack(cdk::App& app, int index, int resources,
                                              const std::string& code,
                                              const std::vector<const dynamodb::Table*>& before) {
  auto& stack = app.add<cdk::Stack>(
      fmt::format("Bench{:03}", index),
      cdk::StackProps{.env = cdk::Environment{.account = "111111111111", .region = "eu-west-1"}});
  std::vector<const dynamodb::Table*> tables;

  const int pairs = resources / kResourcesPerPair;
  for (int pair = 0; pair < pairs; ++pair) {
    const auto& table = stack.add<dynamodb::Table>(
        fmt::format("Table{:03}", pair),
        dynamodb::TableProps{.partition_key = {.name = "id"}});
    auto& function = stack.add<lambda::Function>(
        fmt::format("Function{:03}", pair),
        lambda::FunctionProps{.runtime = lambda::Runtime::python_3_12(),
                              .handler = "index.handler",
                              .code = lambda::Code::from_asset(code),
                              .environment = {{"TABLE_NAME", table.table_name()}}});
    table.grant_read_write_data(function);

    if (static_cast<std::size_t>(pair) < before.size()) {
      function.add_environment("UPSTREAM_TABLE_NAME", before[pair]->table_name());
      before[pair]->grant_read_data(function);
    }
    tables.push_back(&table);
  }

  for (int extra = pairs * kResourcesPerPair; extra < resources; ++extra) {
    stack.add<dynamodb::Table>(fmt::format("Extra{:03}", extra),
                               dynamodb::TableProps{.partition_key = {.name = "id"}});
  }
  return tables;
}

}  // namespace

int main(int argc, char** argv) {
  return cdk::run_app(argc, argv, [](cdk::App& app) {
    const auto stacks = static_cast<int>(app.context().get_int("bench:stacks", 1, 1000));
    const auto resources = static_cast<int>(app.context().get_int("bench:resources", 1, 500));
    const std::string code = app.context().get_string("bench:code");

    std::vector<const dynamodb::Table*> before;
    for (int index = 0; index < stacks; ++index) {
      before = add_stack(app, index, resources, code, before);
    }
  });
}
