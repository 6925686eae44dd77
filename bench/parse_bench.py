"""Parse benchmark: ``clean_text`` and ``parse_document`` on large texts of many shapes.

Generates texts of 1, 2, 4, 8 and 16 MiB (32 and 45 MiB with ``--large``) in each shape,
and times the cleaning and the parsing of each separately, each size in a process of its
own (so one slow size cannot hold up the others, and peak memory is that size's alone).
It prints seconds, MiB/s, peak memory (the growth of the process's resident set during
the step) and, from one size to the next, the ratio of the time per MiB (1.0 = linear).

    .venv/bin/python -m bench.parse_bench [--shapes minutes,items] [--sizes 1,2,4]
        [--large] [--timeout 120]

A step that runs past ``--timeout`` seconds is reported as such, and the shape's larger
sizes are skipped.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import multiprocessing
import random
import re
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path

from ingest.clean import clean_text
from ingest.draft import GlossaryEntry
from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from ingest.parse.themes import load_base_glossary

MIB = 1 << 20
ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
DEFAULT_SIZES = (1, 2, 4, 8, 16)
LARGE_SIZES = (32, 45)
# Length of each run of one character class in the adversarial shapes.
RUN_CHARS = 65_536

HEADER = (
    "OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR NORTHSHIRE\n"
    "PERFORMANCE MEETING\n\n"
    "Date: Thursday 4 March 2021\nTime: 10:00 – 12:30\nVenue: Force HQ, Dunmere\n"
    "Chair: Richard Halloran\nNotes: Tom Eckersley, Senior Policy Officer, OPCC\n\n"
)
TITLES = (
    "Matters arising", "Contact management", "Domestic abuse", "Finance and budget",
    "Neighbourhood policing", "Serious and organised crime", "Custody", "Workforce",
    "Road safety", "Violence against women and girls", "Stop and search", "Estates",
)  # fmt: skip
FIRST_NAMES = (
    "Anne", "Brian", "Claire", "David", "Emma", "Fiona", "Gareth", "Helen", "Ian", "Julia",
    "Karen", "Liam", "Mark", "Nadia", "Owen", "Paula", "Rhys", "Sarah", "Tom", "Vera",
)  # fmt: skip
SURNAMES = (
    "Ashworth", "Braddock", "Carver", "Dalton", "Eckersley", "Fairburn", "Gilmore", "Halloran",
    "Irwin", "Jessop", "Kendrick", "Lowe", "Mottram", "Norwood", "Oakley", "Pennington",
    "Quayle", "Radford", "Sefton", "Thornley", "Underwood", "Varley", "Whitlock", "Yardley",
)  # fmt: skip
CAPACITIES = (
    "Police and Crime Commissioner (PCC)", "Chief Constable (CC)", "Deputy Chief Constable",
    "Chief Executive, OPCC", "Chief Finance Officer (CFO)", "Senior Policy Officer (SPO)",
    "Superintendent, Head of Contact Management", "Staff Officer (SO)", "Policy Assistant",
)  # fmt: skip
OWNERS = ("CC", "DCC", "CFO", "JA and NM", "CEx", "GL", "PCC", "ACC")


def _material() -> list[str]:
    """The sample minutes and the shared seed document, in a fixed order."""
    paths = sorted((ROOT / "samples").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    return [path.read_text("utf-8") for path in paths]


def _sentences() -> list[str]:
    """Sentences of prose from the material (long enough to read as prose)."""
    found: list[str] = []
    for text in _material():
        for line in text.split("\n"):
            for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z])", line.strip()):
                if len(sentence.split()) >= 8 and sentence.endswith("."):
                    found.append(" ".join(sentence.split()))
    return found


def _fill(target: int, parts: Iterator[str], head: str = HEADER) -> str:
    """``head`` then pieces from ``parts`` until ``target`` characters are reached."""
    chunks = [head]
    size = len(head)
    for part in parts:
        chunks.append(part)
        size += len(part)
        if size >= target:
            break
    return "".join(chunks)


def minutes(target: int, rng: random.Random) -> str:
    """Real-looking minutes: the sample documents and the seed, one after another, again."""
    documents = _material()
    return _fill(target, (f"{text}\n\n" for text in itertools.cycle(documents)), head="")


def items(target: int, rng: random.Random) -> str:
    """Numbered agenda items (1. to 999., then again from 1.), with sub-items and prose."""
    sentences = _sentences()

    def parts() -> Iterator[str]:
        for number in itertools.cycle(range(1, 1000)):
            body = " ".join(rng.choice(sentences) for _ in range(2))
            yield f"{number}.\t{rng.choice(TITLES)}\n{body}\n"
            for sub in range(1, rng.randint(1, 3)):
                yield f"{number}.{sub}\t{rng.choice(TITLES)} update\n{rng.choice(sentences)}\n"

    return _fill(target, parts())


def one_line(target: int, rng: random.Random) -> str:
    """Real minutes with every line break and tab turned into a space: one enormous line
    (without the seed's stray Cyrillic and Greek tokens, which would make it an OCR overlay)."""
    return " ".join(word for word in minutes(target, rng).split() if word.isascii())


def short_lines(target: int, rng: random.Random) -> str:
    """Lines of one to three short words or figures."""
    words = ("the", "force", "noted", "PCC", "CC", "43%", "£2m", "and", "Action", "1.", "a", "-")

    def parts() -> Iterator[str]:
        while True:
            yield " ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) + "\n"

    return _fill(target, parts())


def tables(target: int, rng: random.Random) -> str:
    """Long tab-separated tables: an attendance table, an action log, tables of figures."""

    def parts() -> Iterator[str]:
        yield "Name\tCapacity\n"
        for first, last in itertools.islice(itertools.product(FIRST_NAMES, SURNAMES), 60):
            yield f"{first} {last}\t{rng.choice(CAPACITIES)}\n"
        yield "\n1.\tAction log\nNo.\tAction\tOwner\tDue date\tStatus\n"
        for number in range(1, 2000):
            yield (
                f"{number}\tReport the {rng.choice(TITLES).lower()} figures to the board\t"
                f"{rng.choice(OWNERS)}\t{rng.randint(1, 28)}/0{rng.randint(1, 9)}/2021\t"
                f"{rng.choice(('Open', 'Completed', 'In progress'))}\n"
            )
        yield "\n2.\tPerformance tables\nMeasure\tQ1\tQ2\tQ3\tQ4\n"
        while True:
            yield (
                f"{rng.choice(TITLES)}\t{rng.randint(1, 99)}%\t{rng.randint(100, 9999)}\t"
                f"£{rng.randint(1, 90)}.{rng.randint(0, 9)}m\t{rng.randint(1, 99)}\n"
            )

    return _fill(target, parts())


def figures(target: int, rng: random.Random) -> str:
    """Prose dense with figures: percentages, money, counts and rates."""
    templates = (
        "The DCC said that {p}% of {n} cases had been closed, against a target of {q}%.",
        "The budget showed an overspend of £{m}m and savings of £{k},000 on overtime.",
        "There were {r} crimes per 1,000 population, and {n} victims were contacted.",
        "Attendance rose from {p}% to {q}% and {n} additional officers were recruited.",
    )

    def parts() -> Iterator[str]:
        yield "1.\tPerformance\n"
        while True:
            line = " ".join(
                rng.choice(templates).format(
                    p=rng.randint(1, 99),
                    q=rng.randint(1, 99),
                    n=f"{rng.randint(1, 9)},{rng.randint(100, 999)}",
                    m=f"{rng.randint(1, 9)}.{rng.randint(1, 9)}",
                    k=rng.randint(10, 999),
                    r=f"{rng.randint(1, 30)}.{rng.randint(0, 9)}",
                )
                for _ in range(4)
            )
            yield line + "\n"

    return _fill(target, parts())


def actions(target: int, rng: random.Random) -> str:
    """Numbered "Action N:" lines with owners, due dates and updates, under items."""
    sentences = _sentences()

    def parts() -> Iterator[str]:
        number = 0
        for item in itertools.cycle(range(1, 1000)):
            yield f"{item}.\t{rng.choice(TITLES)}\n{rng.choice(sentences)}\n"
            for _ in range(3):
                number += 1
                yield (
                    f"Action {number}: {rng.choice(OWNERS)} to report the "
                    f"{rng.choice(TITLES).lower()} figures by {rng.randint(1, 28)} June 2021.\n"
                )
                if rng.random() < 0.3:
                    yield "Update: completed.\n"

    return _fill(target, parts())


def attendance(target: int, rng: random.Random) -> str:
    """Attendance at length: a "Present:" list, then one name and capacity per line."""
    names = [f"{first} {last}" for last, first in itertools.product(SURNAMES, FIRST_NAMES)]

    def parts() -> Iterator[str]:
        yield "Present: " + ", ".join(f"{name} ({rng.choice(OWNERS)})" for name in names[:40])
        yield "\nIn attendance:\n"
        for round_ in itertools.count():
            for name in names:
                yield f"{name}{'' if round_ == 0 else f' {round_}'}, {rng.choice(CAPACITIES)}\n"

    return _fill(target, parts())


def layered(target: int, rng: random.Random) -> str:
    """Paragraphs each followed by overlapping copies cut mid-word, under numbered items."""
    sentences = _sentences()

    def parts() -> Iterator[str]:
        for number in itertools.cycle(range(1, 1000)):
            paragraph = " ".join(rng.sample(sentences, 6))
            length = len(paragraph)
            cuts = sorted(rng.sample(range(length // 5, 4 * length // 5), 4))
            rows = [paragraph[: cuts[1]], paragraph[cuts[0] : cuts[3]], paragraph[cuts[2] :]]
            copies = "\n".join(row.strip() for row in rows)
            yield f"{number}.\t{rng.choice(TITLES)}\n{copies}\n{rng.choice(sentences)}\n"

    return _fill(target, parts())


def _runs(run: Callable[[random.Random], str]) -> Callable[[int, random.Random], str]:
    """An adversarial shape: one line of runs of ``RUN_CHARS`` characters, each followed
    by a short sentence with figures."""

    def shape(target: int, rng: random.Random) -> str:
        def parts() -> Iterator[str]:
            yield "1.\tPerformance\n"
            while True:
                yield run(rng) + " cases rose to 43% of 1,200 at £2.4m. "

        return _fill(target, parts())

    shape.__doc__ = run.__doc__
    return shape


@_runs
def spaces(rng: random.Random) -> str:
    """Runs of spaces (and a tab now and then) between words."""
    return "The force" + " " * RUN_CHARS + "\t" + " " * 100 + "noted"


@_runs
def digits(rng: random.Random) -> str:
    """Runs of digits."""
    return "".join(rng.choice("0123456789") for _ in range(RUN_CHARS))


@_runs
def punctuation(rng: random.Random) -> str:
    """Runs of punctuation."""
    return "".join(rng.choice(".,;:!?-–()'\"%£/") for _ in range(RUN_CHARS))


@_runs
def capitals(rng: random.Random) -> str:
    """Runs of capital letters, with and without spaces between them."""
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(RUN_CHARS // 2))
    words = " ".join(letters[i : i + rng.randint(1, 6)] for i in range(0, RUN_CHARS // 2, 6))
    return letters + " " + words


@_runs
def dotted(rng: random.Random) -> str:
    """Runs of "1.1.1.1..." (paragraph numbers without end)."""
    return "1." * (RUN_CHARS // 2)


SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "minutes": minutes,
    "items": items,
    "one-line": one_line,
    "short-lines": short_lines,
    "tables": tables,
    "figures": figures,
    "actions": actions,
    "attendance": attendance,
    "layered": layered,
    "spaces": spaces,
    "digits": digits,
    "punctuation": punctuation,
    "capitals": capitals,
    "dotted": dotted,
}


def make_text(shape: str, size: int, seed: int = 7) -> str:
    """The text of ``shape`` with at least ``size`` characters (the same for the same seed)."""
    return SHAPES[shape](size, random.Random(f"{shape}-{seed}"))


# --- measuring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One timed step: ``seconds`` is None when it ran past the timeout."""

    shape: str
    mib: float
    step: str
    seconds: float | None
    peak_mib: float | None = None
    note: str = ""


def _resident_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / MIB


def _peak_mib() -> float:
    """The resident set's high-water mark (VmHWM), reset by ``_reset_peak``."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass


def _measure(step: Callable[[], object]) -> tuple[float, float, object]:
    gc.collect()
    _reset_peak()
    before = _resident_mib()
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    return seconds, max(0.0, _peak_mib() - before), result


def _clean(text: str) -> str:
    return clean_text(text).text


def _parse(text: str, glossary: list[GlossaryEntry]) -> str:
    try:
        draft = parse_document(text, glossary=glossary, file_name="bench.txt")
    except (NotMinutesError, ValueError) as exc:
        return f"{type(exc).__name__}: {str(exc)[:60]}"
    return f"{len(draft.items)} items, {len(draft.actions)} actions, {len(draft.metrics)} metrics"


def _run_size(shape: str, size_mib: int, pipe: Connection) -> None:
    """In a child process: make the text, clean it, parse it; send each step's figures."""
    text = make_text(shape, size_mib * MIB)
    mib = len(text.encode("utf-8")) / MIB
    glossary = load_base_glossary()
    seconds, peak, cleaned = _measure(partial(_clean, text))
    pipe.send(Step(shape, mib, "clean", seconds, peak))
    del text
    seconds, peak, note = _measure(partial(_parse, str(cleaned), glossary))
    pipe.send(Step(shape, mib, "parse", seconds, peak, str(note)))
    pipe.close()


def measure_size(shape: str, size_mib: int, timeout: float) -> list[Step]:
    """Clean and parse one size of one shape in a fresh process, within ``timeout`` a step."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_run_size, args=(shape, size_mib, sender))
    process.start()
    sender.close()
    steps: list[Step] = []
    for step in ("clean", "parse"):
        # The text is made before cleaning starts: allow for it on the first step.
        allowed = timeout + (30 + 4 * size_mib if step == "clean" else 0)
        if not receiver.poll(allowed):
            steps.append(Step(shape, size_mib, step, None, note=f"over {timeout:.0f}s"))
            break
        steps.append(receiver.recv())
    process.kill()
    process.join()
    return steps


# --- reporting -------------------------------------------------------------------------------


def _row(step: Step, previous: Step | None) -> str:
    if step.seconds is None:
        return f"{step.shape:<12} {step.step:<6} {step.mib:>7.1f}  {'timeout':>8}  {step.note}"
    rate = step.mib / step.seconds if step.seconds else float("inf")
    ratio = "-"
    if previous is not None and previous.seconds:
        per_mib = step.seconds / step.mib
        previous_per_mib = previous.seconds / previous.mib
        ratio = f"{per_mib / previous_per_mib:.2f}"
    return (
        f"{step.shape:<12} {step.step:<6} {step.mib:>7.1f} {step.seconds:>9.2f} {rate:>8.2f} "
        f"{step.peak_mib or 0:>9.0f} {ratio:>8}  {step.note}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--sizes", default=None, help="comma-separated sizes in MiB")
    parser.add_argument("--large", action="store_true", help="add 32 and 45 MiB")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed a step")
    args = parser.parse_args(argv)
    shapes = [name.strip() for name in args.shapes.split(",") if name.strip()]
    unknown = [name for name in shapes if name not in SHAPES]
    if unknown:
        parser.error(f"unknown shapes: {', '.join(unknown)} (known: {', '.join(SHAPES)})")
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(DEFAULT_SIZES)
    if args.large:
        sizes += [size for size in LARGE_SIZES if size not in sizes]

    print(
        f"{'shape':<12} {'step':<6} {'MiB':>7} {'seconds':>9} {'MiB/s':>8} {'peak MiB':>9} "
        f"{'ratio':>8}  result"
    )
    print("-" * 96)
    for shape in shapes:
        previous: dict[str, Step] = {}
        for size in sizes:
            steps = measure_size(shape, size, args.timeout)
            for step in steps:
                print(_row(step, previous.get(step.step)), flush=True)
                previous[step.step] = step
            if any(step.seconds is None for step in steps):
                print(f"{shape:<12} larger sizes skipped", flush=True)
                break
    print(
        "\nratio: time per MiB over that of the size before (1.00 = linear); "
        "peak MiB: growth of the resident set during the step"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
