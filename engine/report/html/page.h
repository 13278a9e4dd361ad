// The html report (`--format html`): one self-contained page for a quarterly business review.
// Each section is its own file in engine/report/html/; they share what is computed once here:
// the report data, a view of each term (block) with its findings, pending items, windows and
// activations, the heat map's columns, and which findings the capped findings table lists (so
// that charts link to a row only when the row exists).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/report/html/time_axis.h"
#include "engine/report/report.h"

namespace pactum::report::html {

// Tables stay printable and the page stays quick to open with any number of findings: the
// findings table lists at most this many rows per term and overall; every chart aggregates.
constexpr size_t kFindingRowsPerTerm = 100;
constexpr size_t kFindingRows = 1000;
constexpr size_t kDueSoonRows = 100;
constexpr size_t kLintRows = 500;

struct TermView {
  size_t block_index = 0;
  const model::Block* block = nullptr;
  std::optional<calendar::Interval> judged;  // the judged interval within the block's own span
  std::vector<size_t> findings;              // indices into outcome.findings, in report order
  std::vector<size_t> pending;               // indices into outcome.pending
  std::vector<const eval::PeriodicSummary*> periodic;  // its rules with windows, by rule number
  const std::vector<eval::ActivityDay>* activity = nullptr;
  size_t activations = 0;
};

struct Page {
  const ReportData& d;
  const date::time_zone* zone;
  std::vector<TermView> terms;           // every block, agreement order (evaluated reports only)
  std::vector<CalendarSpan> columns;     // heat map columns over the judged interval
  std::vector<bool> listed;              // per finding: does the findings table list its row?
  explicit Page(const ReportData& data);
  bool evaluated() const { return d.outcome && d.outcome->evaluated; }
  // The fragment a chart mark of finding `i` links to: its row, else its term's findings.
  std::string link(size_t finding_index) const;
};

// The sections, in page order.
std::string header(const Page& p);
std::string scorecard(const Page& p);
std::string compliance(const Page& p);
std::string timelines(const Page& p);
std::string service_levels(const Page& p);
std::string due_soon(const Page& p);
std::string credits(const Page& p);
std::string findings(const Page& p);
std::string lint(const Page& p);
std::string obligations(const Page& p);
const char* style();

// The heat map columns an item falls in, first and last (inclusive): the one holding its time,
// or its window's start; a window longer than a column covers every column it meets. Nothing
// (first > last) when it lies outside every column.
struct ColumnRange {
  size_t first = 1, last = 0;
};
ColumnRange column_range(const Page& p, Instant at, const std::optional<calendar::Interval>& window);

// The period whose windows a rule judges: its `every PERIOD`, or the share's (V2.3, 5.1).
const model::Period& window_period(const model::Rule& rule);

// Shared wording.
std::string local_time(const Page& p, Instant t);  // "Mon 2026-03-02 09:00"
// The CSS class of a window's state in the charts ("st-kept", "st-broken", ...), shared by the
// timelines and the service level charts so that one legend colours both.
const char* state_class(eval::WindowResult::State s);
std::string when_text(const Page& p, const eval::Finding& f);  // its time, or its window
std::string responsible_text(const eval::Finding& f);          // plain text, "A, B"
// The one sentence at the top of the page.
std::string verdict_sentence(const Page& p);

}  // namespace pactum::report::html
