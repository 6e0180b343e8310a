// A minimal app of a team using an installed cdkpp: one stack with one bucket.
#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  return cdk::run_app(argc, argv, [](cdk::App& app) {
    auto& stack = app.add<cdk::Stack>("Consumer");
    stack.add<cdk::CfnResource>(
        "Bucket", "AWS::S3::Bucket",
        cdk::Object{{"BucketName", app.context().get_string("bucket-name")}});
  });
}
