# The libraries of the WebAssembly build (emcmake cmake; docs/workbench.md), as the targets the
# native build gets from find_package: antlr4_shared, fmt::fmt, yaml-cpp, PkgConfig::LIBYAML,
# date::date-tz, CLI11::CLI11, nlohmann_json::nlohmann_json, OpenSSL::Crypto, Threads::Threads.
#
# - libyaml, yaml-cpp, date/tz's tz.cpp and ANTLR's C++ runtime: Debian ships them only as code
#   for the host, so they are compiled here from Debian's own source packages, which
#   scripts/deb-sources.sh fetches with `apt-get source` into the build tree.
# - fmt (FMT_HEADER_ONLY), nlohmann-json, CLI11, the date headers and utfcpp (which ANTLR's
#   runtime includes) are header-only: their headers come from the installed -dev packages,
#   through a folder of symbolic links so that no other host header is visible to em++.
# - OpenSSL is used for one SHA-256 (finding ids): engine/report/sha256.cc computes it instead.
# - The log reader's second thread is compiled out (engine/log/libyaml_reader.cc, __EMSCRIPTEN__).
enable_language(C)

set(PACTUM_DEB_SOURCES ${CMAKE_BINARY_DIR}/deb-src CACHE PATH "Where scripts/deb-sources.sh unpacks Debian's source packages")
execute_process(COMMAND ${CMAKE_SOURCE_DIR}/scripts/deb-sources.sh ${PACTUM_DEB_SOURCES} RESULT_VARIABLE deb_sources_status)
if(NOT deb_sources_status EQUAL 0)
  message(FATAL_ERROR "scripts/deb-sources.sh failed: run scripts/setup.sh wasm first (emscripten, dpkg-dev, a deb-src entry)")
endif()

# C++ exceptions everywhere (emscripten disables catching them by default).
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

# Header-only libraries from the installed -dev packages.
set(PACTUM_HOST_HEADERS ${CMAKE_BINARY_DIR}/host-headers)
file(MAKE_DIRECTORY ${PACTUM_HOST_HEADERS})
foreach(entry fmt nlohmann CLI date utf8 utf8.h)
  if(NOT EXISTS /usr/include/${entry})
    message(FATAL_ERROR "/usr/include/${entry} is missing: run scripts/setup.sh wasm")
  endif()
  file(CREATE_LINK /usr/include/${entry} ${PACTUM_HOST_HEADERS}/${entry} SYMBOLIC)
endforeach()

add_library(fmt::fmt INTERFACE IMPORTED)
set_target_properties(fmt::fmt PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${PACTUM_HOST_HEADERS}
                                          INTERFACE_COMPILE_DEFINITIONS FMT_HEADER_ONLY=1)
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${PACTUM_HOST_HEADERS})
add_library(CLI11::CLI11 INTERFACE IMPORTED)
set_target_properties(CLI11::CLI11 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${PACTUM_HOST_HEADERS})
add_library(Threads::Threads INTERFACE IMPORTED)  # no threads: see above
add_library(OpenSSL::Crypto INTERFACE IMPORTED)
set_target_properties(OpenSSL::Crypto PROPERTIES INTERFACE_COMPILE_DEFINITIONS PACTUM_BUILTIN_SHA256=1)

# libyaml (C).
set(src ${PACTUM_DEB_SOURCES}/libyaml)
file(GLOB sources ${src}/src/*.c)
add_library(pactum_wasm_libyaml STATIC ${sources})
target_include_directories(pactum_wasm_libyaml SYSTEM PUBLIC ${src}/include PRIVATE ${src}/src)
target_compile_definitions(pactum_wasm_libyaml PUBLIC YAML_DECLARE_STATIC
  PRIVATE YAML_VERSION_MAJOR=0 YAML_VERSION_MINOR=2 YAML_VERSION_PATCH=5 YAML_VERSION_STRING="0.2.5")
target_compile_options(pactum_wasm_libyaml PRIVATE -w)
add_library(PkgConfig::LIBYAML ALIAS pactum_wasm_libyaml)

# yaml-cpp.
set(src ${PACTUM_DEB_SOURCES}/yaml-cpp)
file(GLOB sources ${src}/src/*.cpp ${src}/src/contrib/*.cpp)
add_library(yaml-cpp STATIC ${sources})
target_include_directories(yaml-cpp SYSTEM PUBLIC ${src}/include PRIVATE ${src}/src)
set_target_properties(yaml-cpp PROPERTIES CXX_STANDARD 11)
target_compile_options(yaml-cpp PRIVATE -w)

# date/tz: the binary zoneinfo files of Debian's tzdata, as the native build reads them
# (USE_OS_TZDB); the module embeds them at /usr/share/zoneinfo (web/wasm/zoneinfo.sh).
set(src ${PACTUM_DEB_SOURCES}/howardhinnant-date)
add_library(pactum_wasm_date_tz STATIC ${src}/src/tz.cpp)
target_include_directories(pactum_wasm_date_tz SYSTEM PUBLIC ${PACTUM_HOST_HEADERS})
target_compile_definitions(pactum_wasm_date_tz PUBLIC USE_OS_TZDB=1 ONLY_C_LOCALE=1 HAS_STRING_VIEW=1)
set_target_properties(pactum_wasm_date_tz PROPERTIES CXX_STANDARD 17)
target_compile_options(pactum_wasm_date_tz PRIVATE -w)
add_library(date::date-tz ALIAS pactum_wasm_date_tz)

# ANTLR's C++ runtime (C++11, as Debian builds it).
set(src ${PACTUM_DEB_SOURCES}/antlr4-cpp-runtime/runtime/src)
file(GLOB_RECURSE sources ${src}/*.cpp)
add_library(pactum_wasm_antlr4 STATIC ${sources})
set(PACTUM_ANTLR4_INCLUDE ${src})
target_include_directories(pactum_wasm_antlr4 SYSTEM PUBLIC ${src} ${PACTUM_HOST_HEADERS} ${PACTUM_HOST_HEADERS}/utf8
                           PRIVATE ${src}/atn ${src}/dfa ${src}/misc ${src}/support ${src}/tree ${src}/tree/pattern ${src}/tree/xpath)
# Compiled 16 files to one translation unit (a unity build): its 148 files mostly parse the same
# headers, and the whole runtime took 2.8 minutes of `make workbench-test` one file at a time.
set_target_properties(pactum_wasm_antlr4 PROPERTIES CXX_STANDARD 11 UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 16)
target_compile_options(pactum_wasm_antlr4 PRIVATE -w)
add_library(antlr4_shared ALIAS pactum_wasm_antlr4)
