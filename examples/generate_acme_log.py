#!/usr/bin/env python3
"""Generate the bundled example log examples/acme-2026.yaml and its expected audit result.

    python3 examples/generate_acme_log.py          # writes the two files, prints the planted violations

Deterministic (fixed random seed, Python 3 standard library only). It writes
  examples/acme-2026.yaml           about ten months (2026-01-01 .. 2026-10-30) of Acme / Northwind events
  examples/acme-2026.expected.json  the findings and pending items `pactum check examples/acme.terms
                                    examples/acme-2026.yaml` must report, in report order
and prints the planted violations as JSON on standard output.

The expected result is computed twice: once from the list of violations planted below, and once
by a small independent re-implementation of the rules of examples/acme.terms (spec section 5)
run over the generated events. The script fails unless both agree, so a violation that was not
planted (an accidental late notice, a KPI month that drifted below target) cannot slip in.
"""
import json
import os
import random
import sys
from datetime import date, datetime, time, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

NY = ZoneInfo("America/New_York")
MNL = ZoneInfo("Asia/Manila")
HERE = os.path.dirname(os.path.abspath(__file__))
AGREEMENT = "Customer care outsourcing - Acme Telecom and Northwind CX"
EFFECTIVE_START = datetime(2026, 1, 1, tzinfo=NY)
EFFECTIVE_END = datetime(2027, 1, 1, tzinfo=NY)          # 24:00 of 2026-12-31
ACME_HOLIDAYS = {date(2026, 7, 3), date(2026, 11, 26), date(2026, 12, 25)}

random.seed(20260101)


def ny(y, m, d, hh=10, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=NY)


def mnl(y, m, d, hh=10, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=MNL)


# --------------------------------------------------------------------------------------------
# Building the events
# --------------------------------------------------------------------------------------------
events = []     # dicts: id, at (aware datetime), type, by, and attributes, in insertion order
planted = []    # the violations and pending items put in on purpose


def add(eid, at, etype, by=None, **attrs):
    assert all(e["id"] != eid for e in events), eid
    ev = {"id": eid, "at": at, "type": etype}
    if by:
        ev["by"] = by
    ev.update(attrs)
    events.append(ev)
    return ev


def plant(block, rule, reason, what, **info):
    planted.append(dict(block=block, rule=rule, reason=reason, **info, what=what))


def mondays(first, last):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=7)


# ---- Weekly service review (clause 4.2) and Reports precede reviews (clause 4.3) ------------
# The review is normally Tuesday 10:00 New York time. Northwind sends its service report the
# day before at 09:00 Manila time (Sunday/Monday evening in New York: 37-38 hours before).
SKIPPED = {
    date(2026, 2, 16): "Q1, first miss: tolerated",
    date(2026, 3, 23): "Q1, second miss: finding (the quarterly business review that week is not a service review)",
    date(2026, 6, 29): "Q2, only miss (the week starts in June, so it belongs to Q2): tolerated",
    date(2026, 7, 20): "Q3, first miss: tolerated",
    date(2026, 9, 7): "Q3, third miss: finding",
}
ACME_ONLY_WEEK = date(2026, 8, 17)     # Q3, second miss: Northwind did not attend -> finding
MOVED = {date(2026, 1, 12): (2, 10), date(2026, 4, 27): (2, 14), date(2026, 6, 8): (3, 11), date(2026, 10, 5): (2, 15)}   # weekday offset, hour
EARLY_REPORT_WEEK = date(2026, 4, 13)  # the report for that review was sent on the Friday before

meeting_no = 0
for monday in mondays(date(2026, 1, 5), date(2026, 10, 26)):
    if monday in SKIPPED:
        continue
    offset, hour = MOVED.get(monday, (1, 10))
    day = monday + timedelta(days=offset)
    meeting_no += 1
    mid = f"M-{meeting_no}"
    at = ny(day.year, day.month, day.day, hour)
    attendees = ["Acme"] if monday == ACME_ONLY_WEEK else (
        ["Northwind", "Acme"] if meeting_no % 9 == 4 else ["Acme", "Northwind"])
    if monday == EARLY_REPORT_WEEK:
        rday = day - timedelta(days=4)          # Friday 09:00 Manila = Thursday evening New York
    else:
        rday = day - timedelta(days=1)
    add(f"SR-{meeting_no}", mnl(rday.year, rday.month, rday.day, 9), "report", "Northwind",
        subject=f"weekly service report for review {mid}")
    add(mid, at, "meeting", "Acme", topic="service review", attendees=attendees)
    if monday == ACME_ONLY_WEEK:
        plant("Weekly service review", 1, "too-few",
              "week of 2026-08-17: the review was held without Northwind (Q3, second miss)",
              window=monday.isoformat())
    if monday == EARLY_REPORT_WEEK:
        plant("Reports precede reviews", 1, "early",
              f"review {mid}: Northwind's report SR-{meeting_no} came more than 48 hours before", event=mid)

for monday, why in SKIPPED.items():
    if "finding" in why:
        plant("Weekly service review", 1, "too-few", f"week of {monday}: no service review ({why})",
              window=monday.isoformat())
    else:
        plant("Weekly service review", 1, "tolerated", f"week of {monday}: no service review ({why})",
              window=monday.isoformat())

# Quarterly business reviews: a different meeting, not a service review, needs no report.
for i, d in enumerate([date(2026, 3, 25), date(2026, 6, 24), date(2026, 9, 23)], 1):
    add(f"QBR-{i}", ny(d.year, d.month, d.day, 13), "meeting", "Acme",
        topic="quarterly business review", attendees=["Acme", "Northwind"])

# ---- Site visits (clauses 7.1, 7.2) ----------------------------------------------------------
# Visits happen on Northwind's Manila floor; the notice is e-mailed from New York.
# (visit number, visit time, notice time or None)
visits = [
    (1, ny(2026, 1, 13, 10), ny(2026, 1, 12, 9)),      # the spec's example: 25 h notice, 23:00 in Manila
    (2, mnl(2026, 2, 18, 10), ny(2026, 2, 12, 11)),
    (3, mnl(2026, 3, 17, 14), ny(2026, 3, 11, 15)),
    (4, mnl(2026, 4, 22, 9, 30), ny(2026, 4, 20, 15, 30)),   # 30 h notice: late
    (5, mnl(2026, 5, 6, 10), ny(2026, 5, 1, 10)),
    (6, mnl(2026, 5, 14, 11), ny(2026, 5, 8, 14)),
    (7, mnl(2026, 5, 27, 15), ny(2026, 5, 21, 9, 30)),      # third visit in May: too many
    (8, mnl(2026, 6, 10, 10), None),                        # no notice at all: missing
    (9, mnl(2026, 8, 15, 10), ny(2026, 8, 10, 12)),         # a Saturday morning: inside Northwind's hours
    (10, mnl(2026, 9, 16, 13), ny(2026, 9, 10, 10)),
    (11, mnl(2026, 10, 14, 9), ny(2026, 10, 8, 16)),
]
for n, vat, nat in visits:
    if nat is not None:
        add(f"N-{n}", nat, "notice", "Acme", visit=f"V-{n}")
    add(f"V-{n}", vat, "site_visit", "Acme", visit=f"V-{n}")
plant("Site visits are announced", 1, "late", "V-1 announced 25 hours before (48 required)", event="V-1")
plant("Site visits are announced", 2, "outside-hours", "V-1 at 23:00 Manila time, Northwind closed", event="V-1")
plant("Site visits are announced", 1, "late", "V-4 announced 30 hours before (48 required)", event="V-4")
plant("Site visits are announced", 1, "missing", "V-8 had no notice at all", event="V-8")
plant("Site visits are limited", 1, "too-many", "three visits in May (V-5, V-6, V-7); V-7 is the excess",
      window="2026-05-01", events=["V-7"])

# ---- KPI co-ownership (clause 5.3) -----------------------------------------------------------
# (change no, change time, kpi, Acme approval time, Northwind approval time)
kpi_changes = [
    (1, ny(2026, 1, 12, 9, 30), "first call resolution", ny(2025, 12, 18, 11), mnl(2025, 12, 19, 10)),  # signed before the contract began
    (2, ny(2026, 3, 2, 9), "average handle time", ny(2026, 2, 24, 14), mnl(2026, 2, 26, 9)),
    (3, ny(2026, 5, 11, 9), "customer satisfaction", ny(2026, 5, 4, 16), None),         # Northwind never approved
    (4, ny(2026, 7, 13, 9), "abandon rate", ny(2026, 7, 15, 10), mnl(2026, 7, 7, 11)),  # Acme approved two days after the change
    (5, ny(2026, 9, 8, 9), "quality score", ny(2026, 9, 1, 11), mnl(2026, 9, 2, 10)),
    (6, ny(2026, 10, 13, 9), "first call resolution", ny(2026, 10, 6, 15), mnl(2026, 10, 7, 9)),
]
ap = 0
for n, cat, kpi, acme_at, nw_at in kpi_changes:
    for who, at in (("Acme", acme_at), ("Northwind", nw_at)):
        if at is not None:
            ap += 1
            add(f"AP-{ap}", at, "approval", who, kpi=kpi, change=f"KC-{n}")
    add(f"KC-{n}", cat, "kpi_change", "Acme", kpi=kpi)
plant("KPI co-ownership", 2, "missing", "KC-3 (customer satisfaction) was never approved by Northwind", event="KC-3")
plant("KPI co-ownership", 1, "missing", "KC-4 (abandon rate): Acme approved only after the change", event="KC-4")

# ---- Disputes (clause 9.1): 10 business days, agreement calendar (mon-fri, New York, no holidays)
# (no, raised at, raised by, resolved at or None, subject)
disputes = [
    (1, ny(2026, 2, 3, 11), "Northwind", ny(2026, 2, 10, 15), "invoice deduction for January"),
    (2, ny(2026, 4, 6, 10), "Acme", ny(2026, 4, 29, 16), "repeat-contact charges"),          # deadline 04-20 24:00: late
    (3, mnl(2026, 6, 2, 9, 30), "Northwind", ny(2026, 6, 9, 12), "attrition penalty"),       # raised Monday evening New York time
    (4, ny(2026, 7, 1, 16), "Northwind", ny(2026, 7, 9, 11), "forecast accuracy"),
    (5, ny(2026, 8, 4, 15), "Acme", None, "quality scoring of escalated calls"),               # never resolved: missing
    (6, ny(2026, 9, 14, 14), "Acme", ny(2026, 9, 22, 14, 30), "overtime billing"),
    (7, ny(2026, 10, 26, 11), "Northwind", None, "holiday staffing premium"),                # pending at the end
]
for n, rat, by, sat, subject in disputes:
    add(f"D-{n}-raised", rat, "dispute_raised", by, dispute=f"D-{n}", subject=subject)
    if sat is not None:
        add(f"D-{n}-resolved", sat, "dispute_resolved", "Acme" if n % 2 else "Northwind", dispute=f"D-{n}")
plant("Disputes are resolved", 1, "late", "D-2 resolved 2026-04-29, deadline was the end of 2026-04-20", event="D-2-raised")
plant("Disputes are resolved", 1, "missing", "D-5 raised 2026-08-04 never resolved (deadline end of 2026-08-18)",
      event="D-5-raised")
plant("Disputes are resolved", 1, "pending", "D-7 raised 2026-10-26, deadline end of 2026-11-09", event="D-7-raised")

# ---- Data requests (clause 6.4): 3 business days of Acme's calendar (Acme's holidays count) ---
requests = [
    (1, ny(2026, 1, 20, 10, 30), ny(2026, 1, 22, 15), "contact reasons by product, Q4 2025"),
    (2, mnl(2026, 3, 10, 15), ny(2026, 3, 12, 10), "billing system outage log"),
    (3, ny(2026, 4, 13, 10), ny(2026, 4, 21, 14), "churn survey verbatims"),           # deadline 04-16 24:00: late
    (4, ny(2026, 6, 30, 14), ny(2026, 7, 6, 15), "July promotion calendar"),          # on time only because 07-03 is Acme's holiday
    (5, mnl(2026, 8, 22, 10), ny(2026, 8, 25, 11), "new tariff FAQ"),                 # Saturday in Manila = Friday evening in New York
    (6, ny(2026, 10, 30, 15), None, "holiday-season volume forecast"),                # the last event of the log: pending
]
for n, qat, sat, subject in requests:
    add(f"R-{n}-request", qat, "data_request", "Northwind", request=f"R-{n}", subject=subject)
    if sat is not None:
        add(f"R-{n}-shared", sat, "data_shared", "Acme", request=f"R-{n}")
plant("Data requests are answered", 1, "late", "R-3 answered 2026-04-21, deadline was the end of 2026-04-16",
      event="R-3-request")
plant("Data requests are answered", 1, "pending", "R-6 asked on the last day (deadline end of 2026-11-04)",
      event="R-6-request")

# ---- Commitments (clause 2.1) ----------------------------------------------------------------
commitments = [
    (1, ny(2026, 1, 15, 11), date(2026, 2, 27), mnl(2026, 2, 20, 10), "refresh the agent knowledge base"),
    (2, ny(2026, 3, 5, 11), date(2026, 4, 30), ny(2026, 4, 30, 16), "staff a Spanish-language queue"),   # on the due date itself
    (3, ny(2026, 4, 2, 11), date(2026, 5, 15), ny(2026, 5, 22, 12), "pilot the chat channel"),           # late
    (4, mnl(2026, 6, 3, 10), date(2026, 7, 31), mnl(2026, 7, 28, 14), "quality calibration programme"),
    (5, ny(2026, 7, 9, 14), date(2026, 8, 31), None, "upgrade the workforce management tool"),           # missing
    (6, ny(2026, 9, 3, 11), date(2026, 10, 16), ny(2026, 10, 14, 10), "holiday-season staffing plan"),
    (7, ny(2026, 10, 5, 11), date(2026, 11, 13), None, "year-end reporting pack"),                       # pending
]
for n, cat, due, dat, title in commitments:
    add(f"C-{n}", cat, "commitment", "Northwind", commitment=f"C-{n}", due=due, title=title)
    if dat is not None:
        add(f"C-{n}-delivered", dat, "delivery", "Northwind", commitment=f"C-{n}")
plant("Promises are kept", 1, "late", "C-3 due 2026-05-15, delivered 2026-05-22", event="C-3")
plant("Promises are kept", 1, "missing", "C-5 due 2026-08-31, never delivered", event="C-5")
plant("Promises are kept", 1, "pending", "C-7 due 2026-11-13, after the last event", event="C-7")

# ---- SLA changes (clause 5.4) ----------------------------------------------------------------
add("SLA-1", ny(2026, 2, 2, 15), "sla_change", "Acme", approved_by_both=True,
    subject="service level for e-mail raised to 24 h response")
add("SLA-2", mnl(2026, 6, 16, 11), "sla_change", "Northwind", approved_by_both=True,
    subject="chat added to the service level schedule")
add("SLA-3", ny(2026, 9, 21, 16), "sla_change", "Acme", approved_by_both=False,
    subject="penalty rate doubled for abandoned calls")
plant("No unilateral SLA change", 1, "forbidden", "SLA-3 changed by Acme without Northwind's signature", event="SLA-3")

# ---- Schedule B KPI reports (weekly, Monday 08:30 Manila) --------------------------------------
FCR_LOW_MONTH, AHT_HIGH_MONTH, FCR_GAP_MONTH = 3, 7, 8
k = 0
for monday in mondays(date(2026, 1, 5), date(2026, 10, 26)):
    at = mnl(monday.year, monday.month, monday.day, 8, 30)
    if at.astimezone(NY).month != monday.month:
        continue        # keep every report clearly inside one New York month
    m = monday.month
    if m != FCR_GAP_MONTH:
        mean = 76.5 if m == FCR_LOW_MONTH else 83.5
        k += 1
        add(f"K-{k:03d}", at, "kpi_report", "Northwind", kpi="first call resolution",
            value=round(mean + random.uniform(-2.0, 2.0), 1))
    mean = 374 if m == AHT_HIGH_MONTH else 338
    k += 1
    add(f"K-{k:03d}", at + timedelta(minutes=5), "kpi_report", "Northwind", kpi="average handle time",
        value=int(round(mean + random.uniform(-12, 12))))
plant("Service levels", 1, "below-target", "March first call resolution averages under 80%", window="2026-03-01")
plant("Service levels", 2, "above-target", "July average handle time averages over 360 s", window="2026-07-01")
plant("Service levels", 1, "no-data", "no first call resolution report in August", window="2026-08-01")

# ---- Monthly invoices (not covered by any term: they only make the log realistic) -------------
for i, m in enumerate(range(1, 11), 1):
    add(f"INV-{i}", mnl(2026, m, 5, 11), "invoice", "Northwind", amount=round(410000 + random.uniform(-15000, 15000), 2),
        currency="USD")

# --------------------------------------------------------------------------------------------
# Order, as-of, judged interval
# --------------------------------------------------------------------------------------------
UTC = timezone.utc
for e in events:
    e["u"] = e["at"].astimezone(UTC)        # all arithmetic on UTC instants (same-zone datetime
                                            # arithmetic in Python is wall-clock and ignores DST)
events.sort(key=lambda e: e["u"])
for i, e in enumerate(events):
    e["index"] = i
assert len({e["at"] for e in events}) == len(events), "two events share a time"
AS_OF = max(e["u"] for e in events)
assert events[-1]["id"] == "R-6-request" and AS_OF == ny(2026, 10, 30, 15)
JUDGED_FROM = EFFECTIVE_START.astimezone(UTC)
JUDGED_TO = min(EFFECTIVE_END.astimezone(UTC), AS_OF)


def in_judged(e):
    return JUDGED_FROM <= e["u"] <= AS_OF and e["u"] < EFFECTIVE_END


# --------------------------------------------------------------------------------------------
# Independent re-implementation of the rules of examples/acme.terms (spec section 5)
# --------------------------------------------------------------------------------------------
BLOCKS = ["Weekly service review", "Site visits are announced", "Site visits are limited", "KPI co-ownership",
          "Disputes are resolved", "Data requests are answered", "Promises are kept", "No unilateral SLA change",
          "Reports precede reviews", "Service levels"]


def match(e, etype, by=None, cond=lambda e: True):
    return e["type"] == etype and (by is None or e.get("by") == by) and cond(e)


def business_deadline(a_at, n, tz, holidays):
    """24:00 at the end of the n-th business day strictly after A's date (mon-fri calendar)."""
    d = a_at.astimezone(tz).date()
    count = 0
    while count < n:
        d += timedelta(days=1)
        if d.weekday() < 5 and d not in holidays:
            count += 1
    return datetime.combine(d + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)


def windows(kind):
    """Calendar windows of the agreement timezone lying completely inside the judged interval."""
    if kind == "week":
        s = datetime(2025, 12, 29, tzinfo=NY)          # the Monday on or before the start
        step = lambda d: d + timedelta(days=7)
    else:
        s = datetime(2026, 1, 1, tzinfo=NY)
        step = lambda d: datetime(d.year + (d.month == 12), d.month % 12 + 1, 1, tzinfo=NY)
    out = []
    while s < JUDGED_TO:
        e = step(s)         # wall-clock arithmetic in New York: every window starts at local 00:00
        if s >= JUDGED_FROM and e <= JUDGED_TO:
            out.append((s.astimezone(UTC), e.astimezone(UTC)))
        s = e
    return out


visible = [e for e in events if e["u"] <= AS_OF]
found, pending, tolerated = [], [], []


def finding(block, rule, reason, at, evs, responsible, window=None, measured=None):
    f = {"block": block, "rule": rule, "reason": reason, "responsible": responsible,
         "at": at, "events": evs, "window": window, "measured": measured or {}}
    (pending if reason == "pending" else found).append(f)


def requires(block, rule, apat, qpat, same, timing, responsible):
    """Rule 5.1. timing: ('at_least_before', td) | ('within_before', td) | ('before',) |
    ('deadline', fn(A) -> datetime)."""
    for a in events:
        if not (apat(a) and in_judged(a)):
            continue
        qs = [q for q in visible if q is not a and qpat(q) and all(k in a and k in q and a[k] == q[k] for k in same)]
        kind = timing[0]
        if kind == "before":
            if not any(q["u"] <= a["u"] for q in qs):
                finding(block, rule, "missing", a["u"], [a], responsible)
        elif kind == "at_least_before":
            before = [q for q in qs if q["u"] <= a["u"]]
            if not any(q["u"] <= a["u"] - timing[1] for q in before):
                if before:
                    q = min(before, key=lambda q: q["u"])
                    finding(block, rule, "late", a["u"], [a, q], responsible,
                            measured={"notice_hours": (a["u"] - q["u"]) / timedelta(hours=1)})
                else:
                    finding(block, rule, "missing", a["u"], [a], responsible)
        elif kind == "within_before":
            before = [q for q in qs if q["u"] <= a["u"]]
            if not any(a["u"] - timing[1] <= q["u"] for q in before):
                if before:
                    q = max(before, key=lambda q: q["u"])
                    finding(block, rule, "early", a["u"], [a, q], responsible,
                            measured={"age_hours": (a["u"] - q["u"]) / timedelta(hours=1)})
                else:
                    finding(block, rule, "missing", a["u"], [a], responsible)
        elif kind == "deadline":
            deadline = timing[1](a)
            after = sorted((q for q in qs if q["u"] >= a["u"]), key=lambda q: q["u"])
            if after:
                if after[0]["u"] > deadline:
                    finding(block, rule, "late", a["u"], [a, after[0]], responsible,
                            measured={"deadline": deadline.astimezone(NY).isoformat(),
                                      "delay_hours": (after[0]["u"] - deadline) / timedelta(hours=1)})
            elif deadline <= AS_OF:
                finding(block, rule, "missing", a["u"], [a], responsible, measured={"deadline": deadline.astimezone(NY).isoformat()})
            else:
                finding(block, rule, "pending", a["u"], [a], responsible, measured={"deadline": deadline.astimezone(NY).isoformat()})


def service_review(e):
    return e.get("topic") == "service review"


# Weekly service review, rule 1 (5.3 with allowing 1 missed per quarter)
misses = []
for s, e in windows("week"):
    evs = [x for x in events if s <= x["u"] < e and match(x, "meeting", cond=lambda x: service_review(x)
                                                               and isinstance(x.get("attendees"), list)
                                                               and {"Acme", "Northwind"} <= set(x["attendees"]))]
    if len(evs) < 1:
        misses.append((s, evs))
seen_per_quarter = {}
for s, evs in misses:
    loc = s.astimezone(NY)
    q = (loc.year, (loc.month - 1) // 3)
    seen_per_quarter[q] = seen_per_quarter.get(q, 0) + 1
    if seen_per_quarter[q] <= 1:
        tolerated.append({"block": BLOCKS[0], "rule": 1, "window": s})
    else:
        finding(BLOCKS[0], 1, "too-few", s, evs, ["Acme", "Northwind"], window=s, measured={"count": len(evs)})

# Site visits are announced
requires(BLOCKS[1], 1, lambda e: match(e, "site_visit", "Acme"), lambda e: match(e, "notice", "Acme"), ["visit"],
         ("at_least_before", timedelta(hours=48)), ["Acme"])


def in_northwind_hours(at):
    loc = at.astimezone(MNL)
    t, wd = loc.time(), loc.weekday()
    if wd < 5:
        return time(8) <= t < time(20)
    if wd == 5:
        return time(9) <= t < time(13)
    return False


# `every site_visit occurs within ...` names no party: responsibility falls to the visit's own `by`
for a in events:
    if match(a, "site_visit") and in_judged(a) and not in_northwind_hours(a["u"]):
        finding(BLOCKS[1], 2, "outside-hours", a["u"], [a], [a["by"]])

# Site visits are limited
for s, e in windows("month"):
    evs = [x for x in events if s <= x["u"] < e and match(x, "site_visit", "Acme")]
    if len(evs) > 2:
        finding(BLOCKS[2], 1, "too-many", s, evs[2:], ["Acme"], window=s, measured={"count": len(evs)})

# KPI co-ownership
requires(BLOCKS[3], 1, lambda e: match(e, "kpi_change"), lambda e: match(e, "approval", "Acme"), ["kpi"], ("before",),
         ["Acme"])
requires(BLOCKS[3], 2, lambda e: match(e, "kpi_change"), lambda e: match(e, "approval", "Northwind"), ["kpi"],
         ("before",), ["Northwind"])

# Disputes: no `by` on the target, no block `responsible`, no `by` on the activation: unassigned
requires(BLOCKS[4], 1, lambda e: match(e, "dispute_raised"), lambda e: match(e, "dispute_resolved"), ["dispute"],
         ("deadline", lambda a: business_deadline(a["u"], 10, NY, set())), ["unassigned"])

# Data requests: Acme's calendar
requires(BLOCKS[5], 1, lambda e: match(e, "data_request", "Northwind"), lambda e: match(e, "data_shared", "Acme"),
         ["request"], ("deadline", lambda a: business_deadline(a["u"], 3, NY, ACME_HOLIDAYS)), ["Acme"])

# Promises: the due date means 24:00 of that day in the agreement timezone
requires(BLOCKS[6], 1, lambda e: match(e, "commitment", "Northwind"), lambda e: match(e, "delivery", "Northwind"),
         ["commitment"], ("deadline", lambda a: datetime.combine(a["due"] + timedelta(days=1), time(0), tzinfo=NY).astimezone(UTC)),
         ["Northwind"])

# No unilateral SLA change: responsible is the `by` of the offending event
for a in events:
    if match(a, "sla_change", cond=lambda e: e.get("approved_by_both") is False) and in_judged(a):
        finding(BLOCKS[7], 1, "forbidden", a["u"], [a], [a["by"]])

# Reports precede reviews
requires(BLOCKS[8], 1, lambda e: match(e, "meeting", cond=service_review), lambda e: match(e, "report", "Northwind"),
         [], ("within_before", timedelta(hours=48)), ["Northwind"])

# Service levels
for rule, kpi, bound, op in ((1, "first call resolution", 80, "at least"), (2, "average handle time", 360, "at most")):
    for s, e in windows("month"):
        evs = [x for x in events if s <= x["u"] < e and match(x, "kpi_report", cond=lambda x: x.get("kpi") == kpi)]
        vals = [Fraction(str(x["value"])) for x in evs if isinstance(x.get("value"), (int, float))]
        if not vals:
            finding(BLOCKS[9], rule, "no-data", s, evs, ["Northwind"], window=s)
            continue
        avg = sum(vals) / len(vals)
        # keep every month clear of the bound (no judgement hinging on rounding)
        assert abs(avg - bound) >= (Fraction(1) if rule == 1 else Fraction(8)), (kpi, s, float(avg))
        if op == "at least" and avg < bound:
            finding(BLOCKS[9], rule, "below-target", s, evs, ["Northwind"], window=s,
                    measured={"average": round(float(avg), 2), "bound": bound})
        if op == "at most" and avg > bound:
            finding(BLOCKS[9], rule, "above-target", s, evs, ["Northwind"], window=s,
                    measured={"average": round(float(avg), 2), "bound": bound})


def order(f):
    first = f["events"][0]["index"] if f["events"] else -1
    return (f["at"], BLOCKS.index(f["block"]), f["rule"], first)


found.sort(key=order)
pending.sort(key=order)

# --------------------------------------------------------------------------------------------
# Cross-check: what the re-implementation finds must be exactly what was planted
# --------------------------------------------------------------------------------------------


def key_of(block, rule, reason, ident):
    return (block, rule, reason, ident)


def ident_of(f):
    if f["window"] is not None:
        return f["window"].astimezone(NY).date().isoformat()
    return f["events"][0]["id"]


got = sorted(key_of(f["block"], f["rule"], f["reason"], ident_of(f)) for f in found + pending)
want = sorted(key_of(p["block"], p["rule"], p["reason"], p.get("window") or p.get("event"))
              for p in planted if p["reason"] != "tolerated")
if got != want:
    sys.exit("generator self-check failed:\n  only computed: %s\n  only planted:  %s"
             % (sorted(set(got) - set(want)), sorted(set(want) - set(got))))
got_tol = sorted(t["window"].astimezone(NY).date().isoformat() for t in tolerated)
want_tol = sorted(p["window"] for p in planted if p["reason"] == "tolerated")
assert got_tol == want_tol, (got_tol, want_tol)

# --------------------------------------------------------------------------------------------
# Output: the YAML log
# --------------------------------------------------------------------------------------------


def yaml_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(yaml_scalar(x) for x in v) + "]"
    s = str(v)
    plain_ok = (s and s[0].isalpha() and all(c.isalnum() or c in " -_.'" for c in s)
                and s.lower() not in ("true", "false", "yes", "no", "on", "off", "null", "y", "n"))
    return s if plain_ok else json.dumps(s)


lines = [
    "# Acme Telecom / Northwind CX: events of the 2026 contract year up to 2026-10-30.",
    "# Generated by examples/generate_acme_log.py (deterministic); the expected audit result is",
    "# in examples/acme-2026.expected.json. New York events carry -05:00 / -04:00 (daylight",
    "# saving 2026-03-08 .. 2026-11-01), Manila events +08:00.",
    f'agreement: "{AGREEMENT}"',
    'timezone: "America/New_York"',
    "events:",
]
for e in events:
    keys = ["id", "at", "type", "by"] + [k for k in e if k not in ("id", "at", "type", "by", "index", "u")]
    first = True
    for key in keys:
        if key not in e:
            continue
        lines.append(("  - " if first else "    ") + f"{key}: {yaml_scalar(e[key])}")
        first = False
with open(os.path.join(HERE, "acme-2026.yaml"), "w") as fh:
    fh.write("\n".join(lines) + "\n")

# --------------------------------------------------------------------------------------------
# Output: the expected result
# --------------------------------------------------------------------------------------------


def iso(t):
    return t.astimezone(NY).isoformat()


def entry(f):
    out = {"block": f["block"], "rule": f["rule"], "reason": f["reason"], "responsible": f["responsible"]}
    if f["window"] is not None:
        out["window"] = iso(f["window"])
    else:
        out["event"] = f["events"][0]["id"]
    return out


def detail(f):
    out = {"at": iso(f["at"]), "events": [e["id"] for e in f["events"]]}
    if f["window"] is not None:
        out["window_start"] = iso(f["window"])
    for k, v in f["measured"].items():
        out[k] = round(v, 2) if isinstance(v, float) else v
    return out


by_party = {"Acme": 0, "Northwind": 0}
for f in found:
    for p in f["responsible"]:
        by_party[p] = by_party.get(p, 0) + 1
ALL_LINT = ["perfection-target", "impossible-hours", "deadline-outside-hours", "short-notice", "cadence-too-dense",
            "contradiction", "one-sided", "duplicate-party", "bad-period", "unknown-party", "unknown-timezone",
            "bad-calendar", "never-met"]
expected = {
    "about": "Expected result of `pactum check examples/acme.terms examples/acme-2026.yaml --format json`. "
             "`expect` uses the format of tests/conformance/run.py (findings in report order; `event` is the id "
             "of the first event of the finding, `window` the start of the window). `details` runs parallel to "
             "`expect.findings` with the finding time, all event ids and the measured values.",
    "agreement": AGREEMENT,
    "as_of": iso(AS_OF),
    "judged": {"from": iso(JUDGED_FROM), "to": iso(JUDGED_TO)},
    "summary": {"events": len(events),
                "ignored_events": sum(1 for e in events if not in_judged(e)),
                "rules": 13, "findings": len(found), "pending": len(pending), "tolerated": len(tolerated),
                "by_party": by_party},
    "expect": {
        "exit": 1,
        "findings": [entry(f) for f in found],
        "pending": [f["events"][0]["id"] for f in pending],
        "tolerated": len(tolerated),
        "lint_absent": ALL_LINT,
    },
    "details": [detail(f) for f in found],
    "pending_details": [dict(detail(f), block=f["block"], rule=f["rule"]) for f in pending],
    "tolerated_windows": [{"block": t["block"], "rule": t["rule"], "window": iso(t["window"])} for t in tolerated],
}
with open(os.path.join(HERE, "acme-2026.expected.json"), "w") as fh:
    json.dump(expected, fh, indent=2)
    fh.write("\n")

print(json.dumps({"events": len(events), "as_of": iso(AS_OF),
                  "planted": [{k: v for k, v in p.items()} for p in planted]}, indent=2))
