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
# Library dependencies (Qt, QCoro, libgit2, yaml-cpp, SQLite, Graphviz) are computed from the binaries by
# dpkg-shlibdeps. Listed by hand is what is loaded or started at run time and so invisible to it: the X11/Wayland
# platform plugins, SVG image support, Chromium's helper process and resources for the report view, Graphviz's
# layout plugins (shipped in libgvc6). History, diffs and export use libgit2: git itself is only recommended.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qt6-qpa-plugins, qt6-wayland, libqt6svg6, libqt6webenginecore6-bin, libqt6webengine6-data, libgvc6")
# Qt's own German strings (standard dialogs), and the tools the validators call when present.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, git, python3, shellcheck, yamllint")
# CPack puts the summary on the first line and indents this text below it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Agentic MLOps Studio turns a plain-language description of an ML system into a \
reviewed architecture (diagram, cost, policy results) and a validated infrastructure-as-code repository committed \
with git. Desktop application (mlops-studio) and command line (mlops-studio-cli).")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
include(CPack)
