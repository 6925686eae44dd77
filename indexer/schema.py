"""The Whoosh schema of the search index: one document per item, meeting, action and metric.

Field names are the contract between the writing side (documents, sync) and the
query side; ``RECORD_TYPES`` names the document types and ``document_key`` builds
the unique key ("item:12").
"""

from __future__ import annotations

from typing import Final

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema

from indexer.analysis import exact_analyzer, text_analyzer

ITEM: Final = "item"
MEETING: Final = "meeting"
ACTION: Final = "action"
METRIC: Final = "metric"
RECORD_TYPES: Final = (ITEM, MEETING, ACTION, METRIC)

# Weight of a title match against a match in the text.
TITLE_BOOST: Final = 2.0


def document_key(record_type: str, record_id: int) -> str:
    """The unique key of a record's document: ``document_key("item", 12) == "item:12"``."""
    return f"{record_type}:{record_id}"


def parse_key(key: str) -> tuple[str, int]:
    """``"item:12"`` -> ``("item", 12)``."""
    record_type, _, record_id = key.partition(":")
    return record_type, int(record_id)


def build_schema() -> Schema:
    """The schema. Ids are looked up exactly and years span a few dozen values, so their
    numeric fields index one term per value (``shift_step=0``); ``day`` keeps coarser
    tiers for fast date ranges."""
    text = text_analyzer()
    return Schema(
        key=ID(unique=True, stored=True),
        type=ID(stored=True, sortable=True),
        record_id=NUMERIC(numtype=int, bits=64, stored=True, shift_step=0),
        meeting_id=NUMERIC(numtype=int, bits=64, stored=True, shift_step=0),
        date=DATETIME(stored=True),
        day=NUMERIC(numtype=int, bits=32, stored=True, sortable=True, shift_step=8),
        year=NUMERIC(numtype=int, bits=32, stored=True, sortable=True, shift_step=0),
        kind=ID(stored=True, sortable=True),
        body=ID(stored=True, sortable=True),
        themes=KEYWORD(commas=True, stored=True, scorable=False, lowercase=False),
        acronyms=KEYWORD(commas=True, stored=True),
        item_number=ID(stored=True),
        title=TEXT(analyzer=text, field_boost=TITLE_BOOST, stored=True),
        text=TEXT(analyzer=text, stored=True),
        exact=TEXT(analyzer=exact_analyzer()),
    )
