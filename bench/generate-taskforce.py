#!/usr/bin/env python3
"""Writes the installation of the task-force bench (bench/taskforce.sh): posts, decision points,
a year of observations, the crossings they raised, postures and requests. Seeded and relative to
--now, so two runs with the same seed and posts write the same data shifted in time.

    bench/generate-taskforce.py --out DIR --now 2026-11-26T05:00:00Z [--posts 270] [--seed 2021]
                                [--biggest 10000]

Into DIR (all CSV with a heading row, times in UTC as 2026-11-26 05:00:00+00):
  posts.csv         code, name, kind, country, time_zone, persons, households: one embassy in each of
                    190 countries then 80 consulates (--posts N takes the first N; Kabul, Mazar-i-Sharif
                    and Herat first). The first post (Kabul) has --biggest persons, the others 150 to
                    3,000 (log-uniform).
  sets/CODE.json    each post's decision points, 100 of them, in the file format of
                    docs/decision-points.md exactly as DecisionPointJson.write stores it (the bench
                    saves a few through the API and checks the stored document equals the file).
  sets.csv          code, document: the same, for the others (psql \\copy).
  observations.csv  id, code, observed_at, subject, event, value, source, confidence, classification,
                    handle, note, recorded_by, recorded_at: about 10 a day per post for a year, ids in
                    order of observation across posts (as recorded live).
  crossings.csv     the decision_point_crossing rows the app would hold: every decision point
                    crossed now, at the observation that crossed it (found by a port of Evaluator),
                    decided, open (deadline ahead) or escalated (deadline passed).
  crises.csv, requests.csv, periods.csv, reviews.csv: crises, posture requests (approved, refused,
                    pending), the periods they started and departure reviews; users by username.
  summary.json      counts, for the bench to check what it loaded.

Every indicator only moves upwards (a level never falls back below a threshold it crossed, a
mission's reported posture never eases), so each decision point turns crossed at most once and
the live crossings equal the replay's: the generator checks that with its own evaluator.
"""
import argparse
import bisect
import csv
import datetime as dt
import heapq
import json
import math
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import taskforce_world as world  # noqa: E402

DAY = 86400.0
HOUR = 3600.0
CONFIDENCES = ["LOW", "MODERATE", "HIGH"]
POSTURES = ["NORMAL", "AUTHORIZED_DEPARTURE", "ORDERED_DEPARTURE", "SUSPENSION"]
POSTURE_LABEL = {
    "NORMAL": "Normal operations",
    "AUTHORIZED_DEPARTURE": "Authorized departure",
    "ORDERED_DEPARTURE": "Ordered departure",
    "SUSPENSION": "Suspension of operations",
}
# How reports name a posture (MissionPosture.find accepts names and labels, any case, dashes or spaces).
POSTURE_SPELLINGS = {
    "NORMAL": ["NORMAL", "normal operations", "Normal"],
    "AUTHORIZED_DEPARTURE": ["AUTHORIZED_DEPARTURE", "authorized departure", "Authorized-Departure"],
    "ORDERED_DEPARTURE": ["ORDERED_DEPARTURE", "ordered departure", "Ordered Departure"],
    "SUSPENSION": ["SUSPENSION", "suspended", "suspension of operations"],
}
OVERRIDE_CODES = {"Kabul": "KBL", "Mazar-i-Sharif": "MZR", "Herat": "HRT"}

ACTIONS = [
    "Convene the emergency action committee",
    "Review the tripwires with the task force",
    "Request authorized departure of eligible family members",
    "Request ordered departure of non-emergency staff",
    "Draw down to the core diplomatic presence",
    "Suspend routine visa services",
    "Restrict staff movement to the compound",
    "Move staff to the airport compound",
    "Issue a security alert to U.S. citizens",
    "Activate the warden network",
    "Pre-position evacuation supplies",
    "Consult allied missions on a joint drawdown",
    "Ask for a military assisted departure planning cell",
    "Reduce classified holdings to the core",
    "Close the consulate to the public",
    "Recall staff on temporary duty",
    "Stop onward travel to the provinces",
    "Confirm charter flight capacity",
    "Review the emergency action plan's assembly points",
    "Brief the host government on our posture",
]
ASSUMPTIONS = [
    "The international airport stays open to commercial flights while the capital is held.",
    "Host-nation security forces protect the diplomatic quarter.",
    "Land routes to the nearest border stay passable for convoys.",
    "Allied missions share their drawdown plans within 24 hours.",
    "Commercial charter capacity can be contracted within 72 hours.",
    "Local staff can reach the compound during a curfew with embassy identification.",
    "Telephone and internet service continue in the capital.",
    "The host government gives at least 48 hours' notice of airspace closures.",
]
NEUTRAL_EVENTS = [
    "statement issued", "meeting held", "rumour reported", "traffic disruption", "demonstration",
    "strike announced", "security incident", "travel advisory issued", "roadworks", "rally held",
    "visit announced", "patrol observed", "inspection", "reopened", "service restored",
]
SOURCES = [
    "Regional security office", "Local press", "UN OCHA situation report", "Host government",
    "Partner mission", "Social media (verified)", "Warden network", "Defense attache office",
    "Consular section", "NGO security forum", "Wire service", "Local staff",
]
NATIONS = [
    ("uk", "British"), ("france", "French"), ("germany", "German"), ("japan", "Japanese"),
    ("canada", "Canadian"), ("australia", "Australian"), ("italy", "Italian"),
    ("netherlands", "Netherlands"), ("turkey", "Turkish"), ("korea", "Korean"),
]
SYLLABLES = ["ka", "bul", "mar", "dan", "shi", "ra", "zar", "tel", "gor", "han", "li", "mo", "sa",
             "ven", "tur", "ba", "dor", "qa", "nis", "pol", "ya", "ken", "ar", "ost", "el", "im", "pa",
             "lan", "ser", "ko", "ru", "vi", "na", "tam", "bo", "cha", "del", "fa", "gu", "jo", "lu"]


def utc(t):
    return dt.datetime.fromtimestamp(round(t), dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S+00")


def normalise(text):
    return re.sub(r"\s+", " ", (text or "").strip()).lower()


def ascii_letters(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text).upper() if "A" <= c <= "Z")


def make_code(city, taken):
    if city in OVERRIDE_CODES and OVERRIDE_CODES[city] not in taken:
        return OVERRIDE_CODES[city]
    letters = ascii_letters(city) or "POST"
    consonants = letters[0] + "".join(c for c in letters[1:] if c not in "AEIOU")
    candidates = [letters[:3], consonants[:3], letters[0] + consonants[1:3], letters[:4], consonants[:4]]
    for c in candidates:
        if len(c) >= 3 and c not in taken:
            return c
    for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            c = letters[:2] + a + b
            if c not in taken:
                return c
    raise SystemExit("no code for " + city)


def posts_list(n, rng, biggest):
    countries = world.countries()
    by_iso = {c[0]: c for c in countries}
    consulates = world.consulates()
    order = []
    af = by_iso["AF"]
    order.append(("EMBASSY", af, af[2], af[3]))
    for iso, city, tz, kind in consulates:
        if iso == "AF":
            order.append((kind, af, city, tz))
    for c in countries:
        if c[0] != "AF":
            order.append(("EMBASSY", c, c[2], c[3]))
    for iso, city, tz, kind in consulates:
        if iso != "AF":
            order.append((kind, by_iso[iso], city, tz))
    if n > len(order):
        raise SystemExit(f"--posts: at most {len(order)}")
    taken = set()
    posts = []
    for i, (kind, country, city, tz) in enumerate(order[:n]):
        code = make_code(city, taken)
        taken.add(code)
        label = {"EMBASSY": "Embassy", "CONSULATE_GENERAL": "Consulate General", "CONSULATE": "Consulate"}[kind]
        persons = biggest if i == 0 else int(math.exp(rng.uniform(math.log(150), math.log(3000))))
        posts.append({
            "index": i, "code": code, "name": f"{label} {city}", "kind": kind, "country": country[1],
            "iso": country[0], "capital": country[2], "city": city, "time_zone": tz,
            "persons": persons, "households": max(1, persons // 3),
        })
    return posts


def place_names(rng, count, avoid):
    names, seen = [], {normalise(a) for a in avoid}
    while len(names) < count:
        n = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 2, 3])))
        n = n.capitalize()
        if normalise(n) not in seen:
            seen.add(normalise(n))
            names.append(n)
    return names


class Group:
    """Decision points watching one thing (an event counted, a subject and event, a level, a mission)."""

    def __init__(self, kind, subject, event, tiers, points, min_conf="LOW", pool=None, scale=None):
        self.kind, self.subject, self.event, self.tiers = kind, subject, event, tiers
        self.points, self.min_conf, self.pool, self.scale = points, min_conf, pool, scale


def point(key, title, kind, subject, event, threshold, out_of, min_conf, actions, hours, marking):
    indicator = {"kind": kind}
    if subject is not None:
        indicator["subject"] = subject
    if event is not None:
        indicator["event"] = event
    if out_of is not None:
        indicator["outOf"] = out_of
    if min_conf != "LOW":
        indicator["minConfidence"] = min_conf
    p = {"key": key, "title": title, "indicator": indicator}
    if threshold is not None:
        p["threshold"] = threshold
    p["actions"] = actions
    p["decideWithinHours"] = hours
    p["classification"] = marking
    return p


def decision_points(post, rng):
    """The post's 100 decision points, grouped by what they watch."""
    city, capital = post["city"], post["capital"]
    places = place_names(rng, 400, [city, capital])
    pick = iter(places)

    def actions():
        return rng.sample(ACTIONS, rng.choice([1, 2, 2, 3]))

    def hours():
        return rng.choice([6, 12, 24, 24, 48, 48, 72, 72, 168, 336, 720])

    def marking():
        return rng.choices(["UNCLASSIFIED", "SBU", "CONFIDENTIAL"], [80, 15, 5])[0]

    def conf():
        return rng.choices(CONFIDENCES, [60, 30, 10])[0]

    groups = []
    # COUNT: 14 events, 6 of them with a second, higher threshold (20 decision points).
    counts = [
        ("fell", "provincial capitals fallen", "capitals-fallen", rng.randint(18, 40), [0.25, 0.5]),
        ("crossing closed", "border crossings closed", "borders-closed", rng.randint(6, 12), [0.5]),
        ("protest", "cities with protests", "protest-cities", 20, [0.25, 0.5]),
        ("curfew declared", "cities under curfew", "curfew-cities", 15, [0.2, 0.5]),
        ("suspended flights", "airlines suspending flights", "airlines-suspended", 12, [0.34, 0.67]),
        ("embassy closed", "foreign embassies closed", "embassies-closed", 40, [0.125, 0.375]),
        ("kidnapping", "districts with kidnappings of foreigners", "kidnappings", None, [3]),
        ("armed clashes", "districts with armed clashes", "clash-districts", 30, [0.2, 0.4]),
        ("road blocked", "main roads blocked", "roads-blocked", 10, [0.4]),
        ("power outage", "districts without power", "power-outages", 25, [0.4]),
        ("hospital overwhelmed", "hospitals overwhelmed", "hospitals-overwhelmed", 12, [0.34]),
        ("fuel shortage", "cities with fuel shortages", "fuel-shortages", 20, [0.4]),
        ("looting", "districts with looting", "looting-districts", 25, [0.2]),
        ("internet shutdown", "regions with internet shutdowns", "internet-shutdowns", 10, [0.3]),
    ]
    for event, what, key, out_of, shares in counts:
        pool_size = out_of if out_of else 14
        if event == "embassy closed":
            pool = [f"{n} Embassy" for n in ["Austrian", "Belgian", "Brazilian", "Chinese", "Czech", "Danish",
                    "Egyptian", "Finnish", "Greek", "Hungarian", "Indian", "Indonesian", "Irish", "Israeli",
                    "Kenyan", "Malaysian", "Mexican", "New Zealand", "Nigerian", "Norwegian", "Pakistani",
                    "Polish", "Portuguese", "Qatari", "Romanian", "Russian", "Saudi", "Singaporean",
                    "South African", "Spanish", "Swedish", "Swiss", "Thai", "Emirati", "Ukrainian",
                    "Vietnamese", "Argentine", "Chilean", "Philippine", "Moroccan"]][:pool_size]
        elif event == "suspended flights":
            pool = [f"{n} Airways" for n in place_names(rng, pool_size, places)]
        elif event == "hospital overwhelmed":
            pool = [f"{next(pick)} General Hospital" for _ in range(pool_size)]
        elif event == "road blocked":
            pool = [f"{next(pick)}-{next(pick)} road" for _ in range(pool_size)]
        else:
            pool = [next(pick) for _ in range(pool_size)]
        mc = conf()
        pts = []
        tiers = []
        for share in shares:
            t = share if out_of is None else max(1, round(out_of * share))
            if tiers and t <= tiers[-1]:
                t = tiers[-1] + 1
            tiers.append(t)
            k = f"{key}-{t}"
            title = f"{t} {what}" + (f" (of {out_of})" if out_of else "")
            pts.append(point(k, title[0].upper() + title[1:], "COUNT", None, event, t, out_of, mc, actions(), hours(),
                             marking()))
        groups.append(Group("COUNT", None, event, tiers, pts, mc, pool=pool))
    # EVENT: 30 things that may happen once.
    city2 = next(pick)
    events = [
        (f"{city} International Airport", "closed to flights", "airport-closed"),
        (f"{city} International Airport", "seized", "airport-seized"),
        (f"{city} International Airport", "attacked", "airport-attacked"),
        ("Presidential palace", "seized", "palace-seized"),
        ("Parliament", "stormed", "parliament-stormed"),
        ("Central bank", "suspended withdrawals", "bank-withdrawals"),
        ("Main power plant", "destroyed", "power-plant-destroyed"),
        ("State television", "off the air", "state-tv-off-air"),
        ("Ministry of the Interior", "seized", "interior-seized"),
        (f"{city} ring road", "cut", "ring-road-cut"),
        ("Diplomatic quarter", "attacked", "diplomatic-quarter-attacked"),
        (f"{city} main bridge", "destroyed", "main-bridge-destroyed"),
        (f"Port of {city2}", "closed to shipping", "port-closed"),
        (city2, "taken by armed groups", "second-city-taken"),
        (f"{city} military garrison", "surrendered", "garrison-surrendered"),
        (f"{city} central prison", "broken out", "prison-breakout"),
        (f"{city} water supply", "cut off", "water-cut"),
        (f"{next(pick)} Hotel", "attacked", "hotel-attacked"),
        (f"Land border with {next(pick)}", "closed to foreigners", "land-border-closed"),
        ("Head of state", "left the country", "head-of-state-left"),
        ("Army chief of staff", "resigned", "army-chief-resigned"),
        ("Martial law", "declared nationwide", "martial-law"),
        ("Opposition forces", "entered the capital", "opposition-in-capital"),
        (f"{city} airport road", "mined", "airport-road-mined"),
        ("U.S. citizen", "taken hostage", "us-citizen-hostage"),
        ("Embassy local staff", "threatened by name", "local-staff-threatened"),
        ("Fuel depot", "set on fire", "fuel-depot-fire"),
        ("National airline", "grounded", "airline-grounded"),
        ("Mobile networks", "shut down nationwide", "mobile-shutdown"),
        ("Host government", "asked foreign missions to leave", "missions-asked-to-leave"),
    ]
    for subject, event, key in events:
        mc = conf()
        title = f"{subject} {event}"
        groups.append(Group("EVENT", subject, event, [None], [
            point(key, title, "EVENT", subject, event, None, None, mc, actions(), hours(), marking())], mc))
    # LEVEL: 16 subjects, 35 thresholds.
    levels = [
        (f"{city} International Airport", "threat level", [3, 4, 5], (1, 1), "airport-threat"),
        (city, "threat level", [3, 4, 5], (1, 1), "city-threat"),
        (city2, "threat level", [4, 5], (1, 1), "second-city-threat"),
        (f"{city} airport road", "threat level", [3], (1, 1), "airport-road-threat"),
        ("Casualties", "casualties per day", [20, 50, 100], (0, 1), "casualties"),
        ("Displaced persons", "displaced (thousands)", [50, 100, 250], (0, 5), "displaced"),
        ("Bread prices", "index", [150, 200], (100, 5), "bread-index"),
        ("Artillery incidents", "incidents per day", [5, 15], (0, 1), "artillery"),
        (f"Checkpoints on the {city} airport road", "checkpoints", [3, 6], (0, 1), "checkpoints"),
        ("Fuel prices", "index", [150, 250], (100, 5), "fuel-index"),
        ("Militia strength", "estimate (thousands)", [10, 20], (1, 1), "militia-strength"),
        ("Hostile rhetoric", "index", [7, 9], (1, 1), "rhetoric-index"),
        ("Cholera", "cases per week", [100, 500], (0, 10), "cholera"),
        ("Flight cancellations", "cancellations per day", [10, 30], (0, 1), "flight-cancellations"),
        ("Protest size", "estimate (thousands)", [10, 50], (0, 1), "protest-size"),
        ("Currency", "devaluation (percent)", [20, 40], (0, 1), "devaluation"),
    ]
    for subject, event, tiers, scale, key in levels:
        mc = conf()
        pts = [point(f"{key}-{t}", f"{subject}: {event} {t} or higher", "LEVEL", subject, event, t, None, mc,
                     actions(), hours(), marking()) for t in tiers]
        groups.append(Group("LEVEL", subject, event, tiers, pts, mc, scale=scale))
    # MISSION_POSTURE: 10 other missions in the capital, 5 with two thresholds (15 decision points).
    for i, (key, adjective) in enumerate(NATIONS):
        subject = f"{adjective} Embassy {capital}"
        mc = conf()
        tiers = ["AUTHORIZED_DEPARTURE", "ORDERED_DEPARTURE"] if i < 5 else [
            rng.choice(["ORDERED_DEPARTURE", "SUSPENSION"])]
        pts = [point(f"{key}-{t.lower().replace('_', '-')}", f"{subject}: {POSTURE_LABEL[t].lower()}",
                     "MISSION_POSTURE", subject, None, t, None, mc, actions(), hours(), marking()) for t in tiers]
        groups.append(Group("MISSION_POSTURE", subject, None, tiers, pts, mc))
    assert sum(len(g.points) for g in groups) == 100, sum(len(g.points) for g in groups)
    keys = [p["key"] for g in groups for p in g.points]
    assert len(set(keys)) == 100, "duplicate keys"
    doc = {"format": "muster.decision-points/1", "assumptions": rng.sample(ASSUMPTIONS, rng.randint(3, 5)),
           "decisionPoints": [p for g in groups for p in g.points]}
    return groups, doc, places


def conf_at_least(rng, minimum):
    return rng.choice(CONFIDENCES[CONFIDENCES.index(minimum):])


def observations(post, groups, places, rng, now):
    """The post's year of reports: (time, subject, event, value, confidence), upward-only indicators."""
    start, end = now - 365 * DAY, now - 600.0
    target = int(3650 * rng.uniform(0.85, 1.15))
    obs = []

    def add(t, subject, event, value=None, conf=None, minimum="LOW"):
        obs.append([min(max(t, start), end), subject, event, value, conf or conf_at_least(rng, minimum)])

    # Which groups escalate, how far, and when their last threshold is crossed.
    k_target = rng.randint(10, 30)
    order = list(range(len(groups)))
    rng.shuffle(order)
    plan = {}
    planned = 0
    for gi in order:
        if planned >= k_target:
            break
        g = groups[gi]
        top = rng.randrange(len(g.points))
        hours = g.points[top]["decideWithinHours"]
        kind = rng.choices(["old", "open", "overdue"], [55, 30, 15])[0]
        if kind == "open" and hours >= 24:
            t_top = now - rng.uniform(1 * HOUR, (hours - 12) * HOUR)
        elif kind == "overdue":
            t_top = now - hours * HOUR - rng.uniform(2 * HOUR, 20 * DAY)
        else:
            t_top = now - rng.uniform(40 * DAY, 340 * DAY)
        t_top = min(t_top, end - 120)
        times = [t_top]
        for i in range(top, 0, -1):  # lower thresholds earlier, at least an hour apart, not in the first day
            room = (times[0] - start - DAY) / (i + 1)
            times.insert(0, times[0] - rng.uniform(min(HOUR, room), max(HOUR, min(60 * DAY, room))))
        plan[gi] = times
        planned += top + 1

    budget_per_level = target * 0.40 / max(1, sum(1 for g in groups if g.kind == "LEVEL"))
    for gi, g in enumerate(groups):
        times = plan.get(gi)
        if g.kind == "COUNT":
            pool = g.pool[:]
            rng.shuffle(pool)
            reported = []  # (time of first report, subject): each subject is new when first reported
            if times is None:
                for s in pool[:rng.randint(0, g.tiers[0] - 1)]:
                    reported.append((rng.uniform(start, end), s))
            else:
                fresh = iter(pool)
                lo, before = start, 0
                for i, t in enumerate(times):  # subject number tiers[i] is reported at times[i]
                    for _ in range(before + 1, g.tiers[i]):
                        reported.append((rng.uniform(lo + 60, t - 60), next(fresh)))
                    reported.append((t, next(fresh)))
                    lo, before = t, g.tiers[i]
            for t, s in reported:
                add(t, s, g.event, minimum=g.min_conf)
            # conflicting and repeated reports of subjects already reported (no new subject)
            for _ in range(int(target * 0.20 / 14 * rng.uniform(0.5, 1.5))):
                if not reported:
                    break
                t0, s = rng.choice(reported)
                if end - t0 > 120:
                    add(rng.uniform(t0 + 60, end), s, g.event, minimum=g.min_conf)
        elif g.kind == "EVENT":
            if times is not None:
                add(times[0], g.subject, g.event, minimum=g.min_conf)
                for _ in range(rng.randint(0, 3)):
                    add(rng.uniform(times[0] + 60, end), g.subject, g.event, minimum=g.min_conf)
            elif g.min_conf != "LOW" and rng.random() < 0.5:
                for _ in range(rng.randint(1, 2)):  # unconfirmed rumours, below the point's confidence
                    add(rng.uniform(start, end), g.subject, g.event,
                        conf=rng.choice(CONFIDENCES[:CONFIDENCES.index(g.min_conf)]))
            for _ in range(rng.randint(2, 10)):
                add(rng.uniform(start, end), g.subject, rng.choice(NEUTRAL_EVENTS))
        elif g.kind == "LEVEL":
            low, step = g.scale
            n = int(budget_per_level * rng.uniform(0.6, 1.4))
            bounds = [low] + g.tiers + [g.tiers[-1] + max(step, (g.tiers[-1] - low) // 3)]

            def value_in(i):  # a value at least bounds[i] and below bounds[i + 1]
                lo, hi = bounds[i], bounds[i + 1] - step
                if hi < lo:
                    hi = lo
                v = lo + step * rng.randint(0, max(0, int((hi - lo) // step)))
                return str(v)

            crossings = times or []
            for i, t in enumerate(crossings):
                add(t, g.subject, g.event, value_in(i + 1), minimum=g.min_conf)
            for _ in range(n):
                t = rng.uniform(start, end)
                level = bisect.bisect_right(crossings, t)  # thresholds crossed by then
                if any(abs(t - c) < 120 for c in crossings):
                    continue
                add(t, g.subject, g.event, value_in(level), minimum=g.min_conf)
        else:  # MISSION_POSTURE
            crossings = times or []
            if not crossings:
                lowest = POSTURES.index(g.tiers[0])
                if rng.random() < 0.4:
                    add(rng.uniform(start, end), g.subject,
                        rng.choice(POSTURE_SPELLINGS[POSTURES[rng.randrange(lowest)]]), minimum=g.min_conf)
            else:
                if rng.random() < 0.5:
                    add(rng.uniform(start, crossings[0] - 60), g.subject, rng.choice(POSTURE_SPELLINGS["NORMAL"]),
                        minimum=g.min_conf)
                for i, t in enumerate(crossings):
                    add(t, g.subject, rng.choice(POSTURE_SPELLINGS[g.tiers[i]]), minimum=g.min_conf)
                if rng.random() < 0.5 and end - crossings[-1] > 180:
                    add(rng.uniform(crossings[-1] + 60, end), g.subject,
                        rng.choice(POSTURE_SPELLINGS[g.tiers[len(crossings) - 1]]), minimum=g.min_conf)
    # Everything else: reports that move no indicator.
    while len(obs) < target:
        add(rng.uniform(start, end), rng.choice(places), rng.choice(NEUTRAL_EVENTS),
            conf=rng.choices(CONFIDENCES, [25, 50, 25])[0])
    # Whole seconds, unique per post (the order is then unambiguous), in time order.
    obs.sort(key=lambda o: o[0])
    last = None
    for o in obs:
        t = float(round(o[0]))
        if last is not None and t <= last:
            t = last + 1
        o[0] = t
        last = t
    if obs and obs[-1][0] > end + 3600:
        raise SystemExit("too many reports in the last hour")
    return obs


def evaluate(groups, obs):
    """Port of Evaluator.state/replay: per decision point, its turns to crossed and the last one."""
    result = {}
    by_event, by_subject = {}, {}
    for i, o in enumerate(obs):
        by_event.setdefault(normalise(o[2]), []).append(i)
        by_subject.setdefault(normalise(o[1]), []).append(i)
    for g in groups:
        for p in g.points:
            ind = p["indicator"]
            kind, minimum = ind["kind"], ind.get("minConfidence", "LOW")
            subject, event = normalise(ind.get("subject")), normalise(ind.get("event"))
            idx = by_event.get(event, []) if kind == "COUNT" else by_subject.get(subject, [])
            subjects, seen, latest, posture = set(), False, None, None
            crossed, turns, crossing, display = False, 0, None, None
            for i in idx:
                o = obs[i]
                if CONFIDENCES.index(o[4]) < CONFIDENCES.index(minimum):
                    continue
                s, e = normalise(o[1]), normalise(o[2])
                if kind == "COUNT":
                    if e != event:
                        continue
                    subjects.add(s)
                    now_crossed = len(subjects) >= p["threshold"]
                    shown = f"{len(subjects)}" + (f" of {ind['outOf']}" if "outOf" in ind else "")
                elif kind == "EVENT":
                    if s != subject or e != event:
                        continue
                    seen = True
                    now_crossed, shown = True, "reported"
                elif kind == "LEVEL":
                    if s != subject or o[3] is None or (event and e != event):
                        continue
                    latest = o[3]
                    now_crossed, shown = float(latest) >= p["threshold"], latest
                else:
                    key = o[2].strip().upper().replace("-", "_").replace(" ", "_")
                    found = "SUSPENSION" if key == "SUSPENDED" else next(
                        (q for q in POSTURES if q == key or POSTURE_LABEL[q].upper().replace(" ", "_") == key), None)
                    if s != subject or found is None:
                        continue
                    posture = found
                    now_crossed = POSTURES.index(posture) >= POSTURES.index(p["threshold"])
                    shown = POSTURE_LABEL[posture]
                if now_crossed and not crossed:
                    turns += 1
                    crossing, display = i, shown
                elif not now_crossed:
                    crossing, display = None, None
                crossed = now_crossed
            result[p["key"]] = (p, crossed, turns, crossing, display)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--now", required=True, help="the installation's present, e.g. 2026-11-26T05:00:00Z")
    ap.add_argument("--posts", type=int, default=270)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--biggest", type=int, default=10000)
    args = ap.parse_args()
    now = dt.datetime.fromisoformat(args.now.replace("Z", "+00:00")).timestamp()
    now = float(int(now))
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "sets"), exist_ok=True)
    posts = posts_list(args.posts, rng, args.biggest)
    with open(os.path.join(args.out, "posts.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "kind", "country", "time_zone", "persons", "households"])
        for p in posts:
            w.writerow([p["code"], p["name"], p["kind"], p["country"], p["time_zone"], p["persons"], p["households"]])

    per_post_obs = []
    crossing_rows = []
    status_count = {"OPEN": 0, "DECIDED": 0, "ESCALATED": 0}
    summaries = {}
    with open(os.path.join(args.out, "sets.csv"), "w", newline="") as sets_csv:
        sw = csv.writer(sets_csv)
        sw.writerow(["code", "document"])
        for p in posts:
            prng = random.Random(f"{args.seed}-{p['code']}")
            groups, doc, places = decision_points(p, prng)
            text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
            with open(os.path.join(args.out, "sets", p["code"] + ".json"), "w") as f:
                f.write(text)
            sw.writerow([p["code"], json.dumps(doc, ensure_ascii=False)])
            obs = observations(p, groups, places, prng, now)
            state = evaluate(groups, obs)
            many = [k for k, v in state.items() if v[2] > 1]
            if many:
                raise SystemExit(f"{p['code']}: decision points crossed more than once: {many}")
            crossed = [(k, v) for k, v in state.items() if v[1]]
            for key, (pt, _, _, ci, display) in crossed:
                crossing_rows.append((p["code"], pt, ci, display, prng))
            per_post_obs.append(obs)
            summaries[p["code"]] = {"observations": len(obs), "crossed": len(crossed)}

    # Observation ids in order of observation across posts, as recorded live.
    recorded = {}
    heap = [(o[0], pi, oi) for pi, obs in enumerate(per_post_obs) for oi, o in enumerate(obs)]
    heap.sort()
    ids = {}
    orng = random.Random(f"{args.seed}-observations")
    with open(os.path.join(args.out, "observations.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "code", "observed_at", "subject", "event", "value", "source", "confidence",
                    "classification", "handle", "note", "recorded_by", "recorded_at"])
        for n, (t, pi, oi) in enumerate(heap, start=1):
            o = per_post_obs[pi][oi]
            ids[(pi, oi)] = n
            marking = orng.choices(["UNCLASSIFIED", "SBU", "CONFIDENTIAL", "SECRET"], [880, 100, 15, 5])[0]
            handle = note = ""
            if marking in ("CONFIDENTIAL", "SECRET"):
                handle = f"CABLE-{dt.datetime.fromtimestamp(t, dt.timezone.utc).year}-{orng.randint(10000, 99999)}"
            elif orng.random() < 0.25:
                note = f"{o[1]}: {o[2]} according to {orng.choice(SOURCES).lower()}; follow-up requested."
            rec = min(t + orng.uniform(60, 3 * HOUR), now - 60)
            rec = max(rec, t)
            recorded[n] = rec
            w.writerow([n, posts[pi]["code"], utc(t), o[1], o[2], "" if o[3] is None else o[3],
                        orng.choice(SOURCES), o[4], marking, handle, note, "bench-com", utc(rec)])
    index = {p["code"]: i for i, p in enumerate(posts)}
    with open(os.path.join(args.out, "crossings.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "key", "version", "title", "actions", "classification", "value", "crossed_at",
                    "decide_by", "observation_id", "raised_at", "status", "decided_at", "decided_by",
                    "decision_summary", "escalated_at"])
        crng = random.Random(f"{args.seed}-crossings")
        for code, pt, ci, display, _ in crossing_rows:
            pi = index[code]
            oid = ids[(pi, ci)]
            t = per_post_obs[pi][ci][0]
            hours = pt["decideWithinHours"]
            decide_by = t + hours * HOUR
            decided_at = escalated_at = None
            if decide_by > now + 6 * HOUR:
                status = "OPEN" if crng.random() < 0.85 else "DECIDED"
            elif decide_by > now - 60:
                status = "DECIDED"
            elif t > now - 30 * DAY:
                status = "ESCALATED" if crng.random() < 0.7 else "DECIDED"
            else:
                status = "ESCALATED" if crng.random() < 0.12 else "DECIDED"
            if status == "DECIDED":
                latest = min(decide_by, now - 60)
                if decide_by < now - 2 * HOUR and crng.random() < 0.2:
                    decided_at = min(decide_by + crng.uniform(HOUR, 5 * DAY), now - HOUR)
                    escalated_at = decide_by + crng.uniform(5, 60)
                else:
                    decided_at = recorded[oid] + crng.uniform(0.1, 0.95) * max(60.0, latest - recorded[oid])
                    decided_at = min(decided_at, now - 60)
            elif status == "ESCALATED":
                escalated_at = decide_by + crng.uniform(5, 60)
            status_count[status] += 1
            summary = crng.choice([
                "Committee recommended no change of posture; the chief of mission agreed.",
                "Chief of mission decided to restrict movement and review in 48 hours.",
                "Decided: request authorized departure of family members.",
                "Decided with the task force: keep the core presence, stop onward travel.",
            ]) if status == "DECIDED" else ""
            w.writerow([code, pt["key"], 1, pt["title"], json.dumps(pt["actions"], ensure_ascii=False),
                        pt["classification"], display, utc(t), utc(decide_by), oid, utc(recorded[oid]), status,
                        utc(decided_at) if decided_at else "", "bench-com" if decided_at else "", summary,
                        utc(escalated_at) if escalated_at else ""])

    postures(args, posts, now)
    summary = {
        "now": utc(now), "posts": len(posts), "persons": sum(p["persons"] for p in posts),
        "households": sum(p["households"] for p in posts), "countries": len({p["country"] for p in posts}),
        "observations": sum(len(o) for o in per_post_obs), "crossings": len(crossing_rows),
        "crossings_by_status": status_count, "biggest": posts[0]["code"],
        "biggest_observations": summaries[posts[0]["code"]]["observations"],
        "biggest_crossed": summaries[posts[0]["code"]]["crossed"],
        "crossed_per_post_min": min(s["crossed"] for s in summaries.values()),
        "crossed_per_post_max": max(s["crossed"] for s in summaries.values()),
    }
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps(summary), file=sys.stderr)


def postures(args, posts, now):
    """Crises, requests, periods and reviews: some posts under departure, some requests pending."""
    rng = random.Random(f"{args.seed}-postures")
    n = len(posts)
    chosen = [0] + ([1] if n > 1 else []) + rng.sample(range(2, n), min(n - 2, max(0, round(n * 0.12)))) \
        if n > 2 else list(range(n))
    crises, requests, periods, reviews = [], [], [], []
    rid = pid = 0
    for j, i in enumerate(chosen):
        p = posts[i]
        opened = now - rng.uniform(20, 300) * DAY
        situation = ["od-pending", "ad"][j] if j < 2 else rng.choices(
            ["ad", "od", "ad-pending", "normal-pending", "crisis", "returned"], [25, 20, 15, 20, 10, 10])[0]
        closed = situation == "returned"
        crises.append([len(crises) + 1, p["code"], f"{p['country']} unrest {dt.datetime.fromtimestamp(opened).year}",
                       utc(opened), rng.randint(20, 120), rng.choice([150, 300, 600]),
                       (dt.datetime.fromtimestamp(now + rng.uniform(5, 60) * DAY, dt.timezone.utc).date().isoformat()),
                       ""])
        cid = len(crises)
        steps = {"ad": ["AUTHORIZED_DEPARTURE"], "od": ["AUTHORIZED_DEPARTURE", "ORDERED_DEPARTURE"],
                 "ad-pending": ["AUTHORIZED_DEPARTURE"], "od-pending": ["AUTHORIZED_DEPARTURE"],
                 "normal-pending": [], "crisis": [], "returned": ["AUTHORIZED_DEPARTURE", "NORMAL"]}[situation]
        t = opened + rng.uniform(1, 10) * DAY
        span_end = now - 2 * DAY
        last_period = None
        for k, posture in enumerate(steps):
            t = min(t, span_end - (len(steps) - k) * DAY)
            rid += 1
            subset = (["ELIGIBLE_FAMILY_MEMBER"], 18) if posture == "AUTHORIZED_DEPARTURE" and rng.random() < 0.5 \
                else ([], None)
            decided = t + rng.uniform(2, 48) * HOUR
            if rng.random() < 0.15:  # a refused request first
                requests.append([rid, p["code"], cid, posture, "{" + ",".join(subset[0]) + "}", subset[1] or "",
                                 "Security situation deteriorating; see the committee's assessment.", utc(t), "REFUSED",
                                 utc(t + 6 * HOUR), "Not yet: the tripwires are not met.", ])
                rid += 1
            requests.append([rid, p["code"], cid, posture, "{" + ",".join(subset[0]) + "}", subset[1] or "",
                             "Tripwires crossed; the committee recommends this posture.", utc(t), "APPROVED",
                             utc(decided), "Approved on the committee's recommendation."])
            pid += 1
            if last_period is not None:
                last_period[8] = utc(decided)
            last_period = [pid, p["code"], rid, posture, "{" + ",".join(subset[0]) + "}", subset[1] or "",
                           utc(decided), "bench-tf", ""]
            periods.append(last_period)
            if POSTURES.index(posture) in (1, 2):
                r = decided + rng.uniform(20, 40) * DAY
                while r < now - DAY and rng.random() < 0.8:
                    reviews.append([pid, utc(r), "bench-com", "Reviewed with the committee: no change."])
                    r += rng.uniform(25, 40) * DAY
            t = decided + rng.uniform(5, 60) * DAY
        if closed:  # back to normal, then the crisis closed
            crises[-1][7] = utc(min(decided + rng.uniform(1, 10) * DAY, now - HOUR))
        if situation.endswith("pending"):
            ask = {"od-pending": "ORDERED_DEPARTURE", "ad-pending": "ORDERED_DEPARTURE",
                   "normal-pending": "AUTHORIZED_DEPARTURE"}[situation]
            rid += 1
            requests.append([rid, p["code"], cid, ask, "{}", "", "Decision points crossed; requesting "
                             + POSTURE_LABEL[ask].lower() + ".", utc(now - rng.uniform(1, 72) * HOUR), "PENDING", "",
                             ""])

    def write(name, head, rows):
        with open(os.path.join(args.out, name), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(head)
            w.writerows(rows)

    write("crises.csv", ["id", "code", "name", "opened_at", "core_presence_target", "daily_capacity", "threat_date",
                         "closed_at"], crises)
    write("requests.csv", ["id", "code", "crisis_id", "posture", "categories", "under_age", "justification",
                           "requested_at", "status", "decided_at", "reason"], requests)
    write("periods.csv", ["id", "code", "request_id", "posture", "categories", "under_age", "started_at",
                          "approved_by", "ended_at"], periods)
    write("reviews.csv", ["period_id", "reviewed_at", "reviewed_by", "note"], reviews)


if __name__ == "__main__":
    main()
