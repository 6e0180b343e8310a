// cdkpp reference application: resources laid out as the AWS CDK's L2 constructs lay theirs out.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <utility>

#include <cdk/construct.hpp>

namespace service::common {

// A typed resource (a generated cdk::aws::<service>::Cfn* class) as the child "Resource" of a
// construct `id`, as an L2 construct holds it. Logical IDs then equal those the AWS CDK gives
// the same L2 construct, so moving to typed L2 constructs later replaces nothing.
//
//   auto& table = add_resource<dynamodb::CfnTable>(scope, "Table", {.billing_mode = ...});
template <class Resource>
Resource& add_resource(cdk::Construct& scope, std::string_view id, typename Resource::Props props) {
  return scope.add<cdk::Construct>(id).add<Resource>("Resource", std::move(props));
}

}  // namespace service::common
