# Install rules: the library, its headers, the CMake module and a package config, so that a
# team's repository uses cdkpp with find_package(cdkpp) and cdkpp_add_synth().

include(CMakePackageConfigHelpers)

set(CDKPP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/cdkpp"
    CACHE STRING "where the package config of cdkpp is installed")
set(CDKPP_INSTALL_SPECDIR "${CMAKE_INSTALL_DATADIR}/cdkpp/spec"
    CACHE STRING "where the CloudFormation specification of cdkpp is installed")
set(CDKPP_INSTALL_CONSTRUCTSDIR "${CMAKE_INSTALL_DATADIR}/cdkpp/constructs"
    CACHE STRING "where the sources of the L2 constructs of cdkpp are installed")
mark_as_advanced(CDKPP_INSTALL_CMAKEDIR CDKPP_INSTALL_SPECDIR CDKPP_INSTALL_CONSTRUCTSDIR)

# The generator, the specification and the sources of the L2 constructs are installed, not the
# generated classes: a consumer's build generates them and compiles only the services it links.
install(TARGETS cdkpp cdkpp-codegen cdkpp-snapshot EXPORT cdkppTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
)
install(FILES
  "${PROJECT_SOURCE_DIR}/generator/spec/cloudformation-spec.json"
  "${PROJECT_SOURCE_DIR}/generator/spec/services.txt"
  DESTINATION "${CDKPP_INSTALL_SPECDIR}"
)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/generator/constructs/"
  DESTINATION "${CDKPP_INSTALL_CONSTRUCTSDIR}"
  PATTERN "__pycache__" EXCLUDE
)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/generator/include/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
)
install(EXPORT cdkppTargets
  NAMESPACE cdk::
  DESTINATION "${CDKPP_INSTALL_CMAKEDIR}"
)

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/cdkppConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cdkppConfig.cmake"
  INSTALL_DESTINATION "${CDKPP_INSTALL_CMAKEDIR}"
  PATH_VARS CDKPP_INSTALL_SPECDIR CDKPP_INSTALL_CONSTRUCTSDIR
)
# Before 1.0 a minor version may change the interface.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/cdkppConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion
)
install(FILES
  "${PROJECT_BINARY_DIR}/cdkppConfig.cmake"
  "${PROJECT_BINARY_DIR}/cdkppConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/CdkppSynth.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/CdkppAwsServices.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/CdkppConstructs.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/CdkppDeploy.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/CdkppCdkCommand.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/CdkppTesting.cmake"
  DESTINATION "${CDKPP_INSTALL_CMAKEDIR}"
)
