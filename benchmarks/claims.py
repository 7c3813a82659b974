"""Claim checker benchmark: throughput on a long corpus, and each seed checked in-process.

The corpus (≥ 5 MB) is generated here from varied sentence templates about NATO —
counts, lists, founding dates, accessions, tasks, spending, plus plain prose with no
claim — filled from the registry's own names and a seeded random generator, so every
run checks the same text and nothing is downloaded. Targets: ≥ 1 MB/s, and each seed
checked in under 100 ms. Beside the speed figures it prints the agreement on the development
corpus of real texts (see `corpus`).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import allied
from allied.claims import check_text

SEEDS = Path(__file__).parents[1] / "tests" / "claims" / "fixtures"
TARGET_BYTES = 5 * 1024 * 1024

_FRAMEWORKS = [
    "the Partnership for Peace", "the PfP", "the Mediterranean Dialogue", "the MD",
    "the Istanbul Cooperation Initiative", "the ICI", "the Euro-Atlantic Partnership Council",
    "partners across the globe", "the Alliance", "NATO",
]  # fmt: skip
_QUANTIFIERS = ["", "some ", "about ", "more than ", "nearly ", "over ", "at least "]
_TEMPLATES = [
    "{fw} now has {q}{n} members.",
    "NATO maintains a political dialogue with {q}{n} partner nations and several organisations.",
    "{fw} brings together {list}.",
    "Among {fw} are {list}, which take part in exercises every year.",
    "Launched in {year}, {fw} aims to reinforce dialogue and confidence-building.",
    "The {body} (created in {year}) meets at least twice a year.",
    "{actor} joined NATO in {year}, after years of reforms.",
    "In {year} with the accession of {list}, the Alliance grew again.",
    "{actor} is currently the most recent member ({year}).",
    "{actor} became NATO's {n}th member, after a long ratification process.",
    "In {year}, NATO had {q}{n} members and {fw} was growing.",
    "The ICI does not include {list}, although talks continue.",
    "According to the Strategic Concept, the Alliance has {n3} core tasks: collective defence, "
    "crisis management and cooperative security.",
    "Allies agreed to raise defence spending to {pct}% of GDP by {deadline}.",
    "The EU and NATO have since elaborated {ap} concrete action points in seven areas.",
    "Ministers discussed resilience, energy security and the protection of critical "
    "infrastructure at length in {city}.",
    "The meeting in {city} focused on practical cooperation, training and education, and "
    "on the interoperability of partner forces with those of the Allies.",
    "Civil emergency planning, defence-sector reform and the fight against terrorism remain "
    "central to the agenda, the communiqué said.",
    "{actor} hosted a seminar on women, peace and security, attended by officials from "
    "{actor2} and {actor3}.",
]
_BODIES = ["NATO-Ukraine Commission", "NATO-Georgia Commission", "NATO-Russia Council"]
_CITIES = ["Brussels", "Mons", "Naples", "Norfolk", "Bucharest", "Vilnius", "Madrid", "Rome"]


def build_corpus(registry: allied.Registry, size: int = TARGET_BYTES, seed: int = 5) -> str:
    """A text of at least `size` UTF-8 bytes in paragraphs of 3 to 7 sentences."""
    rng = random.Random(seed)
    names = sorted({registry.name(a.code) for a in registry.dataset.actors if a.kind == "state"})
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            template = rng.choice(_TEMPLATES)
            picked = rng.sample(names, rng.randint(2, 6))
            sentences.append(
                template.format(
                    fw=rng.choice(_FRAMEWORKS),
                    q=rng.choice(_QUANTIFIERS),
                    n=rng.randint(4, 45),
                    n3=rng.choice(["three", "3", "five"]),
                    list=", ".join(picked[:-1]) + " and " + picked[-1],
                    year=rng.randint(1949, 2024),
                    body=rng.choice(_BODIES),
                    actor=rng.choice(names),
                    actor2=rng.choice(names),
                    actor3=rng.choice(names),
                    pct=rng.choice(["2", "3.5", "5", "20"]),
                    deadline=rng.choice([2024, 2035]),
                    ap=rng.choice([42, 74, 32]),
                    city=rng.choice(_CITIES),
                )
            )
        paragraph = " ".join(s[0].upper() + s[1:] for s in sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def throughput(registry: allied.Registry, runs: int = 3) -> None:
    corpus = build_corpus(registry)
    size = len(corpus.encode("utf-8"))
    check_text("NATO now has 32 members.", registry=registry)  # build the vocabulary once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        report = check_text(corpus, as_of="2021-07-01", registry=registry)
        times.append(time.perf_counter() - start)
    median, best = statistics.median(times), min(times)
    rate = size / median / 1e6
    counts = {v: report.count(v) for v in ("supported", "outdated", "contradicted", "unverifiable")}
    print(f"   b. Throughput on a generated corpus of {size / 1e6:.2f} MB (median of {runs})")
    print(f"      {len(report.claims):,} claims in {median:.2f} s: {rate:.2f} MB/s "
          f"(best {size / best / 1e6:.2f} MB/s; target >= 1 MB/s: "
          f"{'met' if rate >= 1 else 'NOT met'})")  # fmt: skip
    print("      " + ", ".join(f"{n:,} {v}" for v, n in counts.items()))


def seeds(registry: allied.Registry) -> None:
    print("   a. Each seed checked in-process: median of 20, and the first (cold) check")
    for path, as_of in (
        (SEEDS / "fr-2013-partnerships.txt", None),
        (SEEDS / "be-2021-nato.txt", "2021-07-01"),
    ):
        data = path.read_bytes()
        times = []
        for _ in range(20):
            start = time.perf_counter()
            report = check_text(data, as_of=as_of, registry=registry)
            times.append(time.perf_counter() - start)
        ms, first = statistics.median(times) * 1000, times[0] * 1000
        verdict = "met" if first < 100 else "NOT met"
        print(f"      {path.name:<26} {len(report.claims):3d} claims  {ms:6.2f} ms "
              f"(first {first:.1f} ms; target < 100 ms: {verdict})")  # fmt: skip


def corpus() -> None:
    """Agreement on the development corpus of real texts (../shared/claims-corpus), if present.

    Runs its own scorer (standard library only) against this checkout's `allied`; the
    folder can be moved with ALLIED_CLAIMS_CORPUS. Skipped, with a note, when it is absent.
    """
    root = Path(__file__).parents[1]
    folder = Path(os.environ.get("ALLIED_CLAIMS_CORPUS", root.parent / "shared" / "claims-corpus"))
    scorer = folder / "score.py"
    print(f"   c. Agreement on the real-text corpus ({folder})")
    if not scorer.is_file():
        print("      skipped: no corpus there (set ALLIED_CLAIMS_CORPUS)")
        return
    command = [sys.executable, str(scorer), "--allied", f"{sys.executable} -m allied"]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)
    lines = result.stdout.splitlines()
    wanted = [n for n in lines if n.startswith(("corpus:", "as-of detection", "false positives"))]
    kinds = lines[lines.index("agreement by kind:") + 1 :] if "agreement by kind:" in lines else []
    by_kind = []
    for line in kinds:
        if not line.startswith("  "):
            break
        name, score = line.split()[:2]
        by_kind.append(f"{name} {score}")
    if by_kind:
        print("      by kind: " + ", ".join(by_kind))
    for line in wanted or ["scorer gave no result: " + (result.stderr.strip()[-200:] or "?")]:
        print("      " + line)
    print(f"      ({time.perf_counter() - started:.1f} s; target: >= 90% agreement, "
          "<= 5% false positives, every trap respected)")  # fmt: skip


def main() -> None:
    """Run both measurements on a freshly loaded registry, so the first check starts cold."""
    registry = allied.Registry(allied.load_dataset())
    print("5. Claim checker (allied check)")
    seeds(registry)
    throughput(registry)
    corpus()


if __name__ == "__main__":
    main()
