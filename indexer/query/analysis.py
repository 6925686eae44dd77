"""Query words analysed as the index analysed its text: by each field's own analyzer, in
query mode, remembered per analyzer and text."""

from __future__ import annotations

from typing import Final, Literal

from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import Schema

from indexer.cache import Cache

# The analyzer a term comes from: "text" (stemmed: the title and text fields) or
# "exact" (words as written, lower-cased).
AnalyzerKind = Literal["text", "exact"]

# Query words analysed, by analyzer (held, so its id is not reused) and text; shared by
# the searchers of every thread.
MAX_ANALYSED: Final = 20_000
_ANALYSED: Final[Cache[tuple[int, str], tuple[Analyzer, tuple[str, ...]]]] = Cache(
    MAX_ANALYSED, lock=True
)


def field_analyzer(schema: Schema, fieldname: str) -> Analyzer:
    """The analyzer of a text field of the index's own schema."""
    analyzer: Analyzer | None = schema[fieldname].analyzer
    if analyzer is None:
        raise ValueError(f"field {fieldname!r} has no analyzer")
    return analyzer


def query_terms(schema: Schema, fieldname: str, text: str) -> list[str]:
    """The terms the field's analyzer makes of query text."""
    analyzer = field_analyzer(schema, fieldname)
    key = (id(analyzer), text)
    found = _ANALYSED.get(key)
    if found is None or found[0] is not analyzer:
        terms = tuple(t.text for t in analyzer(text, mode="query"))
        found = _ANALYSED.put(key, (analyzer, terms))
    return list(found[1])
