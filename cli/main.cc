// pactum's command line (spec 8). Parsing arguments is all this file does; the commands live in
// engine/app so that tests drive exactly what users run.
#include <sys/resource.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <thread>

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

// --color: `always` and `never` are what they say (a flag beats NO_COLOR, as no-color.org asks);
// `auto` colours when NO_COLOR is unset or empty and both outputs are terminals.
bool use_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
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

  // Options every command takes, before or after the command's name (fallthrough to the parent).
  bool quiet = false;
  std::string color_choice = "auto";
  cli.fallthrough();
  auto add_common = [&](CLI::App* app) {
    app->add_flag("-q,--quiet", quiet, "Nothing on standard output but what a machine reads; errors still on standard error");
    app->add_option("--color", color_choice, "Colours: auto (terminals, unless NO_COLOR is set), always, never")
        ->transform(one_of({"auto", "always", "never"}, "colour choice"));
  };
  add_common(&cli);

  std::string fail_on = "error", backend = "libyaml";
  std::optional<std::string> format, as_of;  // no --format: from -o's extension, else text
  std::vector<std::string> outputs;          // -o FILE, --output FORMAT=FILE
  auto add_format = [&](CLI::App* sub) {
    sub->add_option("--format", format, "Report format")->transform(one_of(report::format_names(), "format"));
    sub->add_option("--fail-on", fail_on, "Exit 1 at or above this level (default: any finding or lint error)")
        ->transform(one_of(app::fail_level_names(), "fail level"));
    sub->add_option("-o,--output", outputs,
                    "Write the report to FILE; FORMAT=FILE (e.g. sarif=out.sarif, repeatable) writes one more report "
                    "in that format (only when the run completes)")
        ->allow_extra_args(false);
  };

  app::CheckOptions check;
  auto* check_cmd = cli.add_subcommand("check", "Check event logs against an agreement");
  check_cmd->add_option("agreement", check.agreement, "Agreement file (*.terms)")->required();
  check_cmd->add_option("logs", check.logs, "Event logs (YAML); - reads standard input")->required();
  check_cmd->add_option("--as-of", as_of, "Judge the state as of this date-time (default: the latest event)");
  check_cmd->add_option("--reader", backend, "YAML reader for event logs")
      ->transform(one_of({"libyaml", "yaml-cpp"}, "reader"));
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  check_cmd->add_option("--threads", threads, "Threads that parse a large log and render its report (default: all cores; 1: no thread)")
      ->check(CLI::Range(1u, 256u));
  check_cmd->add_option("--waivers", check.waivers, "Accepted exceptions (owner, reason, until): waived findings do not fail the run");
  check_cmd->add_option("--baseline", check.baseline, "Known findings (from --write-baseline): only new findings fail the run");
  check_cmd->add_option("--write-baseline", check.write_baseline, "Record today's findings as the baseline FILE");
  check_cmd->add_flag("--strict-baseline", check.strict_baseline, "Also fail when baseline entries no longer match (the baseline only shrinks)");
  check_cmd->add_option("--today", check.today, "The date waivers expire against (default: today)");
  check_cmd->add_option("--party", check.filter.parties, "Show only findings this party is responsible for (repeatable)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check_cmd->add_option("--term", check.filter.terms, "Show only findings of this term or expectation (its name; repeatable)")
      ->allow_extra_args(false);
  check_cmd->add_option("--clause", check.filter.clauses, "Show only findings of blocks with this clause (repeatable)")
      ->allow_extra_args(false);
  check_cmd->add_option("--severity", check.filter.severities, "Show only findings of these severities (critical,major,minor)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->transform(one_of({"critical", "major", "minor"}, "severity"));
  add_format(check_cmd);
  std::optional<std::string> ci_root;  // check and lint
  const char* root_help = "Paths in the CI formats (sarif, github, gitlab, junit) are relative to DIR (default: .)";
  check_cmd->add_option("--root", ci_root, root_help);
  check_cmd->add_option("--due-within", check.due_within, "List pending obligations due within SPAN of as-of (5d, 36h, 2w)");
  check_cmd->add_option("--slice", check.slice,
                        "Evaluate only slice K of N (K/N: every Nth rule) and write a JSON part for `pactum merge`");

  app::MergeOptions merge;
  auto* merge_cmd = cli.add_subcommand("merge", "Put the JSON parts of a sliced check together into the whole report");
  merge_cmd->add_option("parts", merge.parts, "The parts (check --slice K/N --format json), one per slice")->required();
  merge_cmd->add_option("--format", format, "Report format (json only: the whole run's JSON report)")
      ->transform(one_of(report::format_names(), "format"));
  merge_cmd->add_option("--fail-on", fail_on, "Exit 1 at or above this level, as check (default: any finding or lint error)")
      ->transform(one_of(app::fail_level_names(), "fail level"));
  merge_cmd->add_option("-o,--output", merge.output, "Write the report to FILE (only when every part is good)");

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

  app::ExplainOptions explain;
  auto* explain_cmd = cli.add_subcommand("explain", "Explain an agreement in plain English, or a lint/error code");
  auto* explain_what = explain_cmd->add_option("what", explain.what,
                                               "Agreement file (*.terms), or a code such as unknown-party when no such file exists");
  auto* explain_code = explain_cmd->add_option("--code", explain.code, "Explain this lint, error or finding code");
  auto* explain_list = explain_cmd->add_flag("--list", explain.list, "List every code that `pactum explain` explains");
  explain_what->excludes(explain_code)->excludes(explain_list);
  explain_code->excludes(explain_list);

  app::InitOptions init;
  auto* init_cmd = cli.add_subcommand("init", "Start an agreement from a bundled template");
  init_cmd->add_option("--template", init.template_name, "The template to start from")
      ->transform(one_of(app::template_names(), "template"));
  init_cmd->add_option("--client", init.client, "The client party's name (a name in the language, e.g. Hospital)");
  init_cmd->add_option("--provider", init.provider, "The provider party's name (e.g. Kestrel)");
  init_cmd->add_option("--name", init.title, "The agreement's title (default: the template's, with the new party names)");
  init_cmd->add_option("-o,--output", init.output, "Write the agreement to FILE (default: standard output)");
  init_cmd->add_flag("--force", init.force, "Replace FILE when it exists");
  init_cmd->add_flag("--list", init.list, "List the templates");

  app::TestOptions test_options;
  auto* test_cmd = cli.add_subcommand("test", "Run rule tests (YAML test files)");
  test_cmd->add_option("tests", test_options.path, "A test file or a folder of *.yaml test files")->required();
  test_cmd->add_option("--root", test_options.root,
                       "The folder tree a test file's `agreement:` may reach (default: the test file's own folder, and "
                       "agreement files, *.terms, under the current folder)");
  test_cmd->add_flag("--coverage", test_options.coverage, "Report which rules the cases activate and expect findings of");
  test_cmd->add_option("--format", format, "Output format")->transform(one_of({"text", "json"}, "format"));

  auto* lsp_cmd = cli.add_subcommand("lsp", "Run the language server (LSP over standard input and output)");
  for (auto* sub : {check_cmd, lint_cmd, fmt_cmd, explain_cmd, test_cmd, init_cmd, merge_cmd}) add_common(sub);

  if (int status = unknown_command(cli, argc, argv)) return status;
  try {
    cli.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    cli.exit(e);
    return app::kInputError;
  }

  app::Streams io{std::cout, std::cerr, use_color(color_choice), quiet};
  // -o FILE (at most one, in --format) and --output FORMAT=FILE (any number).
  std::optional<std::string> output;
  std::vector<app::ExtraOutput> extra;
  for (const auto& o : outputs) {
    if (auto e = app::parse_extra_output(o)) {
      extra.push_back(*e);
    } else if (output) {
      std::cerr << "pactum: -o is given twice (`" << visible_text(*output) << "`, `" << visible_text(o)
                << "`); write --output FORMAT=FILE for each further report\nRun with --help for more information.\n";
      return app::kInputError;
    } else {
      output = o;
    }
  }
  auto level = *app::parse_fail_level(fail_on);
  auto chosen = app::choose_format(format ? report::parse_format(*format) : std::nullopt, output);
  if (!chosen.warning.empty() && !quiet) std::cerr << chosen.warning << "\n";
  auto fmt_choice = chosen.format;
  auto reader = backend == "yaml-cpp" ? log::Backend::YamlCpp : log::Backend::Libyaml;
  if (check_cmd->parsed()) {
    check.as_of = as_of;
    check.format = fmt_choice;
    check.output = output;
    check.outputs = extra;
    check.fail_on = level;
    check.backend = reader;
    check.threads = threads;
    // A hidden knob for the differential tests: small chunks, so that small logs are cut too.
    if (const char* chunk = std::getenv("PACTUM_LOG_CHUNK_BYTES"); chunk && std::atoll(chunk) > 0)
      check.chunk_bytes = static_cast<size_t>(std::atoll(chunk));
    check.root = ci_root;
    return app::run_check(check, io);
  }
  if (lint_cmd->parsed()) {
    lint.format = fmt_choice;
    lint.output = output;
    lint.outputs = extra;
    lint.fail_on = level;
    lint.root = ci_root;
    return app::run_lint_files(lint, io);
  }
  if (merge_cmd->parsed()) {
    merge.format = format ? *report::parse_format(*format) : report::Format::Json;
    merge.fail_on = level;
    return app::run_merge(merge, io);
  }
  if (fmt_cmd->parsed()) return app::run_fmt(fmt_options, io);
  if (explain_cmd->parsed()) return app::run_explain(explain, io);
  if (init_cmd->parsed()) return app::run_init(init, io);
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
#if defined(__GLIBC__)
  // Arrays of 4 MiB and more (the window of events a streamed check holds, the findings) get
  // pages of their own, given back when freed. glibc's default raises that threshold to 32 MiB
  // as large blocks are freed, and then keeps the freed space of such arrays in the heap: a
  // streamed check of 10^6 events peaked 20-30% higher (docs/performance.md, "Memory").
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
  // A check keeps each regular log file open (its error lines are read back through the same
  // descriptor: docs/security.md), so three years of daily logs need more descriptors than the
  // usual soft limit of 1,024. The soft limit goes up to the hard one, as the system allows any
  // process to do; beyond the hard limit a log is refused with "Too many open files".
  if (struct rlimit files {}; ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
  }
  try {
    int status = run(argc, argv);
    // A report or a listing that did not reach standard output (a full disk, a closed descriptor:
    // the stream fails, at the latest on this flush) is no success: a pipeline would take exit 0
    // or 1 for a report delivered.
    std::cout.flush();
    if (!std::cout && status < pactum::app::kInputError) {
      std::cerr << "pactum: cannot write to standard output\n";
      return pactum::app::kInputError;
    }
    return status;
  } catch (const std::bad_alloc&) {
    std::cerr << "pactum: internal error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "pactum: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "pactum: internal error\n";
  }
  return pactum::app::kInternalError;
}
