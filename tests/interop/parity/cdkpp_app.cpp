// The same app as cdk_app.js, written with cdkpp: the parity test synthesizes both and compares
// the assemblies file by file.
// SPDX-License-Identifier: Apache-2.0
#include <filesystem>

#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

#ifndef CDKPP_PARITY_ASSETS
#error "CDKPP_PARITY_ASSETS must name the folder of the parity assets"
#endif

namespace {

const std::filesystem::path kAssets = CDKPP_PARITY_ASSETS;

void build(cdk::App& app) {
  using cdk::CfnResource;
  using cdk::Construct;
  using cdk::Object;

  auto& um = app.add<cdk::Stack>("MyApp-Service-Sandbox-UserManagement");
  auto& ingress = um.add<Construct>("Ingress");
  auto& api = ingress.add<CfnResource>("Api", "AWS::ApiGatewayV2::Api",
                                       Object{{"Name", "x"}, {"ProtocolType", "HTTP"}});
  const cdk::Value endpoint = cdk::Value("https://") + api.ref() + ".execute-api." + um.region() +
                              "." + um.url_suffix() + "/";
  um.add<cdk::CfnOutput>("APIEndpoint", cdk::CfnOutputProps{.value = endpoint});

  auto& function_scope = ingress.add<Construct>("Function");
  auto& code = function_scope.add<cdk::Asset>("Code", cdk::AssetProps{.path = kAssets / "handler"});
  auto& function = function_scope.add<CfnResource>(
      "Resource", "AWS::Lambda::Function",
      Object{{"Code", Object{{"S3Bucket", code.bucket_name()}, {"S3Key", code.object_key()}}},
             {"Handler", "index.handler"},
             {"Role", "arn:aws:iam::123456789012:role/parity"},
             {"Runtime", "python3.12"}});
  code.add_resource_metadata(function, "Code");
  auto& page = um.add<cdk::Asset>("Page", cdk::AssetProps{.path = kAssets / "page.html"});
  um.add<cdk::CfnOutput>("PageUrl", cdk::CfnOutputProps{.value = page.http_url()});
  um.add<cdk::CfnOutput>("PageObject", cdk::CfnOutputProps{.value = page.s3_object_url()});
  um.add<cdk::CfnOutput>("PageKey", cdk::CfnOutputProps{.value = page.object_key()});

  auto& ac = app.add<cdk::Stack>("MyApp-Service-Sandbox-AdminConsole");
  auto& hosting = ac.add<Construct>("Hosting");
  auto& bucket_scope = hosting.add<Construct>("Bucket");
  auto& param = ac.add<cdk::CfnParameter>(
      "Stage", cdk::CfnParameterProps{.type = "String", .default_value = cdk::Value("sandbox")});
  auto& condition = ac.add<cdk::CfnCondition>("IsProd", cdk::fn::equals(param.value(), "prod"));
  auto& mapping = hosting.add<cdk::CfnMapping>(
      "RegionMap",
      cdk::Json{{"eu-west-1", {{"Short", "euw1"}}}, {"us-east-1", {{"Short", "use1"}}}});
  auto& bucket = bucket_scope.add<CfnResource>(
      "Resource", "AWS::S3::Bucket",
      Object{{"Tags", cdk::List{Object{{"Key", "endpoint"}, {"Value", endpoint}},
                                Object{{"Key", "short"},
                                       {"Value", mapping.find_in_map(ac.region(), "Short")}}}}});
  bucket.set_condition(condition);

  auto& tc =
      app.add<cdk::Stack>("MyApp-Toolchain-Management",
                          cdk::StackProps{.env = cdk::Environment{"111111111111", "eu-west-1"}});
  auto& artifacts = tc.add<CfnResource>("ArtifactBucket", "AWS::S3::Bucket");
  artifacts.apply_removal_policy(cdk::ResourcePolicy::retain);
  auto& queue = tc.add<CfnResource>("Queue", "AWS::SQS::Queue");
  queue.add_depends_on(artifacts);
  queue.set_deletion_policy(cdk::ResourcePolicy::delete_resource);
  auto& toolchain_page = tc.add<cdk::Asset>(
      "Page", cdk::AssetProps{.path = kAssets / "page.html", .display_name = "The parity page"});
  tc.add<cdk::CfnOutput>("PageUrl", cdk::CfnOutputProps{.value = toolchain_page.http_url()});
  tc.add<cdk::CfnOutput>("PageBucket", cdk::CfnOutputProps{.value = toolchain_page.bucket_name()});

  auto& pipeline = tc.add<Construct>("DeploymentPipeline").add<Construct>("CodePipeline");
  auto& production = pipeline.add<cdk::Stage>(
      "Production", cdk::StageProps{.env = cdk::Environment{"222222222222", "eu-west-1"}});
  auto& pum = production.add<cdk::Stack>(
      "MyApp-Service-Production-UserManagement",
      cdk::StackProps{.stack_name = "MyApp-Service-Production-UserManagement"});
  auto& production_api = pum.add<Construct>("Ingress").add<CfnResource>(
      "Api", "AWS::ApiGatewayV2::Api", Object{{"Name", "x"}, {"ProtocolType", "HTTP"}});
  auto& production_code = pum.add<cdk::Asset>("Code", cdk::AssetProps{.path = kAssets / "handler"});
  pum.add<cdk::CfnOutput>("CodeKey", cdk::CfnOutputProps{.value = production_code.object_key()});
  pum.add<cdk::CfnOutput>("CodeBucket",
                          cdk::CfnOutputProps{.value = production_code.bucket_name()});
  auto& pac = production.add<cdk::Stack>(
      "MyApp-Service-Production-AdminConsole",
      cdk::StackProps{.stack_name = "MyApp-Service-Production-AdminConsole"});
  pac.add<Construct>("Hosting").add<Construct>("Bucket").add<CfnResource>(
      "Resource", "AWS::S3::Bucket",
      Object{{"Tags",
              cdk::List{Object{{"Key", "api"}, {"Value", production_api.get_att("ApiEndpoint")}},
                        Object{{"Key", "id"}, {"Value", production_api.ref()}}}}});
}

}  // namespace

int main(int argc, char** argv) { return cdk::run_app(argc, argv, build); }
