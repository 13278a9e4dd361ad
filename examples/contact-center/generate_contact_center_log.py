#!/usr/bin/env python3
"""Generate the contact-center worked example: its event log and its expected audit result.

    python3 examples/contact-center/generate_contact_center_log.py   # writes both files, prints the scenarios
    python3 .../generate_contact_center_log.py --out DIR             # writes them into DIR instead

Deterministic (fixed random seed, Python 3 standard library only). It writes, next to itself,
  contact-center-2026.yaml           Harbor / Meridian events from December 2025 to 2 July 2026
  contact-center-2026.expected.json  what `pactum check contact-center.terms contact-center-2026.yaml
                                     --format json` must report: every finding and pending item in
                                     report order (block, rule, reason, time, window, events,
                                     responsible, measured values, credit, stable id) and the
                                     credits per party and month
and prints the planted scenarios as JSON on standard output.

The expected result is worked out twice, without running pactum:
  1. from the scenarios planted below (what each month was built to show), and
  2. by a small re-implementation of the rules of contact-center.terms, following the product
     contract (terms-language.md section 5, terms-language-v2.md V2.1-V2.9), run over the
     generated events: shares of calls (V2.3), a share of callbacks in business hours of a named
     calendar (V2.3, V2.7), a clock in business days that pauses (V2.4), obligations per month
     (V2.5), KPIs grouped by the period they report on (V2.5), and service credits with tiers,
     a per-day-late rate, a split between two parties and a monthly cap (V2.8).
The script stops with an error unless both agree, so an accident of the random data (a month
that drifts below a target, a callback that happens to be late) cannot slip in unnoticed.
"""
import hashlib
import json
import math
import os
import random
import sys
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

UTC = timezone.utc
CHI = ZoneInfo("America/Chicago")
BOG = ZoneInfo("America/Bogota")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else HERE
AGREEMENT = "Customer care - Harbor Home Goods and Meridian Contact Center"
LOG_NAME = "contact-center-2026.yaml"
EFFECTIVE_START = datetime(2026, 1, 1, tzinfo=CHI)
EFFECTIVE_END = datetime(2027, 1, 1, tzinfo=CHI)            # 24:00 of 2026-12-31
AS_OF = datetime(2026, 7, 2, 17, 0, tzinfo=CHI)             # the time of the log's last event
MONTHS = [1, 2, 3, 4, 5, 6]                                 # the judged (complete) months
FEE = Decimal(40000)
CAP = FEE * Decimal("0.10")                                 # credits at most 10% of monthly_fee every month
PARTIES = ["Harbor", "Meridian"]                            # declaration order

random.seed(20260702)


# --------------------------------------------------------------------------------------------
# Calendars (spec 5 "Business time", V2.7): weekly hours in a zone, minus whole-date holidays
# --------------------------------------------------------------------------------------------
class Calendar:
    def __init__(self, name, tz, hours, holidays):
        self.name, self.tz, self.holidays = name, tz, set(holidays)
        self.hours = hours          # weekday (0 = Monday) -> list of (opening, closing) local times

    def spans(self, d):
        """The business time of local date d as UTC instants (no span here crosses midnight)."""
        if d in self.holidays:
            return []
        out = []
        for open_t, close_t in self.hours.get(d.weekday(), []):
            s = datetime.combine(d, open_t, tzinfo=self.tz).astimezone(UTC)
            e = (datetime.combine(d + timedelta(days=1), time(0), tzinfo=self.tz) if close_t == time(0)
                 else datetime.combine(d, close_t, tzinfo=self.tz)).astimezone(UTC)
            out.append((s, e))
        return out

    def is_business_day(self, d):
        return bool(self.spans(d))

    def inside(self, t):
        """Opening times are inside, closing times outside."""
        d = t.astimezone(self.tz).date()
        return any(s <= t < e for s, e in self.spans(d))

    def add_business_hours(self, start, hours):
        """The instant at which `hours` of business time have elapsed since `start`."""
        left = timedelta(hours=hours)
        d = start.astimezone(self.tz).date()
        while True:
            for s, e in self.spans(d):
                s = max(s, start)
                if s >= e:
                    continue
                if e - s >= left:
                    return s + left
                left -= e - s
            d += timedelta(days=1)

    def midnight(self, d):
        return datetime.combine(d, time(0), tzinfo=self.tz).astimezone(UTC)

    def business_days_after(self, d, n):
        """24:00 of the n-th business day strictly after local date d (n >= 1)."""
        while n:
            d += timedelta(days=1)
            n -= self.is_business_day(d)
        return self.midnight(d + timedelta(days=1))

    def business_days_before(self, d, n):
        """24:00 of the n-th business day strictly before local date d (n >= 1)."""
        while n:
            d -= timedelta(days=1)
            n -= self.is_business_day(d)
        return self.midnight(d + timedelta(days=1))

    def business_day_time(self, a, b):
        """Time between instants a and b that falls on business days (whole local dates)."""
        total = timedelta(0)
        d = a.astimezone(self.tz).date()
        while self.midnight(d) < b:
            s, e = max(a, self.midnight(d)), min(b, self.midnight(d + timedelta(days=1)))
            if s < e and self.is_business_day(d):
                total += e - s
            d += timedelta(days=1)
        return total


HARBOR = Calendar("Harbor", CHI, {wd: [(time(8), time(17))] for wd in range(5)},
                  [date(2026, 1, 1), date(2026, 5, 25), date(2026, 7, 3), date(2026, 9, 7), date(2026, 11, 26),
                   date(2026, 12, 25)])
MERIDIAN_HOLIDAYS = [date(2026, 1, 1), date(2026, 1, 12), date(2026, 3, 23), date(2026, 4, 2), date(2026, 4, 3),
                     date(2026, 5, 1), date(2026, 5, 18), date(2026, 6, 8), date(2026, 6, 15), date(2026, 6, 29),
                     date(2026, 7, 20), date(2026, 8, 7), date(2026, 8, 17), date(2026, 10, 12), date(2026, 11, 2),
                     date(2026, 11, 16), date(2026, 12, 8), date(2026, 12, 25)]
MERIDIAN = Calendar("Meridian", BOG, {wd: [(time(8), time(18))] for wd in range(5)}, MERIDIAN_HOLIDAYS)
SUPPORT_LINE = Calendar("SupportLine", CHI, {**{wd: [(time(7), time(22))] for wd in range(6)},
                                             6: [(time(9), time(18))]},
                        [date(2026, 1, 1), date(2026, 11, 26), date(2026, 12, 25)])


def chi(y, m, d, hh=10, mm=0, ss=0):
    return datetime(y, m, d, hh, mm, ss, tzinfo=CHI)


def bog(y, m, d, hh=10, mm=0, ss=0):
    return datetime(y, m, d, hh, mm, ss, tzinfo=BOG)


def month_window(m, y=2026):
    s = datetime(y, m, 1, tzinfo=CHI)
    e = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=CHI)
    return s.astimezone(UTC), e.astimezone(UTC)


def hours(td):
    return td / timedelta(hours=1)


# --------------------------------------------------------------------------------------------
# Building the events
# --------------------------------------------------------------------------------------------
events = []     # dicts: id, at (aware datetime), type, by, attributes, in insertion order
planted = []    # the scenarios put in on purpose: what each finding, pending item and credit is for


def add(eid, at, etype, by=None, **attrs):
    ev = {"id": eid, "at": at, "type": etype}
    if by:
        ev["by"] = by
    ev.update(attrs)
    events.append(ev)
    return ev


def plant(block, rule, reason, what, **info):
    planted.append(dict(block=block, rule=rule, reason=reason, what=what, **info))


# ---- Calls (Schedule B.1 rules 1-2, Schedule B.2) -------------------------------------------
# Per month, the calls offered while the support line is open:
#   n        calls                       sl       answered within 20 s (the service level)
#   ab_long  abandoned after > 5 s       ab_short abandoned within 5 s (misdials: not a failure)
#   the rest were answered after more than 20 s; `late_wait` is the range of their waiting times,
#   chosen so that the average speed of answer lands where the month's story needs it.
CALL_PLAN = {
    1: dict(n=120, sl=102, ab_long=4, ab_short=2, late_wait=(25, 75), story="a good month"),
    2: dict(n=100, sl=80, ab_long=5, ab_short=1, late_wait=(25, 95),
            story="exactly on both targets: 80 of 100 within 20 s (80%), 5 of 100 abandoned (5%)"),
    3: dict(n=150, sl=108, ab_long=11, ab_short=2, late_wait=(150, 240),
            story="spring promotion, agents short: 72% within 20 s, 7.3% abandoned, ASA about 50 s"),
    4: dict(n=120, sl=101, ab_long=3, ab_short=2, late_wait=(25, 80), story="recovered"),
    5: dict(n=110, sl=90, ab_long=4, ab_short=1, late_wait=(25, 90), story="a good month"),
    6: dict(n=125, sl=99, ab_long=5, ab_short=2, late_wait=(120, 200),
            story="summer sale: 79.2% within 20 s, ASA about 36 s"),
}
# Calls outside the line's hours reach the voicemail: unanswered, "abandoned" after the greeting.
# They are not offered calls and must not count; each would be a failure if it did.
OUT_OF_HOURS = [
    (chi(2026, 1, 1, 10, 12, 7), "New Year's Day: the line is closed (a holiday of the SupportLine calendar)"),
    (chi(2026, 1, 1, 11, 40, 31), "New Year's Day"),
    (chi(2026, 1, 1, 15, 3, 52), "New Year's Day"),
    (chi(2026, 2, 8, 19, 20, 14), "Sunday 19:20: the line closes at 18:00 on Sundays"),
    (chi(2026, 2, 15, 18, 30, 45), "Sunday 18:30"),
    (chi(2026, 2, 22, 20, 5, 9), "Sunday 20:05"),
    (chi(2026, 2, 24, 22, 0, 0), "Tuesday 22:00:00 exactly: the closing time is outside"),
    (chi(2026, 3, 4, 6, 45, 10), "Wednesday 06:45, before the 07:00 opening"),
]


def random_instant_in(cal, start, end):
    """A random whole-second instant of the calendar's business time in [start, end)."""
    spans = []
    d = start.astimezone(cal.tz).date()
    while cal.midnight(d) < end:
        spans += [(max(s, start), min(e, end)) for s, e in cal.spans(d) if max(s, start) < min(e, end)]
        d += timedelta(days=1)
    total = sum(int((e - s).total_seconds()) for s, e in spans)
    k = random.randrange(total)
    for s, e in spans:
        length = int((e - s).total_seconds())
        if k < length:
            return s + timedelta(seconds=k)
        k -= length
    raise AssertionError


used_instants = set()


def fresh_instant(cal, start, end):
    while True:
        t = random_instant_in(cal, start, end)
        if t not in used_instants:
            used_instants.add(t)
            return t


for m in MONTHS:
    p = CALL_PLAN[m]
    s, e = month_window(m)
    late = p["n"] - p["sl"] - p["ab_long"] - p["ab_short"]
    kinds = (["sl"] * p["sl"] + ["late"] * late + ["ab_long"] * p["ab_long"] + ["ab_short"] * p["ab_short"])
    random.shuffle(kinds)
    times = sorted(fresh_instant(SUPPORT_LINE, s, e) for _ in kinds)
    for i, (t, kind) in enumerate(zip(times, kinds), 1):
        if kind == "sl":
            wait, answered = random.randint(2, 20), True
        elif kind == "late":
            wait, answered = random.randint(*p["late_wait"]), True
        elif kind == "ab_long":
            wait, answered = random.randint(6, 150), False
        else:
            wait, answered = random.randint(1, 5), False
        add(f"CL-{m:02d}{i:03d}", t.astimezone(CHI), "call", answered=answered, wait_s=wait, abandoned=not answered)
for i, (t, why) in enumerate(OUT_OF_HOURS, 1):
    used_instants.add(t.astimezone(UTC))
    add(f"VM-{i:02d}", t, "call", answered=False, wait_s=90, abandoned=True, note="voicemail")
# The log goes on into July (not judged: the month is not over); its last call is the as-of time.
for i in range(1, 9):
    t = fresh_instant(SUPPORT_LINE, datetime(2026, 7, 1, tzinfo=CHI).astimezone(UTC),
                      chi(2026, 7, 2, 16, 0).astimezone(UTC))
    add(f"CL-07{i:03d}", t.astimezone(CHI), "call", answered=True, wait_s=random.randint(2, 20), abandoned=False)
add("CL-07009", AS_OF, "call", answered=True, wait_s=11, abandoned=False)

plant("Service levels", 1, "below-target", "March: 108 of 150 calls answered within 20 s = 72% (target 80%)",
      window="2026-03", credit="5% of 40000 = 2000")
plant("Service levels", 2, "above-target", "March: 11 of 150 calls abandoned after more than 5 s = 7.33% (at most 5%)",
      window="2026-03", credit="2000")
plant("Average speed of answer", 1, "above-target",
      "March: average speed of answer about 50 s, above 45: the 4% tier (6% applies only above 60 s)",
      window="2026-03", credit="4% of 40000 = 1600")
plant("Service levels", 1, "below-target", "June: 99 of 125 calls within 20 s = 79.2%", window="2026-06", credit="2000")
plant("Average speed of answer", 1, "above-target", "June: average speed of answer about 36 s: only the base 2% tier",
      window="2026-06", credit="800")

# ---- Callbacks (Schedule B.1 rule 3): within 4 business hours of SupportLine, 90% a month ----
# (request time, minutes of business time until the callback or None for never, note)
CALLBACKS = {
    1: [(chi(2026, 1, 11, 20, 30), 220, "Sunday 20:30, the line closed at 18:00: the clock starts Monday 07:00; "
                                         "called back Monday 10:40, 14 h 10 min later but inside 4 business hours")]
       + [(None, None, "")] * 11,
    2: [(chi(2026, 2, 17, 9, 0), 265, "late: called back after 4 h 25 min")] + [(None, None, "")] * 7,
    3: [(chi(2026, 3, 7, 21, 0), 230, "Saturday 21:00 CST: 1 h until 22:00, then from Sunday 09:00 CDT (the clocks "
                                      "went forward that night): due 12:00 CDT, called back 11:50"),
        (chi(2026, 3, 18, 14, 0), 300, "late: called back after 5 h")] + [(None, None, "")] * 13,
    4: [(chi(2026, 4, 8, 11, 0), 310, "late (5 h 10 min)"),
        (chi(2026, 4, 14, 16, 30), 255, "late (4 h 15 min)"),
        (chi(2026, 4, 20, 10, 0), None, "never called back")] + [(None, None, "")] * 11,
    5: [(chi(2026, 5, 12, 13, 0), 290, "late (4 h 50 min)")] + [(None, None, "")] * 9,
    6: [(chi(2026, 6, 30, 21, 30), 105, "Tuesday 21:30: 30 min until closing, the rest from Wednesday 07:00; "
                                        "called back 1 July 08:15, in time")] + [(None, None, "")] * 10,
}
callback_notes = {}
for m in MONTHS:
    s, e = month_window(m)
    # requests during the line's hours, early enough in the month's last days that routine
    # callbacks never cross the month end (the planted ones above do that on purpose)
    rows = []
    for at, minutes, note in CALLBACKS[m]:
        if at is None:
            at = fresh_instant(SUPPORT_LINE, s, e - timedelta(days=2)).astimezone(CHI)
            minutes = random.randint(20, 200)
        else:
            used_instants.add(at.astimezone(UTC))
        rows.append((at, minutes, note))
    rows.sort(key=lambda r: r[0].astimezone(UTC))
    for i, (at, minutes, note) in enumerate(rows, 1):
        cb = f"CB-{m:02d}{i:02d}"
        add(f"CBR-{m:02d}{i:02d}", at, "callback_request", callback=cb)
        if minutes is not None:
            done = SUPPORT_LINE.add_business_hours(at.astimezone(UTC), minutes / 60)
            used_instants.add(done)
            add(f"CBC-{m:02d}{i:02d}", done.astimezone(CHI), "callback", "Meridian", callback=cb)
        if note:
            callback_notes[f"CBR-{m:02d}{i:02d}"] = note
plant("Service levels", 3, "below-target",
      "April: 3 of 14 callbacks failed (two late, one never made): 78.6%, below 90%", window="2026-04",
      credit="2000")

# ---- Complaints (clause 5.1): 3 business days of Meridian's calendar, the clock pausing ------
# Each complaint: (number, complaint time, [(awaiting_client, client_replied or None)], resolution or None)
COMPLAINTS = [
    (1, bog(2026, 1, 20, 11, 20), [], bog(2026, 1, 22, 15), "resolved in two days"),
    (2, bog(2026, 2, 3, 10), [(bog(2026, 2, 4, 9), bog(2026, 2, 5, 15))], bog(2026, 2, 9, 16),
     "would be late without the pause (due Friday 6 February 24:00); Meridian waited 30 hours for Harbor's refund "
     "approval, so the clock is due Tuesday 10 February 06:00 and the Monday 16:00 resolution is in time"),
    (3, bog(2026, 3, 9, 11), [(bog(2026, 3, 10, 10), bog(2026, 3, 10, 16))], bog(2026, 3, 16, 12),
     "still late although the clock paused for 6 hours: due Friday 13 March 06:00, resolved Monday 16 March 12:00"),
    (4, bog(2026, 4, 1, 10), [], bog(2026, 4, 8, 15),
     "on time only because 2 and 3 April (Holy Thursday, Good Friday) are Meridian holidays"),
    (5, bog(2026, 5, 13, 9), [(bog(2026, 5, 13, 14), bog(2026, 5, 14, 10)), (bog(2026, 5, 15, 11), bog(2026, 5, 15, 17))],
     bog(2026, 5, 19, 11), "two pauses; in time"),
    (6, bog(2026, 6, 25, 10), [(bog(2026, 6, 26, 9), None)], None,
     "Meridian has been waiting for Harbor since 26 June 09:00: the clock is stopped at as-of, so the complaint is "
     "pending (without the pause it would be due 1 July 24:00 and missing)"),
]
for n, at, pauses, resolved, note in COMPLAINTS:
    c = f"CP-{n}"
    add(c, at, "complaint", "Harbor", complaint=c)
    for k, (w, r) in enumerate(pauses, 1):
        add(f"{c}-wait{k}", w, "awaiting_client", "Meridian", complaint=c)
        if r is not None:
            add(f"{c}-reply{k}", r, "client_replied", "Harbor", complaint=c)
    if resolved is not None:
        add(f"{c}-resolved", resolved, "complaint_resolved", "Meridian", complaint=c)
plant("Complaints are resolved", 1, "late", COMPLAINTS[2][4], event="CP-3", credit="200")
plant("Complaints are resolved", 1, "pending", COMPLAINTS[5][4], event="CP-6")

# ---- Escalations (clause 4.3): Harbor answers within 1 of its business days -----------------
ESCALATIONS = [
    (1, chi(2026, 1, 14, 11), chi(2026, 1, 15, 9), ""),
    (2, chi(2026, 2, 11, 15), chi(2026, 2, 12, 16), ""),
    (3, chi(2026, 3, 19, 10), chi(2026, 3, 19, 14), ""),
    (4, chi(2026, 4, 23, 16), chi(2026, 4, 24, 11), ""),
    (5, chi(2026, 5, 22, 14), chi(2026, 5, 26, 10), "Friday before Memorial Day: due Tuesday 26 May, answered then"),
    (6, chi(2026, 6, 12, 14), chi(2026, 6, 17, 9), "due Monday 15 June 24:00, answered Wednesday 17 June: late"),
    (7, chi(2026, 6, 24, 9), chi(2026, 6, 24, 15), ""),
]
for n, at, answered, _ in ESCALATIONS:
    add(f"ES-{n}", at, "escalation", "Meridian", escalation=f"ES-{n}")
    add(f"ES-{n}-answer", answered, "escalation_answer", "Harbor", escalation=f"ES-{n}")
plant("Escalations are answered", 1, "late", ESCALATIONS[5][3], event="ES-6")

# ---- Monthly business review (clause 3.2): joint, 1000 per missed month, split --------------
for m in MONTHS:
    if m == 5:
        continue
    d = date(2026, m, 15 + (1 - date(2026, m, 15).weekday()) % 7)        # the third Tuesday or so
    add(f"MBR-{m:02d}", chi(d.year, d.month, d.day, 10), "meeting", "Harbor", topic="business review",
        attendees=["Harbor", "Meridian"])
plant("Monthly business review", 1, "too-few", "May: the review was cancelled and not rescheduled", window="2026-05",
      credit="1000, owed 500 by Harbor and 500 by Meridian")

# ---- Volume forecasts (clause 4.2): 10 of Harbor's business days before the month ----------
FORECASTS = {1: chi(2025, 12, 10, 15), 2: chi(2026, 1, 12, 15), 3: chi(2026, 2, 12, 15), 4: chi(2026, 3, 12, 15),
             5: chi(2026, 4, 22, 15), 6: chi(2026, 5, 12, 15), 7: chi(2026, 6, 12, 15)}
for m, at in FORECASTS.items():
    add(f"VF-2026-{m:02d}", at, "volume_forecast", "Harbor", period=f"2026-{m:02d}",
        calls=int(random.uniform(9000, 12000)))
plant("Volume forecasts are delivered", 1, "late",
      "the May forecast came on 22 April; it was due by the end of 17 April (10 business days before 1 May)",
      window="2026-05")

# ---- Quality figures (Schedule B.3), sent on the 2nd business day of the next month ---------
QUALITY = {1: (88.5, 84.0), 2: (87.0, 82.5), 3: (85.5, 81.0), 4: (82.5, 83.0), 5: (86.0, 84.5), 6: (87.5, 85.0)}
for m, (qs, csat) in QUALITY.items():
    first = date(2026, m + 1, 1)
    d = first
    count = 0
    while True:
        count += MERIDIAN.is_business_day(d)
        if count == 2:
            break
        d += timedelta(days=1)
    add(f"QS-2026-{m:02d}", bog(d.year, d.month, d.day, 9), "kpi_report", "Meridian", kpi="quality score",
        period=f"2026-{m:02d}", value=qs)
    add(f"CSAT-2026-{m:02d}", bog(d.year, d.month, d.day, 9, 5), "kpi_report", "Meridian", kpi="customer satisfaction",
        period=f"2026-{m:02d}", value=csat)
# The December 2025 survey result, sent in January: it names a month that is not judged, so it
# counts nowhere (counted by its sending time it would drag January below 80%).
add("CSAT-2025-12", bog(2026, 1, 5, 9, 5), "kpi_report", "Meridian", kpi="customer satisfaction", period="2025-12",
    value=74.0)
plant("Quality", 1, "below-target", "April quality score 82.5 (at least 85), sent on 5 May", window="2026-04",
      credit="2% of 40000 = 800")

# ---- Monthly performance report (Schedule B.4): 5th business day of the next month ----------
REPORTS = {1: bog(2026, 2, 5, 16), 2: bog(2026, 3, 4, 16), 3: bog(2026, 4, 9, 15), 4: bog(2026, 5, 12, 10),
           5: bog(2026, 6, 4, 16)}
for m, at in REPORTS.items():
    add(f"PR-2026-{m:02d}", at, "performance_report", "Meridian", period=f"2026-{m:02d}")
plant("Monthly performance report", 1, "late",
      "the April report was due by the end of Friday 8 May (1 May is a Colombian holiday) and came on Tuesday "
      "12 May 10:00: 3 days 10 hours late, 4 started days",
      window="2026-04", credit="4 x 250 = 1000, falling in May (the finding's time is the end of April)")
plant("Monthly performance report", 1, "pending",
      "the June report is due by the end of 7 July, after the as-of time", window="2026-06")

# --------------------------------------------------------------------------------------------
# Order, as-of, judged interval
# --------------------------------------------------------------------------------------------
for e in events:
    e["u"] = e["at"].astimezone(UTC)        # all arithmetic on UTC instants
events.sort(key=lambda e: e["u"])
for i, e in enumerate(events):
    e["index"] = i
_dups = [(a["id"], b["id"]) for a, b in zip(events, events[1:]) if a["u"] == b["u"]]
assert not _dups, ("two events share a time", _dups)
assert len({e["id"] for e in events}) == len(events), "two events share an id"
AS_OF_U = AS_OF.astimezone(UTC)
assert events[-1]["u"] == AS_OF_U
JUDGED_FROM = EFFECTIVE_START.astimezone(UTC)
JUDGED_TO = min(EFFECTIVE_END.astimezone(UTC), AS_OF_U)
visible = [e for e in events if e["u"] <= AS_OF_U]


def in_judged(t):
    return JUDGED_FROM <= t <= AS_OF_U and t < EFFECTIVE_END.astimezone(UTC)


def judged_months():
    out = []
    for m in range(1, 13):
        s, e = month_window(m)
        if s >= JUDGED_FROM and e <= JUDGED_TO:
            out.append((s, e))
    return out


assert [s for s, _ in judged_months()] == [month_window(m)[0] for m in MONTHS]

# --------------------------------------------------------------------------------------------
# Independent re-implementation of the rules of contact-center.terms
# --------------------------------------------------------------------------------------------
BLOCKS = ["Monthly business review", "Volume forecasts are delivered", "Escalations are answered",
          "Complaints are resolved", "Service levels", "Average speed of answer", "Quality",
          "Monthly performance report"]
found, pending = [], []


def finding(block, rule, reason, at, evs, responsible, window=None, measured=None, delay=None, value=None):
    f = {"block": block, "rule": rule, "reason": reason, "at": at, "events": evs, "responsible": responsible,
         "window": window, "measured": measured or {}, "delay": delay, "value": value}
    (pending if reason == "pending" else found).append(f)


def window_named(text):
    """V2.5: an ISO month 'YYYY-MM' names that month (the only naming this log uses)."""
    y, m = map(int, text.split("-"))
    return month_window(m, y)[0]


# Monthly business review: at least 1 meeting where topic = "business review" and attendees
# include Harbor, Meridian every month (5.3); responsible: the block's list.
for s, e in judged_months():
    evs = [x for x in visible if s <= x["u"] < e and x["type"] == "meeting" and x.get("topic") == "business review"
           and {"Harbor", "Meridian"} <= set(x.get("attendees", []))]
    if not evs:
        finding(BLOCKS[0], 1, "too-few", s, [], ["Harbor", "Meridian"], window=(s, e),
                measured={"count": 0, "required": 1})

# Volume forecasts: every month requires volume_forecast by Harbor for the month at least
# 10 business days before (V2.5, `before` timing: anchor = window start; a window is an
# activation when its start lies in the judged interval; business days counted before the first
# date of the window, on Harbor's calendar (the target's `by`)).
for m in range(1, 13):
    s, e = month_window(m)
    if not (JUDGED_FROM <= s <= AS_OF_U and s < EFFECTIVE_END.astimezone(UTC)):
        continue
    bound = HARBOR.business_days_before(s.astimezone(CHI).date(), 10)
    qs = [x for x in visible if x["type"] == "volume_forecast" and x.get("by") == "Harbor"
          and x.get("period") is not None and window_named(x["period"]) == s and x["u"] <= s]
    if any(q["u"] <= bound for q in qs):
        continue
    if qs:
        q = min(qs, key=lambda q: q["u"])      # the earliest: the largest notice given
        finding(BLOCKS[1], 1, "late", s, [q], ["Harbor"], window=(s, e),
                measured={"notice_hours": hours(s - q["u"])})
    else:
        finding(BLOCKS[1], 1, "missing", s, [], ["Harbor"], window=(s, e))

# Escalations: every escalation by Meridian requires escalation_answer by Harbor with same
# escalation within 1 business day after (5.1, Harbor's calendar).
for a in events:
    if a["type"] != "escalation" or a.get("by") != "Meridian" or not in_judged(a["u"]):
        continue
    deadline = HARBOR.business_days_after(a["u"].astimezone(CHI).date(), 1)
    qs = sorted((q for q in visible if q["type"] == "escalation_answer" and q.get("by") == "Harbor"
                 and q.get("escalation") == a["escalation"] and q["u"] >= a["u"]), key=lambda q: q["u"])
    if qs and qs[0]["u"] > deadline:
        finding(BLOCKS[2], 1, "late", a["u"], [a, qs[0]], ["Harbor"], measured={"delay_hours": hours(qs[0]["u"] - deadline)},
                delay=qs[0]["u"] - deadline)
    elif not qs:
        finding(BLOCKS[2], 1, "missing" if deadline <= AS_OF_U else "pending", a["u"], [a], ["Harbor"],
                delay=AS_OF_U - deadline)


# Complaints: every complaint by Harbor requires complaint_resolved by Meridian with same
# complaint within 3 business days after paused from awaiting_client until client_replied (V2.4).
def settle_paused_business_days(a, cal, n, target, p1, p2, key):
    """Settle activation a as V2.4 says, for a clock in business days of `cal`.
    Returns (outcome, target event or None, deadline or None, counted, paused)."""
    plain_deadline = cal.business_days_after(a["u"].astimezone(cal.tz).date(), n)
    amount = cal.business_day_time(a["u"], plain_deadline)
    later = [x for x in visible if x is not a and x["u"] >= a["u"] and x.get(key) == a[key]]
    q = next((x for x in later if target(x)), None)
    # pauses: while not paused a P1 event starts one; while paused a P2 event ends it; a pause
    # that would start at or after the target's instant is ignored; events after Q do not matter
    pauses, started = [], None
    for x in later:
        if q is not None and x["u"] >= q["u"]:
            break
        if started is None and p1(x):
            started = x["u"]
        elif started is not None and p2(x):
            pauses.append((started, x["u"]))
            started = None
    end = q["u"] if q is not None else AS_OF_U
    if started is not None:
        pauses.append((started, end))
    paused = sum((min(pe, end) - ps for ps, pe in pauses), timedelta(0))

    def counted_until(t):
        total = cal.business_day_time(a["u"], t)
        for ps, pe in pauses:
            if ps < t:
                total -= cal.business_day_time(ps, min(pe, t))
        return total

    if started is not None and q is None:
        # the pause is still running at as-of: the deadline is unknown
        if counted_until(AS_OF_U) >= amount:
            raise AssertionError("a clock that ran out before its pause began is not planted here")
        return "pending", None, None, counted_until(AS_OF_U), paused
    # walk forward segment by segment (cut at local midnights and at pause boundaries): the clock
    # runs at rate 1 on business days outside pauses and stands still otherwise
    cuts = sorted({x for ps, pe in pauses for x in (ps, pe)})
    left, t = amount, a["u"]
    while True:
        d = t.astimezone(cal.tz).date()
        nxt = min([cal.midnight(d + timedelta(days=1))] + [c for c in cuts if c > t])
        running = cal.is_business_day(d) and not any(ps <= t < pe for ps, pe in pauses)
        if running and nxt - t >= left:
            deadline = t + left
            break
        if running:
            left -= nxt - t
        t = nxt
    assert counted_until(deadline) == amount, (a["id"], deadline)
    if q is not None:
        outcome = "met" if q["u"] <= deadline else "late"
    else:
        outcome = "missing" if deadline <= AS_OF_U else "pending"
    return outcome, q, deadline, counted_until(end), paused


complaint_clock = {}
for a in events:
    if a["type"] != "complaint" or a.get("by") != "Harbor" or not in_judged(a["u"]):
        continue
    outcome, q, deadline, counted, paused = settle_paused_business_days(
        a, MERIDIAN, 3,
        target=lambda x: x["type"] == "complaint_resolved" and x.get("by") == "Meridian",
        p1=lambda x: x["type"] == "awaiting_client", p2=lambda x: x["type"] == "client_replied", key="complaint")
    complaint_clock[a["id"]] = (outcome, deadline)
    if outcome == "late":
        finding(BLOCKS[3], 1, "late", a["u"], [a, q], ["Meridian"], delay=q["u"] - deadline,
                measured={"delay_hours": hours(q["u"] - deadline), "counted_hours": hours(counted),
                          "paused_hours": hours(paused)})
    elif outcome == "missing":
        finding(BLOCKS[3], 1, "missing", a["u"], [a], ["Meridian"], delay=AS_OF_U - deadline,
                measured={"counted_hours": hours(counted), "paused_hours": hours(paused)})
    elif outcome == "pending":
        finding(BLOCKS[3], 1, "pending", a["u"], [a], ["Meridian"])


# Service levels, rules 1-2: shares of the calls inside SupportLine's business time (V2.3, V2.7).
def share_of_events(block, rule, bound_kind, target, counts_against):
    for s, e in judged_months():
        cases = [x for x in visible if s <= x["u"] < e and x["type"] == "call" and SUPPORT_LINE.inside(x["u"])]
        if not cases:
            continue
        against = [x for x in cases if counts_against(x)]
        n, f = len(cases), len(against)
        share = Fraction(100 * (n - f), n) if bound_kind == "at least" else Fraction(100 * f, n)
        if (bound_kind == "at least" and share < target) or (bound_kind == "at most" and share > target):
            finding(block, rule, "below-target" if bound_kind == "at least" else "above-target", s, against[:100],
                    ["Meridian"], window=(s, e),
                    measured={"cases": n, "failed": f, "share": float(share), "target": target}, value=share)


share_of_events(BLOCKS[4], 1, "at least", 80,
                lambda x: not (x.get("answered") is True and x.get("wait_s", 10 ** 9) <= 20))
share_of_events(BLOCKS[4], 2, "at most", 5, lambda x: x.get("abandoned") is True and x.get("wait_s", 0) > 5)

# Service levels, rule 3: every callback_request requires callback by Meridian with same callback
# within 4 business hours of SupportLine after in at least 90% of cases every month or at most
# 1 failed when fewer than 10 cases (V2.3 share of activations; cases settled as 5.1).
callback_outcome = {}
for s, e in judged_months():
    cases = [a for a in events if a["type"] == "callback_request" and s <= a["u"] < e and in_judged(a["u"])]
    failed, opened = [], []
    for a in cases:
        deadline = SUPPORT_LINE.add_business_hours(a["u"], 4)
        q = next((x for x in visible if x["type"] == "callback" and x.get("by") == "Meridian"
                  and x.get("callback") == a["callback"] and x["u"] >= a["u"]), None)
        if q is not None:
            ok = q["u"] <= deadline
        else:
            ok = None if deadline > AS_OF_U else False
        callback_outcome[a["id"]] = ("met" if ok else "open" if ok is None else "failed", deadline)
        if ok is False:
            failed.append(a)
        elif ok is None:
            opened.append(a)
    n, f, o = len(cases), len(failed), len(opened)
    if not n:
        continue
    share = Fraction(100 * (n - f), n)
    measured = {"cases": n, "failed": f, "open": o, "share": float(share), "target": 90}
    if n < 10:
        verdict = "finding" if f > 1 else "holds" if f + o <= 1 else "pending"
    else:
        verdict = ("finding" if share < 90 else "holds" if Fraction(100 * (n - f - o), n) >= 90 else "pending")
    if verdict == "finding":
        finding(BLOCKS[4], 3, "below-target", s, failed[:100], ["Meridian"], window=(s, e), measured=measured,
                value=share)
    elif verdict == "pending":
        finding(BLOCKS[4], 3, "pending", s, opened[:100], ["Meridian"], window=(s, e), measured=measured)


# Average speed of answer and quality: `aggregate attr of P at most|at least X every month` (5.6),
# the quality figures grouped by the period they name (V2.5 "grouped by period").
def aggregate(block, rule, bound_kind, bound, members):
    for s, e in judged_months():
        evs = members(s, e)
        vals = [Fraction(str(x["value"] if "value" in x else x["wait_s"])) for x in evs]
        if not vals:
            finding(block, rule, "no-data", s, [], ["Meridian"], window=(s, e))
            continue
        avg = sum(vals) / len(vals)
        if (bound_kind == "at most" and avg > bound) or (bound_kind == "at least" and avg < bound):
            finding(block, rule, "above-target" if bound_kind == "at most" else "below-target", s, evs, ["Meridian"],
                    window=(s, e), measured={"value": float(avg), "bound": bound, "count": len(vals)}, value=avg)


aggregate(BLOCKS[5], 1, "at most", 30,
          lambda s, e: [x for x in visible if s <= x["u"] < e and x["type"] == "call" and SUPPORT_LINE.inside(x["u"])
                        and x.get("answered") is True])


def grouped_kpi(kpi):
    def members(s, e):
        return [x for x in visible if x["type"] == "kpi_report" and x.get("kpi") == kpi
                and window_named(x["period"]) == s]
    return members


aggregate(BLOCKS[6], 1, "at least", 85, grouped_kpi("quality score"))
aggregate(BLOCKS[6], 2, "at least", 80, grouped_kpi("customer satisfaction"))

# Monthly performance report: every month requires performance_report by Meridian for the month
# within 5 business days after (V2.5 `after` timing: a window is an activation when it lies
# completely inside the judged interval; anchor = window end; business days counted after the
# window's last date on Meridian's calendar; a target serves from the window's start).
for s, e in judged_months():
    last_date = (e.astimezone(CHI) - timedelta(days=1)).date()
    deadline = MERIDIAN.business_days_after(last_date, 5)
    qs = sorted((x for x in visible if x["type"] == "performance_report" and x.get("by") == "Meridian"
                 and window_named(x["period"]) == s and x["u"] >= s), key=lambda x: x["u"])
    if qs:
        if qs[0]["u"] > deadline:
            finding(BLOCKS[7], 1, "late", e, [qs[0]], ["Meridian"], window=(s, e), delay=qs[0]["u"] - deadline,
                    measured={"delay_hours": hours(qs[0]["u"] - deadline)})
    elif deadline <= AS_OF_U:
        finding(BLOCKS[7], 1, "missing", e, [], ["Meridian"], window=(s, e), delay=AS_OF_U - deadline)
    else:
        finding(BLOCKS[7], 1, "pending", e, [], ["Meridian"], window=(s, e))


# Findings order (spec 6): time, block order, rule number, position of the first event (none last).
def order(f):
    first = f["events"][0]["index"] if f["events"] else len(events)
    return (f["at"], BLOCKS.index(f["block"]), f["rule"], first)


found.sort(key=order)
pending.sort(key=order)

# --------------------------------------------------------------------------------------------
# Service credits (V2.8)
# --------------------------------------------------------------------------------------------
CREDIT_LINES = {    # block -> [(amount, per, when)]: per "finding" | "day late"; when (kind, threshold) or None
    "Monthly business review": [(Decimal(1000), "finding", None)],
    "Complaints are resolved": [(Decimal(200), "finding", None)],
    "Service levels": [(FEE * Decimal("0.05"), "finding", None)],
    "Average speed of answer": [(FEE * Decimal("0.02"), "finding", None),
                                (FEE * Decimal("0.04"), "finding", ("above", 45)),
                                (FEE * Decimal("0.06"), "finding", ("above", 60))],
    "Quality": [(FEE * Decimal("0.02"), "finding", None)],
    "Monthly performance report": [(Decimal(250), "day late", None)],
}


def cents(x):
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def credit_of(f):
    amounts = []
    for amount, per, when in CREDIT_LINES.get(f["block"], []):
        if when is not None:
            if f["value"] is None:
                continue
            kind, threshold = when
            if (kind == "above" and not f["value"] > threshold) or (kind == "below" and not f["value"] < threshold):
                continue
        if per == "day late":
            if f["delay"] is None:
                continue
            amounts.append(amount * math.ceil(f["delay"] / timedelta(days=1)))
        else:
            amounts.append(amount)
    if not amounts:
        return None
    return cents(max(amounts))


ledger = {}          # (party, month start) -> accrued
for f in found:
    f["credit"] = credit_of(f)
    if f["credit"] is None:
        continue
    owed_by = f["responsible"]
    share = cents(f["credit"] / len(owed_by))
    loc = f["at"].astimezone(CHI)
    month_start = month_window(loc.month, loc.year)[0]
    for p in owed_by:
        ledger[(p, month_start)] = ledger.get((p, month_start), Decimal(0)) + share

by_period = []
for (party, start), accrued in sorted(ledger.items(), key=lambda kv: (kv[0][1], PARTIES.index(kv[0][0]))):
    owed = min(accrued, CAP)
    end = month_window(start.astimezone(CHI).month)[1]
    by_period.append({"party": party, "start": start, "end": end, "accrued": accrued, "capped": accrued - owed,
                      "owed": owed})
by_party = {}
for p in PARTIES:
    rows = [r for r in by_period if r["party"] == p]
    by_party[p] = {k: sum((r[k] for r in rows), Decimal(0)) for k in ("accrued", "capped", "owed")}

# --------------------------------------------------------------------------------------------
# Cross-check: what the re-implementation finds must be exactly what was planted
# --------------------------------------------------------------------------------------------


def ident(f):
    if f["window"] is not None and f["block"] != "Complaints are resolved":
        return f["window"][0].astimezone(CHI).strftime("%Y-%m")
    return f["events"][0]["id"]


got = sorted((f["block"], f["rule"], f["reason"], ident(f)) for f in found + pending)
want = sorted((p["block"], p["rule"], p["reason"], p.get("window") or p.get("event")) for p in planted)
if got != want:
    sys.exit("generator self-check failed:\n  only computed: %s\n  only planted:  %s"
             % (sorted(set(got) - set(want)), sorted(set(want) - set(got))))

# Keep every judged month clear of the bounds it is not meant to test (no judgement that hinges on
# one call), and the boundary months exactly on them.
for m in MONTHS:
    s, e = month_window(m)
    calls = [x for x in events if s <= x["u"] < e and x["type"] == "call" and SUPPORT_LINE.inside(x["u"])]
    answered = [Fraction(x["wait_s"]) for x in calls if x["answered"]]
    asa = sum(answered) / len(answered)
    band = {3: (47, 58), 6: (32, 43)}.get(m, (0, 28))
    assert band[0] <= asa <= band[1], (m, float(asa))
    assert len(calls) == CALL_PLAN[m]["n"], (m, len(calls))
# The planted callback stories hold as described.
planted_failures = {k for k, note in callback_notes.items() if note.startswith(("late", "never"))}
assert {k for k, (o, _) in callback_outcome.items() if o == "failed"} == planted_failures, \
    sorted(k for k, (o, _) in callback_outcome.items() if o == "failed")
assert all(callback_outcome[k][0] == "met" for k in callback_notes if k not in planted_failures)
assert [complaint_clock[f"CP-{n}"][0] for n in range(1, 7)] == ["met", "met", "late", "met", "met", "pending"]

# --------------------------------------------------------------------------------------------
# Output: the YAML log
# --------------------------------------------------------------------------------------------


def yaml_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(yaml_scalar(x) for x in v) + "]"
    s = str(v)
    plain_ok = (s and s[0].isalpha() and all(c.isalnum() or c in " -_.'" for c in s)
                and s.lower() not in ("true", "false", "yes", "no", "on", "off", "null", "y", "n"))
    return s if plain_ok else json.dumps(s)


lines = [
    "# Harbor Home Goods / Meridian Contact Center: events from December 2025 to 2 July 2026.",
    "# Generated by examples/contact-center/generate_contact_center_log.py (deterministic); the",
    "# expected audit result is in contact-center-2026.expected.json. Chicago events carry -06:00 /",
    "# -05:00 (daylight saving from 2026-03-08), Bogota events -05:00. Calls are offered to the",
    "# support line by customers (no `by`); wait_s is the time a caller waited, answered or not.",
    f'agreement: "{AGREEMENT}"',
    'timezone: "America/Chicago"',
    "events:",
]
for e in events:
    keys = ["id", "at", "type", "by"] + [k for k in e if k not in ("id", "at", "type", "by", "index", "u")]
    e["line"] = len(lines) + 1
    lines.append("  - {" + ", ".join(f"{k}: {yaml_scalar(e[k])}" for k in keys if k in e) + "}")
with open(os.path.join(OUT, LOG_NAME), "w") as fh:
    fh.write("\n".join(lines) + "\n")

# --------------------------------------------------------------------------------------------
# Output: the expected result
# --------------------------------------------------------------------------------------------


def iso(t):
    return t.astimezone(CHI).isoformat()


def utc_ms(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def stable_id(f):
    """V2.9: the first 16 hex digits of SHA-256 of [block, rule, reason, window_start, window_end, event]."""
    w = f["window"]
    ev = f["events"][0] if f["events"] else None
    first = None if ev is None else (["id", ev["id"]] if "id" in ev else ["at", ev["type"], utc_ms(ev["u"])])
    text = json.dumps([f["block"], f["rule"], f["reason"], utc_ms(w[0]) if w else None, utc_ms(w[1]) if w else None,
                       first], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def money(x):
    return float(x)


def entry(f):
    out = {"block": f["block"], "rule": f["rule"], "reason": f["reason"], "responsible": f["responsible"],
           "at": iso(f["at"]),
           "window": {"start": iso(f["window"][0]), "end": iso(f["window"][1])} if f["window"] else None,
           "events": [e["id"] for e in f["events"]],
           "measured": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in f["measured"].items()},
           "id": stable_id(f)}
    if f["reason"] != "pending":
        out["credit"] = (None if f.get("credit") is None
                         else {"amount": money(f["credit"]), "owed_by": f["responsible"]})
    return out


summary_by_party = {p: 0 for p in PARTIES}
for f in found:
    for p in f["responsible"]:
        summary_by_party[p] = summary_by_party.get(p, 0) + 1

scenarios = {
    "calls": {f"2026-{m:02d}": CALL_PLAN[m]["story"] for m in MONTHS},
    "out_of_hours_calls": {f"VM-{i:02d}": why for i, (_, why) in enumerate(OUT_OF_HOURS, 1)},
    "callbacks": dict(sorted(callback_notes.items())),
    "complaints": {f"CP-{n}": note for n, *_, note in COMPLAINTS},
    "escalations": {f"ES-{n}": note for n, *_, note in ESCALATIONS if note},
    "planted": planted,
}
expected = {
    "about": "Expected result of `pactum check contact-center.terms contact-center-2026.yaml --format json` "
             "(run in examples/contact-center), computed by generate_contact_center_log.py from what it planted "
             "and by its own re-implementation of the rules, following the product contract; never by running "
             "pactum. `expect.findings` and `expect.pending` are in report order; measured values are compared "
             "with a tolerance of 0.01, money with 0.005, times as instants.",
    "agreement": AGREEMENT,
    "as_of": iso(AS_OF),
    "judged": {"from": iso(JUDGED_FROM), "to": iso(JUDGED_TO)},
    "expect": {
        "exit": 1,
        "summary": {"events": len(events),
                    "ignored_events": sum(1 for e in events if not in_judged(e["u"])),
                    "rules": 11, "findings": len(found), "pending": len(pending), "tolerated": 0,
                    "by_party": summary_by_party},
        "findings": [entry(f) for f in found],
        "pending": [entry(f) for f in pending],
        "credits": {
            "currency": "USD",
            "by_party": {p: {k: money(v) for k, v in by_party[p].items()} for p in PARTIES},
            "by_period": [{"party": r["party"], "start": iso(r["start"]), "end": iso(r["end"]),
                           "accrued": money(r["accrued"]), "capped": money(r["capped"]), "owed": money(r["owed"])}
                          for r in by_period],
        },
        "lint_codes": [],
    },
    "scenarios": scenarios,
}
with open(os.path.join(OUT, "contact-center-2026.expected.json"), "w") as fh:
    json.dump(expected, fh, indent=2, ensure_ascii=False)
    fh.write("\n")

print(json.dumps({"events": len(events), "as_of": iso(AS_OF), "scenarios": scenarios}, indent=2, ensure_ascii=False))
