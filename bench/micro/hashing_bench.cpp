// cdkpp micro-benchmarks: hashing, of templates (the manifest's template hash) and of asset
// sources (their fingerprints).
// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <benchmark/benchmark.h>

#include "fingerprint.hpp"
#include "hashing.hpp"

namespace {

void BM_Sha256(benchmark::State& state) {
  const std::string data(static_cast<std::size_t>(state.range(0)), 'x');
  for (auto _ : state) benchmark::DoNotOptimize(cdk::detail::sha256_hex(data));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Sha256)->Arg(1 << 10)->Arg(1 << 20);

// The function code folder of the generated applications, read and hashed in full each time.
void BM_FolderFingerprint(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cdk::detail::fingerprint(CDKPP_BENCH_CODE_DIR));
}
BENCHMARK(BM_FolderFingerprint);

}  // namespace
