// cdkpp: the command line of an app executable.
// SPDX-License-Identifier: Apache-2.0
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cdk/app.hpp"
#include "cdk/errors.hpp"

namespace cdk {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string output;
  std::vector<std::string> context_files;
  std::vector<std::string> context_pairs;
  std::string depfile;
  std::vector<std::string> expected_outputs;
  unsigned jobs = 0;
};

// Ninja's depfile syntax: spaces and '#' escaped with a backslash, '$' doubled.
std::string escape_for_depfile(const std::string& path) {
  std::string escaped;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\') escaped.push_back('\\');
    if (c == '$') escaped.push_back('$');
    escaped.push_back(c);
  }
  return escaped;
}

void write_depfile(const fs::path& depfile, const fs::path& manifest, const App& app) {
  std::string text = escape_for_depfile(manifest.string()) + ":";
  for (const fs::path& input : app.inputs()) text += " \\\n  " + escape_for_depfile(input.string());
  text += "\n";

  const fs::path staged = depfile.string() + ".tmp";
  {
    std::ofstream out(staged, std::ios::trunc);
    out << text;
    if (!out) throw Error(fmt::format("cannot write depfile '{}'", depfile.string()));
  }
  fs::rename(staged, depfile);
}

Context load_context(const Options& options) {
  Context context;
  if (const char* json = std::getenv("CDK_CONTEXT_JSON"); json != nullptr && *json != '\0') {
    context.load_json(json, "CDK_CONTEXT_JSON");
  }
  for (const std::string& file : options.context_files) context.load_file(file);
  for (const std::string& pair : options.context_pairs) {
    const auto equals = pair.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw Error(fmt::format("-c '{}': expected key=value", pair));
    }
    context.set(pair.substr(0, equals), pair.substr(equals + 1), "-c " + pair);
  }
  return context;
}

}  // namespace

int run_app(int argc, char** argv, const std::function<void(App&)>& build) {
  Options options;
  const char* env_outdir = std::getenv("CDK_OUTDIR");
  options.output = env_outdir != nullptr && *env_outdir != '\0' ? env_outdir : "cdk.out";

  CLI::App cli{"Synthesizes this cdkpp app into a cloud assembly."};
  cli.add_option("-o,--output", options.output,
                 "assembly folder (default: $CDK_OUTDIR or cdk.out)");
  cli.add_option("--context-file", options.context_files, "json file of context values");
  cli.add_option("-c,--context", options.context_pairs, "a context value, key=value");
  cli.add_option("--depfile", options.depfile, "write the files the synth read, for Ninja");
  cli.add_option("--expect", options.expected_outputs,
                 "a file (relative to the output) the build expects the synth to write");
  cli.add_option("-j,--jobs", options.jobs,
                 "threads that render the stacks (default: one per core)")
      ->check(CLI::Range(1U, 1024U));
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    App app(load_context(options));
    for (const std::string& file : options.context_files) app.record_input(file);
    build(app);
    app.synth(options.output, options.expected_outputs, options.jobs);
    if (!options.depfile.empty()) {
      write_depfile(options.depfile,
                    (fs::absolute(options.output) / "manifest.json").lexically_normal(), app);
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace cdk
