// cdkpp reference application: private S3 buckets, shared by the admin console and the
// toolchain.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include <cdk/aws/s3.hpp>
#include <cdk/construct.hpp>
#include <cdk/value.hpp>

#include "common/iam.hpp"

namespace service::common {

// An S3 bucket that nobody reaches from the internet: public access blocked, ACLs disabled,
// SSE-S3 encryption. Kept on stack deletion, as the AWS CDK keeps buckets by default.
cdk::aws::s3::CfnBucket& add_private_bucket(cdk::Construct& scope, std::string_view id);

// The bucket's policy at "<bucket construct>/Policy/Resource": denies every request that is not
// made over TLS, then grants `statements`.
cdk::aws::s3::CfnBucketPolicy& add_bucket_policy(const cdk::aws::s3::CfnBucket& bucket,
                                                 std::vector<PolicyStatement> statements = {});

}  // namespace service::common
