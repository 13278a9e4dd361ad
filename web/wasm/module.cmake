# The pactum module of the WebAssembly build: cli/main.cc and the engine as an emscripten module
# that the page (and web/test/) instantiates once and runs like the command line:
#   const pactum = await createPactum({stdout: byte => ..., stderr: byte => ...});
#   pactum.FS.writeFile('/work/a.terms', text); pactum.FS.chdir('/work');
#   const status = pactum.callMain(['check', 'a.terms', 'log.yaml', '--format', 'json']);
# - MODULARIZE + INVOKE_RUN=0 + EXIT_RUNTIME=0: main runs only when called, as often as called.
# - SINGLE_FILE: the WebAssembly binary is inside pactum.js (base64), so nothing is fetched and
#   the page works from file://.
# - The zoneinfo files of Debian's tzdata are embedded at /usr/share/zoneinfo (zoneinfo.sh).
set(PACTUM_ZONEINFO ${CMAKE_BINARY_DIR}/zoneinfo)
add_custom_command(
  OUTPUT ${PACTUM_ZONEINFO}.stamp
  COMMAND ${CMAKE_SOURCE_DIR}/web/wasm/zoneinfo.sh ${PACTUM_ZONEINFO}
  COMMAND ${CMAKE_COMMAND} -E touch ${PACTUM_ZONEINFO}.stamp
  DEPENDS ${CMAKE_SOURCE_DIR}/web/wasm/zoneinfo.sh /usr/share/zoneinfo/tzdata.zi
  COMMENT "Copying the time zones to embed")
add_custom_target(pactum_zoneinfo DEPENDS ${PACTUM_ZONEINFO}.stamp)
add_dependencies(pactum pactum_zoneinfo)

target_link_options(pactum PRIVATE
  -sMODULARIZE=1 -sEXPORT_NAME=createPactum
  -sINVOKE_RUN=0 -sEXIT_RUNTIME=0
  -sFORCE_FILESYSTEM=1 -sEXPORTED_RUNTIME_METHODS=callMain,FS
  -sALLOW_MEMORY_GROWTH=1
  -sSINGLE_FILE=1
  -sENVIRONMENT=web,node
  --embed-file ${PACTUM_ZONEINFO}@/usr/share/zoneinfo)
set_property(TARGET pactum APPEND PROPERTY LINK_DEPENDS ${PACTUM_ZONEINFO}.stamp)
