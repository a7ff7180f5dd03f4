"""Speed of the suggest step against a large ledger: is matching interactive?

Builds a synthetic ledger of 10,000 KnownClaims across 200 topics (seeded, deterministic: each
topic has its own names and a domain's vocabulary, claims have realistic kinds, units, values,
dates and one to four attestations), plus the 66 seed claims so the article has true matches.
Then, for a ~20 KB article (the BBC live page from the seeds), times what the app does when a
source is added: ``suggest_topics`` over all its candidates, then ``matches`` for every
candidate. Candidates come from the real finder (``claims.finder.find``) when it exists, and
synthetic candidates (drawn from the ledger's claims, with noise) are timed as well.

    python -m bench.speed            # prints the timings; exit status 1 if over the budget
    python -m bench.speed --json
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from bench.common import day_of, find_in_source, known_claims, load_seeds, real_finder
from claims.finder import Candidate, Part
from claims.matching import ClaimIndex, KnownClaim
from claims.rules.values import DateValue, Precision, Qualifier, Quantity, TextValue, Value
from claims.rules.verdicts import Statement

BUDGET_SECONDS = 2.0
SEED = 20251002


def wordlist(text: str) -> list[str]:
    return text.split()


GENERAL = wordlist(
    """
said report figures government council officials statement review inquiry investigation
announced confirmed published spokesperson minister chief executive director board committee
decision plans public national local regional county city community residents service services
funding budget cost costs million spending cuts increase decrease rise fall record latest data
analysis official claims allegations response concerns warning criticism support pressure
change changes new former senior team staff members department agency office leaders leader
meeting talks agreement deal proposal vote approved rejected launched opened closed delayed
expected week month year years period since earlier later previous first second final total
number numbers people families children workers groups organisation organisations campaign
"""
)

DOMAINS = {
    "police": (
        "police officers constables sergeants force custody station arrests misconduct "
        "suspended dismissed watchdog commissioner complaints conduct patrol detectives crime "
        "victims investigation gross hearing disciplinary vetting misogyny racism footage"
    ),
    "health": (
        "hospital patients nurses doctors ward waiting lists trust beds surgery appointments "
        "ambulance emergency cancer treatment clinics vaccine outbreak infections deaths care "
        "staffing shortage consultants strike"
    ),
    "schools": (
        "school pupils teachers exams results headteacher academy ofsted classrooms grades "
        "students curriculum funding places admissions closures tuition university degrees "
        "inspection attendance"
    ),
    "transport": (
        "trains passengers railway line station services delays cancellations fares buses "
        "routes timetable track signalling operator franchise airport flights runway traffic "
        "road bridge tunnel"
    ),
    "housing": (
        "homes houses tenants landlord rent rents housing estate flats planning permission "
        "developers construction affordable social repairs damp mould evictions homeless "
        "shelters council"
    ),
    "finance": (
        "bank shares profits losses investors pension fund interest rates inflation prices "
        "market company chief executive bonus jobs redundancies payments fraud tax revenue "
        "debt bailout"
    ),
    "environment": (
        "river pollution sewage water company discharges beaches flooding emissions carbon "
        "climate wildlife trees forest species drought heatwave waste recycling plastic air "
        "quality"
    ),
    "courts": (
        "court trial jury judge sentence prison prisoners defendant guilty verdict appeal "
        "charges prosecution barrister evidence witnesses murder fraud inquest coroner "
        "custody bail"
    ),
    "elections": (
        "election voters votes ballot candidates party seats majority turnout polls campaign "
        "constituency councillors mayor leader referendum manifesto count recount results "
        "coalition"
    ),
    "sport": (
        "club players match season league goals manager stadium fans transfer contract "
        "championship cup final injury coach tournament points referee tickets"
    ),
}
UNITS = {
    "police": ["officers", "constables", "arrests", "complaints", "people"],
    "health": ["patients", "beds", "nurses", "deaths", "weeks"],
    "schools": ["pupils", "teachers", "schools", "students", "per cent"],
    "transport": ["trains", "passengers", "minutes", "services", "miles"],
    "housing": ["homes", "tenants", "families", "pounds", "per cent"],
    "finance": ["pounds", "jobs", "per cent", "shares", "investors"],
    "environment": ["tonnes", "hours", "beaches", "trees", "per cent"],
    "courts": ["years", "months", "defendants", "prisoners", "charges"],
    "elections": ["votes", "seats", "per cent", "candidates", "councillors"],
    "sport": ["goals", "points", "pounds", "fans", "players"],
}
STATUSES = ["disbanded", "resigned", "suspended", "closed", "reopened", "approved", "rejected"]
OUTLETS = [
    "BBC News", "The Guardian", "The Times", "The Independent", "ITV News", "Sky News",
    "Financial Times", "The Telegraph", "Reuters", "Associated Press", "Evening Standard",
    "Daily Mail", "The Observer", "Channel 4 News", "The i", "Metro", "PA Media",
]  # fmt: skip
KINDS = ["quantity"] * 9 + ["date"] * 4 + ["status"] * 2 + ["quote"] * 2 + ["event"] * 2 + ["other"]
SYLLABLES = (
    "ar bel cor dan el fen gar hol is jor kel lan mor nes or pel quin ros sel tor ul ven wes"
)


def pseudo_name(rng: random.Random) -> str:
    syllables = SYLLABLES.split()
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()


def random_number(rng: random.Random) -> Quantity:
    if rng.random() < 0.45:
        number = Decimal(rng.randint(1, 20))
    else:
        number = Decimal(round(10 ** rng.uniform(1, 6)))
    qualifier = rng.choices(list(Qualifier), weights=[8, 2, 1, 1])[0]
    return Quantity(number, qualifier)


def random_date(rng: random.Random, around: date) -> DateValue:
    day = around - timedelta(days=rng.randint(0, 900))
    precision = rng.choice(list(Precision))
    start = {
        Precision.YEAR: date(day.year, 1, 1),
        Precision.MONTH: date(day.year, day.month, 1),
        Precision.DAY: day,
    }[precision]
    if precision == Precision.YEAR and rng.random() < 0.2:
        return DateValue(start, precision, date(day.year + rng.randint(1, 3), 1, 1))
    return DateValue(start, precision)


def sentence(
    rng: random.Random, subject: list[str], domain: list[str], names: list[str], n: int
) -> str:
    """Subject words, n words of the domain's and the news's vocabulary and two names."""
    words = subject + rng.sample(domain + GENERAL, n) + rng.sample(names, 2)
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def synthetic_ledger(
    rng: random.Random, topics: int = 200, per_topic: int = 50
) -> list[KnownClaim]:
    claims = []
    for t in range(topics):
        domain = rng.choice(list(DOMAINS))
        domain_words = DOMAINS[domain].split()
        names = [pseudo_name(rng) for _ in range(12)]
        year_end = date(rng.randint(2012, 2025), rng.randint(1, 12), rng.randint(1, 28))
        topic = f"{names[0].lower()}-{domain}-{t:03d}"
        for c in range(per_topic):
            kind = rng.choice(KINDS)
            unit = rng.choice(UNITS[domain]) if kind == "quantity" else ""
            subject_words = rng.sample(domain_words, 2) + ([unit] if unit else [])
            subject = " ".join(subject_words)

            statement = sentence(rng, subject_words, domain_words, names, rng.randint(5, 9))
            changes = kind == "quantity" and rng.random() < 0.5
            base: Value | None
            if kind == "quantity":
                base = random_number(rng)
            elif kind == "date":
                base = random_date(rng, year_end)
            elif kind == "status" or (kind == "quote" and rng.random() < 0.5):
                base = TextValue(rng.choice(STATUSES))
            else:
                base = None
            statements = []
            quotes = []
            for _ in range(rng.choices([1, 2, 3, 4], weights=[5, 3, 1, 1])[0]):
                published = year_end - timedelta(days=rng.randint(0, 700))
                value = base
                if changes and isinstance(base, Quantity) and rng.random() < 0.3:
                    value = Quantity(base.number + rng.randint(1, 5))
                statements.append(
                    Statement(
                        source=f"s{rng.randint(0, 10**9)}",
                        outlet=rng.choice(OUTLETS),
                        published=published,
                        as_of=published,
                        value=value,
                    )
                )
                quote = sentence(rng, subject_words, domain_words, names, rng.randint(4, 10))
                quotes.append(quote.rstrip("."))
            claims.append(
                KnownClaim(
                    key=f"{topic}-{c:02d}",
                    topic=topic,
                    statement=statement,
                    kind=kind,
                    subject=subject,
                    unit=unit,
                    changes_over_time=changes,
                    statements=tuple(statements),
                    quotes=tuple(quotes),
                )
            )
    return claims


def synthetic_candidates(
    rng: random.Random, ledger: Sequence[KnownClaim], count: int = 120
) -> list[Candidate]:
    """Candidates as an article about one topic would give: most restate (or update) that
    topic's claims in other words, the rest are noise with common values."""
    topic = rng.choice(sorted({c.topic for c in ledger}))
    own = [c for c in ledger if c.topic == topic]
    candidates = []
    offset = 0
    for n in range(count):
        if n % 5 < 3 and own:
            claim = rng.choice(own)
            words = claim.statement.rstrip(".").split() + rng.sample(GENERAL, 8)
            rng.shuffle(words)
            value = claim.statements[0].value
            if isinstance(value, Quantity) and rng.random() < 0.2:
                value = Quantity(value.number + 3)
            kind, unit = claim.kind, claim.unit
        else:
            words = rng.sample(GENERAL, 14) + rng.sample(DOMAINS["police"].split(), 4)
            value, kind, unit = random_number(rng), "quantity", rng.choice(UNITS["police"])
        quote = " ".join(words[:6])
        parts: tuple[Part, ...] = ()
        if isinstance(value, Quantity) and rng.random() < 0.1:
            parts = (Part(value.number - 1, unit), Part(Decimal(1), "staff"))
        candidates.append(
            Candidate(
                start=offset,
                end=offset + len(quote),
                quote=quote,
                sentence_start=offset,
                sentence_end=offset + len(" ".join(words)),
                kind=kind,
                value=value,
                unit=unit,
                parts=parts,
                words=tuple(w.lower() for w in words),
            )
        )
        offset += 200
    return candidates


def time_suggest_step(
    index: ClaimIndex, candidates: Sequence[Candidate], *, published: date, topics: bool = True
) -> dict[str, float]:
    """suggest_topics, then matches for every candidate within the first suggested topic (or,
    with ``topics=False``, with no topic given: the widest prefilter)."""
    started = time.perf_counter()
    suggested = index.suggest_topics(candidates, published=published)
    topics_done = time.perf_counter()
    chosen = [topic for topic, _ in suggested[:1]] if topics else []
    each = []
    for candidate in candidates:
        t0 = time.perf_counter()
        index.matches(
            candidate, source="bench", outlet="Bench News", published=published, topics=chosen
        )
        each.append(time.perf_counter() - t0)
    total = time.perf_counter() - started
    return {
        "candidates": len(candidates),
        "suggest_topics_s": round(topics_done - started, 3),
        "matches_s": round(sum(each), 3),
        "total_s": round(total, 3),
        "per_candidate_ms": round(1000 * statistics.mean(each), 2) if each else 0.0,
        "slowest_candidate_ms": round(1000 * max(each), 2) if each else 0.0,
    }


FINDER_BUDGET_SECONDS = 30.0  # for a 200 KB text
FINDER_SIZES_KB = (20, 50, 100, 200)


def finder_scaling(finder: object) -> dict[str, dict[int, float]]:
    """find_claims on texts of growing size made of the corpus's tuning reports, as written (many
    paragraphs) and run together as one paragraph: the time should grow linearly."""
    from bench.stories import load_corpus

    reports = [r.text for s in load_corpus(split="tuning") for r in s.reports]
    body = "\n\n".join(reports)
    shapes = {"many paragraphs": body, "one paragraph": " ".join(body.split())}
    timings: dict[str, dict[int, float]] = {}
    for shape, unit in shapes.items():
        timings[shape] = {}
        for size in FINDER_SIZES_KB:
            text = (unit + "\n\n") * (size * 1024 // len(unit) + 1)
            text = text[: size * 1024]
            t0 = time.perf_counter()
            finder(text, published=date(2025, 1, 1))  # type: ignore[operator]
            timings[shape][size] = round(time.perf_counter() - t0, 2)
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Speed of claim matching on a large ledger")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--claims", type=int, default=10_000, help="synthetic ledger size")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    dataset = load_seeds()
    per_topic = 50
    ledger = synthetic_ledger(rng, topics=max(1, args.claims // per_topic), per_topic=per_topic)
    ledger += known_claims(dataset)
    started = time.perf_counter()
    index = ClaimIndex(ledger)
    build = time.perf_counter() - started

    article = next(s for s in dataset.sources if s.slug == "bbc-live-2025-10-02")
    published = day_of(article.published)
    runs: dict[str, dict[str, float]] = {}
    finder = real_finder()
    if finder is not None:
        t0 = time.perf_counter()
        found = find_in_source(finder, article)
        finding = time.perf_counter() - t0
        runs["real finder, BBC live page"] = time_suggest_step(index, found, published=published)
        runs["real finder, BBC live page"]["find_claims_s"] = round(finding, 3)
        # End to end, as suggest_claims runs it: find, then topics and matches, index warm.
        runs["real finder, BBC live page"]["total_s"] = round(
            runs["real finder, BBC live page"]["total_s"] + finding, 3
        )
    synthetic = synthetic_candidates(rng, ledger)
    runs["synthetic candidates"] = time_suggest_step(index, synthetic, published=published)
    runs["synthetic candidates, no topic given"] = time_suggest_step(
        index, synthetic, published=published, topics=False
    )
    figures = {
        "claims": len(ledger),
        "topics": len({c.topic for c in ledger}),
        "article_chars": len(article.text),
        "index_build_s": round(build, 3),
        "runs": runs,
        "budget_s": BUDGET_SECONDS,
        "finder": "real" if finder is not None else "absent (synthetic candidates only)",
    }
    over = [name for name, run in runs.items() if run["total_s"] > BUDGET_SECONDS]
    scaling = finder_scaling(finder) if finder is not None else {}
    figures["finder_seconds_by_kb"] = scaling
    over += [
        f"finder on {FINDER_SIZES_KB[-1]} KB ({shape})"
        for shape, timings in scaling.items()
        if timings[FINDER_SIZES_KB[-1]] > FINDER_BUDGET_SECONDS
    ]
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(
            f"ledger: {figures['claims']} claims in {figures['topics']} topics; "
            f"index built in {figures['index_build_s']} s; finder: {figures['finder']}"
        )
        for name, run in runs.items():
            extra = (
                f", of which find_claims {run['find_claims_s']} s (end to end)"
                if "find_claims_s" in run
                else ""
            )
            print(
                f"{name}: {run['candidates']} candidates — suggest_topics "
                f"{run['suggest_topics_s']} s, matches {run['matches_s']} s, total "
                f"{run['total_s']} s (budget {BUDGET_SECONDS} s){extra}; per candidate "
                f"{run['per_candidate_ms']} ms, slowest {run['slowest_candidate_ms']} ms"
            )
        for shape, timings in scaling.items():
            cells = ", ".join(f"{kb} KB {s} s" for kb, s in timings.items())
            print(f"find_claims, {shape}: {cells} (budget {FINDER_BUDGET_SECONDS} s at 200 KB)")
        print("OVER BUDGET: " + ", ".join(over) if over else "within budget")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
