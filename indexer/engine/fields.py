"""How a field's postings encode what they hold, for fields that make their own postings.

A field type's ``index`` yields one (term bytes, frequency, weight, value bytes) tuple per
term of a document; the value is the field's format's encoding: the positions, for a
field that keeps them (phrases), else the frequency.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from whoosh.fields import FieldType
from whoosh.formats import Positions
from whoosh.system import pack_uint

_FREQUENCIES = [pack_uint(n) for n in range(64)]


def positions_encoder(field: FieldType) -> Callable[[Sequence[int]], bytes] | None:
    """The encoder of a term's positions in one document, for a field whose postings keep
    positions; None for a field whose postings keep the frequency (``frequency_value``)."""
    form = field.format
    return form.encode if isinstance(form, Positions) else None


def frequency_value(freq: int) -> bytes:
    """The value of a posting that keeps the term's frequency in the document."""
    return _FREQUENCIES[freq] if freq < 64 else pack_uint(freq)


def field_boost(field: FieldType) -> float:
    """The boost the field's format gives every weight."""
    form = field.format
    assert form is not None
    return float(form.field_boost)
