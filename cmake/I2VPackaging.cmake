# Installation layout and the packages CPack makes from it: a Debian package and a relocatable .tar.gz
# (`cpack -G DEB` / `cpack -G TGZ` in the build folder; packaging/README.md). tests/packaging checks both.
#
#   bin/i2v, bin/i2v-studio
#   lib/i2v-studio/libi2v_sentencepiece.so     core/text/SentencePieceModel.cpp looks in <exe>/../lib/i2v-studio
#   share/i2v-studio/models/demo               ui/MainWindow.cpp looks in <exe>/../share/i2v-studio/models/demo
#   share/applications, share/metainfo, share/icons/hicolor, share/man/man1, share/doc/i2v-studio
#
# Every path is relative to the prefix, so the tarball runs from wherever it is unpacked.
set(I2V_PACKAGE_NAME i2v-studio)
set(I2V_PACKAGE_MAINTAINER "I2V Studio developers <i2v-studio@users.noreply.github.com>")
set(I2V_PACKAGE_HOMEPAGE "https://github.com/i2vstudio/i2v-studio")
set(I2V_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging/linux)
set(I2V_PACKAGING_BINARY_DIR ${PROJECT_BINARY_DIR}/packaging)
set(I2V_ICON_SIZES 16 22 24 32 48 64 128 256 512)

# The release date of the manual pages: the newest CHANGELOG.md entry, which should be this version's.
file(STRINGS ${PROJECT_SOURCE_DIR}/CHANGELOG.md I2V_CHANGELOG_HEAD REGEX "^## \\[" LIMIT_COUNT 1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md)
if(I2V_CHANGELOG_HEAD MATCHES "^## \\[([^]]+)\\] - ([0-9-]+)")
  set(I2V_RELEASE_DATE ${CMAKE_MATCH_2})
  if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
    message(WARNING "CHANGELOG.md's newest entry is ${CMAKE_MATCH_1}, project(VERSION) is ${PROJECT_VERSION}")
  endif()
else()
  message(FATAL_ERROR "CHANGELOG.md has no '## [version] - YYYY-MM-DD' entry")
endif()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/models/demo DESTINATION share/i2v-studio/models)

set(I2V_MAN_PAGES i2v.1)
if(TARGET i2v-studio)
  list(APPEND I2V_MAN_PAGES i2v-studio.1)
  install(FILES ${I2V_PACKAGING_DIR}/${I2V_APP_ID}.desktop DESTINATION share/applications)
  install(FILES ${I2V_PACKAGING_DIR}/${I2V_APP_ID}.metainfo.xml DESTINATION share/metainfo)
  install(FILES ${I2V_PACKAGING_DIR}/icons/${I2V_APP_ID}.svg DESTINATION share/icons/hicolor/scalable/apps)
  foreach(size ${I2V_ICON_SIZES})
    install(FILES ${I2V_PACKAGING_DIR}/icons/${size}x${size}/${I2V_APP_ID}.png
            DESTINATION share/icons/hicolor/${size}x${size}/apps)
  endforeach()
endif()

# Manual pages (version and date filled in) and the Debian changelog, compressed with `gzip -9n` as
# Debian policy asks (no name or timestamp in the header: the same bytes on every build).
set(I2V_GZIPPED_DOCS)
foreach(page ${I2V_MAN_PAGES})
  configure_file(${I2V_PACKAGING_DIR}/${page}.in ${I2V_PACKAGING_BINARY_DIR}/${page} @ONLY)
  add_custom_command(OUTPUT ${I2V_PACKAGING_BINARY_DIR}/${page}.gz
    COMMAND gzip -9n -c ${page} > ${page}.gz
    DEPENDS ${I2V_PACKAGING_BINARY_DIR}/${page}
    WORKING_DIRECTORY ${I2V_PACKAGING_BINARY_DIR} VERBATIM)
  list(APPEND I2V_GZIPPED_DOCS ${I2V_PACKAGING_BINARY_DIR}/${page}.gz)
  install(FILES ${I2V_PACKAGING_BINARY_DIR}/${page}.gz DESTINATION share/man/man1)
endforeach()
add_custom_command(OUTPUT ${I2V_PACKAGING_BINARY_DIR}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -DINPUT=${PROJECT_SOURCE_DIR}/CHANGELOG.md -DOUTPUT=changelog
          -DPACKAGE=${I2V_PACKAGE_NAME} -DMAINTAINER=${I2V_PACKAGE_MAINTAINER}
          -P ${PROJECT_SOURCE_DIR}/cmake/DebianChangelog.cmake
  COMMAND gzip -9n -f changelog
  DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${PROJECT_SOURCE_DIR}/cmake/DebianChangelog.cmake
  WORKING_DIRECTORY ${I2V_PACKAGING_BINARY_DIR} VERBATIM)
list(APPEND I2V_GZIPPED_DOCS ${I2V_PACKAGING_BINARY_DIR}/changelog.gz)
add_custom_target(i2v_packaging_docs ALL DEPENDS ${I2V_GZIPPED_DOCS})
install(FILES ${I2V_PACKAGING_BINARY_DIR}/changelog.gz ${I2V_PACKAGING_DIR}/copyright
        DESTINATION share/doc/${I2V_PACKAGE_NAME})

# --- CPack -------------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_PACKAGE_NAME ${I2V_PACKAGE_NAME})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "I2V Studio developers")
set(CPACK_PACKAGE_CONTACT ${I2V_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_HOMEPAGE_URL ${I2V_PACKAGE_HOMEPAGE})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "image-to-video generator with the I2VGen-XL diffusion model")
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_PACKAGE_FILE_NAME ${I2V_PACKAGE_NAME}-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR})
set(CPACK_STRIP_FILES ON)
set(CPACK_VERBATIM_VARIABLES ON)

set(CPACK_DEBIAN_PACKAGE_VERSION ${I2V_DEB_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${I2V_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY in front as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "I2V Studio animates a still picture: given an image and a sentence describing
the motion, the I2VGen-XL model generates a short video that starts from the
picture. The model runs locally in libtorch, on the CPU or a CUDA GPU.
.
This package contains the desktop app i2v-studio, the command line i2v and a
tiny random-weight demo model. The real weights (about 5 GB) are downloaded
separately; i2v(1) explains how.")
# dpkg-shlibdeps computes the libraries' packages (libtorch, Qt 6, FFmpeg, image codecs). What it cannot
# see: libtorch calls the generic libblas.so.3, which is netlib's reference BLAS (30x slower) unless OpenBLAS
# provides it, and Qt loads the SQLite driver of the job history as a plugin.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread | libopenblas0")
if(TARGET i2v-studio)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libqt6sql6-sqlite")
  # qt6-translations-l10n: Qt's own strings (file dialogs, standard buttons) in the UI's language.
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# gzip: the demo model's random weights do not compress anyway, and xz would add a minute to every CI run.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
include(CPack)
