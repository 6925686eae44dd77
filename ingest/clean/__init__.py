"""Text cleaning: reader output -> text a line-oriented parser can read.

The steps, in order: characters (Unicode form, spaces, line breaks, control characters),
cells (one tab between cells, bullets), letters of other scripts (stray tokens, OCR
overlay lines), page numbers and running headers, layered duplicate passages, broken
lines and hyphenation, blank runs. Each step keeps one line per heading, paragraph,
bullet or table row. While a pass removes or repairs something, the steps run again
(up to ``MAX_PASSES``), so cleaning clean text is a no-op.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ingest.clean.chars import normalise_characters
from ingest.clean.layers import LayerReport, remove_layers
from ingest.clean.lines import Line, drop_page_artifacts, join_broken_lines, render, split_lines
from ingest.clean.scripts import is_mostly_latin, is_overlay, remove_stray_script

__all__ = ["CleanedText", "clean_text"]

# Passes after which the text is returned even if a further pass would still change it.
MAX_PASSES = 4
_QUOTE_CHARS = 60


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text, and plain-English notes on what was removed or repaired."""

    text: str
    warnings: list[str]


@dataclass
class _Tally:
    """What the passes removed or repaired, summed over passes."""

    overlays: list[str] = field(default_factory=list)
    stray_tokens: int = 0
    look_alikes: int = 0
    page_numbers: int = 0
    headers: Counter[str] = field(default_factory=Counter)
    layers: LayerReport = field(default_factory=LayerReport)
    broken_lines: int = 0
    hyphenated_words: int = 0


def _repair_scripts(lines: list[Line], tally: _Tally) -> list[Line]:
    repaired: list[Line] = []
    for line in lines:
        if not any(not cell.isascii() for cell in line):
            repaired.append(line)
            continue
        cells: list[str] = []
        for cell in line:
            if is_overlay(cell):
                tally.overlays.append(cell)
                continue
            repair = remove_stray_script(cell)
            tally.stray_tokens += repair.removed_tokens
            tally.look_alikes += repair.repaired_tokens
            if repair.text:
                cells.append(repair.text)
        if cells or not line:
            repaired.append(tuple(cells))
    return repaired


def _changes(tally: _Tally) -> int:
    """How many removals and repairs the tally holds (to tell whether a pass did any)."""
    layers = tally.layers
    return (
        len(tally.overlays)
        + tally.stray_tokens
        + tally.look_alikes
        + tally.page_numbers
        + tally.headers.total()
        + layers.layers
        + layers.splices
        + layers.partials
        + layers.broken_lines
        + layers.hyphenated_words
        + tally.broken_lines
        + tally.hyphenated_words
    )


def _add_layer_report(total: LayerReport, part: LayerReport) -> None:
    total.layers += part.layers
    total.added_sentences += part.added_sentences
    total.completed_sentences += part.completed_sentences
    total.splices += part.splices
    total.partials += part.partials
    total.broken_lines += part.broken_lines
    total.hyphenated_words += part.hyphenated_words


def _clean_once(text: str, tally: _Tally) -> str:
    text = normalise_characters(text)
    lines = split_lines(text)
    if is_mostly_latin(text):
        lines = _repair_scripts(lines, tally)
    lines, artifacts = drop_page_artifacts(lines)
    tally.page_numbers += artifacts.page_numbers
    tally.headers.update(artifacts.headers)
    lines, layers = remove_layers(lines)
    _add_layer_report(tally.layers, layers)
    lines, joins = join_broken_lines(lines)
    tally.broken_lines += joins.broken_lines
    tally.hyphenated_words += joins.hyphenated_words
    return render(lines)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _quote(text: str) -> str:
    return f'"{text}"' if len(text) <= _QUOTE_CHARS else f'"{text[:_QUOTE_CHARS].rstrip()}…"'


def _warnings(tally: _Tally) -> list[str]:
    notes: list[str] = []
    layers = tally.layers
    if layers.layers:
        note = (
            f"removed {_count(layers.layers, 'layered duplicate passage')} "
            "(overlapping copies of the same text)"
        )
        extras = []
        if layers.added_sentences:
            extras.append(
                f"kept {_count(layers.added_sentences, 'sentence')} found only in later copies"
            )
        if layers.completed_sentences:
            extras.append(
                f"completed {_count(layers.completed_sentences, 'cut-off sentence')} "
                "from later copies"
            )
        notes.append(note + ("; " + " and ".join(extras) if extras else ""))
    if layers.splices:
        notes.append(
            f"removed {_count(layers.splices, 'garbled sentence')} spliced together from "
            "parts of other sentences in layered text"
        )
    if layers.partials:
        notes.append(
            f"removed {_count(layers.partials, 'cut-off sentence fragment')} of layered text"
        )
    for overlay in tally.overlays:
        notes.append(f"dropped a line of overlaid OCR text: {_quote(overlay)}")
    if tally.stray_tokens:
        notes.append(
            f"removed {_count(tally.stray_tokens, 'stray token')} of letters from other scripts"
        )
    if tally.look_alikes:
        notes.append(
            f"repaired {_count(tally.look_alikes, 'word')} spelled with look-alike letters "
            "of other scripts"
        )
    if tally.page_numbers:
        notes.append(f"dropped {_count(tally.page_numbers, 'page number')}")
    for header, count in tally.headers.items():
        notes.append(
            f"dropped {_count(count, 'repeat')} of the running header or footer {_quote(header)}"
        )
    broken_lines = tally.broken_lines + layers.broken_lines
    if broken_lines:
        notes.append(f"joined {_count(broken_lines, 'line')} broken mid-sentence")
    hyphenated_words = tally.hyphenated_words + layers.hyphenated_words
    if hyphenated_words:
        notes.append(f"rejoined {_count(hyphenated_words, 'word')} hyphenated at a line end")
    return notes


def clean_text(raw: str) -> CleanedText:
    """Clean reader output for the parser; ``warnings`` say what was removed or repaired."""
    tally = _Tally()
    text = raw
    for _ in range(MAX_PASSES):
        changes = _changes(tally)
        cleaned = _clean_once(text, tally)
        if cleaned == text:
            break
        text = cleaned
        if _changes(tally) == changes:
            # Only characters and spacing changed: a further pass would change nothing.
            break
    return CleanedText(text=text, warnings=_warnings(tally))
