// The entries of `pactum explain CODE` (code_explanations.h). Each example is a complete agreement;
// the unit test runs every one of them.
#include "engine/app/code_explanations.h"

#include <algorithm>

#include "engine/app/session.h"
#include "engine/base/time.h"
#include "engine/report/report.h"

namespace pactum::app {

const std::vector<CodeExplanation>& code_explanations() {
  static const std::vector<CodeExplanation> entries = {
    {"duplicate-party",
     CodeKind::AgreementError,
     "a party or calendar declared twice",
     R"x(Parties and calendars share one set of names. Two declarations with the same name make every
`by`, `responsible` and `of` that names it ambiguous, so the agreement cannot be evaluated:
`pactum check` stops with exit status 2, `pactum lint` lists the error.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider
  timezone "Europe/Warsaw"
party Provider
  business hours mon-fri 08:00-16:00
)x",
     "", "",
     R"x(Merge the two declarations into one (the options of a party may come in any order), or rename
one of them and every place that names it.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider
  timezone "Europe/Warsaw"
  business hours mon-fri 08:00-16:00
)x"},
    {"unknown-party",
     CodeKind::AgreementError,
     "a name that no party (or calendar) declares",
     R"x(`by`, `responsible` and `requires ... by` name parties; `of X` (business time, `occurs within
business hours of`, `during` or `outside business hours of`) names a party or a calendar. A name
that is not declared is almost always a misspelling, and a rule about nobody would silently
match nothing, so the agreement cannot be evaluated.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provder with same ticket within 2 business days after
)x",
     "", "",
     R"x(Fix the spelling (pactum suggests the nearest declared name), or declare the party with
`party NAME`. Names are case-sensitive: `Provider` is not `provider`.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provider with same ticket within 2 business days after
)x"},
    {"unknown-timezone",
     CodeKind::AgreementError,
     "a time zone that is not an IANA zone name",
     R"x(Time zones are IANA names such as `Europe/Berlin`, `America/New_York`, `Asia/Kolkata` or `UTC`.
A city alone or an abbreviation (`CET`, `IST`) is not one: abbreviations are ambiguous (IST is
India, Ireland or Israel) and do not say when daylight saving time begins, which decides when
days, weeks and months begin and how business hours fall.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Berlin"

party Client
party Provider
)x",
     "", "",
     R"x(Write the zone's IANA name, `Region/City` (see the list in `/usr/share/zoneinfo` or
https://en.wikipedia.org/wiki/List_of_tz_database_time_zones).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider
)x"},
    {"bad-calendar",
     CodeKind::AgreementError,
     "business hours that contain no time at all",
     R"x(Every span of these business hours opens and closes at the same minute, so the party (or
calendar, or the agreement) never has business time: no deadline in business hours or business
days counted on it could ever be met, and `occurs within business hours of` it would always
fail.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider
  business hours mon-fri 09:00-09:00
)x",
     "", "",
     R"x(Give opening hours that last, such as `business hours mon-fri 09:00-17:00`; write
`mon-sun 00:00-24:00` for a service that never closes.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider
  business hours mon-fri 09:00-17:00
)x"},
    {"bad-period",
     CodeKind::AgreementError,
     "a period that ends before it begins, or has no length",
     R"x(An `effective` period (of the agreement or of a block) that ends before it begins, or a period
of zero length such as `every 0 days`, has no window that could ever be judged.)x",
     R"x(agreement "Example"
  effective 2026-12-31 to 2026-01-01
  timezone "Europe/Berlin"

party Client
party Provider
)x",
     "", "",
     R"x(Put the earlier date first (`effective 2026-01-01 to 2026-12-31`: both dates are included);
use a positive length (`every 1 day`, `every 2 weeks`).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider
)x"},
    {"bad-pause",
     CodeKind::AgreementError,
     "a clock that pauses without a `within ... after` deadline",
     R"x(`paused from P1 until P2` stops the clock of a deadline while a case waits on the other side
(from an `on_hold` until the customer answers, say). Only a deadline that runs forward from the
triggering event, `within D after`, has a clock that can stop.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provider with same ticket within 2 business days before paused from on_hold until resumed
)x",
     "", "",
     R"x(Write the deadline as `within D after`, or drop `paused from ... until ...` if the clock
never stops.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provider with same ticket within 2 business days after paused from on_hold until resumed
)x"},
    {"bad-timing",
     CodeKind::AgreementError,
     "`no later than` in an obligation per period",
     R"x(`no later than ATTRIBUTE` reads the deadline from an attribute of the triggering event. An
obligation per period (`every month requires ...`) has no triggering event, only the period,
so there is no date to read.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Monthly service report"
  every month requires service_report by Provider for the month no later than due
)x",
     "", "",
     R"x(Write a deadline relative to the period: `within 5 business days after` (after its end),
`at least 10 business days before` (before its start), or `before`.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Monthly service report"
  every month requires service_report by Provider for the month within 5 business days after
)x"},
    {"unknown-interval",
     CodeKind::AgreementError,
     "an interval name that is not declared",
     R"x(Availability, downtime and duration measures are computed over the intervals an
`interval NAME from OPEN to CLOSE` line declares. The rule names an interval that is not
declared, so there is nothing to measure.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

interval outage from outage_start to outage_end with same service

expectation "The service is available"
  responsible Provider
  availability of outages at least 99.5% every month
)x",
     "", "",
     R"x(Fix the spelling, or declare the interval with `interval NAME from ... to ...`.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

interval outage from outage_start to outage_end with same service

expectation "The service is available"
  responsible Provider
  availability of outage at least 99.5% every month
)x"},
    {"duplicate-interval",
     CodeKind::AgreementError,
     "an interval declared twice",
     R"x(Each interval name may be declared once: with two declarations it is unclear which events open
and close the interval that availability, downtime and duration rules measure.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

interval outage from outage_start to outage_end with same service
interval outage from maintenance_start to maintenance_end with same service
)x",
     "", "",
     R"x(Give each interval its own name (`outage`, `maintenance`), and use the one you mean in the
rules.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

interval outage from outage_start to outage_end with same service
interval maintenance from maintenance_start to maintenance_end with same service
)x"},
    {"bad-percentile",
     CodeKind::AgreementError,
     "a percentile outside 1 to 100",
     R"x(`percentile N duration of ...` measures the value below which N% of the durations lie; N must
be a whole number from 1 to 100 (`percentile 100` is the longest).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

interval outage from outage_start to outage_end with same service

expectation "Outages are short"
  responsible Provider
  percentile 0 duration of outage at most 4 hours every month
)x",
     "", "",
     R"x(Write the percentile the contract names, from 1 to 100 (90 or 95 are common).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

interval outage from outage_start to outage_end with same service

expectation "Outages are short"
  responsible Provider
  percentile 90 duration of outage at most 4 hours every month
)x"},
    {"bad-percentage",
     CodeKind::AgreementError,
     "a percentage above 100%",
     R"x(A share, an availability or a `when measured` threshold written with `%` is a part of a whole:
it lies between 0% and 100%. A value above 100% can never be reached (or is always exceeded).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  at least 120% of call have answer_seconds <= 20 every month
)x",
     "", "",
     R"x(Write the percentage the contract names, between 0% and 100%.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  at least 80% of call have answer_seconds <= 20 every month
)x"},
    {"unknown-fee",
     CodeKind::AgreementError,
     "a credit that refers to a fee that is not declared",
     R"x(`credit X% of FEE` (and the cap, `credits at most X% of FEE every PERIOD`) refers to a fee that
the agreement's header declares with `fee NAME AMOUNT`. This one is not declared, so the credit
has no amount.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 5% of montly_fee
  at least 80% of call have answer_seconds <= 20 every month
)x",
     "", "",
     R"x(Fix the spelling, or declare the fee in the agreement's header: `fee monthly_fee 20000`.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 5% of monthly_fee
  at least 80% of call have answer_seconds <= 20 every month
)x"},
    {"duplicate-fee",
     CodeKind::AgreementError,
     "a fee declared twice",
     R"x(Each fee name may be declared once: with two amounts it is unclear what `X% of FEE` is.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000
  fee monthly_fee 25000

party Client
party Provider
)x",
     "", "",
     R"x(Keep the amount the contract states, or give the other fee its own name (`setup_fee`).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000
  fee setup_fee 25000

party Client
party Provider
)x"},
    {"impossible-hours",
     CodeKind::LintError,
     "business hours that must hold together but never overlap",
     R"x(`occurs within business hours of A and B` asks that each event falls in the business hours of
every party (or calendar) named. When their hours never overlap in the effective period
(daylight saving shifts count), no event can ever satisfy the rule: every event is a finding.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
  business hours mon-fri 08:00-12:00
party Provider
  business hours mon-fri 13:00-17:00

term "Site visits in office hours"
  every site_visit occurs within business hours of Client and Provider
)x",
     "", "",
     R"x(Name only the hours that matter (the host's, say), or widen one side's hours so that they
share time with the other's.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
  business hours mon-fri 08:00-12:00
party Provider
  business hours mon-fri 13:00-17:00

term "Site visits in office hours"
  every site_visit occurs within business hours of Provider
)x"},
    {"contradiction",
     CodeKind::LintError,
     "rules that cannot all hold",
     R"x(Two rules on the same events cannot both be kept: `at least N` and `at most M` with M below N in
the same period, `no P` beside `at least N P`, or one aggregate that must be at least X and at
most Y with Y below X. Every window would give a finding whatever the parties do.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Status meetings"
  at least 3 status_meeting every month
  at most 2 status_meeting every month
)x",
     "", "",
     R"x(Decide which rule the parties meant (read the contract's clause again), and change or delete
the other.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Status meetings"
  at least 3 status_meeting every month
  at most 4 status_meeting every month
)x"},
    {"duplicate-block",
     CodeKind::LintError,
     "two terms or expectations with one name",
     R"x(Two blocks (`term` or `expectation`) carry the same name. A finding's id is made of its block's
name, rule number, reason, window and first event, so both blocks' findings get the same ids: a
baseline or a waiver written for one accepts the other's too (a new critical term named like an
old minor one would pass a CI check unseen), and code scanning merges their rules.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Reports"
  at least 1 status_report by Provider every month

term "Reports"
  severity critical
  at least 1 volume_forecast by Client every month
)x",
     "", "",
     R"x(Give each block its own name, as the contract's clauses have their own headings.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Status reports"
  at least 1 status_report by Provider every month

term "Volume forecasts"
  severity critical
  at least 1 volume_forecast by Client every month
)x"},
    {"perfection-target",
     CodeKind::LintWarning,
     "a target that demands perfection",
     R"x(A service level of 99.5% or more on an aggregate or a share, `at most 0`, an availability that
allows less than 5 minutes of downtime in its shortest window, or `downtime ... at most 0
minutes` demands perfection: a single slip is a breach. Real contracts give a realistic level
and price the misses with service credits.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

expectation "First call resolution"
  responsible Provider
  average value of kpi_report where kpi = "first call resolution" at least 99.5% every month
)x",
     "", "",
     R"x(Agree a level the service can reach (and a service credit for missing it).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

expectation "First call resolution"
  responsible Provider
  average value of kpi_report where kpi = "first call resolution" at least 85% every month
)x"},
    {"deadline-outside-hours",
     CodeKind::LintWarning,
     "a deadline that can only be met outside business hours",
     R"x(A `within D after` deadline in plain hours or days that is shorter than the longest time the
responsible party is closed (a night, a weekend, holidays) can only be met by working while
closed: a ticket opened on Friday evening is late on Saturday morning.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Incidents get a response"
  every incident requires response by Provider with same incident within 4 hours after
)x",
     "", "",
     R"x(Count the deadline in business time (`within 4 business hours after`), or, if the party
really works around the clock, give it 24/7 hours (`business hours mon-sun 00:00-24:00`) or
count on a calendar that never closes (`within 4 hours of ServiceDesk after`).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Incidents get a response"
  every incident requires response by Provider with same incident within 4 business hours after
)x"},
    {"short-notice",
     CodeKind::LintWarning,
     "a notice period too short to act on",
     R"x(An `at least D before` notice shorter than 24 hours, 0 business days or under 8 business hours
leaves the other party no working day to prepare.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Site visits are announced"
  every site_visit by Client requires notice by Client with same visit at least 2 hours before
)x",
     "", "",
     R"x(Give at least a working day of notice (`at least 2 business days before`).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Site visits are announced"
  every site_visit by Client requires notice by Client with same visit at least 2 business days before
)x"},
    {"cadence-too-dense",
     CodeKind::LintWarning,
     "more occurrences per period than there are business days",
     R"x(`at least N ... every PERIOD` with N above the number of business days in some window of the
period (of the responsible party, else of the agreement), or more than one a day, asks for more
than one occurrence on some working day, every window, which is rarely what a contract means.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Daily status reports"
  at least 6 status_report by Provider every week
)x",
     "", "",
     R"x(Lower the count to what the business days allow, or lengthen the period
(`at least 20 status_report by Provider every month`).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Daily status reports"
  at least 5 status_report by Provider every week
)x"},
    {"one-sided",
     CodeKind::LintWarning,
     "every fixed obligation falls on one party",
     R"x(In an agreement between two or more parties, every rule whose responsible party the text fixes
names the same party. Partnerships fail through both sides (late approvals, missing forecasts,
unannounced visits), and an agreement that binds one side only cannot show it.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Incidents are handled"
  every incident requires response by Provider with same incident within 4 business hours after
  at least 1 service_report by Provider every month
)x",
     "", "",
     R"x(Add what the other party owes in return (approvals, forecasts, attendance, payment).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"

party Client
party Provider

term "Incidents are handled"
  every incident requires response by Provider with same incident within 4 business hours after
  at least 1 service_report by Provider every month

term "Forecasts are sent"
  at least 1 volume_forecast by Client every month
)x"},
    {"never-met",
     CodeKind::LintWarning,
     "an expectation that failed in every judged window",
     R"x(Found by `pactum check` only: a periodic rule of an `expectation` failed in every window that
was judged (tolerated misses count as failures; windows without a case and pending windows do
not). A target that is never met is usually a target nobody expects to meet; the warning names
the best value seen.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-02-28
  timezone "UTC"

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  at least 80% of call have answer_seconds <= 20 every month
)x",
     R"x(events:
  - {id: C-1, at: 2026-01-05T10:00:00Z, type: call, answer_seconds: 12}
  - {id: C-2, at: 2026-01-06T10:00:00Z, type: call, answer_seconds: 45}
  - {id: C-3, at: 2026-02-03T10:00:00Z, type: call, answer_seconds: 38}
  - {id: C-4, at: 2026-02-04T10:00:00Z, type: call, answer_seconds: 9}
)x", "2026-03-01",
     R"x(Revisit the target with the other party: agree a level the service can reach (the best value
seen is a starting point), or fix the service.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-02-28
  timezone "UTC"

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  at least 50% of call have answer_seconds <= 20 every month
)x"},
    {"credit-never-applies",
     CodeKind::LintWarning,
     "a credit line that can apply to no rule of its block",
     R"x(`credit ... per day late` and `per hour late` price the delay of `late` and `missing` findings
of rules with a deadline; `when measured` prices findings with a measured value. When no rule of
the block has a deadline (or a measured value), the credit line never charges anything.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 500 per day late
  at least 80% of call have answer_seconds <= 20 every month
)x",
     "", "",
     R"x(Move the line to the block it prices, or change its condition (`credit 500` per finding,
`credit 500 when measured below 70%`).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 500
  at least 80% of call have answer_seconds <= 20 every month
)x"},
    {"cap-below-credit",
     CodeKind::LintWarning,
     "one finding's credit exceeds the cap",
     R"x(The cap, `credits at most AMOUNT every PERIOD`, limits what each party owes per window. A
credit line that charges more than the cap for a single finding is cut to the cap every time:
the amount written is never what is owed.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000
  credits at most 1000 every month

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 1500
  at least 80% of call have answer_seconds <= 20 every month
)x",
     "", "",
     R"x(Raise the cap or lower the credit, to what the contract says.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000
  credits at most 1000 every month

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 500
  at least 80% of call have answer_seconds <= 20 every month
)x"},
    {"tiers-not-monotone",
     CodeKind::LintWarning,
     "credit tiers whose amount shrinks as the miss grows",
     R"x(Among a block's `when measured below` lines, a lower threshold (a worse result) should charge
more; among `when measured above` lines, a higher one. Here a worse result charges less, which
is almost always a slip when the tiers were written (the largest applying amount is charged, so
the smaller tier is never used).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 8% of monthly_fee when measured below 80%
  credit 5% of monthly_fee when measured below 70%
  at least 80% of call have answer_seconds <= 20 every month
)x",
     "", "",
     R"x(Make the amount grow with the size of the miss.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "Europe/Berlin"
  currency "EUR"
  fee monthly_fee 20000

party Client
party Provider

expectation "Calls are answered quickly"
  responsible Provider
  credit 5% of monthly_fee when measured below 80%
  credit 8% of monthly_fee when measured below 70%
  at least 80% of call have answer_seconds <= 20 every month
)x"},
    {"missing",
     CodeKind::FindingReason,
     "a required event never happened",
     R"x(A `requires` rule was activated (its triggering event happened, or its period began) and the
required event did not come by the deadline, or at all: the responsible party (after `requires
... by`) is named in the finding.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provider with same ticket within 2 business days after
)x",
     R"x(events:
  - {id: T-1, at: 2026-01-05T10:00:00Z, type: ticket_opened, ticket: T-1}
)x", "2026-01-31",
     R"x(The responsible party must act (and the finding stays as evidence). If the event did happen,
check that the log has it with the same type, `by` and `with same` attributes as the rule asks.)x",
     ""},
    {"late",
     CodeKind::FindingReason,
     "a required event came after its deadline",
     R"x(The required event happened, but later than the rule's timing allows (after the deadline of
`within D after`, or less than D before the event of `at least D before`).)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provider with same ticket within 2 business days after
)x",
     R"x(events:
  - {id: T-1, at: 2026-01-05T10:00:00Z, type: ticket_opened, ticket: T-1}
  - {id: R-1, at: 2026-01-09T10:00:00Z, type: ticket_resolved, by: Provider, ticket: T-1}
)x", "2026-01-31",
     R"x(The responsible party must act faster; the measured values say by how much it was late. Service
credits can price each hour or day of delay (`credit 100 per day late`).)x",
     ""},
    {"early",
     CodeKind::FindingReason,
     "a required event came too long before the event it must precede",
     R"x(`within D before` asks for the required event no more than D before the triggering one: a
report sent a month before the review it prepares is out of date. The last matching event came
earlier than that.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Reviews are prepared"
  every review requires review_pack by Provider within 3 business days before
)x",
     R"x(events:
  - {id: P-1, at: 2026-01-05T10:00:00Z, type: review_pack, by: Provider}
  - {id: V-1, at: 2026-01-20T10:00:00Z, type: review}
)x", "2026-01-31",
     R"x(Send the required event closer to the one it prepares (or again).)x",
     ""},
    {"pending",
     CodeKind::FindingReason,
     "a case whose deadline has not passed yet",
     R"x(Not a finding: an activation still waiting for its required event while its deadline lies
after the as-of time, or a window (a share of cases, an obligation per period) that open cases
can still decide. Pending items are listed apart and never fail a run.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Tickets are resolved"
  every ticket_opened requires ticket_resolved by Provider with same ticket within 2 business days after
)x",
     R"x(events:
  - {id: T-1, at: 2026-01-29T10:00:00Z, type: ticket_opened, ticket: T-1}
)x", "2026-01-30T12:00:00Z",
     R"x(Nothing to fix yet. Run again later, or with a later `--as-of`, to see how it ends.)x",
     ""},
    {"outside-hours",
     CodeKind::FindingReason,
     "an event outside the agreed business hours",
     R"x(`every P occurs within business hours of X` asks that each matching event happens while X is
open (X's business hours and holidays, in X's time zone). This one did not.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Site visits in office hours"
  every site_visit occurs within business hours of Provider
)x",
     R"x(events:
  - {id: V-1, at: 2026-01-10T10:00:00Z, type: site_visit, by: Client}
)x", "2026-01-31",
     R"x(Schedule the events within the hours agreed (or agree other hours).)x",
     ""},
    {"too-few",
     CodeKind::FindingReason,
     "fewer events than agreed in a period",
     R"x(`at least N P every PERIOD` found fewer than N matching events in a window.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Monthly service review"
  responsible Client, Provider
  at least 1 meeting where topic = "service review" every month
)x",
     R"x(events:
  - {id: M-1, at: 2026-01-12T10:00:00Z, type: meeting, topic: kick-off}
)x", "2026-02-01",
     R"x(The responsible parties must hold (and record) the agreed events; check that the log's event
type and attributes match the rule (`topic: service review`).)x",
     ""},
    {"too-many",
     CodeKind::FindingReason,
     "more events than agreed in a period",
     R"x(`at most N P every PERIOD` found more than N matching events in a window.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Site visits are limited"
  at most 1 site_visit by Client every month
)x",
     R"x(events:
  - {id: V-1, at: 2026-01-12T10:00:00Z, type: site_visit, by: Client}
  - {id: V-2, at: 2026-01-19T10:00:00Z, type: site_visit, by: Client}
)x", "2026-02-01",
     R"x(The responsible party must keep within the limit agreed.)x",
     ""},
    {"forbidden",
     CodeKind::FindingReason,
     "an event the agreement forbids",
     R"x(`no P` forbids every event matching P; each one is a finding.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "SLA changes are agreed"
  responsible Provider
  no sla_change where approved_by_both = false
)x",
     R"x(events:
  - {id: S-1, at: 2026-01-12T10:00:00Z, type: sla_change, by: Provider, approved_by_both: false}
)x", "2026-02-01",
     R"x(Do not do it (and, for changes, get the approval first).)x",
     ""},
    {"below-target",
     CodeKind::FindingReason,
     "a measured value below the agreed target in a period",
     R"x(An aggregate, a share of cases or events, an availability or a duration measure with `at least
X` came out below X in a window. The finding's measured values give the value and the cases.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Calls are answered quickly"
  responsible Provider
  at least 80% of call have answer_seconds <= 20 every month
)x",
     R"x(events:
  - {id: C-1, at: 2026-01-05T10:00:00Z, type: call, answer_seconds: 12}
  - {id: C-2, at: 2026-01-06T10:00:00Z, type: call, answer_seconds: 45}
)x", "2026-02-01",
     R"x(The responsible party must improve the service; the cases listed in the finding are the ones
that counted against it.)x",
     ""},
    {"above-target",
     CodeKind::FindingReason,
     "a measured value above the agreed limit in a period",
     R"x(An aggregate, a share, downtime or a duration measure with `at most X` came out above X in a
window.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "Few calls are abandoned"
  responsible Provider
  at most 5% of call have abandoned = true every month
)x",
     R"x(events:
  - {id: C-1, at: 2026-01-05T10:00:00Z, type: call, abandoned: false}
  - {id: C-2, at: 2026-01-06T10:00:00Z, type: call, abandoned: true}
)x", "2026-02-01",
     R"x(The responsible party must improve the service; the cases listed are the ones that counted
against it.)x",
     ""},
    {"no-data",
     CodeKind::FindingReason,
     "no events to measure an aggregate in a period",
     R"x(An aggregate (`average value of`, `total`, `latest`, ...) had no matching event in a window, so
its target could not be judged: the figure was never reported.)x",
     R"x(agreement "Example"
  effective 2026-01-01 to 2026-12-31
  timezone "UTC"

party Client
party Provider

term "First call resolution is reported"
  responsible Provider
  average value of kpi_report where kpi = "first call resolution" at least 80% every month
)x",
     R"x(events:
  - {id: K-1, at: 2026-01-05T10:00:00Z, type: kpi_report, by: Provider, kpi: average handle time, value: 310}
)x", "2026-02-01",
     R"x(The responsible party must report the figure (and the log must carry it with the type and
attributes the rule asks for).)x",
     ""},
  };
  return entries;
}

const CodeExplanation* find_code_explanation(std::string_view code) {
  const auto& all = code_explanations();
  auto it = std::find_if(all.begin(), all.end(), [&](const CodeExplanation& e) { return e.code == code; });
  return it == all.end() ? nullptr : &*it;
}

std::string_view kind_words(CodeKind kind) {
  switch (kind) {
    case CodeKind::AgreementError: return "agreement error";
    case CodeKind::LintError: return "lint error";
    case CodeKind::LintWarning: return "lint warning";
    case CodeKind::FindingReason: return "finding";
  }
  return "";
}

ExampleRun run_example(const CodeExplanation& entry, std::string_view agreement, bool color) {
  ExampleRun run;
  Session s;
  auto add = [&](const Diagnostic& d) {
    if (!d.code.empty()) run.codes.push_back(d.code);
    if (!d.code.empty() && d.level == DiagLevel::Error) run.errors.push_back(d.code);
    run.rendered += render_diagnostic(d, s.sources, color);
  };
  if (!s.load_agreement_text("example.terms", std::string(agreement))) {
    for (const auto& d : s.errors.items()) add(d);
    return run;
  }
  if (entry.log.empty()) {
    run.resolved = true;
    s.run_lint();
    for (const auto& d : s.lint) add(d);
    return run;
  }
  std::optional<Instant> as_of;
  if (!entry.as_of.empty())
    if (auto t = parse_timestamp(std::string(entry.as_of))) as_of = resolve(*t, s.agreement->zone).instant;
  if (!s.load_log_text("example.yaml", std::string(entry.log), log::Backend::Libyaml)) {
    for (const auto& d : s.errors.items()) add(d);
    return run;
  }
  run.resolved = true;
  s.evaluate(as_of);
  for (const auto& d : s.lint) add(d);
  report::ReportData data{s.sources, *s.agreement, &s.log, &s.outcome, s.lint, lint::obligation_balance(*s.agreement),
                          color, &s.credits};
  for (const auto& f : s.outcome.findings) {
    run.codes.push_back(f.reason);
    run.rendered += report::render_text_finding(data, f, false);
  }
  for (const auto& f : s.outcome.pending) {
    run.codes.push_back("pending");
    run.rendered += report::render_text_finding(data, f, true);
  }
  return run;
}

}  // namespace pactum::app
