"""Web markup stored as text: block tags become the lines and cells they stand for.

Some sites keep a PDF's extracted pages as HTML fragments and hand them on as plain text,
so a whole attendance list or minute arrives as one line of "<p>Attendees</p><p>Jo Hale –
Chair; ...</p>". A text marked up this way (``MIN_BLOCK_TAGS`` block tags or more) has its
block tags turned into what they mark: a line break for a paragraph, heading, division,
list or row boundary and for "<br>" (a run of them makes one break), a bullet for a list
item, a tab between a row's cells; its inline tags (emphasis, links, spans) are dropped and
its character entities ("&amp;", "&nbsp;", "&#8211;") decoded.

A text that only mentions "<" ("response times <5 minutes", "a <b> drawn on the plan") is
left as it is: only named tags of HTML count, and only when there are enough of them.
"""

from __future__ import annotations

import html
import re

# Block tags a text must hold before it is read as markup.
MIN_BLOCK_TAGS = 3

_BLOCK_NAMES = (
    r"p|div|br|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|tfoot|h[1-6]|hr|pre|caption"
    r"|blockquote|section|article|header|footer"
)
_INLINE_NAMES = (
    r"span|strong|b|i|em|u|a|font|sup|sub|small|big|abbr|cite|code|mark|s|strike|ins|del|label|o:p"
)
# A tag's attributes: anything up to the closing bracket but another tag's opening.
_ATTRIBUTES = r"(?:\s[^<>]{0,400})?"
_BLOCK_TAG = re.compile(rf"<\s*/?\s*(?:{_BLOCK_NAMES})\b{_ATTRIBUTES}/?\s*>", re.IGNORECASE)
# A run of block tags with the white space between them: one boundary.
_BLOCK_RUN = re.compile(
    rf"[ \t\n]{{0,40}}(?:<\s*/?\s*(?:{_BLOCK_NAMES})\b{_ATTRIBUTES}/?\s*>[ \t\n]*)+", re.IGNORECASE
)
_LINE_TAG = re.compile(r"<\s*/?\s*(?!t[dh]\b)(?:" + _BLOCK_NAMES + r")\b", re.IGNORECASE)
_CELL_TAG = re.compile(r"<\s*t[dh]\b", re.IGNORECASE)
_ITEM_OPENS = re.compile(r"<\s*li\b[^<>]*>[ \t\n]*$", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"<\s*/?\s*(?:{_INLINE_NAMES})\b{_ATTRIBUTES}/?\s*>", re.IGNORECASE)
_HIDDEN_OPENS = re.compile(r"<\s*(script|style)\b[^<>]{0,400}>", re.IGNORECASE)
_HIDDEN_CLOSES = {
    name: re.compile(rf"<\s*/\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")
}
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")


def is_markup(text: str) -> bool:
    """Whether ``text`` is HTML stored as text: it holds ``MIN_BLOCK_TAGS`` block tags."""
    if "<" not in text:
        return False
    for count, _ in enumerate(_BLOCK_TAG.finditer(text), start=1):
        if count >= MIN_BLOCK_TAGS:
            return True
    return False


def is_block_tag(tag: str) -> bool:
    """Whether ``tag`` ("<p>", "</td>", "<br />") is one of the block tags that mark lines
    and cells."""
    return _BLOCK_TAG.fullmatch(tag) is not None


def _boundary(match: re.Match[str]) -> str:
    run = match.group(0)
    if _LINE_TAG.search(run):
        return "\n• " if _ITEM_OPENS.search(run) else "\n"
    if _CELL_TAG.search(run):
        return "\t"
    return " "


def _entity(match: re.Match[str]) -> str:
    decoded = html.unescape(match.group(0))
    return decoded.replace("\xa0", " ")


def decode_entities(text: str) -> str:
    """Character entities ("&amp;", "&#8217;", "&nbsp;") as the characters they name;
    an ampersand that names nothing is kept."""
    if "&" not in text:
        return text
    return ENTITY.sub(_entity, text)


def _without_comments(text: str) -> str:
    kept: list[str] = []
    position = 0
    while (opening := text.find("<!--", position)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break
        kept.append(text[position:opening])
        kept.append(" ")
        position = closing + 3
    kept.append(text[position:])
    return "".join(kept)


def _without_hidden(text: str) -> str:
    """``text`` without its comments, scripts and style sheets (each up to its closing
    tag), read once from the start."""
    text = _without_comments(text)
    kept: list[str] = []
    position = 0
    while (opening := _HIDDEN_OPENS.search(text, position)) is not None:
        closing = _HIDDEN_CLOSES[opening.group(1).lower()].search(text, opening.end())
        if closing is None:
            break
        kept.append(text[position : opening.start()])
        kept.append(" ")
        position = closing.end()
    kept.append(text[position:])
    return "".join(kept)


def markup_to_lines(text: str) -> str:
    """``text`` with its markup turned into lines and cells; unchanged unless it is
    markup (see ``is_markup``)."""
    if not is_markup(text):
        return text
    text = _without_hidden(text)
    text = _INLINE_TAG.sub("", text)
    text = _BLOCK_RUN.sub(_boundary, text).strip("\n")
    return decode_entities(text)
