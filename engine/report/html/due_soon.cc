// Due soon: what is still pending, ordered by its deadline (report::deadline_of, as every format
// reads it), with who must act. An item without a deadline of its own (a window its open cases
// still decide, a plain `after`) comes last, by its time. With `--due-within SPAN` the section
// lists only the items due within SPAN, as the other formats do (report/due_soon.h).
#include <algorithm>

#include <fmt/format.h>

#include "engine/eval/wording.h"
#include "engine/report/due_soon.h"
#include "engine/report/html/markup.h"
#include "engine/report/html/page.h"

namespace pactum::report::html {

std::string due_soon(const Page& p) {
  const auto& o = *p.d.outcome;
  std::string out = "<section id=\"due-soon\" class=\"page-start\">\n<h2>Due soon</h2>\n";
  if (o.pending.empty()) return out + "<p>Nothing is pending.</p>\n</section>\n";
  out += "<p class=\"note\">Obligations not yet decided, the nearest deadline first. These never count as broken; "
         "each becomes a finding if its deadline passes unmet.</p>\n";
  struct Item {
    size_t index;
    std::optional<Instant> deadline;
  };
  std::vector<Item> items;
  if (p.d.due_within) {
    auto due = report::due_soon(p.d);
    out += fmt::format("<p class=\"note\" id=\"due-within\">Due within {} of the as-of time (by {}): {} of {} pending.</p>\n",
                       h(p.d.due_within_text), h(local_time(p, report::due_until(p.d))), due.size(), o.pending.size());
    for (const auto& item : due) items.push_back({size_t(item.pending - o.pending.data()), item.deadline});
    if (due.empty()) return out + "<p>Nothing is due in that time.</p>\n</section>\n";
  } else {
    for (size_t i = 0; i < o.pending.size(); ++i) items.push_back({i, deadline_of(o.pending[i])});
  }
  std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    if (a.deadline.has_value() != b.deadline.has_value()) return a.deadline.has_value();
    if (a.deadline && *a.deadline != *b.deadline) return *a.deadline < *b.deadline;
    return o.pending[a.index].at < o.pending[b.index].at;
  });
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> attrs;
  for (size_t k = 0; k < items.size() && k < kDueSoonRows; ++k) {
    const auto& f = o.pending[items[k].index];
    // Without a deadline: a window its open cases still decide, or an activation waiting with no
    // deadline of its own (a plain `after`, a paused clock).
    std::string due = f.window ? "not decided yet: window " + when_text(p, f)
                               : "no deadline yet (waiting since " + when_text(p, f) + ")";
    std::string left;
    if (items[k].deadline) {
      due = eval::deadline_text(*items[k].deadline, p.zone);
      left = *items[k].deadline > o.as_of ? "in " + eval::human_duration(*items[k].deadline - o.as_of) : "now";
    }
    std::string term = h(f.block->name) + fmt::format(" <span class=\"meta\">rule {}</span>", f.rule->number);
    rows.push_back({h(due), h(left), term, "<strong>" + h(responsible_text(f)) + "</strong>", prose(f.message)});
    attrs.push_back("class=\"due-row\"");
  }
  out += table({{"Due", "Time left", "Term", "Who must act", "What"}, {}, "due-soon"}, rows, attrs);
  if (items.size() > kDueSoonRows) out += left_out(items.size() - kDueSoonRows, "pending items");
  return out + "</section>\n";
}

}  // namespace pactum::report::html
