// write_output (engine/app/atomic_write.cc, issue 11): how -o and fmt -w write a path.
#include <catch2/catch.hpp>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "engine/app/commands.h"
#include "tests/unit/app/temp_folder.h"
#include "engine/app/output_file.h"
#include "engine/base/background_close.h"

using namespace pactum;
namespace fs = std::filesystem;

namespace {

using Folder = testing::TempFolder;
using testing::slurp;

void put(const std::string& p, const std::string& text) { std::ofstream(p) << text; }

mode_t mode_of(const std::string& p) {
  struct stat st {};
  ::lstat(p.c_str(), &st);
  return st.st_mode;
}

}  // namespace

TEST_CASE("write_output: regular files atomically with their mode, links to their target") {
  Folder dir;
  std::string error;
  mode_t old_mask = ::umask(022);

  // A new file: 0666 less the umask.
  REQUIRE(app::write_output(dir / "new.txt", "one\n", error));
  CHECK(slurp(dir / "new.txt") == "one\n");
  CHECK((mode_of(dir / "new.txt") & 07777) == 0644);

  // A replaced file keeps its mode.
  put(dir / "private.txt", "old\n");
  ::chmod((dir / "private.txt").c_str(), 0600);
  REQUIRE(app::write_output(dir / "private.txt", "new\n", error));
  CHECK(slurp(dir / "private.txt") == "new\n");
  CHECK((mode_of(dir / "private.txt") & 07777) == 0600);

  // A link stays a link; its target gets the text (relative and dangling targets too).
  fs::create_directory(dir.path / "reports");
  put(dir / "reports/target.txt", "old\n");
  fs::create_symlink("reports/target.txt", dir.path / "link.txt");
  REQUIRE(app::write_output(dir / "link.txt", "through\n", error));
  CHECK(S_ISLNK(mode_of(dir / "link.txt")));
  CHECK(slurp(dir / "reports/target.txt") == "through\n");
  fs::create_symlink("made.txt", dir.path / "dangling.txt");
  REQUIRE(app::write_output(dir / "dangling.txt", "made\n", error));
  CHECK(S_ISLNK(mode_of(dir / "dangling.txt")));
  CHECK(slurp(dir / "made.txt") == "made\n");

  // A name as long as a name can be: the temporary file still fits.
  std::string longest(NAME_MAX, 'r');
  REQUIRE(app::write_output(dir / longest, "long\n", error));
  CHECK(slurp(dir / longest) == "long\n");

  // No temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(dir.path))
    CHECK(entry.path().filename().string().find(".pactum-tmp-") == std::string::npos);

  // A directory is an error.
  CHECK_FALSE(app::write_output(dir / "reports", "x", error));
  CHECK(error == "Is a directory");
  ::umask(old_mask);
}

TEST_CASE("write_output: a FIFO is written, not replaced") {
  Folder dir;
  std::string fifo = dir / "out.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = slurp(fifo); });
  std::string error;
  bool ok = app::write_output(fifo, "through the pipe\n", error);
  reader.join();
  CHECK(ok);
  CHECK(got == "through the pipe\n");
  CHECK(S_ISFIFO(mode_of(fifo)));
}

TEST_CASE("same_file: the same file through links and hard links") {
  Folder dir;
  put(dir / "a.terms", "x");
  fs::create_symlink("a.terms", dir.path / "link.terms");
  fs::create_hard_link(dir.path / "a.terms", dir.path / "hard.terms");
  put(dir / "b.terms", "x");
  CHECK(app::same_file(dir / "a.terms", dir / "link.terms"));
  CHECK(app::same_file(dir / "hard.terms", dir / "a.terms"));
  CHECK_FALSE(app::same_file(dir / "a.terms", dir / "b.terms"));
  CHECK_FALSE(app::same_file(dir / "missing", dir / "a.terms"));
}

// OutputFile (issue 17): a report streamed into its file piece by piece.
TEST_CASE("OutputFile: the target is untouched until commit, and no file is left behind without it") {
  Folder dir;
  put(dir / "out.json", "old\n");
  ::chmod((dir / "out.json").c_str(), 0640);
  {
    app::OutputFile file;
    std::string error;
    REQUIRE(file.open(dir / "out.json", error));
    file.stream() << std::string(200000, 'x');  // beyond the buffer: written to the temporary file
    CHECK(slurp(dir / "out.json") == "old\n");
  }  // destroyed without commit, as when rendering throws
  CHECK(slurp(dir / "out.json") == "old\n");
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);

  app::OutputFile file;
  std::string error;
  REQUIRE(file.open(dir / "out.json", error));
  std::string expected;
  for (int i = 0; i < 5000; ++i) {  // many small pieces and a few large ones
    std::string piece = i % 1000 == 0 ? std::string(70000, 'a' + i % 26) : "finding " + std::to_string(i) + "\n";
    file.stream() << piece;
    expected += piece;
  }
  REQUIRE(file.commit(error));
  CHECK(slurp(dir / "out.json") == expected);
  CHECK((mode_of(dir / "out.json") & 07777) == 0640);
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
}

TEST_CASE("OutputFile: a failed write is reported by commit") {
  app::OutputFile file;
  std::string error;
  REQUIRE(file.open("/dev/full", error));  // a device: written directly
  file.stream() << std::string(100000, 'x');
  CHECK_FALSE(file.commit(error));
  CHECK(error == "No space left on device");
}

TEST_CASE("OutputFile: a folder that does not exist cannot be opened, and nothing is created") {
  Folder dir;
  app::OutputFile file;
  std::string error;
  CHECK_FALSE(file.open(dir / "missing/out.json", error));
  CHECK(error == "No such file or directory");
}

// The replaced file is held by a descriptor through the rename and closed in the background
// (its freeing is slow for a large report): no descriptor is left open by a run of replacements.
TEST_CASE("OutputFile: replacing files leaves no descriptor open") {
  Folder dir;
  auto open_descriptors = [] {
    return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator{});
  };
  put(dir / "out.json", "old\n");
  pactum::background_close_wait();
  auto before = open_descriptors();
  for (int i = 0; i < 20; ++i) {
    std::string error;
    REQUIRE(app::write_output(dir / "out.json", "report " + std::to_string(i) + "\n", error));
  }
  CHECK(slurp(dir / "out.json") == "report 19\n");
  pactum::background_close_wait();
  CHECK(open_descriptors() == before);
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
}
