// cdkpp reference application, User Management: the API in front of the users table.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include <cdk/cdk.hpp>

namespace cdk::aws::dynamodb {
class Table;
}

namespace service::user_management {

struct IngressProps {
  // Concurrent executions reserved for the API's function (0 to 1000).
  int lambda_reserved_concurrency = 1;
  // The users table: its name is given to the function, which may read and write its items.
  const cdk::aws::dynamodb::Table* table = nullptr;
};

// An HTTP API (API Gateway v2) whose routes under /api are served by a Python Lambda function,
// whose code, the api/ folder, is an asset.
class Ingress : public cdk::Construct {
 public:
  Ingress(cdk::Construct& scope, std::string_view id, IngressProps props);

  // "https://<api id>.execute-api.<region>.<url suffix>/", as the AWS CDK's HttpApi.url.
  const cdk::Value& api_url() const { return api_url_; }

 private:
  cdk::Value api_url_;
};

}  // namespace service::user_management
