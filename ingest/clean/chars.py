"""Character-level repairs: Unicode form, spaces, line breaks, ligatures, control characters."""

from __future__ import annotations

import re
import unicodedata

PAGE_BREAK_MARK = "\f"
BULLET = "•"

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x85]")
_SOFT_HYPHEN_AT_BREAK = re.compile(r"\u00ad[ \t]*\n")
# Control and format characters, except tab, line feed and the page-break mark.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_LEADING_PRIVATE_USE = re.compile("^[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]+\\s*")


def normalise_characters(text: str) -> str:
    """NFC, ligatures, spaces, LF line breaks; control characters removed.

    A form feed (a page break in extracted PDF text) becomes a line of its own holding
    ``PAGE_BREAK_MARK``; a soft hyphen at a line break becomes a visible hyphen so the
    line-end hyphenation repair can rejoin the word.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _LIGATURE.search(text):
        text = text.translate(_LIGATURES)
    text = _LINE_BREAKS.sub("\n", text)
    text = text.replace("\f", f"\n{PAGE_BREAK_MARK}\n")
    text = _SOFT_HYPHEN_AT_BREAK.sub("-\n", text)
    text = _SPACES.sub(" ", text)
    return _INVISIBLE.sub("", text)


def normalise_bullet(cell: str) -> str:
    """Turn a leading private-use glyph (a symbol-font bullet) into "•"; drop the others."""
    if cell.isascii():
        return cell
    cell = cell.strip()
    if _LEADING_PRIVATE_USE.match(cell):
        rest = _LEADING_PRIVATE_USE.sub("", cell)
        cell = f"{BULLET} {rest}" if rest else BULLET
    return _PRIVATE_USE.sub("", cell)
