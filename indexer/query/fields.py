"""The fields a query may name, and the index fields words and conditions search."""

from __future__ import annotations

from typing import Final

QUERY_FIELDS: Final = ("title", "text", "theme", "year", "kind", "type", "body", "item")
FILTER_FIELDS: Final = {
    "theme": "themes",
    "year": "year",
    "kind": "kind",
    "type": "type",
    "body": "body",
    "item": "item_number",
}
# Words search these fields (stemmed); quoted text and exact mode search ``EXACT_FIELD``.
TEXT_FIELDS: Final = ("title", "text")
EXACT_FIELD: Final = "exact"
ACRONYMS_FIELD: Final = "acronyms"
