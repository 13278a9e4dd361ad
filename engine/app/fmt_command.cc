// `pactum fmt`: prints agreements in canonical layout, checks (--check) or rewrites them (-w).
#include <ostream>

#include <fmt/format.h>

#include "engine/app/commands.h"
#include "engine/app/session.h"
#include "engine/model/rule_text.h"

namespace pactum::app {


int run_fmt(const FmtOptions& options, Streams io) {
  int status = kOk;
  for (const auto& path : options.files) {
    Session s;
    std::string original;
    if (!read_file(path, original)) {
      io.err << fmt::format("pactum: cannot read `{}`\n", path);
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
        io.err << fmt::format("{}: not in canonical layout (run `pactum fmt -w {}`)\n", path, path);
        if (status == kOk) status = kFindings;
      }
    } else if (options.write) {
      if (formatted == original) continue;
      std::string error;
      if (!write_file_atomically(path, formatted, error)) {
        io.err << fmt::format("pactum: cannot write `{}`: {}\n", path, error);
        status = kInputError;
      }
    } else {
      io.out << formatted;
    }
  }
  return status;
}

}  // namespace pactum::app
