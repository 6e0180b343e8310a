# cdkpp_add_aws_constructs(): the hand-written L2 constructs, compiled into the libraries of
# the services they build on, so that linking cdk::aws::dynamodb gives both CfnTable and
# Table, as aws-cdk-lib's modules do. Call it after cdkpp_generate_aws_services().
#
#   SOURCE_DIR  the folder of the constructs' sources (generator/constructs in the source tree,
#               <datadir>/cdkpp/constructs once installed)
#
# The bucket deployment, which builds on several services, is a library of its own:
# cdk::aws::s3_deployment.

include_guard(GLOBAL)

# The service library of `service` ("aws/iam") gets `sources` and links the services in
# `uses` (the L2 constructs it builds on).
function(_cdkpp_add_constructs service)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;USES")
  string(REPLACE "/" "_" name "${service}")
  target_sources(cdkpp_${name} PRIVATE ${arg_SOURCES})
  foreach(used IN LISTS arg_USES)
    string(REPLACE "/" "::" alias "${used}")
    target_link_libraries(cdkpp_${name} PUBLIC cdk::${alias})
  endforeach()
endfunction()

function(cdkpp_add_aws_constructs)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "SOURCE_DIR" "")
  if(NOT arg_SOURCE_DIR)
    message(FATAL_ERROR "cdkpp_add_aws_constructs: SOURCE_DIR is required")
  endif()
  set(dir "${arg_SOURCE_DIR}")

  _cdkpp_add_constructs(aws/iam SOURCES "${dir}/iam/policy.cpp" "${dir}/iam/role.cpp")
  _cdkpp_add_constructs(aws/s3 SOURCES "${dir}/s3/bucket.cpp" USES aws/iam)
  _cdkpp_add_constructs(aws/dynamodb SOURCES "${dir}/dynamodb/table.cpp" USES aws/iam)
  _cdkpp_add_constructs(aws/lambda SOURCES "${dir}/lambda/function.cpp" USES aws/iam aws/logs)
  _cdkpp_add_constructs(aws/apigatewayv2
    SOURCES "${dir}/apigatewayv2/http_api.cpp" USES aws/lambda
  )
  _cdkpp_add_constructs(aws/cloudfront SOURCES "${dir}/cloudfront/distribution.cpp" USES aws/s3)

  if(NOT TARGET cdkpp_aws_s3_deployment)
    add_library(cdkpp_aws_s3_deployment STATIC EXCLUDE_FROM_ALL
      "${dir}/s3_deployment/bucket_deployment.cpp"
    )
    add_library(cdk::aws::s3_deployment ALIAS cdkpp_aws_s3_deployment)
    target_link_libraries(cdkpp_aws_s3_deployment
      PUBLIC cdk::aws::s3 cdk::aws::cloudfront cdk::aws::lambda
    )
    # The handler's folder is the function's code asset, hashed and staged at synth.
    target_compile_definitions(cdkpp_aws_s3_deployment
      PRIVATE CDKPP_BUCKET_DEPLOYMENT_HANDLER_DIR="${dir}/s3_deployment/handler"
    )
    add_dependencies(cdkpp_aws_all_services cdkpp_aws_s3_deployment)
  endif()
endfunction()
