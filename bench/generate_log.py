#!/usr/bin/env python3
"""Benchmark log generator for pactum (bench/README.md).

Writes one year (2026) of a customer-care outsourcing contract as a pactum event log, in time
order, streaming (constant memory, 10^7 events are fine). Every event has 6 fields (id, at, type,
by and two attributes). Two kinds of events:

- volume events, whose number scales with --events: calls, tickets, site visits with their notices,
  data requests, commitments and deliveries, audits (pairs: the second event is scheduled when the
  first is written);
- calendar events at a fixed rate whatever the size: weekly meetings, daily KPI reports, daily
  escalations, monthly SLA and KPI changes with their approvals.

Violations are planted at known places; the manifest (--manifest, JSON) lists the site visits that
break the notice rule (late or missing notice) and the planted counts of the other rules.

    generate_log.py --events 1000000 --shape container -o bench/out/log-1e6.yaml --manifest m.json
"""
import argparse
import heapq
import json
import random
import sys
import time

START = 1767225600  # 2026-01-01T00:00:00Z
END = START + 364 * 86400  # 2026-12-31T00:00:00Z: nothing after the effective end in New York
EFFECTIVE_START_NY = START + 5 * 3600  # 2026-01-01 00:00 in New York: the agreements' effective start
HOUR = 3600
DAY = 86400

# Northwind's holidays (Asia/Manila, UTC+8 all year): escalations on them are outside its hours.
NW_HOLIDAYS = {"2026-05-01", "2026-12-25"}
MISSED_MEETING_WEEKS = {10, 11, 30}  # ISO weeks without the weekly meeting
LOW_FCR_MONTH = 6   # June: first call resolution 75% (below 80%)
HIGH_AHT_MONTH = 9  # September: average handle time 400 (above 360)
BAD_SLA_MONTHS = {4, 8}  # sla_change with approved_by_both = false
BURST_DAYS = {40, 200, 333}  # days of the year with 14 escalations (at most 10 allowed)
# Version 2 forms (bench-v2.terms): outages every third day, 10 minutes long, and one of 10 hours
# in November (availability below 99.5% and a maximum outage above 4 hours that month); the
# monthly performance report on the 3rd of the next month, July's on 20 August (late); every 10th
# ticket put on hold for 20 minutes (a pausing clock).
LONG_OUTAGE_DAY = 321  # 2026-11-18 (an outage day: day % 3 == 0)
LATE_REPORT_MONTH = 7

_day_cache = {}


def fmt_time(t):
    d, s = divmod(t, DAY)
    prefix = _day_cache.get(d)
    if prefix is None:
        prefix = time.strftime("%Y-%m-%dT", time.gmtime(d * DAY))
        _day_cache[d] = prefix
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return "%s%02d:%02d:%02dZ" % (prefix, h, m, s)


def utc_date(t):
    return time.strftime("%Y-%m-%d", time.gmtime(t))


class Writer:
    def __init__(self, out, shape):
        self.out = out
        self.shape = shape
        self.count = 0
        self.buf = []
        if shape == "container":
            self.buf.append('agreement: "Bench - Acme Telecom and Northwind CX"\ntimezone: "UTC"\nevents:\n')
            self.first, self.rest = "  - ", "    "
        elif shape == "list":
            self.first, self.rest = "- ", "  "
        else:  # stream
            self.first, self.rest = "", ""

    def event(self, t, fields):
        """fields: (id, type, by, (k1, v1), (k2, v2)); values already YAML text."""
        eid, etype, by, a1, a2 = fields
        f, r = self.first, self.rest
        b = self.buf
        if self.shape == "stream":
            b.append("---\n")
        b.append("%sid: %s\n%sat: %s\n%stype: %s\n%sby: %s\n%s%s: %s\n%s%s: %s\n" % (
            f, eid, r, fmt_time(t), r, etype, r, by, r, a1[0], a1[1], r, a2[0], a2[1]))
        self.count += 1
        if len(b) >= 4096:
            self.flush()

    def flush(self):
        self.out.write("".join(self.buf))
        self.buf.clear()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, required=True, help="about this many events (exact for >= 10^4)")
    ap.add_argument("--shape", choices=["container", "list", "stream"], default="container")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--manifest")
    args = ap.parse_args()
    rnd = random.Random(args.seed)

    # Calendar events, independent of the size.
    calendar = []  # (t, seq, fields)
    seq = 0

    def cal(t, fields):
        nonlocal seq
        calendar.append((t, seq, fields))
        seq += 1

    planted = {"forbidden_sla": 0, "outside_hours": 0, "too_many_days": len(BURST_DAYS),
               "missed_meeting_weeks": len(MISSED_MEETING_WEEKS), "forbidden_call": 0,
               "notice_late": [], "notice_missing": [], "kpi_change_missing_acme_approval": 0,
               "data_late": 0, "commitment_late": 0,
               "long_outage_month": 11, "late_report_month": LATE_REPORT_MONTH, "outages": 0,
               "calls_over_800s": 0}
    esc = 0
    for day in range(364):
        d0 = START + day * DAY
        month = int(time.strftime("%m", time.gmtime(d0)))
        fcr = 75 if month == LOW_FCR_MONTH else 85 + rnd.randint(-3, 3)
        aht = 400 if month == HIGH_AHT_MONTH else 300 + rnd.randint(-20, 20)
        cal(d0 + 23 * HOUR, ("KR-%d-F" % day, "kpi_report", "Northwind", ("kpi", '"first call resolution"'), ("value", fcr)))
        cal(d0 + 23 * HOUR + 60, ("KR-%d-A" % day, "kpi_report", "Northwind", ("kpi", '"average handle time"'), ("value", aht)))
        n_esc = 14 if day in BURST_DAYS else 5
        for k in range(n_esc):
            t = d0 + 2 * HOUR + k * 1800 + rnd.randint(0, 600)
            esc += 1
            if utc_date(t + 8 * HOUR) in NW_HOLIDAYS:
                planted["outside_hours"] += 1
            cal(t, ("E-%d" % esc, "escalation", "Acme", ("level", rnd.randint(1, 3)), ("queue", "billing")))
        wd = time.gmtime(d0).tm_wday  # Monday = 0
        week = int(time.strftime("%V", time.gmtime(d0)))
        if wd == 1 and week not in MISSED_MEETING_WEEKS:
            cal(d0 + 15 * HOUR, ("M-%d" % week, "meeting", "Acme", ("topic", '"service review"'),
                                  ("attendees", "[Acme, Northwind]")))
        if time.gmtime(d0).tm_mday == 10:
            ok = "false" if month in BAD_SLA_MONTHS else "true"
            planted["forbidden_sla"] += ok == "false"
            cal(d0 + 14 * HOUR, ("S-%d" % month, "sla_change", "Northwind", ("clause", '"B.%d"' % month),
                                  ("approved_by_both", ok)))
            kpi = "fcr-%d" % month
            if month != 5:  # May: Acme never approves
                cal(d0 + 9 * HOUR, ("AP-A-%d" % month, "approval", "Acme", ("kpi", kpi), ("note", "ok")))
            else:
                planted["kpi_change_missing_acme_approval"] += 1
            cal(d0 + 10 * HOUR, ("AP-N-%d" % month, "approval", "Northwind", ("kpi", kpi), ("note", "ok")))
            cal(d0 + 16 * HOUR, ("KC-%d" % month, "kpi_change", "Northwind", ("kpi", kpi), ("target", 82)))
        if day % 3 == 0:
            start = d0 + 4 * HOUR + (day % 5) * HOUR
            length = 10 * HOUR if day == LONG_OUTAGE_DAY else 600
            planted["outages"] += 1
            cal(start, ("OS-%d" % day, "outage_start", "Northwind", ("service", "voice"), ("cause", "network")))
            cal(start + length, ("OE-%d" % day, "outage_end", "Northwind", ("service", "voice"), ("cause", "network")))
        if time.gmtime(d0).tm_mday == 1 and day > 0:
            prev = time.gmtime(d0 - DAY)
            sent = d0 + (19 if prev.tm_mon == LATE_REPORT_MONTH else 2) * DAY + 15 * HOUR
            cal(sent, ("PR-%d" % prev.tm_mon, "performance_report", "Northwind",
                       ("period", '"2026-%02d"' % prev.tm_mon), ("pages", 12)))
    # December's report is not due before the log ends: pending.
    calendar.sort()

    n_volume = max(args.events - len(calendar), 0)
    kinds = [("call", 55), ("ticket", 8), ("notice", 4), ("data", 3), ("commitment", 3), ("audit", 2)]
    # pairs count twice: weights in events, so the mix of written events is as listed
    weights = []
    for k, w in kinds:
        weights.append(w if k == "call" else w)
    total_w = sum(weights)
    cum = []
    acc = 0
    for w in weights:
        acc += w
        cum.append(acc / total_w)

    pair_share = sum(w for k, w in kinds if k != "call") / total_w
    step = 0.98 * (END - START) / max(n_volume / (1 + pair_share), 1)  # iterations write 1 + pair_share events
    pending = []  # heap of (t, seq, fields): second events of pairs
    counters = {}
    written_volume = 0

    out = open(args.output, "w", buffering=1 << 20)
    w = Writer(out, args.shape)
    ci = 0

    def emit_until(t):
        nonlocal ci
        while True:
            nc = calendar[ci][0] if ci < len(calendar) else None
            np_ = pending[0][0] if pending else None
            best = None
            if nc is not None and nc <= t:
                best = "c"
            if np_ is not None and np_ <= t and (best is None or np_ < nc):
                best = "p"
            if best is None:
                return
            if best == "c":
                w.event(nc, calendar[ci][2])
                ci += 1
            else:
                _, _, fields = heapq.heappop(pending)
                w.event(np_, fields)

    def nid(kind):
        counters[kind] = counters.get(kind, 0) + 1
        return counters[kind]

    def schedule(t, fields):
        nonlocal seq, written_volume
        if t < END:
            heapq.heappush(pending, (t, seq, fields))
            seq += 1
            written_volume += 1
            return True
        return False

    t = float(START)
    target_volume = n_volume
    queues = ["billing", "tech", "sales", "retention"]
    while written_volume < target_volume:
        t += step * (0.5 + rnd.random())  # jitter, mean `step`
        ti = int(t)
        if ti >= END:
            break
        emit_until(ti)
        r = rnd.random()
        kind = kinds[-1][0]
        for (k, _), c in zip(kinds, cum):
            if r < c:
                kind = k
                break
        if kind != "call" and written_volume + 2 > target_volume:
            kind = "call"
        written_volume += 1
        if kind == "call":
            n = nid("call")
            ht = rnd.randint(60, 900)
            if rnd.random() < 0.001:
                ht = 7300 + rnd.randint(0, 500)
                planted["forbidden_call"] += 1
            if ht > 800 and ti >= EFFECTIVE_START_NY:  # bench/many-findings.terms: `no call where handle_time > 800`
                planted["calls_over_800s"] += 1
            w.event(ti, ("C-%d" % n, "call", "Northwind", ("queue", queues[n % 4]), ("handle_time", ht)))
        elif kind == "ticket":
            n = nid("ticket")
            w.event(ti, ("T-%d" % n, "ticket_opened", "Acme", ("ticket", "T-%d" % n), ("priority", rnd.randint(1, 4))))
            if n % 10 == 0:  # waits 20 minutes for the client: the resolution clock pauses
                schedule(ti + 20 * 60, ("TH-%d" % n, "ticket_on_hold", "Northwind", ("ticket", "T-%d" % n), ("reason", "client")))
                schedule(ti + 40 * 60, ("TU-%d" % n, "ticket_resumed", "Acme", ("ticket", "T-%d" % n), ("reason", "answered")))
            if rnd.random() < 0.99:
                schedule(ti + rnd.randint(HOUR, 2 * DAY), ("TR-%d" % n, "ticket_resolved", "Northwind",
                                                           ("ticket", "T-%d" % n), ("resolution", "fixed")))
        elif kind == "notice":
            n = nid("visit")
            r2 = rnd.random()
            site = '"Site %d"' % (n % 7)
            if r2 < 0.01:  # missing: a visit nobody announced
                w.event(ti, ("V-%d" % n, "site_visit", "Acme", ("visit", "V-%d" % n), ("site", site)))
                planted["notice_missing"].append("V-%d" % n)
                continue
            delay = 24 * HOUR if r2 < 0.03 else 72 * HOUR + rnd.randint(0, 12 * HOUR)
            w.event(ti, ("N-%d" % n, "notice", "Acme", ("visit", "V-%d" % n), ("site", site)))
            if schedule(ti + delay, ("V-%d" % n, "site_visit", "Acme", ("visit", "V-%d" % n), ("site", site))):
                if delay < 48 * HOUR:
                    planted["notice_late"].append("V-%d" % n)
        elif kind == "data":
            n = nid("data")
            w.event(ti, ("DR-%d" % n, "data_request", "Northwind", ("request", "R-%d" % n), ("dataset", "calls")))
            late = rnd.random() < 0.005  # the rule allows 5 days
            delay = rnd.randint(6 * DAY, 7 * DAY) if late else rnd.randint(HOUR, 4 * DAY)
            if schedule(ti + delay, ("DS-%d" % n, "data_shared", "Acme", ("request", "R-%d" % n),
                                     ("rows", rnd.randint(10, 10000)))) and late:
                planted["data_late"] += 1
        elif kind == "commitment":
            n = nid("commitment")
            due = utc_date(ti + 10 * DAY)
            w.event(ti, ("CM-%d" % n, "commitment", "Northwind", ("commitment", "CM-%d" % n), ("due", due)))
            late = rnd.random() < 0.005  # due by the end of the 10th day
            delay = rnd.randint(12 * DAY, 13 * DAY) if late else rnd.randint(DAY, 9 * DAY)
            if schedule(ti + delay, ("DL-%d" % n, "delivery", "Northwind", ("commitment", "CM-%d" % n),
                                     ("amount", rnd.randint(1, 50)))) and late:
                planted["commitment_late"] += 1
        else:
            n = nid("audit")
            w.event(ti, ("AU-%d" % n, "audit_opened", "Acme", ("audit", "AU-%d" % n), ("area", "quality")))
            schedule(ti + rnd.randint(DAY, 30 * DAY), ("AC-%d" % n, "audit_closed", "Acme", ("audit", "AU-%d" % n),
                                                        ("result", "passed")))
    emit_until(END + 10 * DAY)
    w.flush()
    out.close()
    planted["events"] = w.count
    planted["shape"] = args.shape
    planted["notice_violations"] = sorted(planted["notice_late"] + planted["notice_missing"])
    if args.manifest:
        with open(args.manifest, "w") as f:
            json.dump(planted, f, indent=1)
    print("%s: %d events" % (args.output, w.count), file=sys.stderr)


if __name__ == "__main__":
    main()
