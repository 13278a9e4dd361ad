// Whether this build may start threads: not the browser build (WebAssembly without threads),
// where the reader pipeline runs on the one thread, no log is parsed in parallel and reports are
// rendered on the one thread.
#pragma once

#ifndef PACTUM_READER_THREAD
#ifdef __EMSCRIPTEN__
#define PACTUM_READER_THREAD 0
#else
#define PACTUM_READER_THREAD 1
#endif
#endif
