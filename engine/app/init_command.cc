// `pactum init`: a new agreement from one of the templates of rules/, asking nothing (flags only),
// so that it can run in a script. The client and provider parties (the template's `role client`
// and `role provider`) are renamed everywhere the agreement names them; comments and texts are
// left as written, except the names of the agreement and of its blocks. The result is in canonical layout and is
// loaded again before it is written: what init writes passes `pactum fmt --check` and resolves.
#include <sys/stat.h>

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "engine/app/commands.h"
#include "engine/app/session.h"
#include "engine/app/templates.h"
#include "engine/base/text.h"
#include "engine/model/rule_text.h"

namespace pactum::app {

namespace {

bool name_char(char c, bool first) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (!first && c >= '0' && c <= '9');
}

bool is_name(const std::string& s) {
  if (s.empty() || !name_char(s[0], true)) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return name_char(c, false); });
}

// Whole words of `text` equal to a key of `names`, replaced (for the agreement's title).
std::string replace_words(const std::string& text, const std::vector<std::pair<std::string, std::string>>& names) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (!name_char(text[i], true) || (i > 0 && name_char(text[i - 1], false))) {
      out += text[i++];
      continue;
    }
    size_t end = i;
    while (end < text.size() && name_char(text[end], false)) ++end;
    std::string word = text.substr(i, end - i);
    auto hit = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == word; });
    out += hit == names.end() ? word : hit->second;
    i = end;
  }
  return out;
}

std::string quoted_text(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Renames parties in agreement text, token by token (the lexical rules of the language): names
// and backticked names equal to an old name are replaced. Comments and texts are kept (a text in
// a condition is compared with the logs), except the names of the agreement and of its blocks,
// whose words are renamed too (the agreement's becomes `title` when one is given).
std::string rename(std::string_view text, const std::vector<std::pair<std::string, std::string>>& names,
                   const std::optional<std::string>& title, bool backticks) {
  std::string out;
  std::string previous_word;
  bool title_done = false;
  auto renamed = [&](const std::string& word) -> std::optional<std::string> {
    for (const auto& [from, to] : names)
      if (word == from) return backticks ? "`" + to + "`" : to;
    return std::nullopt;
  };
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '#') {  // a comment, to the end of the line
      size_t end = text.find('\n', i);
      end = end == std::string_view::npos ? text.size() : end;
      out += text.substr(i, end - i);
      i = end;
    } else if (c == '"') {  // a text, on one line, with \" and \\ escapes
      size_t end = i + 1;
      while (end < text.size() && text[end] != '"' && text[end] != '\n') end += text[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, text.size());
      std::string literal(text.substr(i, end - i));
      if (!title_done && previous_word == "agreement" && title) {
        literal = quoted_text(*title);
      } else if (previous_word == "agreement" || previous_word == "term" || previous_word == "expectation") {
        literal = replace_words(literal, names);  // names of the agreement and its blocks, for readers
      }
      if (previous_word == "agreement") title_done = true;
      out += literal;
      previous_word.clear();
      i = end;
    } else if (c == '`') {  // a backticked name
      size_t end = text.find_first_of("`\n", i + 1);
      end = end == std::string_view::npos ? text.size() : end;
      std::string inner(text.substr(i + 1, end - i - 1));
      auto to = renamed(inner);
      out += to ? *to : "`" + inner + (end < text.size() && text[end] == '`' ? "`" : "");
      i = end < text.size() && text[end] == '`' ? end + 1 : end;
      previous_word = inner;
    } else if (name_char(c, true)) {
      size_t end = i;
      while (end < text.size() && name_char(text[end], false)) ++end;
      std::string word(text.substr(i, end - i));
      auto to = renamed(word);
      out += to ? *to : word;
      std::transform(word.begin(), word.end(), word.begin(), [](unsigned char ch) { return std::tolower(ch); });
      previous_word = word;
      i = end;
    } else {
      if (name_char(c, false)) {  // digits: part of a number, a date or a time, never a name
        while (i < text.size() && name_char(text[i], false)) out += text[i++];
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') previous_word.clear();
      out += c;
      ++i;
    }
  }
  return out;
}

const model::PartyDecl* party_with_role(const model::Agreement& a, const char* role) {
  for (const auto& p : a.parties)
    if (p.role && p.role->text == role) return &p;
  return nullptr;
}

// "inbound customer care": the template's first comment line after "Ready-made agreement:",
// up to its parenthesis.
std::string template_summary(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  const std::string_view lead = "# Ready-made agreement: ";
  if (first.substr(0, lead.size()) != lead) return "";
  first.remove_prefix(lead.size());
  size_t paren = first.find(" (");
  return std::string(first.substr(0, paren));
}

}  // namespace

const std::vector<std::string>& template_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& t : embedded_templates()) out.emplace_back(t.name);
    return out;
  }();
  return names;
}

int run_init(const InitOptions& options, Streams io) {
  if (options.list) {
    size_t width = 0;
    for (const auto& t : embedded_templates()) width = std::max(width, t.name.size());
    for (const auto& t : embedded_templates())
      io.out << fmt::format("{:<{}}  {}\n", t.name, width, template_summary(t.text));
    return kOk;
  }
  auto found = std::find_if(embedded_templates().begin(), embedded_templates().end(),
                            [&](const EmbeddedTemplate& t) { return t.name == options.template_name; });
  if (found == embedded_templates().end()) {  // the command line checks it; a caller may not
    io.err << fmt::format("pactum: unknown template `{}`\n", visible_text(options.template_name));
    return kInputError;
  }
  if (options.output && !options.force) {
    struct stat st {};
    if (::lstat(options.output->c_str(), &st) == 0) {
      io.err << fmt::format("pactum: `{}` exists; nothing was written (add --force to replace it)\n",
                            visible_text(*options.output));
      return kInputError;
    }
  }
  for (const auto* value : {&options.client, &options.provider})
    if (*value && !is_name(**value)) {
      io.err << fmt::format("pactum: `{}` is not a party name: write ASCII letters, digits and `_`, starting with a letter "
                            "(for example `{}`)\n",
                            visible_text(**value), value == &options.client ? "Hospital" : "Kestrel");
      return kInputError;
    }
  if (options.client && options.provider && *options.client == *options.provider) {
    io.err << fmt::format("pactum: the client and the provider are both named `{}`\n", *options.client);
    return kInputError;
  }

  std::string source_name = std::string(found->name) + ".terms";
  Session original;
  if (!original.load_agreement_text(source_name, std::string(found->text))) {
    io.err << original.render_errors(io.color);
    return kInternalError;  // a template that does not load is a bug of the build
  }
  std::vector<std::pair<std::string, std::string>> names;
  auto add = [&](const char* role, const std::optional<std::string>& to) {
    const model::PartyDecl* p = party_with_role(original.ast, role);
    if (to && p && p->id.text != *to) names.push_back({p->id.text, *to});
  };
  add("client", options.client);
  add("provider", options.provider);

  // A new name may be a word of the language (`Note`): written in backticks then.
  std::string text, failure;
  for (bool backticks : {false, true}) {
    Session renamed;
    std::string candidate = rename(found->text, names, options.title, backticks);
    if (!renamed.load_agreement_text(options.output.value_or("agreement.terms"), candidate)) {
      failure = renamed.render_errors(false);
      if (!renamed.parsed) continue;
      break;  // parsed, yet wrong: a new name clashes with one the template uses
    }
    text = model::format_agreement(renamed.ast);
    failure.clear();
    break;
  }
  if (text.empty()) {
    io.err << fmt::format("pactum: the template `{}` with these names is not a valid agreement:\n{}", found->name,
                          failure);
    return kInputError;
  }

  if (!options.output) {
    io.out << text;
    return kOk;
  }
  std::string error;
  if (!write_output(*options.output, text, error)) {
    io.err << fmt::format("pactum: cannot write `{}`: {}\n", visible_text(*options.output), error);
    return kInputError;
  }
  if (!io.quiet)
    io.err << fmt::format("pactum: wrote {} from the template `{}`; next: pactum lint {}\n", shown_path(*options.output),
                          found->name, shown_path(*options.output));
  return kOk;
}

}  // namespace pactum::app
