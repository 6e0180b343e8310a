// A minimal app of a team using an installed cdkpp: one stack with a bucket and a bucket
// deployment of the site/ folder, written with the L2 constructs that the consumer's build
// compiles from the installed sources.
#include <cdk/aws/s3/bucket.hpp>
#include <cdk/aws/s3_deployment/bucket_deployment.hpp>
#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  return cdk::run_app(argc, argv, [](cdk::App& app) {
    auto& stack = app.add<cdk::Stack>("Consumer");
    auto& bucket = stack.add<cdk::aws::s3::Bucket>(
        "Bucket",
        cdk::aws::s3::BucketProps{.bucket_name = app.context().get_string("bucket-name")});
    const auto& site = stack.add<cdk::Asset>("Site", cdk::AssetProps{.path = CONSUMER_SITE_DIR});
    stack.add<cdk::aws::s3_deployment::BucketDeployment>(
        "Deployment", cdk::aws::s3_deployment::BucketDeploymentProps{
                          .sources = {&site}, .destination_bucket = &bucket});
  });
}
