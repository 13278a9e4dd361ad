// `pactum fmt`: prints agreements in canonical layout, checks (--check) or rewrites them (-w).
#include <ostream>

#include <fmt/format.h>

#include "engine/app/commands.h"
#include "engine/app/session.h"
#include "engine/base/text.h"
#include "engine/model/rule_text.h"

namespace pactum::app {


int run_fmt(const FmtOptions& options, Streams io) {
  int status = kOk;
  for (const auto& path : options.files) {
    Session s;
    std::string original, why;
    if (!read_file(path, original, kMaxAgreementBytes, why)) {
      io.err << fmt::format("pactum: cannot read `{}`: {}\n", visible_text(path), why);
      status = kInputError;
      continue;
    }
    if (!s.load_agreement_text(path, original) && !s.parsed) {
      io.err << s.render_errors(io.color);
      status = kInputError;
      continue;
    }
    std::string formatted = model::format_agreement(s.ast);
    if (options.check) {
      if (formatted != original) {
        if (!io.quiet)  // --quiet: the exit status says it
          io.err << fmt::format("{}: not in canonical layout (run `pactum fmt -w {}`)\n", shown_path(path),
                                visible_text(path));
        if (status == kOk) status = kFindings;
      }
    } else if (options.write) {
      if (formatted == original) continue;
      // Only a file can be rewritten in place (through a link: its target, keeping its mode).
      std::string error;
      if (!is_regular_file(path)) {
        io.err << fmt::format("pactum: cannot rewrite `{}`: not a regular file\n", visible_text(path));
        status = kInputError;
      } else if (!write_output(path, formatted, error)) {
        io.err << fmt::format("pactum: cannot write `{}`: {}\n", visible_text(path), error);
        status = kInputError;
      }
    } else {
      io.out << formatted;
    }
  }
  return status;
}

}  // namespace pactum::app
