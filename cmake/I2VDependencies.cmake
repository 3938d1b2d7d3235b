# Finds every third-party dependency once, so that core/, app/, ui/ and tests/ only link targets.

# libtorch: Debian's, upstream's, or the one inside a PyTorch wheel (-DCMAKE_PREFIX_PATH=$(python3 -c
# 'import torch;print(torch.utils.cmake_prefix_path)')). A CUDA build of it looks for the CUDA toolkit while it is
# found: nvcc on PATH, in CUDAToolkit_ROOT or in /usr/local/cuda. Several 2.x wheels then look for NVTX3 headers
# in a PyTorch source tree they do not ship unless USE_SYSTEM_NVTX is on (it takes the toolkit's); a CPU
# libtorch ignores both.
if(NOT DEFINED USE_SYSTEM_NVTX)
  set(USE_SYSTEM_NVTX ON CACHE BOOL "CUDA libtorch: use the CUDA toolkit's NVTX3 headers")
endif()
if(NOT DEFINED CUDAToolkit_ROOT AND NOT DEFINED ENV{CUDAToolkit_ROOT} AND EXISTS /usr/local/cuda/bin/nvcc)
  set(CUDAToolkit_ROOT /usr/local/cuda)
  set(CUDA_TOOLKIT_ROOT_DIR /usr/local/cuda)  # the older FindCUDA that torch < 2.4 uses
endif()
find_package(Torch QUIET)
if(NOT Torch_FOUND)
  message(FATAL_ERROR "libtorch not found. Debian/Ubuntu: apt-get install libtorch-dev (scripts/install-deps.sh). "
                      "A PyTorch wheel: -DCMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)'); "
                      "a CUDA wheel also needs the CUDA toolkit of torch.version.cuda (nvcc on PATH, or "
                      "-DCUDAToolkit_ROOT=/path/to/cuda)")
endif()
# The headers of torch 2.12 and later use C++20.
if(Torch_VERSION VERSION_GREATER_EQUAL 2.12 AND CMAKE_CXX_STANDARD LESS 20)
  set(CMAKE_CXX_STANDARD 20)
  message(STATUS "libtorch ${Torch_VERSION}: building as C++20")
endif()
# The two header-only libraries come from the system (apt) or, on a machine that has only a compiler, CMake and
# libtorch (a GPU box with a PyTorch wheel), from third_party/include as scripts/vendor-header-deps.sh fills it.
set(I2V_VENDORED_INCLUDE_DIR ${PROJECT_SOURCE_DIR}/third_party/include)
find_package(nlohmann_json 3 QUIET)
if(NOT nlohmann_json_FOUND)
  if(EXISTS ${I2V_VENDORED_INCLUDE_DIR}/nlohmann/json.hpp)
    add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
    target_include_directories(nlohmann_json::nlohmann_json INTERFACE ${I2V_VENDORED_INCLUDE_DIR})
    message(STATUS "nlohmann-json: vendored copy in ${I2V_VENDORED_INCLUDE_DIR}")
  else()
    message(FATAL_ERROR "nlohmann-json 3 not found: apt-get install nlohmann-json3-dev, "
                        "or run scripts/vendor-header-deps.sh where it is installed and copy third_party/ here")
  endif()
endif()
find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp HINTS ${I2V_VENDORED_INCLUDE_DIR})
if(NOT CLI11_INCLUDE_DIR)
  message(FATAL_ERROR "CLI11 not found: apt-get install libcli11-dev, "
                      "or run scripts/vendor-header-deps.sh where it is installed and copy third_party/ here")
endif()
find_package(PkgConfig QUIET)

# Image codecs: each optional, the loader reports a clear error for a format the build lacks.
find_package(PNG QUIET)
find_package(JPEG QUIET)
find_package(TIFF QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(WEBP QUIET IMPORTED_TARGET libwebp libwebpdemux)
endif()

set(I2V_HAVE_FFMPEG OFF)
if(I2V_WITH_FFMPEG AND PkgConfig_FOUND)
  pkg_check_modules(FFMPEG IMPORTED_TARGET libavcodec libavformat libavutil libswscale libavfilter)
  if(FFMPEG_FOUND)
    set(I2V_HAVE_FFMPEG ON)
  endif()
endif()
if(I2V_WITH_FFMPEG AND NOT I2V_HAVE_FFMPEG)
  message(WARNING "FFmpeg dev packages not found: video export disabled (apt-get install libavcodec-dev "
                  "libavformat-dev libavutil-dev libswscale-dev libavfilter-dev, or -DI2V_WITH_FFMPEG=OFF)")
endif()

# The model hub client (core/hub: downloads over HTTPS, SHA-256 verification). Without them the engine still
# finds and loads models in the Hugging Face cache; `i2v download` and deep verification say they are missing.
option(I2V_WITH_HUB_CLIENT "Model downloads from the Hugging Face Hub (libcurl + OpenSSL)" ON)
set(I2V_HAVE_HUB_CLIENT OFF)
if(I2V_WITH_HUB_CLIENT)
  find_package(CURL 7.85 QUIET)
  find_package(OpenSSL QUIET COMPONENTS Crypto)
  if(CURL_FOUND AND OpenSSL_FOUND)
    set(I2V_HAVE_HUB_CLIENT ON)
  else()
    message(WARNING "libcurl or OpenSSL dev packages not found: model downloads disabled "
                    "(apt-get install libcurl4-openssl-dev libssl-dev, or -DI2V_WITH_HUB_CLIENT=OFF)")
  endif()
endif()

set(I2V_HAVE_SENTENCEPIECE OFF)
if(I2V_WITH_SENTENCEPIECE AND PkgConfig_FOUND)
  pkg_check_modules(SENTENCEPIECE IMPORTED_TARGET sentencepiece)
  if(SENTENCEPIECE_FOUND)
    set(I2V_HAVE_SENTENCEPIECE ON)
    # Trap 1 (docs/toolchain): libsentencepiece carries its own protobuf-lite, which clashes with
    # libtorch's libprotobuf in one process. No executable links it: core loads the
    # libi2v_sentencepiece module with RTLD_DEEPBIND instead (core/text/SentencePieceModel.h).
    find_library(I2V_SENTENCEPIECE_TRAIN_LIBRARY NAMES sentencepiece_train)
  endif()
endif()

set(I2V_HAVE_QT OFF)
set(I2V_HAVE_QT_TEST OFF)
if(I2V_BUILD_GUI OR I2V_BUILD_TESTS)
  set(_qt_components Core Test)
  if(I2V_BUILD_GUI)
    list(APPEND _qt_components Gui Widgets Multimedia MultimediaWidgets Sql DBus LinguistTools)
  endif()
  find_package(Qt6 6.2 COMPONENTS ${_qt_components} QUIET)
  if(Qt6_FOUND)
    set(I2V_HAVE_QT ON)
    set(I2V_HAVE_QT_TEST ON)
  elseif(I2V_BUILD_GUI)
    message(FATAL_ERROR "Qt 6 not found: install qt6-base-dev qt6-multimedia-dev qt6-tools-dev, "
                        "or configure with -DI2V_BUILD_GUI=OFF")
  else()
    message(STATUS "Qt 6 Test not found: tests are not built")
  endif()
endif()

# Links an executable of the project with its libraries (one place for executable-wide link policy).
function(i2v_link_executable target)
  target_link_libraries(${target} PRIVATE ${ARGN})
endfunction()
