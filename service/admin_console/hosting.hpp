// cdkpp reference application, Admin Console: where the console's web page is served from.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include <cdk/cdk.hpp>

namespace service::admin_console {

struct HostingProps {
  // The User Management API's URL ("https://<host>/..."); the distribution forwards /api/* to
  // its host.
  cdk::Value user_management_api_endpoint;
};

// A private S3 bucket for the page, readable only by a CloudFront distribution through origin
// access control, and the distribution, which also routes /api/* to the User Management API.
class Hosting : public cdk::Construct {
 public:
  Hosting(cdk::Construct& scope, std::string_view id, HostingProps props);

  // "https://<distribution domain>".
  const cdk::Value& ui_endpoint() const { return ui_endpoint_; }

 private:
  cdk::Value ui_endpoint_;
};

}  // namespace service::admin_console
