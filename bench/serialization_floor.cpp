// cdkpp benchmark: the serialization floor. Loads every JSON document of a cloud assembly, then
// times writing them all again (serialized with nlohmann-json, in the indentation the assembly
// uses, into a fresh folder) and prints the figures as JSON. No synthesizer can write the same
// documents in less time than this.
//   bench_serialization_floor <assembly> <scratch folder> [repeats]
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

struct Document {
  fs::path relative;
  nlohmann::json json;
  int indent;
};

// Templates have one space per level, tree.json and cdk.out none, the manifests two: the
// AWS CDK's layout, which cdkpp follows.
int indent_of(const fs::path& file) {
  const std::string name = file.filename().string();
  if (name.ends_with(".template.json")) return 1;
  if (name == "tree.json" || name == "cdk.out") return 0;
  return 2;
}

std::vector<Document> load_documents(const fs::path& assembly) {
  std::vector<Document> documents;
  for (const auto& entry : fs::recursive_directory_iterator(assembly)) {
    const fs::path& file = entry.path();
    if (!entry.is_regular_file()) continue;
    if (file.extension() != ".json" && file.filename() != "cdk.out") continue;
    if (file.parent_path().filename().string().starts_with("asset.")) continue;

    std::ifstream in(file, std::ios::binary);
    const int indent = indent_of(file);
    documents.push_back({fs::relative(file, assembly), nlohmann::json::parse(in), indent});
  }
  std::sort(documents.begin(), documents.end(),
            [](const Document& a, const Document& b) { return a.relative < b.relative; });
  return documents;
}

// Serializes and writes every document into folder; returns the bytes written.
std::uintmax_t write_documents(const std::vector<Document>& documents, const fs::path& folder) {
  std::uintmax_t bytes = 0;
  for (const Document& document : documents) {
    const fs::path file = folder / document.relative;
    fs::create_directories(file.parent_path());
    const std::string text = document.indent == 0 ? document.json.dump()
                                                  : document.json.dump(document.indent);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw std::runtime_error(fmt::format("cannot write '{}'", file.string()));
    bytes += text.size();
  }
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: bench_serialization_floor <assembly> <scratch folder> [repeats]\n";
    return 2;
  }
  const fs::path assembly = argv[1];
  const fs::path scratch = argv[2];
  const int repeats = argc == 4 ? std::max(1, std::stoi(argv[3])) : 5;

  try {
    const std::vector<Document> documents = load_documents(assembly);
    std::vector<double> seconds;
    std::uintmax_t bytes = 0;

    // One untimed round first, so that every round after it finds the same warm caches.
    for (int round = -1; round < repeats; ++round) {
      const fs::path folder = scratch / fmt::format("round-{}", round + 1);
      fs::remove_all(folder);
      const auto start = std::chrono::steady_clock::now();
      bytes = write_documents(documents, folder);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      if (round >= 0) seconds.push_back(took.count());
      fs::remove_all(folder);
    }

    std::sort(seconds.begin(), seconds.end());
    const nlohmann::json result = {{"documents", documents.size()},
                                   {"bytes", bytes},
                                   {"seconds", seconds},
                                   {"median", seconds[seconds.size() / 2]},
                                   {"min", seconds.front()},
                                   {"max", seconds.back()}};
    std::cout << result.dump() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "bench_serialization_floor: " << assembly.string() << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
