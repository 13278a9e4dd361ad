// The allocator libyaml's renamed calls reach (engine/log/yaml_arena.h): plain malloc outside a
// scope, the thread's arena inside one, every block usable for the size asked, contents kept
// across realloc, freed small blocks taken back by the next block of their size.
#include <yaml.h>

#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine/log/yaml_arena.h"

using namespace pactum::log;

namespace {

void fill(void* p, size_t n, unsigned char seed) {
  auto* b = static_cast<unsigned char*>(p);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<unsigned char>(seed + i * 7);
}
bool holds(const void* p, size_t n, unsigned char seed) {
  auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i)
    if (b[i] != static_cast<unsigned char>(seed + i * 7)) return false;
  return true;
}

}  // namespace

TEST_CASE("outside a scope the calls are malloc's", "[yaml_arena]") {
  size_t before = yaml_arena_used();
  void* p = pactum_yaml_malloc(100);
  REQUIRE(p != nullptr);
  fill(p, 100, 1);
  p = pactum_yaml_realloc(p, 5000);
  CHECK(holds(p, 100, 1));
  pactum_yaml_free(p);
  CHECK(yaml_arena_used() == before);
}

TEST_CASE("a freed small block is taken back by the next block of its size", "[yaml_arena]") {
  YamlArenaScope scope;
  void* a = pactum_yaml_malloc(16);
  void* b = pactum_yaml_malloc(40);  // not the newest once c exists
  void* c = pactum_yaml_malloc(16);
  size_t used = yaml_arena_used();
  pactum_yaml_free(b);
  void* d = pactum_yaml_malloc(33);  // 33 and 40 both round to 48
  CHECK(d == b);
  CHECK(yaml_arena_used() == used);
  pactum_yaml_free(c);  // the newest block: its space is free again
  CHECK(yaml_arena_used() < used);
  pactum_yaml_free(a);
  pactum_yaml_free(d);
}

TEST_CASE("realloc keeps the contents: grown in place at the end, moved elsewhere", "[yaml_arena]") {
  YamlArenaScope scope;
  // Sizes as libyaml's strings and stacks grow (doubling from 16), and shrinking.
  const std::vector<size_t> steps = {16, 32, 64, 128, 256, 512, 1024, 16384, 40, 3, 70000};
  void* p = pactum_yaml_malloc(1);
  fill(p, 1, 9);
  size_t kept = 1;
  for (size_t size : steps) {
    void* other = pactum_yaml_malloc(24);  // every other step, p is not the newest block
    fill(other, 24, 3);
    p = pactum_yaml_realloc(p, size);
    REQUIRE(p != nullptr);
    INFO("size " << size);
    CHECK(holds(p, std::min(kept, size), 9));
    CHECK(holds(other, 24, 3));
    fill(p, size, 9);
    kept = size;
    pactum_yaml_free(other);
  }
  pactum_yaml_free(p);
}

TEST_CASE("a scope inside a scope keeps the outer scope's blocks", "[yaml_arena]") {
  YamlArenaScope outer;
  void* p = pactum_yaml_malloc(64);
  fill(p, 64, 5);
  {
    YamlArenaScope inner;
    void* q = pactum_yaml_malloc(64);
    CHECK(q != p);
    fill(q, 64, 6);
    pactum_yaml_free(q);
  }
  void* r = pactum_yaml_malloc(100);
  CHECK(r != p);
  CHECK(holds(p, 64, 5));
  pactum_yaml_free(r);
  pactum_yaml_free(p);
}

TEST_CASE("strdup copies into the arena", "[yaml_arena]") {
  YamlArenaScope scope;
  char* s = pactum_yaml_strdup("tag:yaml.org,2002:str");
  CHECK(std::string(s) == "tag:yaml.org,2002:str");
  CHECK(yaml_arena_used() > 0);
  pactum_yaml_free(s);
}

TEST_CASE("a scope that needs more than the arena holds goes on with malloc", "[yaml_arena]") {
  YamlArenaScope scope;
  std::vector<void*> blocks;
  for (int i = 0; i < 40; ++i) {  // 40 x 1 MiB: past the 8 MiB arena
    void* p = pactum_yaml_malloc(size_t{1} << 20);
    REQUIRE(p != nullptr);
    fill(p, 64, static_cast<unsigned char>(i));
    blocks.push_back(p);
  }
  void* grown = pactum_yaml_realloc(blocks[3], size_t{3} << 20);  // an arena block moved to malloc's
  REQUIRE(grown != nullptr);
  blocks[3] = grown;
  for (size_t i = 0; i < blocks.size(); ++i) {
    INFO("block " << i);
    CHECK(holds(blocks[i], 64, static_cast<unsigned char>(i)));
  }
  for (void* p : blocks) pactum_yaml_free(p);
}

TEST_CASE("random allocations keep their contents, scope after scope, on several threads", "[yaml_arena]") {
  auto run = [](unsigned seed, bool& ok) {
    std::mt19937 random(seed);
    ok = true;
    for (int round = 0; round < 20; ++round) {
      YamlArenaScope scope;
      struct Block {
        void* p;
        size_t size;
        unsigned char seed;
      };
      std::vector<Block> live;
      for (int step = 0; step < 3000; ++step) {
        unsigned what = random() % 10;
        if (what < 5 || live.empty()) {
          size_t size = random() % 8 == 0 ? random() % 20000 : random() % 200;
          auto s = static_cast<unsigned char>(random());
          void* p = pactum_yaml_malloc(size);
          fill(p, size, s);
          live.push_back({p, size, s});
        } else {
          size_t i = random() % live.size();
          Block& b = live[i];
          ok = ok && holds(b.p, b.size, b.seed);
          if (what < 8) {
            size_t size = random() % 4 == 0 ? b.size * 2 + 1 : random() % 300;
            b.p = pactum_yaml_realloc(b.p, size);
            ok = ok && holds(b.p, std::min(size, b.size), b.seed);
            fill(b.p, size, b.seed);
            b.size = size;
          } else {
            pactum_yaml_free(b.p);
            live[i] = live.back();
            live.pop_back();
          }
        }
      }
      for (Block& b : live) {
        ok = ok && holds(b.p, b.size, b.seed);
        pactum_yaml_free(b.p);
      }
    }
  };
  bool ok[3];
  std::thread first(run, 1u, std::ref(ok[0]));
  std::thread second(run, 2u, std::ref(ok[1]));
  run(3u, ok[2]);
  first.join();
  second.join();
  CHECK(ok[0]);
  CHECK(ok[1]);
  CHECK(ok[2]);
}

#if defined(PACTUM_YAML_ARENA_LINKED)
TEST_CASE("libyaml's own allocations come from the arena inside a scope", "[yaml_arena]") {
  YamlArenaScope scope;
  size_t before = yaml_arena_used();
  yaml_parser_t parser;
  REQUIRE(yaml_parser_initialize(&parser));
  CHECK(yaml_arena_used() > before);  // its buffers
  yaml_parser_delete(&parser);
}

namespace {

// Every event of `text` as one line: type, value, tag, anchor, line and column.
std::vector<std::string> events_of(const std::string& text) {
  std::vector<std::string> out;
  yaml_parser_t parser;
  REQUIRE(yaml_parser_initialize(&parser));
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  for (;;) {
    yaml_event_t e;
    if (!yaml_parser_parse(&parser, &e)) {
      out.push_back(std::string("error: ") + (parser.problem ? parser.problem : ""));
      break;
    }
    std::string line = std::to_string(e.type) + " " + std::to_string(e.start_mark.line) + ":" +
                       std::to_string(e.start_mark.column);
    auto add = [&line](const unsigned char* s) { line += s ? " [" + std::string(reinterpret_cast<const char*>(s)) + "]" : " -"; };
    if (e.type == YAML_SCALAR_EVENT) {
      line += " " + std::string(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
      add(e.data.scalar.tag);
      add(e.data.scalar.anchor);
    } else if (e.type == YAML_MAPPING_START_EVENT) {
      add(e.data.mapping_start.anchor);
    } else if (e.type == YAML_ALIAS_EVENT) {
      add(e.data.alias.anchor);
    }
    bool end = e.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&e);
    out.push_back(line);
    if (end) break;
  }
  yaml_parser_delete(&parser);
  return out;
}

}  // namespace

TEST_CASE("libyaml reads the same inside a scope as with malloc", "[yaml_arena]") {
  // Plain, quoted, folded and literal scalars, long ones (libyaml's strings double many times),
  // tags, anchors and aliases, flow collections, a %TAG directive, and an error at the end.
  std::string text = "%TAG !e! tag:example.com,2026:\n---\nevents:\n";
  for (int i = 0; i < 300; ++i) {
    text += "  - &a" + std::to_string(i) + " {type: call, at: \"2026-01-0" + std::to_string(1 + i % 9) +
            "T10:00:00Z\", by: 'Acme ''CX''', id: !e!id C-" + std::to_string(i) + "}\n";
    text += "  - note: |\n      " + std::string(static_cast<size_t>(i) * 37 % 5000, 'x') + "\n      second line\n";
    text += "    folded: >\n      a\n      b " + std::string(static_cast<size_t>(i) % 200, 'y') + "\n";
    text += "    list: [1, 2, *a" + std::to_string(i) + "]\n";
  }
  text += "  - {unclosed: [1, 2\n";
  std::vector<std::string> expected = events_of(text);
  REQUIRE(expected.size() > 3000);
  YamlArenaScope scope;
  std::vector<std::string> found = events_of(text);
  CHECK(yaml_arena_used() > 0);
  REQUIRE(found.size() == expected.size());
  for (size_t i = 0; i < found.size(); ++i) {
    INFO("event " << i);
    REQUIRE(found[i] == expected[i]);
  }
}
#endif
