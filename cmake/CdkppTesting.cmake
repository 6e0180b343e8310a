# CTest helpers for cdkpp applications: one test per template of an assembly.
#
#   cdkpp_add_snapshot_tests(synth
#     SNAPSHOT_DIR "${CMAKE_CURRENT_SOURCE_DIR}/snapshots"
#     TEMPLATES Storage.template.json assembly-Prod/ProdStorage1234ABCD.template.json
#     [PREFIX snapshot] [LABELS template])
#
# compares each template with its committed snapshot, SNAPSHOT_DIR/<the template's file name>:
# a test fails with a unified diff when the template changed, and
# `CDKPP_UPDATE_SNAPSHOTS=1 ctest -L <label>` rewrites the snapshots.
#
#   cdkpp_add_template_tests(synth
#     COMMAND policy_checks [args...]
#     TEMPLATES Storage.template.json ...
#     [PREFIX template-checks] [LABELS template])
#
# runs `<command> <args> <template file>` for each template: a program that checks a template
# file and exits non-zero with its message when a check fails (cdk::assertions::
# check_template_files() is such a main). A target name as the command is its executable.
#
# <synth target> is a target made by cdkpp_add_synth(); TEMPLATES are paths inside its assembly.
# Each test is named <prefix>.<stack>, after the template's file name.

include_guard(GLOBAL)

# The assembly folder of a synth target, or a configure error naming the caller.
function(_cdkpp_assembly_of caller synth_target out)
  if(NOT TARGET "${synth_target}")
    message(FATAL_ERROR "${caller}: '${synth_target}' is not a target")
  endif()
  get_target_property(assembly "${synth_target}" CDKPP_ASSEMBLY_DIR)
  if(NOT assembly)
    message(FATAL_ERROR "${caller}: '${synth_target}' was not made by cdkpp_add_synth()")
  endif()
  set("${out}" "${assembly}" PARENT_SCOPE)
endfunction()

# Adds <prefix>.<stack> running `<command...> <extra...>` per template; in the command and the
# extra arguments, @TEMPLATE@ stands for the template's path and @FILE@ for its file name.
function(_cdkpp_add_per_template_tests caller synth_target prefix labels templates)
  _cdkpp_assembly_of("${caller}" "${synth_target}" assembly)
  foreach(template IN LISTS templates)
    cmake_path(GET template FILENAME file)
    string(REGEX REPLACE "\\.template\\.json$" "" stack "${file}")
    set(command "${ARGN}")
    string(REPLACE "@TEMPLATE@" "${assembly}/${template}" command "${command}")
    string(REPLACE "@FILE@" "${file}" command "${command}")
    add_test(NAME "${prefix}.${stack}" COMMAND ${command})
    if(labels)
      set_tests_properties("${prefix}.${stack}" PROPERTIES LABELS "${labels}")
    endif()
  endforeach()
endfunction()

function(cdkpp_add_snapshot_tests synth_target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "SNAPSHOT_DIR;PREFIX" "TEMPLATES;LABELS")
  if(NOT arg_SNAPSHOT_DIR OR NOT arg_TEMPLATES)
    message(FATAL_ERROR "cdkpp_add_snapshot_tests: SNAPSHOT_DIR and TEMPLATES are required")
  endif()
  if(NOT arg_PREFIX)
    set(arg_PREFIX snapshot)
  endif()
  _cdkpp_add_per_template_tests(cdkpp_add_snapshot_tests "${synth_target}" "${arg_PREFIX}"
    "${arg_LABELS}" "${arg_TEMPLATES}"
    "$<TARGET_FILE:cdk::snapshot>" "${arg_SNAPSHOT_DIR}/@FILE@" "@TEMPLATE@")
endfunction()

function(cdkpp_add_template_tests synth_target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "PREFIX" "COMMAND;TEMPLATES;LABELS")
  if(NOT arg_COMMAND OR NOT arg_TEMPLATES)
    message(FATAL_ERROR "cdkpp_add_template_tests: COMMAND and TEMPLATES are required")
  endif()
  if(NOT arg_PREFIX)
    set(arg_PREFIX template-checks)
  endif()
  # add_test() takes a target name as its command's executable.
  _cdkpp_add_per_template_tests(cdkpp_add_template_tests "${synth_target}" "${arg_PREFIX}"
    "${arg_LABELS}" "${arg_TEMPLATES}" ${arg_COMMAND} "@TEMPLATE@")
endfunction()
