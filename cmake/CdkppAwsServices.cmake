# cdkpp_generate_aws_services(): the typed resource classes, one library per AWS service.
#
# cdkpp-codegen turns the CloudFormation specification into one header and one source per
# service (<cdk/aws/dynamodb.hpp> ...) in the build tree, at build time, and again whenever the
# specification or the generator changes. Each service is a static library, cdk::aws::<service>
# (cdk::alexa::ask for Alexa), left out of the default build: only the services that a target
# links are compiled.
#
#   target_link_libraries(my_app PRIVATE cdk::aws::dynamodb cdk::aws::lambda)

include_guard(GLOBAL)

function(cdkpp_generate_aws_services)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "CODEGEN;SPEC;SERVICES;OUTPUT_DIR;CORE" "")
  foreach(required IN ITEMS CODEGEN SPEC SERVICES OUTPUT_DIR CORE)
    if(NOT arg_${required})
      message(FATAL_ERROR "cdkpp_generate_aws_services: ${required} is required")
    endif()
  endforeach()

  # The list of services is read at configure time, which needs the targets before anything
  # is generated; the generator checks at build time that it matches the specification.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${arg_SERVICES}")
  file(STRINGS "${arg_SERVICES}" services)

  set(generated "${arg_OUTPUT_DIR}")
  set(outputs "${generated}/src/spec_catalog.cpp" "${generated}/classes.json")
  foreach(service IN LISTS services)
    list(APPEND outputs "${generated}/include/cdk/${service}.hpp" "${generated}/src/${service}.cpp")
  endforeach()
  list(LENGTH services service_count)

  add_custom_command(
    OUTPUT ${outputs}
    COMMAND "${arg_CODEGEN}" --spec "${arg_SPEC}" --services "${arg_SERVICES}"
            --out "${generated}"
    DEPENDS "${arg_CODEGEN}" "${arg_SPEC}" "${arg_SERVICES}"
    COMMENT "Generating the typed resource classes of ${service_count} services"
    VERBATIM
  )
  add_custom_target(cdkpp_aws_sources DEPENDS ${outputs})

  # Builds every service, to check that all of the generated code compiles (not in ALL).
  add_custom_target(cdkpp_aws_all_services)

  foreach(service IN LISTS services)
    string(REPLACE "/" "_" name "${service}")
    string(REPLACE "/" "::" alias "${service}")
    add_library(cdkpp_${name} STATIC EXCLUDE_FROM_ALL "${generated}/src/${service}.cpp")
    add_library(cdk::${alias} ALIAS cdkpp_${name})
    add_dependencies(cdkpp_${name} cdkpp_aws_sources)
    target_include_directories(cdkpp_${name} PUBLIC "$<BUILD_INTERFACE:${generated}/include>")
    target_link_libraries(cdkpp_${name} PUBLIC ${arg_CORE})
    add_dependencies(cdkpp_aws_all_services cdkpp_${name})
  endforeach()

  set(CDKPP_AWS_SERVICES "${services}" PARENT_SCOPE)
  set(CDKPP_AWS_GENERATED_DIR "${generated}" PARENT_SCOPE)
endfunction()
