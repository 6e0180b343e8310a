# Install rules: the library, its headers, the CMake module and a package config, so that a
# team's repository uses cdkpp with find_package(cdkpp) and cdkpp_add_synth().

include(CMakePackageConfigHelpers)

set(CDKPP_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/cdkpp"
    CACHE STRING "where the package config of cdkpp is installed")
mark_as_advanced(CDKPP_INSTALL_CMAKEDIR)

install(TARGETS cdkpp EXPORT cdkppTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
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
  DESTINATION "${CDKPP_INSTALL_CMAKEDIR}"
)
