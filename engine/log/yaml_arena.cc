#include "engine/log/yaml_arena.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PACTUM_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PACTUM_ASAN 1
#endif
#if PACTUM_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace pactum::log {

namespace {

// Under AddressSanitizer the arena's free space, freed blocks, block headers and the bytes past
// each block's requested size are poisoned, so that libyaml overrunning a block or using one after
// free is still reported, as it would be with malloc.
void poison(const void* p, size_t n) {
#if PACTUM_ASAN
  ASAN_POISON_MEMORY_REGION(p, n);
#else
  (void)p, (void)n;
#endif
}
void unpoison(const void* p, size_t n) {
#if PACTUM_ASAN
  ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
  (void)p, (void)n;
#endif
}

constexpr size_t kAlign = 16;                // as glibc's malloc
constexpr size_t kHeader = kAlign;           // the block's capacity, kept in front of it
constexpr size_t kSmallBytes = 512;          // blocks up to this size go back on a list of their size
constexpr size_t kLists = kSmallBytes / kAlign + 1;
constexpr size_t kArenaBytes = size_t{8} << 20;  // per thread; untouched pages cost nothing

size_t round_up(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

struct Arena {
  std::unique_ptr<std::byte[]> memory;  // allocated when the thread first opens a scope
  std::byte* next = nullptr;            // free space: [next, end)
  std::byte* end = nullptr;
  void* lists[kLists] = {};             // freed small blocks by capacity / kAlign, linked through their first word
  unsigned scopes = 0;                  // open scopes on this thread: an inner one changes nothing

  bool owns(const void* p) const {
    auto* b = static_cast<const std::byte*>(p);
    return memory && b >= memory.get() && b < memory.get() + kArenaBytes;
  }

  static size_t capacity(const void* block) {
    auto* header = static_cast<const std::byte*>(block) - kHeader;
    unpoison(header, sizeof(size_t));
    size_t c;
    std::memcpy(&c, header, sizeof c);
    poison(header, sizeof(size_t));
    return c;
  }
  static void set_capacity(void* block, size_t c) {
    auto* header = static_cast<std::byte*>(block) - kHeader;
    unpoison(header, sizeof(size_t));
    std::memcpy(header, &c, sizeof c);
    poison(header, sizeof(size_t));
  }
  bool last(const void* block, size_t c) const { return static_cast<const std::byte*>(block) + c == next; }

  void open() {
    if (!memory) memory.reset(new std::byte[kArenaBytes]);
    next = memory.get();
    end = memory.get() + kArenaBytes;
    std::memset(lists, 0, sizeof lists);
    poison(memory.get(), kArenaBytes);
  }
  void close() {
    poison(memory.get(), static_cast<size_t>(next - memory.get()));
  }

  // nullptr when the arena is full (the caller takes malloc's).
  void* allocate(size_t size) {
    size_t c = round_up(size == 0 ? 1 : size);
    if (c <= kSmallBytes) {
      void*& list = lists[c / kAlign];
      if (void* block = list) {
        unpoison(block, sizeof(void*));
        std::memcpy(&list, block, sizeof(void*));
        unpoison(block, size);
        return block;
      }
    }
    if (static_cast<size_t>(end - next) < kHeader + c) return nullptr;
    void* block = next + kHeader;
    next += kHeader + c;
    set_capacity(block, c);
    unpoison(block, size);
    return block;
  }

  void release(void* block) {
    size_t c = capacity(block);
    poison(block, c);
    if (last(block, c)) {  // the newest block: its space is free again
      next = static_cast<std::byte*>(block) - kHeader;
    } else if (c <= kSmallBytes) {
      void*& list = lists[c / kAlign];
      unpoison(block, sizeof(void*));
      std::memcpy(block, &list, sizeof(void*));
      poison(block, sizeof(void*));
      list = block;
    }
    // A large block in the middle stays unused until the scope closes.
  }

  void* resize(void* block, size_t size) {
    size_t c = capacity(block);
    size_t wanted = round_up(size == 0 ? 1 : size);
    if (wanted <= c) {
      unpoison(block, size);
      poison(static_cast<std::byte*>(block) + size, c - size);
      return block;
    }
    // libyaml doubles its buffers and strings; the newest block grows where it is.
    if (last(block, c) && static_cast<size_t>(end - static_cast<std::byte*>(block)) >= wanted) {
      next = static_cast<std::byte*>(block) + wanted;
      set_capacity(block, wanted);
      unpoison(block, size);
      return block;
    }
    void* moved = allocate(size);
    if (!moved) moved = std::malloc(size);
    if (!moved) return nullptr;  // realloc's contract: the old block is left as it was
    unpoison(block, c);  // the bytes past the size asked before are copied too (and poisoned again by release)
    std::memcpy(moved, block, std::min(c, size));
    release(block);
    return moved;
  }
};

thread_local Arena arena;

}  // namespace

YamlArenaScope::YamlArenaScope() {
  if (arena.scopes++ == 0) arena.open();
}
YamlArenaScope::~YamlArenaScope() {
  if (--arena.scopes == 0) arena.close();
}

size_t yaml_arena_used() { return arena.memory ? static_cast<size_t>(arena.next - arena.memory.get()) : 0; }

}  // namespace pactum::log

using pactum::log::arena;

extern "C" {

void* pactum_yaml_malloc(size_t size) {
  if (arena.scopes != 0)
    if (void* block = arena.allocate(size)) return block;
  return std::malloc(size);
}

void pactum_yaml_free(void* block) {
  if (!block) return;
  if (arena.owns(block)) {
    arena.release(block);
    return;
  }
  std::free(block);
}

void* pactum_yaml_realloc(void* block, size_t size) {
  if (!block) return pactum_yaml_malloc(size);
  if (arena.owns(block)) return arena.resize(block, size);
  return std::realloc(block, size);
}

char* pactum_yaml_strdup(const char* text) {
  size_t n = std::strlen(text) + 1;
  auto* copy = static_cast<char*>(pactum_yaml_malloc(n));
  if (copy) std::memcpy(copy, text, n);
  return copy;
}

}  // extern "C"
