#!/usr/bin/env python3
"""Writes a deterministic list of people for the import bench.

    bench/generate-people.py [--persons N] [--households M] [--seed S] [--out FILE]
                             [--stage FILE] [--time-zone ZONE]

--out (default: standard output) gets the list as a post would receive it: a UTF-8 CSV with the
headings ImportField recognises (ID, Family name, Given name, Category, Date of birth, Household,
Relationship, Nationality, Citizenship, Intent, Location, Last contact, Email, Email verified,
Phone, Phone verified, Passport, Passport country, Passport expiry). Defaults: 150,000 persons in
40,000 households, seed 2021. The mix follows PRODUCT.md: all twelve categories, by household (a
special immigrant visa applicant's family, a private U.S. citizen with an Afghan spouse, a direct
hire with eligible family members, single TDY visitors and third-country staff ...); about one
Afghan household in six written in Dari (Arabic script); mixed-nationality households; about 1 in
10 persons with a passport, most with a phone (children often with the household's number), some
with an email address. Every row is valid, so every row is imported, and every household has at
least one member: the file holds exactly N persons in exactly M households.

--stage additionally writes the same rows as Muster's ImportWriter hands them to PostgreSQL: the
columns of its COPY into import_stage, in that order, values already checked and converted
(category codes, booleans, last contact with the post's offset, the provenance field list). The
bench's database-only anchor loads this file with psql \\copy. --time-zone is the post's zone
(default Asia/Kabul), used for the last-contact offsets.

Only random.Random(seed).random() is used, so the output depends on the seed alone.
"""
import argparse
import csv
import datetime as dt
import sys

try:
    from zoneinfo import ZoneInfo
except ImportError:  # Python < 3.9
    ZoneInfo = None

# Everything is dated relative to this fixed day, not the clock, so the file is the same every run
# (dates of birth stay in the past as long as the machine's clock is after it).
AS_OF = dt.date(2025, 8, 1)

HEADINGS = [
    "ID", "Family name", "Given name", "Category", "Date of birth", "Household", "Relationship",
    "Nationality", "Citizenship", "Intent", "Location", "Last contact", "Email", "Email verified",
    "Phone", "Phone verified", "Passport", "Passport country", "Passport expiry",
]

# Category as lists write it -> (Muster's code, under chief-of-mission authority)
CATEGORIES = {
    "USDH": ("US_DIRECT_HIRE", True),
    "EFM": ("ELIGIBLE_FAMILY_MEMBER", True),
    "PSC": ("PERSONAL_SERVICES_CONTRACTOR", True),
    "TDY": ("TDY_VISITOR", True),
    "LES": ("LOCALLY_EMPLOYED_STAFF", True),
    "TCN": ("THIRD_COUNTRY_NATIONAL_STAFF", True),
    "Contractor": ("CONTRACTOR_NON_COM", False),
    "Private U.S. citizen": ("PRIVATE_US_CITIZEN", False),
    "LPR": ("LAWFUL_PERMANENT_RESIDENT", False),
    "Immediate relative": ("ALIEN_IMMEDIATE_RELATIVE", False),
    "SIV": ("SIV_APPLICANT", False),
    "Other": ("OTHER_DESIGNATED_NATIONAL", False),
}
RELATIONSHIPS = {
    "Head": "HEAD", "Spouse": "SPOUSE", "Wife": "SPOUSE", "Husband": "SPOUSE", "Son": "CHILD",
    "Daughter": "CHILD", "Child": "CHILD", "Mother": "PARENT", "Father": "PARENT", "Brother": "SIBLING",
    "Sister": "SIBLING", "Relative": "OTHER_RELATIVE", "Other": "OTHER",
}
CITIZENSHIP = {"Verified": "VERIFIED", "Claimed": "CLAIMED", "Not a citizen": "DISPROVED", "Unknown": "UNKNOWN"}
INTENT = {"Leave": "LEAVE", "Stay": "STAY", "Undecided": "UNDECIDED", "Unknown": "UNKNOWN"}

# ImportField order (the provenance list is an EnumSet, written in this order).
FIELD_ORDER = [
    "KEY", "GIVEN_NAME", "FAMILY_NAME", "CATEGORY", "CHIEF_OF_MISSION", "EMERGENCY_STAFF", "NATIONALITY",
    "DATE_OF_BIRTH", "HOUSEHOLD", "RELATIONSHIP", "UNACCOMPANIED_MINOR", "CITIZENSHIP", "INTENT", "LOCATION",
    "LAST_CONTACT", "TDY_ARRIVAL", "TDY_DEPARTURE", "EMAIL", "EMAIL_VERIFIED", "PHONE", "PHONE_VERIFIED",
    "DOCUMENT_KIND", "DOCUMENT_NUMBER", "DOCUMENT_COUNTRY", "DOCUMENT_EXPIRES",
]
HEADING_FIELD = {
    "ID": "KEY", "Family name": "FAMILY_NAME", "Given name": "GIVEN_NAME", "Category": "CATEGORY",
    "Date of birth": "DATE_OF_BIRTH", "Household": "HOUSEHOLD", "Relationship": "RELATIONSHIP",
    "Nationality": "NATIONALITY", "Citizenship": "CITIZENSHIP", "Intent": "INTENT", "Location": "LOCATION",
    "Last contact": "LAST_CONTACT", "Email": "EMAIL", "Email verified": "EMAIL_VERIFIED", "Phone": "PHONE",
    "Phone verified": "PHONE_VERIFIED", "Passport": "DOCUMENT_NUMBER", "Passport country": "DOCUMENT_COUNTRY",
    "Passport expiry": "DOCUMENT_EXPIRES",
}
STAGE_COLUMNS = [
    "row_number", "source_key", "household_key", "given_name", "family_name", "category", "category_com",
    "chief_of_mission", "emergency_staff", "nationality", "date_of_birth", "relationship", "unaccompanied_minor",
    "citizenship", "intent", "location", "last_contact_at", "tdy_arrival", "tdy_departure", "email",
    "email_verified", "phone", "phone_verified", "doc_kind", "doc_number", "doc_country", "doc_expires", "fields",
]

# Names: (Latin transliteration, Dari). Several transliterations of the same name on purpose.
AFGHAN_MALE = [
    ("Mohammad", "محمد"), ("Muhammad", "محمد"), ("Mohammed", "محمد"), ("Ahmad", "احمد"), ("Ahmed", "احمد"),
    ("Abdul", "عبدال"), ("Ali", "علی"), ("Hamid", "حمید"), ("Karim", "کریم"), ("Rahim", "رحیم"),
    ("Farid", "فرید"), ("Jawad", "جواد"), ("Naveed", "نوید"), ("Omid", "امید"), ("Sayed", "سید"),
    ("Mustafa", "مصطفی"), ("Yousuf", "یوسف"), ("Bilal", "بلال"), ("Hussain", "حسین"), ("Zabihullah", "ذبیح الله"),
    ("Habibullah", "حبیب الله"), ("Najibullah", "نجیب الله"), ("Shafiq", "شفیق"), ("Wahid", "وحید"),
    ("Javid", "جاوید"), ("Massoud", "مسعود"), ("Nasir", "ناصر"), ("Qasim", "قاسم"), ("Rashid", "رشید"),
    ("Samiullah", "سمیع الله"), ("Tariq", "طارق"), ("Zaher", "ظاهر"), ("Ismail", "اسماعیل"), ("Idris", "ادریس"),
]
AFGHAN_FEMALE = [
    ("Fatima", "فاطمه"), ("Fatema", "فاطمه"), ("Maryam", "مریم"), ("Zahra", "زهرا"), ("Khadija", "خدیجه"),
    ("Mariam", "مریم"), ("Nadia", "نادیه"), ("Parisa", "پریسا"), ("Roya", "رویا"), ("Sahar", "سحر"),
    ("Shabnam", "شبنم"), ("Soraya", "ثریا"), ("Tahmina", "تهمینه"), ("Wahida", "وحیده"), ("Yalda", "یلدا"),
    ("Zarghona", "زرغونه"), ("Farzana", "فرزانه"), ("Gulalai", "گلالی"), ("Hasina", "حسینه"), ("Laila", "لیلا"),
    ("Mahbooba", "محبوبه"), ("Nargis", "نرگس"), ("Freshta", "فرشته"), ("Homa", "هما"), ("Marzia", "مرضیه"),
    ("Nilofar", "نیلوفر"), ("Sima", "سیما"), ("Zainab", "زینب"),
]
AFGHAN_FAMILY = [
    ("Ahmadi", "احمدی"), ("Ahmadzai", "احمدزی"), ("Amiri", "امیری"), ("Azimi", "عظیمی"), ("Haidari", "حیدری"),
    ("Hakimi", "حکیمی"), ("Hashimi", "هاشمی"), ("Hussaini", "حسینی"), ("Jalali", "جلالی"), ("Karimi", "کریمی"),
    ("Mohammadi", "محمدی"), ("Muhammadi", "محمدی"), ("Noori", "نوری"), ("Nuri", "نوری"), ("Popal", "پوپل"),
    ("Qaderi", "قادری"), ("Rahimi", "رحیمی"), ("Rahmani", "رحمانی"), ("Rasuli", "رسولی"), ("Rezaei", "رضایی"),
    ("Sadat", "سادات"), ("Safi", "صافی"), ("Samadi", "صمدی"), ("Sharifi", "شریفی"), ("Stanikzai", "ستانکزی"),
    ("Sultani", "سلطانی"), ("Tajik", "تاجیک"), ("Wardak", "وردک"), ("Yousufzai", "یوسفزی"), ("Zaki", "ذکی"),
    ("Nazari", "نظری"), ("Mohseni", "محسنی"), ("Akbari", "اکبری"), ("Barakzai", "بارکزی"), ("Durrani", "درانی"),
    ("Ghani", "غنی"), ("Habibi", "حبیبی"), ("Kakar", "کاکړ"), ("Mangal", "منگل"), ("Osmani", "عثمانی"),
]
WESTERN_MALE = ["James", "John", "Michael", "David", "Robert", "William", "Daniel", "Matthew", "Christopher",
                "Andrew", "Joseph", "Thomas", "Brian", "Kevin", "Jason", "Ryan", "Eric", "Patrick", "Sean", "Mark"]
WESTERN_FEMALE = ["Mary", "Jennifer", "Elizabeth", "Sarah", "Emily", "Jessica", "Laura", "Rachel", "Anna",
                  "Katherine", "Megan", "Rebecca", "Amanda", "Emma", "Olivia", "Claire", "Julia", "Grace"]
WESTERN_FAMILY = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Rodriguez",
                  "Wilson", "Martinez", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee",
                  "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright",
                  "O'Brien", "O'Connor", "McCarthy", "Nguyen", "Kim", "Patel", "Schmidt", "Rossi", "Dubois"]
SOUTH_ASIAN_MALE = ["Rajesh", "Suresh", "Arjun", "Bikash", "Ramesh", "Sanjay", "Imran", "Bilal", "Rohan", "Anil"]
SOUTH_ASIAN_FEMALE = ["Priya", "Sunita", "Anjali", "Sita", "Kavita", "Ayesha", "Rekha", "Pooja"]
SOUTH_ASIAN_FAMILY = ["Sharma", "Gurung", "Thapa", "Khan", "Singh", "Kumar", "Rai", "Shrestha", "Qureshi", "Das"]
FILIPINO_MALE = ["Jose", "Mark Anthony", "John Paul", "Rodel", "Jerome", "Ramon"]
FILIPINO_FEMALE = ["Maria", "Kristine", "Jovelyn", "Mary Grace", "Rowena", "Analyn"]
FILIPINO_FAMILY = ["Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Garcia", "Mendoza", "Villanueva"]
EAST_AFRICAN_MALE = ["Peter", "Samuel", "Joseph", "Isaac", "Moses"]
EAST_AFRICAN_FEMALE = ["Grace", "Esther", "Ruth", "Mercy"]
EAST_AFRICAN_FAMILY = ["Ochieng", "Mwangi", "Okello", "Kamau", "Mugisha", "Njoroge"]

LOCATIONS = [
    "Embassy compound", "Wazir Akbar Khan", "Shahr-e Naw", "Karte Se", "Karte Char", "Microrayon",
    "Khair Khana", "Taimani", "Qala-e Fatullah", "Dasht-e Barchi", "Kabul, District 10", "Kabul, District 4",
    "Shar-e Now", "Green Zone", "Camp Alvarado", "Kabul airport (HKIA)", "Mazar-i-Sharif", "Herat", "Jalalabad",
    "Kandahar", "Bamyan", "Kunduz", "Ghazni", "Parwan", "Panjshir", "Logar", "Outside Afghanistan",
]


class Rng:
    """Deterministic helpers built on random.Random(seed).random() only."""

    def __init__(self, seed):
        import random
        self._r = random.Random(seed)

    def u(self):
        return self._r.random()

    def below(self, n):
        return min(int(self._r.random() * n), n - 1)

    def between(self, lo, hi):  # inclusive
        return lo + self.below(hi - lo + 1)

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def chance(self, p):
        return self._r.random() < p

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        x = self._r.random() * total
        for value, w in pairs:
            x -= w
            if x < 0:
                return value
        return pairs[-1][0]


# Household kinds: weight, how sizes are drawn (min, max), categories of head / spouse / children /
# others, nationalities. Categories as lists write them.
KINDS = {
    "siv": dict(weight=30, sizes=[(1, 4), (2, 6), (3, 14), (4, 18), (5, 18), (6, 14), (7, 10), (8, 7), (9, 5), (10, 4)]),
    "amcit": dict(weight=21, sizes=[(1, 14), (2, 18), (3, 18), (4, 18), (5, 14), (6, 9), (7, 5), (8, 4)]),
    "les": dict(weight=15, sizes=[(1, 6), (2, 8), (3, 14), (4, 18), (5, 18), (6, 14), (7, 10), (8, 7), (9, 5)]),
    "usdh": dict(weight=4, sizes=[(1, 45), (2, 25), (3, 15), (4, 10), (5, 5)]),
    "psc": dict(weight=2, sizes=[(1, 60), (2, 20), (3, 12), (4, 8)]),
    "tdy": dict(weight=3, sizes=[(1, 100)]),
    "tcn": dict(weight=6, sizes=[(1, 80), (2, 12), (3, 8)]),
    "contractor": dict(weight=8, sizes=[(1, 35), (2, 15), (3, 15), (4, 15), (5, 12), (6, 8)]),
    "lpr": dict(weight=5, sizes=[(1, 8), (2, 14), (3, 18), (4, 20), (5, 18), (6, 12), (7, 10)]),
    "other": dict(weight=5, sizes=[(1, 40), (2, 25), (3, 15), (4, 12), (5, 8)]),
    "minors": dict(weight=0.4, sizes=[(1, 30), (2, 40), (3, 30)]),  # children on their own
}
KIND_WEIGHTS = [(k, v["weight"]) for k, v in KINDS.items()]
SINGLE_KINDS = {"tdy"}  # never grown when fixing the total


def household_sizes(rng, households, persons):
    kinds = [rng.weighted(KIND_WEIGHTS) for _ in range(households)]
    sizes = [rng.weighted(KINDS[k]["sizes"]) for k in kinds]
    growable = [i for i, k in enumerate(kinds) if k not in SINGLE_KINDS]
    total = sum(sizes)
    while total < persons:
        i = growable[rng.below(len(growable))]
        if sizes[i] < 14:
            sizes[i] += 1
            total += 1
    while total > persons:
        i = rng.below(households)
        if sizes[i] > 1:
            sizes[i] -= 1
            total -= 1
    return kinds, sizes


def birth(rng, age_lo, age_hi):
    """A date of birth for an age in [age_lo, age_hi] on AS_OF."""
    days = rng.between(age_lo * 365 + 1, age_hi * 365 + 364)
    return AS_OF - dt.timedelta(days=days)


def age_on(d):
    return AS_OF.year - d.year - ((AS_OF.month, AS_OF.day) < (d.month, d.day))


class Person:
    __slots__ = ("given", "family", "category", "dob", "relationship", "nationality", "male")

    def __init__(self, given, family, category, dob, relationship, nationality, male):
        self.given, self.family, self.category = given, family, category
        self.dob, self.relationship, self.nationality, self.male = dob, relationship, nationality, male


def name_from(rng, nationality, male, dari):
    if nationality == "AF":
        g = rng.pick(AFGHAN_MALE if male else AFGHAN_FEMALE)
        return g[1] if dari else g[0], g[0]
    if nationality in ("IN", "NP", "PK", "BD"):
        g = rng.pick(SOUTH_ASIAN_MALE if male else SOUTH_ASIAN_FEMALE)
    elif nationality == "PH":
        g = rng.pick(FILIPINO_MALE if male else FILIPINO_FEMALE)
    elif nationality in ("KE", "UG"):
        g = rng.pick(EAST_AFRICAN_MALE if male else EAST_AFRICAN_FEMALE)
    else:
        g = rng.pick(WESTERN_MALE if male else WESTERN_FEMALE)
    return g, g


def family_from(rng, nationality, dari):
    if nationality == "AF":
        f = rng.pick(AFGHAN_FAMILY)
        return f[1] if dari else f[0], f[0]
    if nationality in ("IN", "NP", "PK", "BD"):
        f = rng.pick(SOUTH_ASIAN_FAMILY)
    elif nationality == "PH":
        f = rng.pick(FILIPINO_FAMILY)
    elif nationality in ("KE", "UG"):
        f = rng.pick(EAST_AFRICAN_FAMILY)
    else:
        f = rng.pick(WESTERN_FAMILY)
    return f, f


def members(rng, kind, size):
    """The people of one household: (category, nationality, relationship, male, age range) each."""
    head_nat = {
        "siv": "AF", "les": "AF", "lpr": "AF", "minors": "AF",
        "amcit": "US" if rng.chance(0.35) else "AF",  # naturalised Afghans: nationality AF, category AmCit
        "usdh": "US", "psc": "US", "tdy": "US",
        "tcn": rng.weighted([("IN", 30), ("NP", 30), ("PH", 20), ("KE", 10), ("UG", 10)]),
        "contractor": rng.weighted([("US", 35), ("AF", 30), ("GB", 10), ("IN", 10), ("PH", 10), ("TR", 5)]),
        "other": rng.weighted([("GB", 25), ("CA", 15), ("DE", 12), ("AU", 10), ("FR", 8), ("NL", 8), ("NO", 7),
                               ("IT", 8), ("TR", 7)]),
    }[kind]
    head_cat = {
        "siv": "SIV", "amcit": "Private U.S. citizen", "les": "LES", "usdh": "USDH", "psc": "PSC",
        "tdy": "TDY", "tcn": "TCN", "contractor": "Contractor", "lpr": "LPR", "other": "Other", "minors": "SIV",
    }[kind]
    out = []
    male_head = rng.chance(0.8)
    if kind == "minors":
        for i in range(size):
            out.append((head_cat, "AF", "Head" if i == 0 else ("Brother" if rng.chance(0.5) else "Sister"),
                        rng.chance(0.5), (8, 17) if i else (14, 17)))
        return out
    out.append((head_cat, head_nat, "Head", male_head, (24, 64) if kind != "tdy" else (28, 60)))
    if size == 1:
        return out
    # spouse
    if kind == "amcit":
        sp_nat = "AF" if rng.chance(0.7) else "US"
        sp_cat = "Private U.S. citizen" if sp_nat == "US" else rng.weighted([("Immediate relative", 70), ("LPR", 30)])
    elif kind in ("usdh", "psc"):
        sp_nat = rng.weighted([("US", 70), ("PH", 8), ("DE", 6), ("GB", 6), ("AF", 10)])
        sp_cat = "EFM"
    elif kind == "les":
        sp_nat, sp_cat = "AF", "Other"
    elif kind == "lpr":
        sp_nat, sp_cat = "AF", rng.weighted([("LPR", 50), ("Other", 50)])
    elif kind == "contractor":
        sp_nat = head_nat if rng.chance(0.7) else "AF"
        sp_cat = "Other"
    elif kind == "tcn":
        sp_nat, sp_cat = head_nat, "Other"
    elif kind == "other":
        sp_nat = head_nat if rng.chance(0.6) else "AF"
        sp_cat = "Other"
    else:  # siv: derivatives carry the principal's category
        sp_nat, sp_cat = "AF", "SIV"
    if rng.chance(0.88):
        out.append((sp_cat, sp_nat, rng.pick(["Spouse", "Wife" if male_head else "Husband"]), not male_head, (20, 62)))
    else:
        out.append((sp_cat, sp_nat, rng.pick(["Brother", "Sister", "Relative"]), rng.chance(0.5), (16, 60)))
    # children, then a parent or another relative now and then
    for _ in range(size - 2):
        if rng.chance(0.08):
            p_male = rng.chance(0.4)
            out.append((sp_cat if kind != "amcit" else "Immediate relative", "AF" if head_nat in ("US", "AF") and kind != "usdh" else head_nat,
                        "Father" if p_male else "Mother", p_male, (62, 88)))
            continue
        if rng.chance(0.04):
            out.append((sp_cat, sp_nat, "Relative", rng.chance(0.5), (10, 40)))
            continue
        c_male = rng.chance(0.5)
        if kind == "amcit":
            c_cat, c_nat = "Private U.S. citizen", "US" if rng.chance(0.6) else "AF"
        elif kind in ("usdh", "psc"):
            c_cat, c_nat = "EFM", "US"
        elif kind == "lpr":
            c_cat, c_nat = rng.weighted([("LPR", 60), ("Private U.S. citizen", 40)]), "AF"
        elif kind in ("les", "contractor", "tcn", "other"):
            c_cat, c_nat = "Other", sp_nat
        else:
            c_cat, c_nat = "SIV", "AF"
        out.append((c_cat, c_nat, rng.pick(["Son", "Child"]) if c_male else rng.pick(["Daughter", "Child"]), c_male, (0, 24)))
    return out


def phone_for(rng, nationality):
    if nationality == "AF":
        return "+93 7%d %03d %04d" % (rng.below(10), rng.below(1000), rng.below(10000))
    if nationality == "US":
        return "+1 (%03d) 555-%04d" % (rng.between(201, 989), rng.below(10000))
    if nationality == "IN":
        return "+91 9%d%03d %05d" % (rng.below(10), rng.below(1000), rng.below(100000))
    if nationality == "NP":
        return "+977 98%08d" % rng.below(100000000)
    if nationality == "PH":
        return "+63 917 %03d %04d" % (rng.below(1000), rng.below(10000))
    return "+44 7700 %06d" % rng.below(1000000)


def ascii_slug(text):
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum())


def passport_number(rng, nationality):
    if nationality == "US":
        return "5%08d" % rng.below(100000000)
    if nationality == "AF":
        return "P%08d" % rng.below(100000000)
    return "%s%07d" % (nationality, rng.below(10000000))


def generate(persons, households, seed):
    """Yields (csv row, stage row) for every person, household by household."""
    if households < 1 or persons < households:
        raise SystemExit("need at least one person per household (persons >= households >= 1)")
    rng = Rng(seed)
    kinds, sizes = household_sizes(rng, households, persons)
    row_number = 1  # the heading is row 1
    person_no = 0
    for h, (kind, size) in enumerate(zip(kinds, sizes)):
        household_key = "HH-%06d" % (h + 1)
        location = rng.pick(LOCATIONS)
        intent = rng.weighted([("Leave", 55), ("Stay", 12), ("Undecided", 15), ("Unknown", 3), ("", 15)])
        last_contact = None
        if rng.chance(0.4):
            day = AS_OF - dt.timedelta(days=rng.below(60))
            last_contact = dt.datetime(day.year, day.month, day.day, rng.between(7, 21), rng.below(60))
        dari = rng.chance(1 / 6)
        house_phone = None
        specs = members(rng, kind, size)
        head_family = None
        head_dob = None
        for i, (cat, nat, rel, male, (age_lo, age_hi)) in enumerate(specs):
            person_no += 1
            row_number += 1
            given, given_latin = name_from(rng, nat, male, dari and nat == "AF")
            if i == 0 or (nat == specs[0][1] and rng.chance(0.85)) or head_family is None:
                family, family_latin = family_from(rng, nat, dari and nat == "AF")
                if i == 0:
                    head_family = (family, family_latin, nat)
                elif head_family[2] == nat:
                    family, family_latin = head_family[0], head_family[1]
            else:
                family, family_latin = family_from(rng, nat, dari and nat == "AF")
            if RELATIONSHIPS[rel] == "CHILD" and head_dob is not None:
                # born after the head turned 17, and not in the future
                oldest = min(age_hi, max(age_lo, age_on(head_dob) - 17))
                dob = birth(rng, age_lo, max(age_lo, oldest))
            else:
                dob = birth(rng, age_lo, age_hi)
            if i == 0:
                head_dob = dob
            age = age_on(dob)
            if nat == "US" or cat in ("Private U.S. citizen",):
                citizenship = rng.weighted([("Verified", 60), ("Claimed", 35), ("Unknown", 5)]) \
                    if cat == "Private U.S. citizen" else "Verified"
            else:
                citizenship = rng.weighted([("", 80), ("Not a citizen", 12), ("Unknown", 8)])
            email = email_verified = None
            if age >= 16 and rng.chance(0.38):
                email = "%s.%s%d@%s" % (ascii_slug(given_latin) or "x", ascii_slug(family_latin) or "x",
                                       rng.below(1000), rng.pick(["gmail.com", "yahoo.com", "outlook.com",
                                                                  "state.gov" if kind in ("usdh", "tdy") else "hotmail.com"]))
                if rng.chance(0.5):
                    email_verified = AS_OF - dt.timedelta(days=rng.below(400))
            phone = phone_verified = None
            if age >= 14 and rng.chance(0.9):
                phone = phone_for(rng, nat if nat in ("US", "AF", "IN", "NP", "PH") else "GB")
                if house_phone is None:
                    house_phone = phone
                if rng.chance(0.4):
                    phone_verified = AS_OF - dt.timedelta(days=rng.below(200))
            elif house_phone is not None and rng.chance(0.7):
                phone = house_phone  # a child listed with the household's number
            passport = passport_country = passport_expiry = None
            if rng.chance(0.1):
                passport = passport_number(rng, nat)
                passport_country = nat
                if rng.chance(0.85):
                    passport_expiry = AS_OF + dt.timedelta(days=rng.between(-400, 3600))
            values = {
                "ID": "REG-%07d" % person_no,
                "Family name": family,
                "Given name": given,
                "Category": cat,
                "Date of birth": dob.isoformat(),
                "Household": household_key,
                "Relationship": rel,
                "Nationality": nat,
                "Citizenship": citizenship,
                "Intent": intent,
                "Location": location,
                "Last contact": last_contact.strftime("%Y-%m-%dT%H:%M") if last_contact else "",
                "Email": email or "",
                "Email verified": email_verified.isoformat() if email_verified else "",
                "Phone": phone or "",
                "Phone verified": phone_verified.isoformat() if phone_verified else "",
                "Passport": passport or "",
                "Passport country": passport_country or "",
                "Passport expiry": passport_expiry.isoformat() if passport_expiry else "",
            }
            yield row_number, values, last_contact


def stage_row(row_number, v, last_contact, zone):
    """The row as ImportWriter copies it into import_stage (None: SQL null)."""
    code, com = CATEGORIES[v["Category"]]
    stated = {HEADING_FIELD[h] for h in HEADINGS if v[h] != ""}
    fields = "{" + ",".join(f for f in FIELD_ORDER if f in stated) + "}"
    last = None
    if last_contact is not None:
        last = last_contact.replace(tzinfo=zone).isoformat() if zone else last_contact.isoformat() + "+04:30"
    n = lambda x: x if x != "" else None  # noqa: E731
    return [
        row_number, v["ID"], v["Household"], v["Given name"], v["Family name"], code, "true" if com else "false",
        None, None, v["Nationality"], v["Date of birth"], RELATIONSHIPS[v["Relationship"]], None,
        CITIZENSHIP.get(v["Citizenship"]), INTENT.get(v["Intent"]), v["Location"], last, None, None,
        n(v["Email"]), n(v["Email verified"]), n(v["Phone"]), n(v["Phone verified"]),
        "PASSPORT" if v["Passport"] else None, n(v["Passport"]), n(v["Passport country"]),
        n(v["Passport expiry"]), fields,
    ]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--persons", type=int, default=150_000)
    ap.add_argument("--households", type=int, default=40_000)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--out", help="the list (CSV); default standard output")
    ap.add_argument("--stage", help="also write the rows as import_stage COPY input (CSV)")
    ap.add_argument("--time-zone", default="Asia/Kabul", help="the post's time zone (last-contact offsets)")
    args = ap.parse_args()
    zone = ZoneInfo(args.time_zone) if ZoneInfo else None
    out = open(args.out, "w", newline="", encoding="utf-8") if args.out else sys.stdout
    stage = open(args.stage, "w", newline="", encoding="utf-8") if args.stage else None
    try:
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(HEADINGS)
        sw = csv.writer(stage, lineterminator="\n") if stage else None
        households = set()
        count = 0
        for row_number, values, last_contact in generate(args.persons, args.households, args.seed):
            w.writerow([values[h] for h in HEADINGS])
            if sw:
                sw.writerow(["" if x is None else x for x in stage_row(row_number, values, last_contact, zone)])
            households.add(values["Household"])
            count += 1
        if count != args.persons or len(households) != args.households:
            raise SystemExit("generated %d persons in %d households, wanted %d in %d"
                             % (count, len(households), args.persons, args.households))
    finally:
        if args.out:
            out.close()
        if stage:
            stage.close()


if __name__ == "__main__":
    main()
