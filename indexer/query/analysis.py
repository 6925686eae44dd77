"""Query words analysed as the index analysed its text: by each field's own analyzer, in
query mode, remembered per analyzer and text."""

from __future__ import annotations

from typing import Final, Literal

from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import Schema

# The analyzer a term comes from: "text" (stemmed: the title and text fields) or
# "exact" (words as written, lower-cased).
AnalyzerKind = Literal["text", "exact"]

# Query words analysed, by analyzer (held, so its id is not reused) and text.
_ANALYSED: dict[tuple[int, str], tuple[Analyzer, tuple[str, ...]]] = {}
MAX_ANALYSED: Final = 20_000


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
        if len(_ANALYSED) >= MAX_ANALYSED:
            _ANALYSED.clear()
        found = _ANALYSED[key] = (analyzer, tuple(t.text for t in analyzer(text, mode="query")))
    return list(found[1])
