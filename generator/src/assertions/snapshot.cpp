// cdkpp: snapshot tests of templates.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/assertions/snapshot.hpp"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "cdk/assertions/template.hpp"

namespace fs = std::filesystem;

namespace cdk::assertions {
namespace {

// The form snapshots are written in: keys sorted, so that a diff shows changes, not reorders.
std::string canonical_text(const Json& document) {
  return nlohmann::json::parse(document.dump()).dump(2) + "\n";
}

bool update_requested() {
  const char* value = std::getenv(kUpdateSnapshotsVariable);
  return value != nullptr && std::string(value) == "1";
}

void write_text(const fs::path& file, const std::string& text) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) throw Error(fmt::format("cannot write the snapshot '{}'", file.string()));
}

// A scratch file that is removed at the end of the scope.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& text) {
    std::string pattern = (fs::temp_directory_path() / "cdkpp-snapshot-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw Error("cannot create a scratch file for the snapshot diff");
    ::close(fd);
    path_ = pattern;
    write_text(path_, text);
  }
  ~ScratchFile() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The unified diff of the two texts, from diff(1) of GNU diffutils.
std::string unified_diff(const std::string& expected, const std::string& actual,
                         const std::string& expected_label) {
  ScratchFile before(expected);
  ScratchFile after(actual);
  const std::string command =
      fmt::format("diff -u --label '{}' --label synthesized '{}' '{}'", expected_label,
                  before.path().string(), after.path().string());
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return "(diff could not be run)\n";
  std::string output;
  char buffer[4096];
  while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, read);
  ::pclose(pipe);
  return output;
}

}  // namespace

SnapshotOutcome match_snapshot(const Json& actual, const fs::path& snapshot,
                               std::optional<bool> update) {
  const std::string actual_text = canonical_text(actual);
  if (update.value_or(update_requested())) {
    write_text(snapshot, actual_text);
    return SnapshotOutcome::written;
  }

  std::ifstream in(snapshot, std::ios::binary);
  if (!in) {
    throw AssertionError(fmt::format("the snapshot '{}' does not exist; run with {}=1 to write it",
                                     snapshot.string(), kUpdateSnapshotsVariable));
  }
  std::stringstream stored;
  stored << in.rdbuf();

  nlohmann::json expected;
  try {
    expected = nlohmann::json::parse(stored.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw AssertionError(
        fmt::format("the snapshot '{}' is not JSON: {}", snapshot.string(), e.what()));
  }
  if (expected == nlohmann::json::parse(actual_text)) return SnapshotOutcome::matched;

  // The snapshot is shown as it would be written, so that the diff holds only real changes.
  throw AssertionError(fmt::format(
      "the template differs from the snapshot '{}' (run with {}=1 to accept it):\n{}",
      snapshot.string(), kUpdateSnapshotsVariable,
      unified_diff(expected.dump(2) + "\n", actual_text, snapshot.filename().string())));
}

}  // namespace cdk::assertions
