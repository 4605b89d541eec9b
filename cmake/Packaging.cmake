# The Debian package: `cpack` in a build directory (scripts/package does it from a Release
# build) turns the install tree of cmake/Install.cmake into activation-explorer_<version>_<arch>.deb.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME activation-explorer)
set(CPACK_PACKAGE_VENDOR "The Activation Explorer developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "A teaching tool that draws 23 activation functions of neural networks, from the binary step to GELU, Swish and Mish, with their first and second derivatives and their saturation regions. Parameters are tuned with sliders, functions are compared in a table of checked properties with the history behind each one, and charts export to PNG, SVG and PDF. Headless commands evaluate the functions without a display.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CONTACT "The Activation Explorer developers <maintainers@example.org>")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps reads the libraries the executable links and writes Depends from them. It
# cannot see plugins Qt loads at run time: the platform plugins ship in libqt6gui6 (linked), but
# the SVG icon engine that draws the app's icon ships in libqt6svg6, named here for that reason.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4)")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
