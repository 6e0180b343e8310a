# The reference application: its bounded contexts, the app executable, and the synth step
# configured from the preset's cache variables (see CMakePresets.json).

set(CDKPP_APP_NAME "MyApp" CACHE STRING "the application name, prefix of every stack name")
set(CDKPP_STAGE "sandbox" CACHE STRING "what to synthesize: sandbox or production")
set_property(CACHE CDKPP_STAGE PROPERTY STRINGS sandbox production)
set(CDKPP_SERVICE_LAYOUT "stack-per-context" CACHE STRING
    "the service as one stack per bounded context (stack-per-context) or one stack (single-stack)")
set_property(CACHE CDKPP_SERVICE_LAYOUT PROPERTY STRINGS stack-per-context single-stack)

# The context keys of the app and the cache variables they come from.
set(CDKPP_APPLICATION_CONTEXT
  cdkpp:app-name=CDKPP_APP_NAME
  cdkpp:stage=CDKPP_STAGE
  cdkpp:service-layout=CDKPP_SERVICE_LAYOUT
  sandbox:account=CDKPP_SANDBOX_ACCOUNT
  sandbox:region=CDKPP_SANDBOX_REGION
  toolchain:account=CDKPP_TOOLCHAIN_ACCOUNT
  toolchain:region=CDKPP_TOOLCHAIN_REGION
  production:account=CDKPP_PRODUCTION_ACCOUNT
  production:region=CDKPP_PRODUCTION_REGION
  user-management:lambda-reserved-concurrency=CDKPP_USER_MANAGEMENT_LAMBDA_RESERVED_CONCURRENCY
  user-management:dynamodb-billing-mode=CDKPP_USER_MANAGEMENT_DYNAMODB_BILLING_MODE
  user-management:dynamodb-read-capacity=CDKPP_USER_MANAGEMENT_DYNAMODB_READ_CAPACITY
  user-management:dynamodb-write-capacity=CDKPP_USER_MANAGEMENT_DYNAMODB_WRITE_CAPACITY
  toolchain:source-connection-arn=CDKPP_TOOLCHAIN_SOURCE_CONNECTION_ARN
  toolchain:source-repository=CDKPP_TOOLCHAIN_SOURCE_REPOSITORY
  toolchain:source-branch=CDKPP_TOOLCHAIN_SOURCE_BRANCH
)

add_subdirectory(service)
add_subdirectory(toolchain)

add_executable(app app.cpp)
target_link_libraries(app PRIVATE service toolchain)

# The files the synth writes that the build tracks: the top-level templates and, for the
# production stage, the nested assembly of the Production stage.
set(service_prefix "${CDKPP_APP_NAME}-Service-Sandbox")
if(CDKPP_STAGE STREQUAL "production")
  set(production_assembly
    "assembly-${CDKPP_APP_NAME}-Toolchain-Management-DeploymentPipeline-CodePipeline-Production")
  set(synth_outputs
    "${CDKPP_APP_NAME}-Toolchain-Management.template.json"
    "${production_assembly}/manifest.json"
  )
elseif(CDKPP_SERVICE_LAYOUT STREQUAL "single-stack")
  set(synth_outputs "${service_prefix}.template.json")
else()
  set(synth_outputs
    "${service_prefix}-UserManagement.template.json"
    "${service_prefix}-AdminConsole.template.json"
  )
endif()

cdkpp_add_synth(app
  TARGET synth
  OUTPUT_DIR "${PROJECT_BINARY_DIR}/cdk.out"
  CONTEXT ${CDKPP_APPLICATION_CONTEXT}
  OUTPUTS ${synth_outputs}
)

# list-, diff-, deploy- and destroy-<stage>: the sandbox's service stacks, or the production
# preset's toolchain stack, whose pipeline rolls out the Production stage.
cdkpp_add_deploy_targets(synth NAME "${CDKPP_STAGE}")
