#include "engine/credits/credit_sentence.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/credits/measured_value.h"
#include "engine/credits/money.h"
#include "engine/model/rule_text.h"

namespace pactum::credits {

namespace {

using Kind = model::Rule::Kind;
using TK = model::Timing::Kind;
using Per = model::CreditLine::Per;

// "month", "week", "2 weeks"
std::string period_noun(const model::Period& p) {
  switch (p.unit) {
    case model::Period::Unit::Day: return "day";
    case model::Period::Unit::Week: return "week";
    case model::Period::Unit::Month: return "month";
    case model::Period::Unit::Quarter: return "quarter";
    case model::Period::Unit::Year: return "year";
    default: return model::canonical_text(p);
  }
}

std::string calendar_period(const model::Period& p) {
  switch (p.unit) {
    case model::Period::Unit::Week: return "week (Monday to Sunday)";
    case model::Period::Unit::Month: return "calendar month";
    default: return period_noun(p);
  }
}

// What one finding of `r` is, as the subject of "costs": "late or missing delivery".
std::string finding_noun(const model::Rule& r) {
  std::string subject = r.subject.type.text;
  switch (r.kind) {
    case Kind::Requires:
    case Kind::PeriodRequires: {
      if (r.share) return fmt::format("{} in which too few {} cases are met", period_noun(r.share->period), subject);
      std::string target = r.target.type.text;
      switch (r.timing.kind) {
        case TK::WithinAfter:
        case TK::NoLaterThan: return "late or missing " + target;
        case TK::AtLeastBefore: return "missing or late " + target;
        case TK::WithinBefore: return "missing or early " + target;
        case TK::Before:
        case TK::After: return "missing " + target;
      }
      return "missing " + target;
    }
    case Kind::OccursWithin: return subject + " outside business hours";
    case Kind::AtLeast: return fmt::format("{} with too few {} events", period_noun(r.period), subject);
    case Kind::AtMost: return fmt::format("{} with too many {} events", period_noun(r.period), subject);
    case Kind::No: return "forbidden " + subject;
    case Kind::Aggregate: return fmt::format("{} that misses the {} target", period_noun(r.period), r.attribute.text);
    case Kind::ShareOfEvents: return fmt::format("{} that misses the share of {}", period_noun(r.period), subject);
    case Kind::Availability: return fmt::format("{} below the availability of {}", period_noun(r.period), r.interval.text);
    case Kind::Downtime: return fmt::format("{} over the downtime of {}", period_noun(r.period), r.interval.text);
    case Kind::DurationMeasure: return fmt::format("{} that misses the duration of {}", period_noun(r.period), r.interval.text);
  }
  return "finding";
}

std::string and_list(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  if (items.size() == 1) return items[0];
  std::string out;
  for (size_t i = 0; i + 1 < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + " and " + items.back();
}

std::string or_list(const std::vector<std::string>& items) {
  if (items.size() <= 1) return items.empty() ? "" : items[0];
  std::string out;
  for (size_t i = 0; i + 1 < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + " or " + items.back();
}

// Who owes the credit of findings of `rules`: the parties fixed by the text when every rule
// fixes the same ones, else "the responsible party". `shared`: several parties split it.
std::string owers(const model::Block& block, const std::vector<const model::Rule*>& rules, bool& shared) {
  shared = false;
  std::optional<std::vector<std::string>> common;
  for (const auto* r : rules) {
    auto who = semantic::responsible_by_text(block, *r);
    if (who.empty() || (common && *common != who)) return "the responsible party";
    common = who;
  }
  if (!common) return "the responsible party";
  shared = common->size() > 1;
  return and_list(*common);
}

// "above 24 hours", "below 99%", "above 4"
std::string threshold_words(const model::CreditLine::Threshold& t, const std::vector<const model::Rule*>& rules) {
  std::string text = std::string(t.above ? "above " : "below ") + t.value.text;
  if (t.percent) return text + "%";
  bool hours = !rules.empty(), percent = !rules.empty();
  for (const auto* r : rules) {
    hours = hours && measured_value_unit(*r) == MeasuredUnit::Hours;
    percent = percent && measured_value_unit(*r) == MeasuredUnit::Percent;
  }
  return text + (hours ? (t.value.text == "1" ? " hour" : " hours") : percent ? "%" : "");
}

std::string amount_words(const model::Amount& amount, const semantic::ResolvedAgreement& a) {
  const auto& currency = a.ast->header ? a.ast->header->currency : std::nullopt;
  if (!amount.fee) return currency ? amount.number.text + " " + *currency : amount.number.text;
  auto cents = amount_cents(amount, *a.ast);
  std::string text = model::canonical_text(amount);
  return cents ? fmt::format("{} ({})", text, money_text(*cents, currency)) : text;
}

std::string line_sentence(const model::Block& block, const model::CreditLine& line, const semantic::ResolvedAgreement& a) {
  // The rules this line can price: every rule, or those with a deadline for `per ... late`,
  // narrowed to those with a measured value for `when measured`.
  std::vector<const model::Rule*> rules;
  for (const auto& r : block.rules) {
    if (line.per != Per::Finding && !rule_has_deadline(r)) continue;
    if (line.when && !rule_has_measured_value(r)) continue;
    rules.push_back(&r);
  }
  std::string text = model::canonical_text(line);
  if (rules.empty()) return fmt::format("`{}` never applies to the rules of this block.", text);

  std::vector<std::string> nouns, measures;
  for (const auto* r : rules) {
    // A deadline rule's measured value is the delay of a late finding (missing has none).
    std::string noun = rule_has_deadline(*r) && line.when    ? "late " + r->target.type.text
                       : line.per != Per::Finding            ? "late or missing " + r->target.type.text
                                                             : finding_noun(*r);
    if (std::find(nouns.begin(), nouns.end(), noun) == nouns.end()) nouns.push_back(noun);
    std::string m = measured_value_words(*r);
    if (!m.empty() && std::find(measures.begin(), measures.end(), m) == measures.end()) measures.push_back(m);
  }
  std::string per = line.per == Per::DayLate ? " per started day late" : line.per == Per::HourLate ? " per started hour late" : "";
  std::string when;
  if (line.when) when = fmt::format(" when {} is {}", or_list(measures), threshold_words(*line.when, rules));
  bool shared = false;
  std::string who = owers(block, rules, shared);
  return fmt::format("Each {} costs {} {}{}{}{}.", or_list(nouns), who, amount_words(line.amount, a), per,
                     shared ? " in equal shares" : "", when);
}

}  // namespace

std::string credit_sentence(const model::Block& block, const semantic::ResolvedAgreement& agreement) {
  if (block.credits.empty()) return "";
  std::vector<std::string> sentences;
  for (const auto& line : block.credits) sentences.push_back(line_sentence(block, line, agreement));
  std::string out;
  for (size_t i = 0; i < sentences.size(); ++i) out += (i ? " " : "") + sentences[i];
  if (block.credits.size() > 1) out += " When several credits apply to one finding, only the largest is charged.";
  return out;
}

std::string cap_sentence(const semantic::ResolvedAgreement& agreement) {
  const auto& header = agreement.ast->header;
  if (!header || !header->credit_cap) return "";
  const auto& cap = *header->credit_cap;
  return fmt::format("Credits are capped at {} per owing party and {}.", amount_words(cap.amount, agreement),
                     calendar_period(cap.period));
}

}  // namespace pactum::credits
