// User mistakes are data, not exceptions: every stage appends Diagnostics and carries on where it
// can, so that one run reports all the errors of an agreement and its logs together.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/base/source.h"

namespace pactum {

enum class DiagLevel { Error, Warning, Note };

struct Diagnostic {
  DiagLevel level = DiagLevel::Error;
  std::string code;        // stable code for lint entries and agreement errors ("unknown-party"), may be empty
  SourceLoc loc;           // where to point the caret
  uint32_t width = 1;      // how many characters the caret underlines
  std::string message;     // one sentence: what is wrong / what was expected
  std::vector<std::string> notes;  // extra lines: "did you mean `Acme`?", a suggested rewrite
  std::string label;               // shown instead of error/warning when set ("finding")
  // Whether the rendering may show the source line. False for all but the first error in a file
  // that is not a valid agreement: such a file may be anything the path led to (a secret), and
  // no more than one line of it is ever printed (docs/security.md).
  bool show_source = true;
};

// Collects diagnostics with an upper bound on errors (after which further ones are dropped and
// counted), so a file full of garbage still gives a readable, bounded report.
class Diagnostics {
 public:
  explicit Diagnostics(size_t error_limit = 50) : error_limit_(error_limit) {}

  void add(Diagnostic d);
  void error(SourceLoc loc, std::string message, std::vector<std::string> notes = {}, uint32_t width = 1);
  void warning(SourceLoc loc, std::string message, std::vector<std::string> notes = {}, uint32_t width = 1);

  bool has_errors() const { return errors_ > 0; }
  size_t error_count() const { return errors_; }
  size_t dropped() const { return dropped_; }
  bool full() const { return errors_ >= error_limit_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  // Stable order for output: by file, line, column (insertion order among equals).
  void sort();
  // What was collected so far, and going back to it (a streamed check that starts over).
  struct Mark {
    size_t items = 0, errors = 0, dropped = 0;
  };
  Mark mark() const { return Mark{items_.size(), errors_, dropped_}; }
  void rewind(const Mark& m) {
    items_.resize(m.items);
    errors_ = m.errors;
    dropped_ = m.dropped;
  }

 private:
  size_t error_limit_;
  size_t errors_ = 0;
  size_t dropped_ = 0;
  std::vector<Diagnostic> items_;
};

// "did you mean" support: the candidate closest to `word` by edit distance (case-insensitive),
// or empty when none is close enough to be a plausible misspelling.
// Linear in the candidates: a length filter and a bounded edit distance skip the hopeless ones.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// "A, B, C": at most `shown` names, then "and N more" (an error note lists declared names; an
// agreement may declare thousands).
std::string list_of(const std::vector<std::string>& names, size_t shown = 10);

// Renders diagnostics in compiler style (every part from the input through visible_text, the
// file name through shown_path, engine/base/text.h):
//   file:line:column: error: message
//     7 |   every site_visit ... befor
//       |                        ^~~~~
//     = did you mean `before`?
std::string render_diagnostic(const Diagnostic& d, const SourceManager& sources, bool color = false);

}  // namespace pactum
