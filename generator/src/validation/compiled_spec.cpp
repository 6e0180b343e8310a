// cdkpp: the spec checks read the catalog compiled into the library.
// SPDX-License-Identifier: Apache-2.0
#include "spec/catalog.hpp"
#include "validation/spec_schema.hpp"

namespace cdk::detail::validation {

SpecSource compiled_spec() {
  return SpecSource{
      .find = [](std::string_view type) { return spec::find_resource_schema(type); },
      .type_names =
          [] {
            std::vector<std::string_view> names;
            for (const spec::CatalogEntry& entry : spec::catalog()) names.push_back(entry.type);
            return names;
          },
  };
}

}  // namespace cdk::detail::validation
