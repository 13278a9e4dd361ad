// `pactum explain CODE` / `--code CODE` / `--list`, beside `pactum explain AGREEMENT`
// (explain_command.cc). Which one a bare argument means: an existing file is an agreement; else
// a word written like a code is a code; else it is an agreement that cannot be read (the usual
// error).
#include <sys/stat.h>

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "engine/app/code_explanations.h"
#include "engine/app/commands.h"
#include "engine/base/diagnostics.h"
#include "engine/base/text.h"

namespace pactum::app {

namespace {

// Lower-case letters, digits and `-`, starting with a letter: `unknown-party`, not `a.terms`.
bool looks_like_code(const std::string& s) {
  if (s.empty() || !(s.front() >= 'a' && s.front() <= 'z') || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string indented(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    out += line.empty() ? "\n" : fmt::format("    {}\n", line);
    start = end + 1;
  }
  return out;
}

std::string_view consequence(CodeKind kind) {
  switch (kind) {
    case CodeKind::AgreementError:
      return "An agreement error: `pactum check` stops with exit status 2, `pactum lint` lists it and exits 1.";
    case CodeKind::LintError: return "A lint error: `pactum lint` and `pactum check` report it and exit 1.";
    case CodeKind::LintWarning:
      return "A lint warning: `pactum lint` and `pactum check` report it; it fails a run only with\n"
             "`--fail-on warning`.";
    case CodeKind::FindingReason:
      return "The reason of a finding of `pactum check`: the word after the rule number in the text report,\n"
             "`reason` in JSON, the rule id in SARIF.";
  }
  return "";
}

int explain_one(const CodeExplanation& e, Streams io) {
  std::string out = fmt::format("{}: {}\n{}\n\n{}\n\nExample:\n\n{}", e.code, e.summary, consequence(e.kind), e.meaning,
                                indented(e.example));
  if (!e.log.empty())
    out += fmt::format("\nwith this log (example.yaml), checked with --as-of {}:\n\n{}", e.as_of, indented(e.log));
  ExampleRun run = run_example(e, e.example, io.color);
  out += fmt::format("\npactum reports:\n\n{}\nHow to fix it:\n\n{}\n", indented(run.rendered), e.fix);
  if (!e.fixed.empty()) out += fmt::format("\nFixed:\n\n{}", indented(e.fixed));
  io.out << out;
  return kOk;
}

int list_codes(Streams io) {
  size_t width = 0;
  for (const auto& e : code_explanations()) width = std::max(width, e.code.size());
  std::string out;
  for (auto kind : {CodeKind::AgreementError, CodeKind::LintError, CodeKind::LintWarning, CodeKind::FindingReason}) {
    out += fmt::format("{}:\n", kind == CodeKind::FindingReason ? std::string("finding reasons")
                                                              : std::string(kind_words(kind)) + "s");
    for (const auto& e : code_explanations())
      if (e.kind == kind) out += fmt::format("  {:<{}}  {}\n", e.code, width, e.summary);
  }
  io.out << out << "Run `pactum explain CODE` for one of them.\n";
  return kOk;
}

int unknown_code(const std::string& code, bool as_file_too, Streams io) {
  std::vector<std::string> codes;
  for (const auto& e : code_explanations()) codes.emplace_back(e.code);
  std::string near = closest_match(code, codes);
  io.err << fmt::format("pactum: `{}` is no code pactum explains{}{}; `pactum explain --list` lists them\n",
                        visible_text(code), as_file_too ? " and no file" : "",
                        near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near));
  return kInputError;
}

}  // namespace

int run_explain(const ExplainOptions& options, Streams io) {
  if (options.list) return list_codes(io);
  if (options.code) {
    const CodeExplanation* e = find_code_explanation(*options.code);
    return e ? explain_one(*e, io) : unknown_code(*options.code, false, io);
  }
  if (!options.what) {
    io.err << "pactum: explain needs an agreement file or a code (`pactum explain --list` lists the codes)\n"
              "Run with --help for more information.\n";
    return kInputError;
  }
  const std::string& what = *options.what;
  struct stat st {};
  if (::stat(what.c_str(), &st) != 0 && looks_like_code(what)) {
    const CodeExplanation* e = find_code_explanation(what);
    return e ? explain_one(*e, io) : unknown_code(what, true, io);
  }
  return run_explain(what, io);
}

}  // namespace pactum::app
