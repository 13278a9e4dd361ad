// SpilledText: the kept text of a piped log, in an unnamed temporary file or (when none can be
// made or written) in memory, gives back exactly the bytes appended, cut at a line end when
// asked, whichever way it is kept.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "engine/base/source.h"
#include "engine/log/spill_file.h"

using namespace pactum;
using namespace pactum::log;

namespace {

// Sets TMPDIR for the lifetime of the object.
struct TemporaryDirectory {
  explicit TemporaryDirectory(const char* dir) {
    if (const char* old = std::getenv("TMPDIR")) saved = old;
    ::setenv("TMPDIR", dir, 1);
  }
  ~TemporaryDirectory() {
    if (saved.empty()) ::unsetenv("TMPDIR");
    else ::setenv("TMPDIR", saved.c_str(), 1);
  }
  std::string saved;
};

struct Case {
  const char* name;
  std::vector<std::string> pieces;
  size_t line_end;  // expected
};

const std::vector<Case> kCases = {
    {"empty", {}, 0},
    {"no line break", {"events:"}, 0},
    {"one line", {"events:\n"}, 8},
    {"a line and a half", {"events:\n  - id"}, 8},
    {"line break in a later piece", {"events:", "\n  - id: 1\n", "  at"}, 18},
    {"crlf", {"a\r\n", "b\r\n"}, 6},
    {"large pieces", {std::string(100000, 'x') + "\n", std::string(70000, 'y')}, 100001},
};

std::string joined(const Case& c) {
  std::string all;
  for (const auto& p : c.pieces) all += p;
  return all;
}

void check_case(const Case& c, bool expect_spilled) {
  INFO("case: " << c.name);
  SpilledText kept;
  CHECK(kept.spilled() == expect_spilled);
  for (const auto& p : c.pieces) kept.append(p);
  std::string all = joined(c);
  CHECK(kept.size() == all.size());
  CHECK(kept.line_end() == c.line_end);
  CHECK(kept.prefix(all.size()) == all);
  CHECK(kept.prefix(3) == all.substr(0, 3));
  kept.truncate(kept.line_end());
  CHECK(kept.size() == c.line_end);
  CHECK(kept.prefix(all.size()) == all.substr(0, c.line_end));
  CHECK_FALSE(kept.lost());
}

}  // namespace

TEST_CASE("spilled text in a temporary file gives back what was appended", "[log][spill]") {
  TemporaryDirectory tmp("/tmp");
  for (const auto& c : kCases) check_case(c, true);
}

TEST_CASE("spilled text stays in memory when no temporary file can be made", "[log][spill]") {
  for (const char* dir : {"/nonexistent-pactum-dir", "/proc"}) {
    TemporaryDirectory tmp(dir);
    INFO("TMPDIR=" << dir);
    for (const auto& c : kCases) check_case(c, false);
  }
}

TEST_CASE("a relative TMPDIR is not used", "[log][spill]") {
  TemporaryDirectory tmp("relative-dir-that-does-not-exist");
  SpilledText kept;
  CHECK(kept.spilled());  // /tmp instead
}

TEST_CASE("a temporary file that cannot grow hands its text back to memory", "[log][spill]") {
  TemporaryDirectory tmp("/tmp");
  // A file size limit makes write() fail with EFBIG (SIGXFSZ ignored) once the file holds 64 KiB.
  struct rlimit old {};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old;
  small.rlim_cur = 65536;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  std::string all;
  {
    SpilledText kept;
    REQUIRE(kept.spilled());
    for (int i = 0; i < 100; ++i) {
      std::string line = std::string(1000 + i, static_cast<char>('a' + i % 26)) + "\n";
      kept.append(line);
      all += line;
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    CHECK_FALSE(kept.spilled());
    CHECK_FALSE(kept.lost());
    CHECK(kept.size() == all.size());
    CHECK(kept.line_end() == all.size());
    CHECK(kept.prefix(all.size()) == all);
    CHECK(kept.release_text() == all);
  }
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, old_handler);
}

TEST_CASE("a source given a spilled file reads its lines and contents from it", "[log][spill]") {
  TemporaryDirectory tmp("/tmp");
  SpilledText kept;
  REQUIRE(kept.spilled());
  kept.append("events:\n  - id: 1\r\n    at: x\n");
  SourceManager sources;
  uint32_t file = sources.add_text("<stdin>", std::string());
  sources.set_open_file(file, kept.release_file());
  CHECK_FALSE(sources.text(file));
  CHECK(sources.line(file, 2) == std::optional<std::string>("  - id: 1"));
  CHECK(sources.line(file, 3) == std::optional<std::string>("    at: x"));
  CHECK_FALSE(sources.line(file, 4));
  CHECK(sources.contents(file) == std::optional<std::string>("events:\n  - id: 1\r\n    at: x\n"));
}
