# cdkpp's CMake module: turns an app executable into a build step that synthesizes its cloud
# assembly, with preset cache variables passed to the app as context values.
#
#   cdkpp_add_synth(<app target>
#     [TARGET <name>]                 the named target that synthesizes (default: synth)
#     [OUTPUT_DIR <dir>]              the assembly folder (default: <binary dir>/cdk.out)
#     [CONTEXT <key>=<VARIABLE> ...]  context values taken from CMake (cache) variables
#     [OUTPUTS <file> ...]            files the synth writes, relative to OUTPUT_DIR, that the
#                                     build should know (templates, nested manifests)
#     [EXCLUDE_FROM_ALL])             by default a plain build also synthesizes
#
# The synth re-runs when the app is rebuilt, when a context value changes, and when a file the
# app read changes (the app writes a depfile of them); otherwise it is up to date.

include_guard(GLOBAL)

# JSON string literal for a CMake string (quotes, backslashes and control characters escaped).
function(_cdkpp_json_string out value)
  string(REPLACE "\\" "\\\\" value "${value}")
  string(REPLACE "\"" "\\\"" value "${value}")
  string(REPLACE "\n" "\\n" value "${value}")
  string(REPLACE "\t" "\\t" value "${value}")
  string(REPLACE "\r" "\\r" value "${value}")
  set(${out} "\"${value}\"" PARENT_SCOPE)
endfunction()

# Writes the context file; it is rewritten only when its content changes, so that an unchanged
# configuration does not re-run the synth.
function(_cdkpp_write_context_file file pairs)
  # Built with string(APPEND), not lists: a value may hold ';', which a list would split.
  set(values "")
  set(sources "")
  set(separator "")
  set(value_separator "")
  foreach(pair IN LISTS pairs)
    string(FIND "${pair}" "=" equals)
    if(equals LESS 1)
      message(FATAL_ERROR "cdkpp_add_synth: CONTEXT entry '${pair}' is not <key>=<VARIABLE>")
    endif()
    string(SUBSTRING "${pair}" 0 ${equals} key)
    math(EXPR after "${equals} + 1")
    string(SUBSTRING "${pair}" ${after} -1 variable)
    _cdkpp_json_string(key_json "${key}")
    _cdkpp_json_string(source_json "CMake cache variable ${variable}")
    string(APPEND sources "${separator}    ${key_json}: ${source_json}")
    set(separator ",\n")
    if(DEFINED ${variable})
      _cdkpp_json_string(value_json "${${variable}}")
      string(APPEND values "${value_separator}    ${key_json}: ${value_json}")
      set(value_separator ",\n")
    endif()
  endforeach()

  set(content "{\n  \"context\": {\n${values}\n  },\n  \"sources\": {\n${sources}\n  }\n}\n")
  file(WRITE "${file}.new" "${content}")
  configure_file("${file}.new" "${file}" COPYONLY)
  file(REMOVE "${file}.new")
endfunction()

function(cdkpp_add_synth app)
  cmake_parse_arguments(PARSE_ARGV 1 arg "EXCLUDE_FROM_ALL" "TARGET;OUTPUT_DIR" "CONTEXT;OUTPUTS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cdkpp_add_synth: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET "${app}")
    message(FATAL_ERROR "cdkpp_add_synth: '${app}' is not a target")
  endif()
  if(NOT arg_TARGET)
    set(arg_TARGET synth)
  endif()
  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/cdk.out")
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT_DIR BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
             NORMALIZE)

  get_property(used_dirs GLOBAL PROPERTY CDKPP_SYNTH_OUTPUT_DIRS)
  if("${arg_OUTPUT_DIR}" IN_LIST used_dirs)
    message(FATAL_ERROR "cdkpp_add_synth(${app}): another synth already writes to "
                        "'${arg_OUTPUT_DIR}'; give each app its own OUTPUT_DIR and TARGET")
  endif()
  set_property(GLOBAL APPEND PROPERTY CDKPP_SYNTH_OUTPUT_DIRS "${arg_OUTPUT_DIR}")

  set(context_file "${CMAKE_CURRENT_BINARY_DIR}/${arg_TARGET}.context.json")
  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/${arg_TARGET}.d")
  _cdkpp_write_context_file("${context_file}" "${arg_CONTEXT}")

  set(outputs "${arg_OUTPUT_DIR}/manifest.json")
  set(expect_args "")
  foreach(file IN LISTS arg_OUTPUTS)
    list(APPEND outputs "${arg_OUTPUT_DIR}/${file}")
    list(APPEND expect_args --expect "${file}")
  endforeach()

  add_custom_command(
    OUTPUT ${outputs}
    COMMAND "$<TARGET_FILE:${app}>"
            --output "${arg_OUTPUT_DIR}"
            --context-file "${context_file}"
            --depfile "${depfile}"
            ${expect_args}
    DEPENDS "${app}" "${context_file}"
    DEPFILE "${depfile}"
    COMMENT "Synthesizing ${app} into ${arg_OUTPUT_DIR}"
    VERBATIM
  )

  set(all ALL)
  if(arg_EXCLUDE_FROM_ALL)
    set(all "")
  endif()
  add_custom_target("${arg_TARGET}" ${all} DEPENDS ${outputs})
  set_target_properties("${arg_TARGET}" PROPERTIES
    CDKPP_ASSEMBLY_DIR "${arg_OUTPUT_DIR}"
    CDKPP_CONTEXT_FILE "${context_file}"
    CDKPP_APP "${app}"
  )
endfunction()
