"""Cleaning benchmark: distinct content the cleaner loses, and duplicates it leaves in.

    .venv/bin/python -m bench.cleaning_bench [--meetings 10000] [--seed 7] [--show 25]
        [--files PATH ...] [--workers 2]

The cleaner removes layered duplicates: copies of a passage left by text extraction. It
must remove those and nothing else. This runs ``clean_text`` over the synthetic corpus
(``--meetings`` generated items, as ``bench.ingest_bench`` writes them: plain text, none
of it layered) and over every file of samples/, tests/data/ (its layouts/ folder
included) and tests/data/real-layouts/ (or the files and folders given with
``--files``), and reports:

* **distinct content lost**: the sentences of the input that occur nowhere in the output.
  The input is read as the reader gives it, cut into cells (lines, tab-separated parts)
  and each cell into sentences; a sentence is lost when its letters, digits and figure
  signs (spaces, punctuation and line breaks ignored, so rejoined lines and hyphenated
  words still match) are not a run of the output's. A sentence copied elsewhere in the
  input is not lost when one copy remains. Web markup stored as text is read as its
  text (``markup_as_text``: tags are no content), and a line in another script the
  cleaner keeps whole is compared whole. Each lost sentence is named with the cause
  the cleaner's removal record gives for the text at its place (a layered copy, a
  spliced sentence, an overlay line, page furniture ...), and counted as holding
  figures when it has a digit;
* **duplicates left in**: sentences of at least ``DUPLICATE_MIN_WORDS`` words that occur
  twice or more in the output, whole or inside a longer sentence, in the documents known
  to be layered (``LAYERED``) and, for information, in the others (where minutes may
  repeat a sentence on purpose).

It prints figures and lists; it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import (
    FORMATS,
    MONTHS,
    TEXT_STYLES,
    GeneratedMeeting,
    Para,
    format_for,
    iter_meetings,
    render_text,
)
from ingest.clean import CleanedText, RemovalKind, clean_text
from ingest.clean.markup import ENTITY as _ENTITY
from ingest.clean.markup import decode_entities, is_block_tag, is_markup
from ingest.clean.scripts import remove_stray_script
from ingest.read import read_bytes, read_document

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (
    ROOT / "samples",
    ROOT / "tests" / "data",
    ROOT / "tests" / "data" / "layouts",
    ROOT / "tests" / "data" / "real-layouts",
)
SUFFIXES = {".txt", ".md", ".pdf", ".docx"}
NOT_DOCUMENTS = {"README.md"}
# Documents whose text holds layered copies: the seed and a sample built from it, and the
# real layouts whose notes say the extraction holds a second copy of the text.
LAYERED = frozenset(
    {
        "monthly-assurance-2021-02.txt",
        "northshire-performance-2020-03.txt",
        "cambridgeshire-police-and-crime-panel-2018-09.txt",
        "durham-police-and-crime-panel-2021-09.txt",
        "greater-manchester-joint-audit-panel-2019-07.txt",
        "northern-ireland-policing-board-2020-02.txt",
        "northern-ireland-policing-board-resources-committee-2020-11.txt",
    }
)
DUPLICATE_MIN_WORDS = 6
# Near duplicates: the share of paragraphs followed by a variant, and the variants.
VARIANT_SHARE = 0.35
VARIANTS = ("figures", "names", "dates", "negation", "one sentence")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][A-Za-z]*")
_AUXILIARY = re.compile(r"\b(was|were|had|has|have|is|are|would|could|will|should)\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_FOOTER = re.compile(r"^.* OPCC \| .* \| OFFICIAL$", re.MULTILINE)

# A sentence ends at . ? or ! (perhaps closed by quotes or brackets) before a word that
# starts like a sentence.
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_LINE_BREAK = re.compile(r"\r\n?|[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# What is compared: letters, digits and the signs of figures; the point, comma or colon
# inside a number ("55.1", "1,200", "10:30") stays, so 55.1% and 5.51% differ.
_KEPT = re.compile(r"[^\W_]+|[%£$€]|(?<=\d)[.,:](?=\d)")
_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"[£$€]?\d[\d,]*(?:\.\d+)?%?")
_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")
# Removals the cleaner makes by design: what a page or an OCR layer adds to the text.
BY_DESIGN = frozenset(
    (
        RemovalKind.PAGE_NUMBER,
        RemovalKind.RUNNING_HEADER,
        RemovalKind.OVERLAY,
        RemovalKind.STRAY_TOKEN,
    )
)


def comparable(text: str) -> str:
    """Letters (case-folded), digits and figure signs of ``text``, nothing between them."""
    return "".join(_KEPT.findall(unicodedata.normalize("NFKC", text).casefold()))


def _vary(sentence: str, kind: str, rng: random.Random, names: Sequence[str]) -> str:
    """The sentence with its figures, names, dates or negation changed (as far as it has
    them): the same words saying something else."""
    if kind == "figures":
        return _NUMBER.sub(
            lambda m: str(int(m.group().replace(",", "").split(".")[0]) + rng.randint(1, 9)),
            sentence,
        )
    if kind == "names":
        return _CAPITALISED.sub(
            lambda m: rng.choice([n for n in names if n != m.group()] or [m.group()]), sentence
        )
    if kind == "dates":
        varied = _MONTH.sub(
            lambda m: MONTHS[(MONTHS.index(m.group()) + rng.randint(1, 11)) % 12], sentence
        )
        return re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group()) - 1), varied)
    if " not " in sentence:
        return sentence.replace(" not ", " ", 1)
    return _AUXILIARY.sub(lambda m: f"{m.group()} not", sentence, count=1)


def near_duplicates(meeting: GeneratedMeeting, rng: random.Random) -> str:
    """The meeting's text with, after some paragraphs, a variant of the paragraph: every
    sentence (or, for "one sentence", one of them) with other figures, names, dates or a
    negation added or taken away. Minutes repeat their phrasing so; nothing is layered."""
    names = sorted({m.group() for m in _CAPITALISED.finditer(meeting.text)}) or ["PCC"]
    blocks = []
    for block in meeting.blocks:
        blocks.append(block)
        if not isinstance(block, Para) or rng.random() >= VARIANT_SHARE:
            continue
        sentences = _SENTENCE_BREAK.split(block.text)
        kind = rng.choice(VARIANTS)
        if kind == "one sentence":
            chosen = rng.randrange(len(sentences))
            detail = rng.choice(VARIANTS[:4])
            varied = [
                _vary(s, detail, rng, names) if i == chosen else s for i, s in enumerate(sentences)
            ]
        else:
            varied = [_vary(s, kind, rng, names) for s in sentences]
        text = " ".join(varied)
        if text != block.text:
            blocks.append(Para(text))
    style = TEXT_STYLES[meeting.style]
    footer = _FOOTER.search(meeting.text) if style.footer else None
    return render_text(blocks, style, footer=footer.group() if footer else None)


@dataclass(frozen=True)
class Sentence:
    """A sentence (or the part of one a cell holds), where it starts in the input, and the
    cell as the input gives it."""

    text: str
    start: int
    cell: str


def input_sentences(raw: str) -> Iterator[Sentence]:
    """The sentences of each cell of the input, in reading order.

    Letters of other scripts are treated as the cleaner's script step treats them (stray
    tokens gone, look-alike letters repaired): that step is tested on its own. A cell the
    step leaves whole (a line in another language) is kept whole (see ``lost_sentences``).
    """
    position = 0
    for line in _LINE_BREAK.split(raw):
        cell_start = position
        for cell in line.split("\t"):
            text = cell if cell.isascii() else remove_stray_script(cell).text
            offset = 0
            for piece in _SENTENCE_BREAK.split(text):
                stripped = piece.strip()
                if stripped:
                    found = text.find(stripped, offset)
                    offset = max(found, offset)
                    yield Sentence(stripped, cell_start + min(offset, len(cell)), cell)
                    offset += len(stripped)
            cell_start += len(cell) + 1
        position += len(line) + 1
        # Keep positions exact across two-character breaks ("\r\n").
        if raw.startswith("\r\n", position - 1):
            position += 1


@dataclass(frozen=True)
class Lost:
    """A sentence of the input found nowhere in the output, and why it was removed."""

    text: str
    start: int
    cause: str


@dataclass
class DocumentResult:
    name: str
    layered: bool
    seconds: float
    sentences: int
    lost: list[Lost] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    removals: int = 0
    error: str = ""


def _cause(cleaned: CleanedText, start: int) -> str:
    """The kind of the removal covering ``start`` of the input ("not recorded" if none)."""
    for removal in cleaned.removed:
        if removal.start <= start < max(removal.end, removal.start + 1):
            return removal.kind
    return "not recorded"


_TAG = re.compile(r"<\s*/?\s*[A-Za-z][\w:-]*(?:\s[^<>]{0,400})?/?\s*>")
_CELL_TAG = re.compile(r"<\s*t[dh]\b", re.IGNORECASE)


def _padded(replacement: str, length: int) -> str:
    return replacement + " " * (length - len(replacement))


def markup_as_text(raw: str) -> str:
    """Web markup stored as text (``is_markup``) read as the cleaner's markup step reads
    it, each tag and entity kept to its length so that positions stay those of the input:
    a block tag a line break (a cell's a tab), an inline tag spaces, an entity the
    character it names. Tags are no content, and that step is tested on its own."""
    if not is_markup(raw):
        return raw

    def tag(found: re.Match[str]) -> str:
        text = found.group()
        if _CELL_TAG.match(text):
            return _padded("\t", len(text))
        return _padded("\n" if is_block_tag(text) else "", len(text))

    text = _TAG.sub(tag, raw)
    return _ENTITY.sub(
        lambda found: _padded(decode_entities(found.group()), len(found.group())), text
    )


def lost_sentences(raw: str, cleaned: CleanedText) -> tuple[int, list[Lost]]:
    """How many sentences the input holds, and those the output holds nowhere (a marked-up
    input read as ``markup_as_text`` reads it)."""
    output = comparable(cleaned.text)
    count = 0
    lost: list[Lost] = []
    for sentence in input_sentences(markup_as_text(raw)):
        key = comparable(sentence.text)
        if not key:
            continue
        count += 1
        if key not in output and (
            sentence.cell.isascii() or comparable(sentence.cell) not in output
        ):
            text = " ".join(sentence.text.split())  # a tag's padding read as one space
            lost.append(Lost(text, sentence.start, _cause(cleaned, sentence.start)))
    return count, lost


def duplicates(text: str) -> list[tuple[str, int]]:
    """Sentences of the output found twice or more in it (whole or inside another)."""
    sentences = [
        piece.strip()
        for line in text.split("\n")
        for cell in line.split("\t")
        for piece in _SENTENCE_BREAK.split(cell)
        if len(_WORD.findall(piece)) >= DUPLICATE_MIN_WORDS
    ]
    keys = [comparable(sentence) for sentence in sentences]
    joined = "|".join(keys)
    found: list[tuple[str, int]] = []
    seen: set[str] = set()
    for sentence, key in zip(sentences, keys, strict=True):
        if key in seen:
            continue
        seen.add(key)
        copies = joined.count(key)
        if copies > 1:
            found.append((sentence, copies))
    return found


def check(name: str, raw: str, layered: bool) -> DocumentResult:
    started = time.perf_counter()
    cleaned = clean_text(raw)
    seconds = time.perf_counter() - started
    count, lost = lost_sentences(raw, cleaned)
    return DocumentResult(
        name,
        layered,
        seconds,
        count,
        lost,
        duplicates(cleaned.text),
        len(cleaned.removed),
    )


def _check_file(path: Path) -> DocumentResult:
    try:
        raw = read_document(path).text
    except Exception as exc:  # a file the reader refuses is reported, not fatal
        return DocumentResult(path.name, False, 0.0, 0, error=f"{type(exc).__name__}: {exc}")
    path = path.resolve()
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    return check(name, raw, path.name in LAYERED)


def _check_text(job: tuple[str, str]) -> DocumentResult:
    name, text = job
    return check(name, text, False)


def _check_meeting(job: tuple[str, bytes]) -> DocumentResult:
    """A generated file, read as ``ingest`` reads it."""
    name, data = job
    return check(name, read_bytes(name, data).text, False)


def files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        candidates = sorted(path.iterdir()) if path.is_dir() else [path]
        found.extend(
            candidate
            for candidate in candidates
            if candidate.is_file()
            and candidate.suffix in SUFFIXES
            and candidate.name not in NOT_DOCUMENTS
        )
    return found


def _distinct(lost: Iterable[Lost]) -> list[Lost]:
    """Lost sentences, each text once (a layered input may hold a garble twice)."""
    seen: set[str] = set()
    kept = []
    for item in lost:
        key = comparable(item.text)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def report(title: str, results: list[DocumentResult], show: int, *, corpus: bool) -> None:
    lost = [(result.name, item) for result in results for item in _distinct(result.lost)]
    content = [(name, item) for name, item in lost if item.cause not in BY_DESIGN]
    furniture = [(name, item) for name, item in lost if item.cause in BY_DESIGN]
    sentences = sum(result.sentences for result in results)
    seconds = sum(result.seconds for result in results)
    print(
        f"\n== {title}: {len(results):,} documents, {sentences:,} sentences, clean {seconds:.1f}s"
    )
    figures = [item for _, item in content if _DIGIT.search(item.text)]
    print(
        f"distinct content lost: {len(content)} sentences ({len(figures)} holding figures, "
        f"{sum(len(_FIGURE.findall(item.text)) for item in figures)} figures) "
        f"in {len({name for name, _ in content})} documents"
    )
    causes = Counter(item.cause for _, item in content)
    if causes:
        print("  by cause: " + ", ".join(f"{cause} {n}" for cause, n in causes.most_common()))
    for name, item in content[:show]:
        print(f"  - {name} @{item.start} [{item.cause}] {item.text[:160]!r}")
    if len(content) > show:
        print(f"  ... and {len(content) - show} more")
    texts = Counter(item.text for _, item in furniture)
    print(
        f"page furniture and OCR noise removed (not counted above): {len(furniture)} sentences "
        f"in {len({name for name, _ in furniture})} documents, {len(texts)} distinct texts"
    )
    kinds = Counter(item.cause for _, item in furniture)
    if kinds:
        print("  by cause: " + ", ".join(f"{cause} {n}" for cause, n in kinds.most_common()))
    if not corpus:
        for name, item in furniture[:show]:
            print(f"  - {name} @{item.start} [{item.cause}] {item.text[:100]!r}")
    else:
        shapes = Counter(_DIGITS.sub("#", text) for text in texts)
        for shape, count in shapes.most_common(min(show, 5)):
            print(f"  - {count} texts of the form {shape[:100]!r}")
    for result in results:
        if result.error:
            print(f"  ! {result.name}: {result.error}")
    if corpus:
        return
    for layered in (True, False):
        group = [result for result in results if result.layered == layered]
        dups = [(result.name, dup) for result in group for dup in result.duplicates]
        label = "layered documents" if layered else "other documents (for information)"
        extra = sum(copies - 1 for _, (_, copies) in dups)
        print(
            f"duplicates left in, {label}: {len(dups)} sentences "
            f"({extra} extra copies) in {sum(1 for r in group if r.duplicates)} of "
            f"{len(group)} documents"
        )
        for name, (sentence, copies) in dups[: show if layered else min(show, 10)]:
            print(f"  - {name} x{copies} {sentence[:140]!r}")
        if len(dups) > show:
            print(f"  ... and {len(dups) - show} more")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cleaning_bench", description=__doc__)
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=25, help="list at most this many per group")
    parser.add_argument("--files", type=Path, nargs="*", help="files or folders instead of ours")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--formats", default="txt", help="comma-separated among txt, md, docx, taken in turn"
    )
    parser.add_argument(
        "--no-near-duplicates",
        dest="near_duplicates",
        action="store_false",
        help="skip the corpus with near-duplicate paragraphs",
    )
    args = parser.parse_args(argv)
    formats = tuple(args.formats.split(","))
    if not formats or set(formats) - set(FORMATS):
        parser.error(f"--formats must be among {', '.join(FORMATS)}")

    started = time.perf_counter()
    paths = files(args.files if args.files is not None else FOLDERS)
    with ProcessPoolExecutor(args.workers) as pool:
        jobs = (
            (f"corpus/{meeting.stem}.{fmt}", meeting.render(fmt))
            for meeting in iter_meetings(args.meetings, seed=args.seed)
            for fmt in [format_for(meeting.index, formats)]
        )
        corpus_results = list(pool.map(_check_meeting, jobs, chunksize=50))
        rng = random.Random(args.seed)
        variant_jobs = (
            (f"near-duplicates/{meeting.stem}.txt", near_duplicates(meeting, rng))
            for meeting in iter_meetings(
                args.meetings if args.near_duplicates else 0, seed=args.seed
            )
        )
        variant_results = list(pool.map(_check_text, variant_jobs, chunksize=50))
        file_results = list(pool.map(_check_file, paths, chunksize=8))
    if corpus_results:
        report(
            f"synthetic corpus (seed {args.seed}, {args.formats}, no layering)",
            corpus_results,
            args.show,
            corpus=True,
        )
    if variant_results:
        report(
            f"the corpus with near-duplicate paragraphs (seed {args.seed}, txt, no layering)",
            variant_results,
            args.show,
            corpus=True,
        )
    if file_results:
        report("files", file_results, args.show, corpus=False)
    print(f"\n{time.perf_counter() - started:.0f}s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
