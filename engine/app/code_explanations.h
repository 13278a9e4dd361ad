// `pactum explain CODE`: what each code pactum prints means, an example, and how to fix it, as
// `rustc --explain` does. Codes are the agreement-error codes (engine/semantic), the lint codes
// (engine/lint) and the reasons of findings (spec 5). Every example is a real agreement (and,
// for findings, a real log): `pactum explain` runs it and shows what pactum reports for it, and
// the unit test tests/unit/app/code_explanations_test.cc checks that the example gives its code,
// that the fixed example does not, and that every code constant in engine/ has an entry here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pactum::app {

enum class CodeKind { AgreementError, LintError, LintWarning, FindingReason };

struct CodeExplanation {
  std::string_view code;
  CodeKind kind;
  std::string_view summary;  // one line, lower case: "a party name that is not declared"
  std::string_view meaning;  // a paragraph, lines of at most 96 characters
  std::string_view example;  // a complete agreement that gives the code
  std::string_view log;      // its events (findings, never-met), else empty
  std::string_view as_of;    // --as-of for the example with a log, else empty
  std::string_view fix;      // a paragraph: how to fix it
  std::string_view fixed;    // the example fixed (empty for finding reasons: the log must change)
};

// Every entry, in the order `pactum explain --list` shows them (agreement errors, lint errors,
// lint warnings, finding reasons).
const std::vector<CodeExplanation>& code_explanations();
const CodeExplanation* find_code_explanation(std::string_view code);
// "agreement error", "lint error", "lint warning", "finding"
std::string_view kind_words(CodeKind kind);

// What pactum reports for an example agreement (with the entry's log and as-of, if any).
struct ExampleRun {
  bool resolved = false;             // the agreement (and log) loaded without errors
  std::vector<std::string> codes;    // codes of every error and lint entry, reasons of findings ("pending" too)
  std::vector<std::string> errors;   // the codes of error-level entries among them
  std::string rendered;              // those entries as `lint` / `check` print them
};
ExampleRun run_example(const CodeExplanation& entry, std::string_view agreement, bool color);

}  // namespace pactum::app
