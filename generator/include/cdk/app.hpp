// cdkpp: the app, root of the construct tree, and the entry point that synthesizes it.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cdk/context.hpp"
#include "cdk/stage.hpp"

namespace cdk {

namespace detail {
struct AssetCache;
}  // namespace detail

class App : public Stage {
 public:
  explicit App(Context context = {});

  // The app at the root of construct's tree, or nullptr when the root is no app.
  static App* of(Construct& construct);
  static const App* of(const Construct& construct);

  Context& context() { return context_; }
  const Context& context() const { return context_; }

  // Files read while the tree was built (asset sources, context files): the synth step's
  // dependencies, written to its depfile.
  void record_input(const std::filesystem::path& file);
  const std::vector<std::filesystem::path>& inputs() const { return inputs_; }

  // Writes the cloud assembly to outdir. The new assembly is written beside outdir and swapped
  // in whole, so a failure leaves the previous assembly as it was. Throws cdk::ValidationError
  // listing every problem found, and cdk::Error when a file of expected_files (paths relative
  // to outdir that the build depends on) was not written. The stacks are rendered on `jobs`
  // threads (0: one per core); the assembly is the same whatever the number.
  void synth(const std::filesystem::path& outdir,
             const std::vector<std::string>& expected_files = {}, unsigned jobs = 0);

  // Internal: what synthesis keeps for the app's lifetime (each asset source's fingerprint,
  // so that a folder that many constructs ship is read once).
  detail::AssetCache& asset_cache() { return *asset_cache_; }

 private:
  Context context_;
  std::vector<std::filesystem::path> inputs_;
  std::shared_ptr<detail::AssetCache> asset_cache_;
};

// Reads a text file that the app depends on (inline code, a page), recording it as an input
// of the synth step. Throws cdk::Error naming scope's path and the file when it cannot be read.
std::string read_text_file(Construct& scope, const std::filesystem::path& file);

// The main() of an app: parses the command line (--output, --context-file, -c key=value,
// --depfile, --jobs; CDK_OUTDIR and CDK_CONTEXT_JSON as set by the AWS CDK CLI), lets build()
// make the tree, synthesizes it and returns the exit code. Errors are printed to stderr, exit
// code 1.
int run_app(int argc, char** argv, const std::function<void(App&)>& build);

}  // namespace cdk
