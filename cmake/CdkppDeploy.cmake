# cdkpp_add_deploy_targets(): targets that hand a synthesized assembly to the AWS CDK CLI, which
# lists, diffs, deploys and destroys it as it does the AWS CDK's own.
#
#   cdkpp_add_deploy_targets(<synth target> NAME <name>)
#
# adds list-<name>, diff-<name>, deploy-<name> and destroy-<name>. Each synthesizes first, then
# runs `cdk <command> --app <assembly>`: list once, the others once per stack of the assembly's
# top level, with --exclusively, in the order of their dependencies (destroy in reverse).
# Stacks inside stages are left to what deploys them (a pipeline). Cache variables:
#
#   CDKPP_CDK_CLI               the CLI (found in <source>/node_modules/.bin, then on PATH)
#   CDKPP_CDK_REQUIRE_APPROVAL  never, any-change or broadening (the CLI's default)
#   CDKPP_AWS_PROFILE           the credentials profile; empty: the CLI's own resolution
#   CDKPP_CDK_ARGS              more arguments for every command (a list)
#   CDKPP_DEPLOY_DRY_RUN        ON: print the commands and run nothing
#
# At build time the environment variables CDKPP_DEPLOY_DRY_RUN (1 or 0), CDKPP_CDK_ARGS (more
# arguments, separated by spaces) and CDKPP_STACKS (the stacks to act on, separated by spaces)
# apply to one run.

include_guard(GLOBAL)

set(_cdkpp_deploy_script "${CMAKE_CURRENT_LIST_DIR}/CdkppCdkCommand.cmake")

function(_cdkpp_find_cdk_cli)
  if(DEFINED CACHE{CDKPP_CDK_CLI} AND CDKPP_CDK_CLI)
    return()
  endif()
  find_program(CDKPP_CDK_CLI cdk
    HINTS "${PROJECT_SOURCE_DIR}/node_modules/.bin" "${CMAKE_SOURCE_DIR}/node_modules/.bin"
    DOC "the AWS CDK CLI (npm package aws-cdk) that deploy targets run"
  )
  if(NOT CDKPP_CDK_CLI)
    message(STATUS "cdkpp: the AWS CDK CLI is not installed; the deploy targets will say how "
                   "to install it")
  endif()
endfunction()

function(cdkpp_add_deploy_targets synth_target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "NAME" "")
  if(NOT arg_NAME)
    message(FATAL_ERROR "cdkpp_add_deploy_targets: NAME is required")
  endif()
  if(NOT TARGET "${synth_target}")
    message(FATAL_ERROR "cdkpp_add_deploy_targets: '${synth_target}' is not a target")
  endif()
  get_target_property(assembly "${synth_target}" CDKPP_ASSEMBLY_DIR)
  if(NOT assembly)
    message(FATAL_ERROR "cdkpp_add_deploy_targets: '${synth_target}' is not a cdkpp_add_synth "
                        "target")
  endif()

  _cdkpp_find_cdk_cli()
  set(CDKPP_CDK_REQUIRE_APPROVAL "broadening" CACHE STRING
      "when `cdk deploy` asks before deploying: never, any-change or broadening")
  set_property(CACHE CDKPP_CDK_REQUIRE_APPROVAL PROPERTY STRINGS never any-change broadening)
  set(CDKPP_AWS_PROFILE "" CACHE STRING "the AWS credentials profile of the deploy targets")
  set(CDKPP_CDK_ARGS "" CACHE STRING "more arguments for every command of the deploy targets")
  option(CDKPP_DEPLOY_DRY_RUN "deploy targets print their commands and run nothing" OFF)

  foreach(action IN ITEMS list diff deploy destroy)
    add_custom_target(${action}-${arg_NAME}
      COMMAND "${CMAKE_COMMAND}"
              "-DCDKPP_ACTION=${action}"
              "-DCDKPP_CLI=${CDKPP_CDK_CLI}"
              "-DCDKPP_ASSEMBLY=${assembly}"
              "-DCDKPP_APPROVAL=${CDKPP_CDK_REQUIRE_APPROVAL}"
              "-DCDKPP_PROFILE=${CDKPP_AWS_PROFILE}"
              "-DCDKPP_ARGS=${CDKPP_CDK_ARGS}"
              "-DCDKPP_DRY_RUN=${CDKPP_DEPLOY_DRY_RUN}"
              -P "${_cdkpp_deploy_script}"
      USES_TERMINAL
      VERBATIM
      COMMENT "cdk ${action}: ${assembly}"
    )
    add_dependencies(${action}-${arg_NAME} "${synth_target}")
  endforeach()
endfunction()
