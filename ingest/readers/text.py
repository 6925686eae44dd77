"""Decode the bytes of a plain-text file (.txt, .md) into a str."""

from __future__ import annotations

import codecs

import charset_normalizer

from ingest.readers import ReadFailure

# C0 control bytes that never occur in a text file (tab, LF, VT, FF, CR and the DOS
# end-of-file mark ^Z are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26)) + b"\x7f"
_MAX_CONTROL_SHARE = 0.02

# Non-ASCII characters that a Western European text in cp1252 is made of. When a
# cp1252 decoding is made almost only of these, it is taken as the right one.
_WESTERN = frozenset(
    "£€¥¢§©®™°±¶·¼½¾×÷‘’‚“”„†‡•…‰‹›–—\u00a0"
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿŒœŠšŽžŸƒˆ˜"
)
_MIN_WESTERN_SHARE = 0.9
# ... and where most letters are still plain ASCII (Cyrillic in KOI8-R, say, decodes
# to Latin-1 letters too, but then nearly every letter is non-ASCII).
_MAX_NON_ASCII_LETTER_SHARE = 0.3


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or a high share of control bytes."""
    if b"\x00" in data:
        return True
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls > _MAX_CONTROL_SHARE * len(data)


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOMs first, then UTF-8, then cp1252 or a charset-normalizer guess.

    Line ends are normalised to ``\\n``; a leading BOM is dropped.
    Raises ``ReadFailure`` for binary content or bytes no encoding explains.
    """
    text = _decode_with_bom(data)
    if text is None:
        if looks_binary(data):
            raise ReadFailure("not a text file: binary content")
        text = _decode_without_bom(data)
    if "\x00" in text:
        raise ReadFailure("not a text file: binary content")
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_with_bom(data: bytes) -> str | None:
    boms = (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise ReadFailure(f"cannot decode text: invalid {encoding.upper()}") from None
    return None


def _decode_without_bom(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    western = _as_western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ReadFailure("cannot decode text: unknown character encoding")
    return str(best)


def _as_western(data: bytes) -> str | None:
    """The cp1252 decoding of ``data`` if it reads as Western European text, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return text
    western = sum(1 for c in non_ascii if c in _WESTERN)
    if western < _MIN_WESTERN_SHARE * len(non_ascii):
        return None
    letters = sum(1 for c in text if c.isalpha())
    non_ascii_letters = sum(1 for c in non_ascii if c.isalpha())
    if non_ascii_letters > _MAX_NON_ASCII_LETTER_SHARE * letters:
        return None
    return text
