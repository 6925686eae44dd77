"""Text cleaning: reader output -> text a line-oriented parser can read.

The steps, in order: web markup stored as text (block tags as lines, entities decoded),
characters (Unicode form, spaces, line breaks, control characters),
cells (one tab between cells, bullets), letters of other scripts (stray tokens, OCR
overlay lines), page numbers and running headers, a page given twice (run together, then
line by line), layered duplicate passages, broken lines and hyphenation, blank runs, and
the breaks a flattened extraction lost (words run together, headings and attendance labels
run into the text before them). Each step keeps one line per heading, paragraph, bullet or
table row. While a pass removes or repairs something, the steps run again (up to
``MAX_PASSES``), so cleaning clean text is a no-op.

Only copies and page furniture are removed: a sentence whose figures, names, dates or
negations differ from another's is never taken for a copy of it. Every passage removed
is kept on the result (``CleanedText.removed``) with its text and its place in the input,
and quoted in the warnings (copies, garbles and overlays in full; page numbers and
running headers by count), which the store keeps on the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.clean.chars import normalise_characters
from ingest.clean.flat import remove_flat_copies
from ingest.clean.glued import restore_breaks
from ingest.clean.layers import LayerReport, remove_layers
from ingest.clean.lines import (
    Line,
    Places,
    drop_page_artifacts,
    join_broken_lines,
    render,
    split_lines,
)
from ingest.clean.markup import markup_to_lines
from ingest.clean.places import Place, Removal, RemovalKind, Removed, Spot, locate, search
from ingest.clean.scripts import is_foreign_token, is_mostly_latin, is_overlay, remove_stray_script

__all__ = ["CleanedText", "Removal", "RemovalKind", "clean_text", "is_cleaning_note"]

# Passes after which the text is returned even if a further pass would still change it.
MAX_PASSES = 4
_QUOTE_CHARS = 60


_ARTICLE = {kind: "an" if kind.value[0] in "aeiou" else "a" for kind in RemovalKind}
# Removals whose text each warning quotes in full: the passages a reader must be able to
# check were copies (page numbers and running headers are noted by count and text).
_QUOTED_IN_FULL = (
    RemovalKind.LAYERED_COPY,
    RemovalKind.CUT_COPY,
    RemovalKind.SPLICE,
    RemovalKind.OVERLAY,
)


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text, plain-English notes on what was removed or repaired, and every
    passage removed, with its text and where it stood in the input, in input order."""

    text: str
    warnings: list[str]
    removed: tuple[Removal, ...] = ()


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
    unglued_words: int = 0
    restored_line_breaks: int = 0
    removed: list[Removal] = field(default_factory=list)


def _stray_tokens(cell: str, place: Place) -> list[Removed]:
    found: list[Removed] = []
    position = 0
    for token in cell.split(" "):
        if is_foreign_token(token):
            spot = place.spot(position, position + len(token))
            found.append(Removed(RemovalKind.STRAY_TOKEN, token, spot))
        position += len(token) + 1
    return found


def _repair_scripts(
    lines: list[Line], places: list[Places], tally: _Tally, removed: list[Removed]
) -> tuple[list[Line], list[Places]]:
    repaired: list[Line] = []
    repaired_places: list[Places] = []
    for line, line_places in zip(lines, places, strict=True):
        if not any(not cell.isascii() for cell in line):
            repaired.append(line)
            repaired_places.append(line_places)
            continue
        cells: list[str] = []
        kept: list[Place] = []
        for cell, place in zip(line, line_places, strict=True):
            if is_overlay(cell):
                tally.overlays.append(cell)
                removed.append(Removed(RemovalKind.OVERLAY, cell, place.spot(0, len(cell))))
                continue
            repair = remove_stray_script(cell)
            tally.stray_tokens += repair.removed_tokens
            tally.look_alikes += repair.repaired_tokens
            if repair.removed_tokens:
                removed.extend(_stray_tokens(cell, place))
            if repair.text:
                cells.append(repair.text)
                kept.append(place)
        if cells or not line:
            repaired.append(tuple(cells))
            repaired_places.append(tuple(kept))
    return repaired, repaired_places


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


def _coalesce(removed: list[Removed]) -> list[Removed]:
    """Removals of one kind from one cell that follow each other, as one passage."""
    ordered = sorted(removed, key=lambda r: (r.spot.line, r.spot.cell, r.spot.start))
    passages: list[Removed] = []
    for removal in ordered:
        last = passages[-1] if passages else None
        if (
            last is not None
            and last.kind == removal.kind
            and (last.spot.line, last.spot.cell) == (removal.spot.line, removal.spot.cell)
            and last.spot.end + 1 >= removal.spot.start >= last.spot.end
        ):
            spot = Spot(last.spot.line, last.spot.cell, last.spot.start, removal.spot.end)
            passages[-1] = Removed(last.kind, f"{last.text} {removal.text}", spot)
        else:
            passages.append(removal)
    return passages


def _located(
    removed: list[Removed],
    lines: list[Line],
    places: list[Places],
    text: str,
    raw: str,
    *,
    first_pass: bool,
) -> list[Removal]:
    """The removals of a pass placed in ``raw``; ``lines`` and ``places`` are the pass's
    cells as first split from ``text``, the pass's input.

    The first pass reads ``raw`` itself (its lines are ``raw``'s), so each removal is
    placed exactly; a later pass reads an earlier pass's output, so its removals are
    looked for in ``raw`` by their words, near the same share of the text.
    """
    passages = _coalesce(removed)
    cells: dict[tuple[int, int], str] = {}
    for passage in passages:
        key = (passage.spot.line, passage.spot.cell)
        for place, cell in zip(places[passage.spot.line], lines[passage.spot.line], strict=True):
            if (place.line, place.cell) == key:
                cells[key] = cell
    spans = locate(raw if first_pass else text, passages, cells)
    located: list[Removal] = []
    for passage, (start, end) in zip(passages, spans, strict=True):
        if not first_pass:
            near = start * len(raw) // max(1, len(text))
            start, end = search(raw, passage.text, near)
        located.append(Removal(passage.kind, passage.text, start, end))
    return located


def _clean_once(text: str, tally: _Tally, raw: str, *, first_pass: bool) -> str:
    """One pass of every step over ``text`` (``raw``, the input, on the first pass)."""
    normalised = normalise_characters(text)
    lines, places = split_lines(normalised)
    split, split_places = lines, places
    removed: list[Removed] = []
    if is_mostly_latin(normalised):
        lines, places = _repair_scripts(lines, places, tally, removed)
    kept, artifacts = drop_page_artifacts(lines)
    tally.page_numbers += artifacts.page_numbers
    tally.headers.update(artifacts.headers)
    for index, kind in artifacts.dropped:
        cell = lines[index][0]
        removed.append(Removed(kind, cell, places[index][0].spot(0, len(cell))))
    kept, places, flattened = remove_flat_copies(kept, places)
    removed.extend(flattened)
    kept, layers = remove_layers(kept, places)
    _add_layer_report(tally.layers, layers)
    removed.extend(layers.removed)
    kept, joins = join_broken_lines(kept)
    tally.broken_lines += joins.broken_lines
    tally.hyphenated_words += joins.hyphenated_words
    kept, unglued = restore_breaks(kept)
    tally.unglued_words += unglued.words
    tally.restored_line_breaks += unglued.line_breaks
    if removed:
        tally.removed.extend(
            _located(removed, split, split_places, text, raw, first_pass=first_pass)
        )
    return render(kept)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _quote(text: str) -> str:
    return f'"{text}"' if len(text) <= _QUOTE_CHARS else f'"{text[:_QUOTE_CHARS].rstrip()}…"'


# The word that opens each note ``_warnings`` writes.
_NOTE_OPENS = re.compile(
    r"^(?:removed|kept|completed|repaired|dropped|joined|rejoined|separated|restored)\s"
)


def is_cleaning_note(warning: str) -> bool:
    """Whether a document's warning is a note of what cleaning did to its file (rather than
    one the parser or the store wrote): parsing the stored text again keeps these."""
    return _NOTE_OPENS.match(warning) is not None


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
    for removal in sorted(tally.removed, key=lambda r: r.start):
        if removal.kind in _QUOTED_IN_FULL:
            notes.append(
                f"removed {_ARTICLE[removal.kind]} {removal.kind} (characters {removal.start}-"
                f'{removal.end} of the extracted text): "{removal.text}"'
            )
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
    if tally.unglued_words:
        notes.append(f"separated {_count(tally.unglued_words, 'pair')} of words run together")
    if tally.restored_line_breaks:
        notes.append(
            f"restored {_count(tally.restored_line_breaks, 'line break')} before headings "
            "and attendance labels run into the text before them"
        )
    return notes


def clean_text(raw: str) -> CleanedText:
    """Clean reader output for the parser; ``warnings`` say what was removed or repaired."""
    tally = _Tally()
    # Markup stored as text first becomes the lines it stands for; the passes then read
    # a text that is not the input, so they place what they remove in it by its words.
    text = markup_to_lines(raw)
    for _ in range(MAX_PASSES):
        changes = _changes(tally)
        cleaned = _clean_once(text, tally, raw, first_pass=text is raw)
        if cleaned == text:
            break
        text = cleaned
        if _changes(tally) == changes:
            # Only characters and spacing changed: a further pass would change nothing.
            break
    removed = tuple(sorted(tally.removed, key=lambda removal: (removal.start, removal.end)))
    return CleanedText(text=text, warnings=_warnings(tally), removed=removed)
