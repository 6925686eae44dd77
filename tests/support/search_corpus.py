"""A synthetic search index: documents made the way the writing side makes them
(``IndexDocument.fields()``, acronyms found by ``AcronymMatcher``), committed in several
segments with some deleted afterwards, and what brute force needs to know of each.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import Index

from indexer.documents import IndexDocument, MeetingContext
from indexer.glossary import AcronymMatcher
from indexer.schema import ACTION, ITEM, MEETING, METRIC, build_schema
from ingest.parse.themes import load_base_glossary
from records.glossary import AcronymForms, GlossaryEntry

GLOSSARY: list[GlossaryEntry] = load_base_glossary()
MATCHER = AcronymMatcher(AcronymForms(e.code, (e.name,)) for e in GLOSSARY)

# Words of the generated documents: no two share a stem, none is in a special document.
VOCAB = (
    "custody",
    "vetting",
    "patrol",
    "drone",
    "wellbeing",
    "recruitment",
    "outcome",
    "complaint",
    "firearms",
    "cadet",
)
THEMES = ("DA", "SOC", "VAWG")
KINDS = ("MONTHLY_ASSURANCE", "THEMATIC", "PERFORMANCE")
BODIES = ("northshire", "eastmoor")
TYPES = (ITEM, MEETING, ACTION, METRIC)

SPECIAL_TEXTS = {
    "marac": "Referrals to MARAC were lower than in other forces.",
    "long-form": "The Multi-Agency Risk Assessment Conference has a new independent chair.",
    "da": "DA profiles were produced at the start of the pandemic.",
    "domestic-abuse": "Domestic abuse briefings improved after the review.",
    "das": "The DASS system and the HMICS returns were replaced last spring.",
    "plural": "Referrals rose again.",
    "supervision": "No supervisory input in 43% of cases & <b>not</b> enough supervision.",
}


@dataclass(frozen=True)
class Doc:
    """A test document and what brute force needs to know of it."""

    document: IndexDocument
    words: frozenset[str]

    @property
    def key(self) -> str:
        return self.document.key

    @property
    def day(self) -> int:
        d = self.document.meeting.date
        return d.year * 10_000 + d.month * 100 + d.day


def make_doc(
    record_id: int,
    meeting: MeetingContext,
    record_type: str,
    title: str,
    text: str,
    themes: tuple[str, ...],
) -> Doc:
    document = IndexDocument(
        type=record_type,
        record_id=record_id,
        meeting=meeting,
        title=title,
        text=f"{title}\n{text}",
        themes=themes,
        acronyms=tuple(MATCHER.find(f"{title}\n{text}")),
        item_number=f"{record_id % 5}.{record_id % 3}",
    )
    return Doc(document, frozenset(re.findall(r"[a-z]+", document.text.lower())))


def make_corpus(seed: int = 7) -> list[Doc]:
    rng = random.Random(seed)
    meetings = [
        MeetingContext(
            id=m,
            date=dt.date(2018 + m % 5, 1 + (m * 5) % 12, 1 + (m * 7) % 27),
            kind=KINDS[m % 3],
            body=BODIES[m % 2],
        )
        for m in range(12)
    ]
    docs: list[Doc] = []
    record_id = 0
    for meeting in meetings:
        for _ in range(30):
            record_id += 1
            words = [rng.choice(VOCAB) for _ in range(rng.randint(2, 7))]
            themes = tuple(sorted(rng.sample(THEMES, rng.randint(0, 2))))
            docs.append(
                make_doc(
                    record_id,
                    meeting,
                    rng.choice(TYPES),
                    f"Item on {words[0]}",
                    "The panel discussed " + " ".join(words) + ".",
                    themes,
                )
            )
    for i in range(24):  # identical documents: equal scores, and many on one day
        record_id += 1
        docs.append(
            make_doc(record_id, meetings[i % 2], ITEM, "Patrol drone", "patrol drone", ("SOC",))
        )
    for number, text in enumerate(SPECIAL_TEXTS.values()):
        record_id += 1
        docs.append(make_doc(record_id, meetings[3], ITEM, f"Note {number}", text, ("DA",)))
    return docs


def build_index(
    folder: Path, docs: list[Doc], *, deleted: int = 6, seed: int = 3
) -> tuple[Index, list[Doc]]:
    """The documents in three segments, then ``deleted`` of them deleted; the live ones."""
    folder.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(folder), build_schema())
    third = len(docs) // 3 + 1
    for start in range(0, len(docs), third):
        writer = ix.writer()
        for doc in docs[start : start + third]:
            writer.add_document(**doc.document.fields())
        writer.commit(merge=False)
    rng = random.Random(seed)
    plain = [d for d in docs if d.document.title.startswith("Item on")]  # generated ones
    gone = {d.key for d in rng.sample(plain, deleted)}
    writer = ix.writer()
    for key in gone:
        writer.delete_by_term("key", key)
    writer.commit(merge=False)
    return ix, [d for d in docs if d.key not in gone]
