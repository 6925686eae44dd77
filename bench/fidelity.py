"""Field-level precision and recall of the parser over documents with expected records.

    python -m bench.fidelity FOLDER [--gold FILE] [--misses N] [--json]

Every document in FOLDER (.txt, .md, .pdf, .docx) is read, cleaned and parsed as
``assurance ingest`` would (nothing is stored), and compared with its expected record:
``<stem>.json`` beside it, or the entry for its file name in ``--gold`` (a JSON object
keyed by file name). The record's format is the one of tests/data/real-layouts/ (see its
README): document type, kind, date, start time, chair, attendees with status, item
numbers, actions with owners, next meeting. ``score_document`` compares any ``Found``
record, so a test scores what was stored, read back through GraphQL, the same way.

Names are compared without honorifics, ranks and punctuation, an initial matching a
first name ("J Smith" = "Jane Smith"); item numbers without "Item"/"Minute" words and
end punctuation; actions by reference, else by their first words. The table gives,
per field, what was expected, found and right, with precision and recall; then the
misses, file by file. It asserts nothing: it measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ingest.draft import MeetingDraft
from ingest.errors import IngestError
from ingest.parse.themes import load_base_glossary
from ingest.prepare import PreparedDocument
from ingest.read import SUPPORTED_SUFFIXES, ReadLimits
from ingest.workers import PathTask, prepare_task

NOT_A_RECORD = "NOT_A_MEETING_RECORD"
# Words before a name that are not part of it: honorifics, ranks, posts.
_TITLES = frozenset((
    "mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "cty", "county", "sir", "dame",
    "prof", "professor", "rev", "reverend", "lord", "lady", "baroness", "baron", "alderman",
    "deputy", "mayor", "the", "rt", "hon", "mp", "mla", "msp", "am", "cc", "acc", "dcc", "supt",
    "ch", "chief", "superintendent", "det", "insp", "inspector", "dci", "di", "dsupt", "sgt",
    "sergeant", "pc", "constable", "commander", "cmdr", "temporary",
))  # fmt: skip
_ITEM_WORDS = re.compile(r"^(?:agenda\s+item|item|minute|min|ref(?:erence)?|no\.?)\s*", re.I)
_ACTION_MATCH = 75  # rapidfuzz partial ratio for two action texts to be the same action


@dataclass
class Tally:
    """Expected, found and right for one field over many documents."""

    expected: int = 0
    found: int = 0
    right: int = 0

    def add(self, expected: int, found: int, right: int) -> None:
        self.expected += expected
        self.found += found
        self.right += right

    @property
    def precision(self) -> float | None:
        return self.right / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.right / self.expected if self.expected else None


@dataclass
class DocumentScore:
    """One document's comparison: per-field tallies and readable misses."""

    name: str
    outcome: str  # "parsed", "refused: <reason>"
    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str, expected: int, found: int, right: int) -> None:
        self.tallies.setdefault(name, Tally()).add(expected, found, right)

    def miss(self, message: str) -> None:
        self.misses.append(message)


FIELDS = (
    "records stored",
    "non-records refused",
    "document type",
    "kind",
    "date",
    "start time",
    "chair",
    "attendees",
    "apologies",
    "attendee status",
    "items",
    "actions",
    "action owners",
    "next meeting",
)


# --- normalising ---------------------------------------------------------------------------


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w\s'-]", " ", text.casefold()).replace("'", "").replace("-", " ")


def name_parts(name: str) -> list[str]:
    """A name's words without titles and ranks, lower case: "Cllr J. Smith" -> [j, smith]."""
    words = _plain(name).split()
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in {"obe", "mbe", "cbe", "qpm", "jp", "kc", "qc"}:
        words.pop()
    return words


def same_person(a: str, b: str) -> bool:
    """Same surname, and first names that agree (an initial agrees with a name)."""
    x, y = name_parts(a), name_parts(b)
    if not x or not y or x[-1] != y[-1]:
        return False
    if len(x) == 1 or len(y) == 1:
        return True
    return x[0] == y[0] or (min(len(x[0]), len(y[0])) == 1 and x[0][0] == y[0][0])


def item_key(number: str) -> str:
    text = _ITEM_WORDS.sub("", number.strip().casefold())
    return re.sub(r"\s+", " ", text.strip(" .):-–\t"))


# --- what was found ---------------------------------------------------------------------


@dataclass(frozen=True)
class FoundAttendee:
    name: str
    status: str


@dataclass(frozen=True)
class FoundAction:
    reference: str | None
    text: str
    owners: tuple[str, ...]
    owner_text: str | None


@dataclass(frozen=True)
class Found:
    """One document's record as parsed or as stored, in the expected record's terms:
    enum names, ISO dates, "HH:MM" times, every item number (sub-items too)."""

    document_type: str
    kind: str
    date: str | None
    start_time: str | None
    chair: str | None
    attendees: tuple[FoundAttendee, ...]
    items: tuple[str, ...]
    actions: tuple[FoundAction, ...]
    next_meeting: str | None

    @classmethod
    def of_draft(cls, draft: MeetingDraft) -> Found:
        return cls(
            document_type=str(draft.document_type),
            kind=str(draft.kind),
            date=_iso(draft.date),
            start_time=_hhmm(draft.start_time),
            chair=draft.chair,
            attendees=tuple(FoundAttendee(a.name, str(a.status)) for a in draft.attendees),
            items=tuple(item.number for item in draft.items if item.number),
            actions=tuple(
                FoundAction(a.reference, a.text, tuple(a.owners), a.owner_text)
                for a in draft.actions
            ),
            next_meeting=_iso(draft.next_meeting.date) if draft.next_meeting else None,
        )


# --- comparing -----------------------------------------------------------------------------


def score_document(name: str, expected: dict[str, Any], got: Found | str) -> DocumentScore:
    """Compare one record found (or the reason it was refused) with its expected record."""
    is_record = expected.get("document_type") != NOT_A_RECORD
    if isinstance(got, str):
        score = DocumentScore(name, f"refused: {got}")
        if is_record:
            score.tally("records stored", 1, 0, 0)
            score.miss(f"refused: {got}")
            _expected_only(score, expected)
        else:
            score.tally("non-records refused", 1, 1, 1)
        return score
    score = DocumentScore(name, "parsed")
    if not is_record:
        score.tally("non-records refused", 1, 0, 0)
        score.miss(f"a {expected.get('reason') or 'non-record'} was stored as {got.document_type}")
        return score
    score.tally("records stored", 1, 1, 1)
    _compare_value(score, "document type", expected.get("document_type"), got.document_type)
    _compare_value(score, "kind", expected.get("kind"), got.kind)
    _compare_value(score, "date", expected.get("date"), got.date)
    _compare_value(score, "start time", expected.get("start_time"), got.start_time)
    _compare_people(score, "chair", _list(expected.get("chair")), _list(got.chair))
    _compare_attendees(score, expected.get("attendees") or [], got)
    _compare_items(score, expected.get("items") or [], list(got.items))
    _compare_actions(score, expected.get("actions") or [], got)
    _compare_value(score, "next meeting", expected.get("next_meeting"), got.next_meeting)
    return score


def _expected_only(score: DocumentScore, expected: dict[str, Any]) -> None:
    """A refused record: everything it should have given counts as expected, none found."""
    for name, key in (("kind", "kind"), ("date", "date"), ("start time", "start_time")):
        if expected.get(key) is not None:
            score.tally(name, 1, 0, 0)
    if expected.get("chair"):
        score.tally("chair", 1, 0, 0)
    attendees = expected.get("attendees") or []
    score.tally("attendees", len(attendees), 0, 0)
    score.tally("apologies", sum(a.get("status") == "APOLOGIES" for a in attendees), 0, 0)
    score.tally("items", len(expected.get("items") or []), 0, 0)
    score.tally("actions", len(expected.get("actions") or []), 0, 0)
    if expected.get("next_meeting"):
        score.tally("next meeting", 1, 0, 0)


def _compare_value(score: DocumentScore, name: str, expected: Any, found: Any) -> None:
    if expected is None and found is None:
        return
    right = expected is not None and str(found) == str(expected)
    score.tally(name, int(expected is not None), int(found is not None), int(right))
    if not right:
        score.miss(f"{name}: expected {expected}, got {found}")


def _compare_people(
    score: DocumentScore, name: str, expected: Sequence[str], found: Sequence[str]
) -> list[tuple[int, int]]:
    pairs = _pair(expected, found, same_person)
    score.tally(name, len(expected), len(found), len(pairs))
    missing = [expected[i] for i in range(len(expected)) if i not in {a for a, _ in pairs}]
    extra = [found[j] for j in range(len(found)) if j not in {b for _, b in pairs}]
    if missing:
        score.miss(f"{name} missed: {', '.join(missing)}")
    if extra:
        score.miss(f"{name} not expected: {', '.join(extra)}")
    return pairs


def _compare_attendees(score: DocumentScore, expected: list[dict[str, Any]], got: Found) -> None:
    names = [a["name"] for a in expected]
    found = [a.name for a in got.attendees]
    pairs = _compare_people(score, "attendees", names, found)
    apologies = [i for i, a in enumerate(expected) if a.get("status") == "APOLOGIES"]
    found_apologies = [j for j, a in enumerate(got.attendees) if a.status == "APOLOGIES"]
    matched = dict(pairs)
    right = sum(1 for i in apologies if matched.get(i) in found_apologies)
    score.tally("apologies", len(apologies), len(found_apologies), right)
    same_status = 0
    for i, j in pairs:
        if expected[i].get("status") == got.attendees[j].status:
            same_status += 1
        else:
            score.miss(
                f"status of {names[i]}: expected {expected[i].get('status')}, "
                f"got {got.attendees[j].status}"
            )
    score.tally("attendee status", len(pairs), len(pairs), same_status)


def _compare_items(score: DocumentScore, expected: list[str], found: list[str]) -> None:
    want = Counter(item_key(n) for n in expected)
    have = Counter(item_key(n) for n in found)
    right = sum((want & have).values())
    score.tally("items", sum(want.values()), sum(have.values()), right)
    missing = sorted((want - have).elements())
    extra = sorted((have - want).elements())
    if missing:
        score.miss(f"items missed: {', '.join(missing)}")
    if extra:
        score.miss(f"items not expected: {', '.join(extra)}")


def _compare_actions(score: DocumentScore, expected: list[dict[str, Any]], got: Found) -> None:
    def same(want: dict[str, Any], have: FoundAction) -> bool:
        reference = want.get("reference")
        if reference and have.reference and item_key(reference) == item_key(have.reference):
            return True
        text = _plain(want.get("text") or "")
        return bool(text) and fuzz.partial_ratio(text, _plain(have.text)) >= _ACTION_MATCH

    pairs = _pair(expected, got.actions, same)
    score.tally("actions", len(expected), len(got.actions), len(pairs))
    found_indexes = {b for _, b in pairs}
    for i, want in enumerate(expected):
        if i not in {a for a, _ in pairs}:
            score.miss(f"action missed: {want.get('reference') or ''} {want.get('text')!r}")
    for j, have in enumerate(got.actions):
        if j not in found_indexes:
            score.miss(f"action not expected: {have.reference or ''} {have.text[:60]!r}")
    for i, j in pairs:
        owners = expected[i].get("owners") or []
        if not owners:
            continue
        action = got.actions[j]
        have_owners = list(action.owners) or ([action.owner_text] if action.owner_text else [])
        right = len(_pair(owners, have_owners, _same_owner)) == len(owners)
        score.tally("action owners", 1, int(bool(have_owners)), int(right))
        if not right:
            reference = expected[i].get("reference") or i + 1
            score.miss(f"owners of action {reference}: expected {owners}, got {have_owners}")


def _same_owner(a: str, b: str) -> bool:
    return same_person(a, b) or _plain(a).split() == _plain(b).split()


def _pair(expected: Sequence[Any], found: Sequence[Any], same: Any) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (expected index, found index), in document order."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, want in enumerate(expected):
        for j, have in enumerate(found):
            if j not in used and same(want, have):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def _list(value: str | None) -> list[str]:
    return [value] if value else []


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


# --- running over a folder -----------------------------------------------------------------


def documents(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
    )


def expected_records(folder: Path, gold: Path | None) -> dict[str, dict[str, Any]]:
    """Expected records by file name: from ``gold`` or the .json beside each document."""
    if gold is not None:
        records: dict[str, dict[str, Any]] = json.loads(gold.read_text(encoding="utf-8"))
        return records
    return {
        path.name: json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        for path in documents(folder)
        if path.with_suffix(".json").exists()
    }


def parse_file(path: Path) -> Found | str:
    """What the parser finds in one file, or the reason it was refused."""
    prepared = prepare_task(PathTask(path), load_base_glossary(), ReadLimits())
    if isinstance(prepared, IngestError):
        return prepared.reason
    assert isinstance(prepared, PreparedDocument)
    return Found.of_draft(prepared.draft)


def score_folder(folder: Path, gold: Path | None = None) -> list[DocumentScore]:
    expected = expected_records(folder, gold)
    return [
        score_document(path.name, expected[path.name], parse_file(path))
        for path in documents(folder)
        if path.name in expected
    ]


def totals(scores: Iterable[DocumentScore]) -> dict[str, Tally]:
    summed = {name: Tally() for name in FIELDS}
    for score in scores:
        for name, tally in score.tallies.items():
            summed[name].add(tally.expected, tally.found, tally.right)
    return summed


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def render(scores: Sequence[DocumentScore], misses: int) -> str:
    lines = [f"{len(scores)} documents", ""]
    lines.append(
        f"{'field':<20}{'expected':>9}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}"
    )
    for name, tally in totals(scores).items():
        lines.append(
            f"{name:<20}{tally.expected:>9}{tally.found:>7}{tally.right:>7}"
            f"{_percent(tally.precision):>11}{_percent(tally.recall):>8}"
        )
    shown = [s for s in scores if s.misses][: misses if misses >= 0 else None]
    if shown:
        lines += ["", "misses:"]
        for score in shown:
            lines.append(f"{score.name} ({score.outcome})")
            lines += [f"    {miss}" for miss in score.misses]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--gold", type=Path, help="expected records, keyed by file name")
    parser.add_argument("--misses", type=int, default=-1, help="documents whose misses to list")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    scores = score_folder(args.folder, args.gold)
    if args.json:
        figures = {name: asdict(t) for name, t in totals(scores).items()}
        print(json.dumps({"documents": len(scores), "fields": figures}, indent=2))
    else:
        print(render(scores, args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
