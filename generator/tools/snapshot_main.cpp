// cdkpp-snapshot: compares a synthesized template with its committed snapshot, for CTest.
//
//   cdkpp-snapshot <snapshot file> <template file>
//
// Exits 0 when they are equal as JSON; otherwise prints why, with a unified diff, and exits 1.
// With CDKPP_UPDATE_SNAPSHOTS=1 it writes the snapshot instead.
// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include <cdk/assertions/snapshot.hpp>
#include <cdk/assertions/template.hpp>
#include <cdk/errors.hpp>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: cdkpp-snapshot <snapshot file> <template file>\n";
    return 2;
  }
  try {
    const auto document = cdk::assertions::Template::from_file(argv[2]).to_json();
    switch (cdk::assertions::match_snapshot(document, argv[1])) {
      case cdk::assertions::SnapshotOutcome::matched:
        std::cout << "ok: " << argv[2] << " matches " << argv[1] << "\n";
        break;
      case cdk::assertions::SnapshotOutcome::written:
        std::cout << "written: " << argv[1] << "\n";
        break;
    }
    return 0;
  } catch (const cdk::Error& e) {
    std::cerr << "cdkpp-snapshot: " << e.what() << "\n";
    return 1;
  }
}
