// A minimal app of a team using an installed cdkpp: one stack with one bucket, written with
// the typed class that the consumer's build generates.
#include <cdk/aws/s3.hpp>
#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  return cdk::run_app(argc, argv, [](cdk::App& app) {
    auto& stack = app.add<cdk::Stack>("Consumer");
    stack.add<cdk::aws::s3::CfnBucket>(
        "Bucket", cdk::aws::s3::CfnBucket::Props{
                      .bucket_name = app.context().get_string("bucket-name"),
                  });
  });
}
