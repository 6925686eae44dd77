"""Whoosh queries built the way whoosh3 3.54 evaluates them rightly.

``match_all``: every live document (Whoosh's ``Every``, whose constructor whoosh3 leaves
untyped).

``excluding``: documents of one query that do not match another. Workaround (whoosh3
3.54): ``AndNot``'s matcher skips the negative side to the first positive document only
when both start on the same document, so when the negative side starts before it, that
first positive document is kept even if the negative side holds it.
``And([positive, Not(negative)])`` matches rightly. ``tests/indexer/engine/test_queries.py``
shows the fault (``test_whooshs_and_not_still_keeps_a_document_it_should_exclude``).
"""

from __future__ import annotations

from whoosh.query.compound import And
from whoosh.query.qcore import Every, Query
from whoosh.query.wrappers import Not


def match_all() -> Query:
    """A query every live document matches (scored alike)."""
    return Every()  # type: ignore[no-untyped-call]


def excluding(positive: Query, negative: Query) -> Query:
    """Documents matching ``positive`` and not ``negative`` (not ``AndNot``: see the
    module)."""
    return And([positive, Not(negative)])
