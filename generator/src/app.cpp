// cdkpp: the app and its synthesis into a cloud assembly.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/app.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cdk/errors.hpp"
#include "fingerprint.hpp"
#include "synthesis.hpp"

namespace cdk {
namespace {

namespace fs = std::filesystem;

// Folders left by synths that were killed half way; a new synth removes them, but not those of
// a synth still running (its process id is in the name).
void remove_stale_staging(const fs::path& target) {
  const std::string prefix = "." + target.filename().string() + ".staging-";
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(target.parent_path(), error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const long pid = std::atol(name.c_str() + prefix.size());
    const bool running = pid > 0 && pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM);
    if (!running) fs::remove_all(entry.path(), error);
  }
}

// The build declares files it expects; one the app did not write would make every build re-run
// the synth, so it fails the synth before the new assembly replaces the old one.
void require_files(const fs::path& staged, const fs::path& target,
                   const std::vector<std::string>& files) {
  for (const std::string& file : files) {
    if (!fs::exists(staged / file)) {
      throw Error(fmt::format("the synth did not write '{}', which the build expects in '{}'", file,
                              target.string()));
    }
  }
}

}  // namespace

App::App(Context context)
    : Stage(StageProps{}),
      context_(std::move(context)),
      asset_cache_(std::make_shared<detail::AssetCache>()) {}

void App::record_input(const fs::path& file) {
  const fs::path absolute = fs::absolute(file).lexically_normal();
  if (std::find(inputs_.begin(), inputs_.end(), absolute) == inputs_.end()) {
    inputs_.push_back(absolute);
  }
}

void App::synth(const fs::path& outdir, const std::vector<std::string>& expected_files,
                unsigned jobs) {
  fs::path target = fs::absolute(outdir).lexically_normal();
  // A symlinked output folder stays a link: the assembly replaces the folder it points at.
  std::error_code link_error;
  if (fs::is_symlink(target, link_error)) target = fs::weakly_canonical(target);
  const fs::path parent = target.parent_path();
  std::error_code error;
  fs::create_directories(parent, error);
  if (error) {
    throw Error(fmt::format("cannot create '{}': {}", parent.string(), error.message()));
  }
  remove_stale_staging(target);

  // The templates are written as they are rendered, into the folder that is swapped in whole
  // at the end: nothing of a synth that fails reaches the target.
  const fs::path staged =
      parent / fmt::format(".{}.staging-{}", target.filename().string(), ::getpid());
  detail::Rendering rendering{.assembly_dir = staged, .jobs = jobs};
  try {
    std::vector<std::string> problems = detail::prepare_app(*this, &rendering);
    if (!problems.empty()) throw ValidationError(std::move(problems));
    detail::write_assembly(*this, staged, rendering);
    require_files(staged, target, expected_files);
    detail::swap_into_place(staged, target);
  } catch (...) {
    fs::remove_all(staged, error);
    throw;
  }
}

App* App::of(Construct& construct) { return dynamic_cast<App*>(&construct.root()); }

const App* App::of(const Construct& construct) {
  return dynamic_cast<const App*>(&construct.root());
}

std::string read_text_file(Construct& scope, const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(fmt::format("{}: cannot read '{}': {}", scope.describe(), file.string(),
                            std::strerror(errno)));
  }
  std::stringstream text;
  text << in.rdbuf();
  if (App* app = App::of(scope)) app->record_input(file);
  return text.str();
}

}  // namespace cdk
