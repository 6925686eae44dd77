"""Strip the Markdown markup that would confuse a line parser, keeping the words.

Headings lose their ``#`` marks, bold/italic markers and link syntax go, pipe tables
become tab-separated rows (the ``|---|`` separator row is dropped), list bullets
become ``• ``, and block quotes and code fences lose their markers.
"""

from __future__ import annotations

import re

_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown document, line by line."""
    lines = markdown.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _FENCE.match(line):
            index += 1
            continue
        if _is_table_row(line, following):
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                if not _TABLE_SEPARATOR.match(lines[index]):
                    out.append(_table_row(lines[index]))
                index += 1
            continue
        if _SETEXT_UNDERLINE.match(line) and out and out[-1].strip():
            index += 1
            continue
        if _THEMATIC_BREAK.match(line):
            out.append("")
            index += 1
            continue
        out.append(_inline(_block_markers(line)))
        index += 1
    return "\n".join(out)


def _is_table_row(line: str, following: str) -> bool:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return True
    return "|" in stripped and bool(_TABLE_SEPARATOR.match(following)) and "-" in following


def _table_row(line: str) -> str:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    cells = [_inline(cell.strip()) for cell in _UNESCAPED_PIPE.split(stripped)]
    return "\t".join(cells)


def _block_markers(line: str) -> str:
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    if _ATX_HEADING.match(line):
        line = _CLOSING_HASHES.sub("", _ATX_HEADING.sub("", line, count=1))
        return line.strip()
    bullet = _BULLET.match(line)
    if bullet and not _THEMATIC_BREAK.match(line):
        return bullet.group(1) + "• " + line[bullet.end() :]
    return line


def _inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    previous = None
    while previous != text:
        previous = text
        text = _BOLD.sub(r"\2", text)
    text = _ITALIC.sub(r"\1", text)
    text = _HTML_BREAK.sub(" ", text)
    return _ESCAPE.sub(r"\1", text)
