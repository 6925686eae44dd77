"""The full title of an office a sentence names in short.

Minutes name an office in full once ("Report by the Clerk to the Police and Crime Panel")
and in short after ("asked that the Clerk write to the Commissioner"). The owner of an
action set on the short form is the office as the document titles it in full.
"""

from __future__ import annotations

import re

__all__ = ["full_office"]

# "Clerk to the Police and Crime Panel", "Secretary to the Authority": the office, "to
# the", then the capitalised words of the body it serves.
_TO_THE = r"\s+to\s+the\s+(?:[A-Z][\w&'’-]*)(?:\s+(?:and|of|for|&)?\s*[A-Z][\w&'’-]*)*"


def full_office(text: str, short: str) -> str:
    """The longest "``short`` to the ..." title in ``text``, else ``short`` as it is."""
    if not short or len(short.split()) > 3:
        return short
    pattern = re.compile(rf"\b{re.escape(short)}{_TO_THE}")
    titles = [m.group().strip() for m in pattern.finditer(text)]
    return max(titles, key=len, default=short)
