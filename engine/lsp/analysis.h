// One version of one open document, analysed once by the existing engines: the parser (syntax
// errors and the AST), the agreement checks (agreement errors) and lint (warnings with
// rewrites). Every feature (diagnostics, hover, completion, ...) reads this; none re-parses.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/app/session.h"
#include "engine/lsp/positions.h"
#include "engine/syntax/editor_support.h"

namespace pactum::lsp {

// What a name written in the agreement stands for.
enum class NameKind { Party, Calendar, Interval, Fee, EventType, Attribute };

struct NameUse {
  NameKind kind = NameKind::Party;
  std::string text;  // without backticks
  SourceLoc loc;
  uint32_t width = 1;        // code points, backticks included
  bool declaration = false;  // `party Acme`, `calendar X`, `interval X`, `fee X`
};

// A stretch of the document: from a first token to the end of a last one (end exclusive).
struct Extent {
  SourceLoc start;
  SourceLoc end;
  bool contains(SourceLoc loc) const;
};

class Analysis {
 public:
  Analysis(std::string uri, std::string text, int64_t version);
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const std::string& uri() const { return uri_; }
  const std::string& text() const { return text_; }  // line ends made LF where a lone CR ended a line
  bool had_lone_cr() const { return had_lone_cr_; }    // then formatting rewrites the document
  int64_t version() const { return version_; }
  const LineIndex& lines() const { return lines_; }
  const app::Session& session() const { return *session_; }
  const model::Agreement& ast() const { return session_->ast; }
  bool parsed() const { return session_->parsed; }
  // Larger than an agreement may be (kMaxAgreementBytes, as `pactum lint` refuses it): not
  // analysed; its one diagnostic says so and no feature reads the text.
  bool too_large() const { return too_large_; }
  // The resolved agreement (set when the text parsed), for calendars and zones.
  const semantic::ResolvedAgreement* resolved() const;
  // Syntax errors, agreement errors and lint entries, sorted by place.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  // Computed on first use: tokens, names, and the extents of declarations, blocks and rules.
  const std::vector<syntax::LexedToken>& tokens() const;
  const std::vector<NameUse>& names() const;
  // The token at a location (default-channel or hidden), or nullptr between tokens.
  const syntax::LexedToken* token_at(SourceLoc loc) const;
  // The start of the last parser-visible token before `loc` (the keyword before a declared name).
  SourceLoc token_before(SourceLoc loc) const;
  // The name written at `loc`, or nullptr.
  const NameUse* name_at(SourceLoc loc) const;
  // Where a rule / block / top-level item starting at `start` ends (up to its last token before
  // the next item).
  Extent extent_of(SourceLoc start) const;
  // The block and rule whose text contains `loc`.
  struct RuleAt {
    const model::Block* block = nullptr;
    const model::Rule* rule = nullptr;
  };
  RuleAt rule_at(SourceLoc loc) const;

  // An LSP range of a SourceLoc and a width in code points.
  Json range(SourceLoc loc, uint32_t width) const;
  Json range(const Extent& e) const;

 private:
  void index_names() const;
  void collect_starts() const;

  std::string uri_;
  std::string text_;
  bool had_lone_cr_ = false;
  int64_t version_;
  bool too_large_ = false;
  LineIndex lines_;
  std::unique_ptr<app::Session> session_;
  std::vector<Diagnostic> diagnostics_;

  mutable std::optional<std::vector<syntax::LexedToken>> tokens_;
  mutable std::optional<std::vector<NameUse>> names_;
  mutable std::optional<std::vector<SourceLoc>> starts_;  // sorted starts of every item and rule
};

bool before(SourceLoc a, SourceLoc b);

}  // namespace pactum::lsp
