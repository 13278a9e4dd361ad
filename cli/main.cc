// pactum's command line (spec 8). Parsing arguments is all this file does; the commands live in
// engine/app so that tests drive exactly what users run.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "engine/app/commands.h"
#include "engine/app/output_format.h"
#include "engine/base/diagnostics.h"
#include "engine/base/text.h"
#include "engine/lsp/server.h"

namespace {

using namespace pactum;

// A CLI11 validator that names the accepted words and suggests the nearest one.
CLI::Validator one_of(const std::vector<std::string>& words, const std::string& what) {
  return CLI::Validator(
      [words, what](std::string& value) -> std::string {
        for (const auto& w : words)
          if (w == value) return {};
        std::string near = closest_match(value, words);
        return fmt::format("unknown {} `{}`{}; expected one of: {}", what, visible_text(value),
                           near.empty() ? "" : fmt::format(" (did you mean `{}`?)", near), fmt::join(words, ", "));
      },
      fmt::format("{{{}}}", fmt::join(words, "|")));
}

// `pactum chek`: CLI11 would say "A subcommand is required"; name the word and the nearest command.
int unknown_command(CLI::App& cli, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return 0;
  std::string word = argv[1];
  std::vector<std::string> names;
  for (const CLI::App* sub : cli.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(word)) return 0;
    names.push_back(sub->get_name());
  }
  std::string near = closest_match(word, names);
  std::cerr << fmt::format("pactum: unknown command `{}`{}\nRun with --help for more information.\n", visible_text(word),
                           near.empty() ? fmt::format(" (the commands are {})", fmt::join(names, ", "))
                                        : fmt::format(", did you mean `{}`?", near));
  return app::kInputError;
}

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return (no_color == nullptr || *no_color == '\0') && isatty(1) && isatty(2);
}

int run(int argc, char** argv) {
  CLI::App cli{"pactum: checks event logs against the terms of a service partnership", "pactum"};
  cli.set_version_flag("--version", std::string("pactum ") + PACTUM_VERSION);
  cli.require_subcommand(1);
  // The error and a pointer to --help. Arguments are input too (a file name from a glob, a
  // `--format` value from a script): the message is visible text on one line that starts with
  // "pactum:", like every other error.
  cli.failure_message([](const CLI::App*, const CLI::Error& e) {
    return "pactum: " + visible_text(e.what()) + "\nRun with --help for more information.\n";
  });

  std::string fail_on = "error", backend = "libyaml";
  std::optional<std::string> format, output, as_of;  // no --format: from -o's extension, else text
  auto add_format = [&](CLI::App* sub) {
    sub->add_option("--format", format, "Report format")->transform(one_of(report::format_names(), "format"));
    sub->add_option("--fail-on", fail_on, "Exit 1 at or above this level (default: any finding or lint error)")
        ->transform(one_of(app::fail_level_names(), "fail level"));
    sub->add_option("-o,--output", output, "Write the report to FILE (only when the run completes)");
  };

  app::CheckOptions check;
  auto* check_cmd = cli.add_subcommand("check", "Check event logs against an agreement");
  check_cmd->add_option("agreement", check.agreement, "Agreement file (*.terms)")->required();
  check_cmd->add_option("logs", check.logs, "Event logs (YAML); - reads standard input")->required();
  check_cmd->add_option("--as-of", as_of, "Judge the state as of this date-time (default: the latest event)");
  check_cmd->add_option("--reader", backend, "YAML reader for event logs")
      ->transform(one_of({"libyaml", "yaml-cpp"}, "reader"));
  check_cmd->add_option("--waivers", check.waivers, "Accepted exceptions (owner, reason, until): waived findings do not fail the run");
  check_cmd->add_option("--baseline", check.baseline, "Known findings (from --write-baseline): only new findings fail the run");
  check_cmd->add_option("--write-baseline", check.write_baseline, "Record today's findings as the baseline FILE");
  check_cmd->add_flag("--strict-baseline", check.strict_baseline, "Also fail when baseline entries no longer match (the baseline only shrinks)");
  check_cmd->add_option("--today", check.today, "The date waivers expire against (default: today)");
  add_format(check_cmd);
  std::optional<std::string> ci_root;  // check and lint
  const char* root_help = "Paths in the CI formats (sarif, github, gitlab, junit) are relative to DIR (default: .)";
  check_cmd->add_option("--root", ci_root, root_help);
  check_cmd->add_option("--due-within", check.due_within, "List pending obligations due within SPAN of as-of (5d, 36h, 2w)");

  app::LintOptions lint;
  auto* lint_cmd = cli.add_subcommand("lint", "Find unreasonable expectations in an agreement");
  lint_cmd->add_option("agreements", lint.agreements, "Agreement files (*.terms)")->required();
  add_format(lint_cmd);
  lint_cmd->add_option("--root", ci_root, root_help);

  app::FmtOptions fmt_options;
  auto* fmt_cmd = cli.add_subcommand("fmt", "Print agreements in canonical layout");
  fmt_cmd->add_option("files", fmt_options.files, "Agreement files")->required();
  auto* check_flag = fmt_cmd->add_flag("--check", fmt_options.check, "Exit 1 when a file is not in canonical layout");
  fmt_cmd->add_flag("-w,--write", fmt_options.write, "Rewrite the files in place")->excludes(check_flag);

  std::string explain_file;
  auto* explain_cmd = cli.add_subcommand("explain", "Explain an agreement in plain English");
  explain_cmd->add_option("agreement", explain_file, "Agreement file (*.terms)")->required();

  app::TestOptions test_options;
  auto* test_cmd = cli.add_subcommand("test", "Run rule tests (YAML test files)");
  test_cmd->add_option("tests", test_options.path, "A test file or a folder of *.yaml test files")->required();
  test_cmd->add_option("--root", test_options.root,
                       "The folder tree a test file's `agreement:` may reach (default: the test file's own folder)");
  test_cmd->add_flag("--coverage", test_options.coverage, "Report which rules the cases activate and expect findings of");
  test_cmd->add_option("--format", format, "Output format")->transform(one_of({"text", "json"}, "format"));

  auto* lsp_cmd = cli.add_subcommand("lsp", "Run the language server (LSP over standard input and output)");

  if (int status = unknown_command(cli, argc, argv)) return status;
  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    cli.exit(e);
    return app::kInputError;
  }

  bool color = use_color();
  app::Streams io{std::cout, std::cerr, color};
  auto level = *app::parse_fail_level(fail_on);
  auto chosen = app::choose_format(format ? report::parse_format(*format) : std::nullopt, output);
  if (!chosen.warning.empty()) std::cerr << chosen.warning << "\n";
  auto fmt_choice = chosen.format;
  auto reader = backend == "yaml-cpp" ? log::Backend::YamlCpp : log::Backend::Libyaml;
  if (check_cmd->parsed()) {
    check.as_of = as_of;
    check.format = fmt_choice;
    check.output = output;
    check.fail_on = level;
    check.backend = reader;
    check.root = ci_root;
    return app::run_check(check, io);
  }
  if (lint_cmd->parsed()) {
    lint.format = fmt_choice;
    lint.output = output;
    lint.fail_on = level;
    lint.root = ci_root;
    return app::run_lint_files(lint, io);
  }
  if (fmt_cmd->parsed()) return app::run_fmt(fmt_options, io);
  if (explain_cmd->parsed()) return app::run_explain(explain_file, io);
  if (test_cmd->parsed()) {
    test_options.backend = reader;
    test_options.json = format == "json";
    return app::run_tests(test_options, io);
  }
  if (lsp_cmd->parsed()) return lsp::serve(0, 1);
  return app::kInputError;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "pactum: internal error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "pactum: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "pactum: internal error\n";
  }
  return pactum::app::kInternalError;
}
