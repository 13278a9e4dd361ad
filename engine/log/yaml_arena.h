// libyaml allocates and frees every token, every scalar's text and four scratch strings per plain
// scalar through malloc, realloc and free: about a third of a parser thread's time went to glibc's
// allocator (perf, docs/performance.md). The native build links Debian's libyaml.a with those
// calls renamed (objcopy --redefine-sym, CMakeLists.txt) to the pactum_yaml_* functions below.
// They are plain malloc, realloc, free and strdup, except on a thread where a YamlArenaScope is
// open: there the memory comes from that thread's arena, where a freed block of up to 512 bytes
// is kept on a list of its size (the next token takes it back: no lock, no search, the block is
// still in the cache), and everything is given back at once when the scope closes.
//
// The rule that makes this safe: nothing libyaml allocates inside a scope may be used after the
// scope closes, or on another thread. parallel_reader.cc opens one around the parse of a piece,
// whose parser is created and deleted inside it and whose events are copied into records.
// Large blocks (over 512 bytes) are reused only when the last one grows or is freed (libyaml's
// buffers double in place); a piece that needs more than the arena holds (8 MiB) gets the rest
// from malloc. The WebAssembly build, which compiles libyaml itself, keeps the plain allocator.
#pragma once
#include <cstddef>

namespace pactum::log {

class YamlArenaScope {
 public:
  YamlArenaScope();
  ~YamlArenaScope();
  YamlArenaScope(const YamlArenaScope&) = delete;
  YamlArenaScope& operator=(const YamlArenaScope&) = delete;
};

// For the unit test: bytes of this thread's arena handed out since its scope opened (blocks and
// their headers; reused blocks counted once).
size_t yaml_arena_used();

}  // namespace pactum::log

extern "C" {
void* pactum_yaml_malloc(size_t size);
void* pactum_yaml_realloc(void* block, size_t size);
void pactum_yaml_free(void* block);
char* pactum_yaml_strdup(const char* text);
}
