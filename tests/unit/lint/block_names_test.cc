// duplicate-block (engine/lint/names.cc): two blocks with one name would give their findings the
// same ids (spec V2.9), so a baseline or waiver of one would accept the other's.
#include "tests/unit/lint/lint_fixture.h"

using namespace pactum;
using namespace pactum::lint::testing;

namespace {
std::string with_blocks(const std::string& blocks) { return std::string(kAcmeNorthwind) + "\n" + blocks + "\n"; }
}  // namespace

TEST_CASE("duplicate-block: two blocks with one name", "[lint][duplicate-block]") {
  run_cases(lint::kDuplicateBlock,
            {
                {"two terms", with_blocks("term \"A\"\n  no x\nterm \"A\"\n  severity critical\n  no y\n"), 1},
                {"a term and an expectation",
                 with_blocks("term \"A\"\n  no x\nexpectation \"A\"\n  responsible Acme\n  at least 1 y every month\n"),
                 1},
                {"three blocks: the second and the third", with_blocks("term \"A\"\n  no x\nterm \"A\"\n  no y\nterm \"A\"\n  no z\n"),
                 2},
                {"names differing in case are distinct (ids differ)", with_blocks("term \"A\"\n  no x\nterm \"a\"\n  no y\n"), 0},
                {"distinct names", with_blocks("term \"A\"\n  no x\nterm \"B\"\n  no x\n"), 0},
            });
}

TEST_CASE("duplicate-block: an error at the later block, naming the first", "[lint][duplicate-block]") {
  auto l = lint_text(with_blocks("term \"Reports\"\n  no x\n\nexpectation \"Reports\"\n  responsible Acme\n"
                                 "  at least 1 y every month\n"));
  const Diagnostic* d = l->first(lint::kDuplicateBlock);
  REQUIRE(d);
  CHECK(d->level == DiagLevel::Error);
  CHECK(d->width == 11);  // `expectation`
  CHECK(d->message.find("expectation \"Reports\" has the name of the term at line ") == 0);
}
