"""Reading back from a position without reading again the whole text before it.

A regular expression anchored at the end of a slice (``(\\w+)$`` on ``text[:position]``)
is tried from every earlier position, and the slice is a copy: done once per sentence or
figure of a long line, that is quadratic in the line's length. These helpers give the same
answers from the few characters that decide them.
"""

from __future__ import annotations


def is_word_char(char: str) -> bool:
    """What ``\\w`` matches (letters and digits of any script, and "_")."""
    return char.isalnum() or char == "_"


def word_ending_at(text: str, start: int, stop: int) -> str:
    """The word ``re.search(r"(\\w+)$", text[start:stop])`` finds, or "" when none.

    As ``$`` does, a line feed ending the slice is passed over.
    """
    end = stop
    if end > start and text[end - 1] == "\n":
        end -= 1
    begin = end
    while begin > start and is_word_char(text[begin - 1]):
        begin -= 1
    return text[begin:end]


def space_before(text: str, start: int, stop: int) -> int:
    """Where the run of whitespace that ends ``text[start:stop]`` begins (``stop`` if none)."""
    begin = stop
    while begin > start and text[begin - 1].isspace():
        begin -= 1
    return begin
