# Desktop integration and CPack packages (DEB and TGZ): `cpack -G DEB` / `cpack -G TGZ` in the build folder.
include(GNUInstallDirs)
install(FILES ${CMAKE_SOURCE_DIR}/installer/agentic-mlops-studio.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/installer/io.github.agentic_mlops_studio.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/agentic-mlops-studio.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME "agentic-mlops-studio")
set(CPACK_PACKAGE_VENDOR "Agentic MLOps Studio developers")
set(CPACK_PACKAGE_CONTACT "Agentic MLOps Studio developers <studio@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Design ML platforms with a team of reviewing agents")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "agentic-mlops-studio")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/agentic-mlops-studio/agentic-mlops-studio")
# Library dependencies are computed from the binaries by dpkg-shlibdeps; tools the validators call are listed.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as plugins at run time, so invisible to dpkg-shlibdeps: the X11/Wayland platform and SVG icons.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, qt6-wayland, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git, python3, shellcheck, yamllint")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
include(CPack)
