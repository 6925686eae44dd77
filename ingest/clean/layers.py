"""Layered duplicates: overlapping copies of one passage, each cut at a different place.

Some extractions hold a passage several times over, as copies that overlap and are cut
mid-sentence (even mid-word), on separate lines or side by side in tab cells, some of
them garbled by splicing. Cells are read in order and kept as *blocks*; a cell that
carries on the sentence the previous block left unfinished is joined to it. A cell is a
*layer* when a long run of its words already occurs in a recent block of the same agenda
item (found through an index of word shingles, so the work stays linear in the size of
the text). A layer is not emitted: its sentences are merged into the block it copies, so
every sentence is kept once and in order: a copy's sentence already there is dropped, a
sentence cut short is completed by a longer copy, a new one goes after the last sentence
its copy matched. Garbled sentences spliced from two others are dropped at the end.
Cells that are not layers are left as they are, so ordinary repeated sentences in
minutes are never touched.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ingest.clean.blocks import Block, Completion, overlap_length
from ingest.clean.lines import (
    MAX_JOIN_BLANKS,
    PAGE_BREAK,
    Line,
    Places,
    is_item_heading,
    starts_as_continuation,
)
from ingest.clean.places import RemovalKind, Removed, Spot
from ingest.clean.sentences import (
    ends_mid_sentence,
    facts,
    is_cut,
    sentence_key,
    skeleton,
    split_sentences,
    starts_mid_sentence,
    words,
)
from ingest.clean.tidy import tidy

# A run of this many words shared with earlier text is what makes a cell a candidate layer.
SHINGLE_WORDS = 10
# Shorter cells are never layers by themselves (whole duplicate paragraphs included).
MIN_LAYER_WORDS = 12
# A cell shorter than this (a line of a PDF page, a stock update repeated under two
# actions) is a layer only next to other layers.
SHORT_LAYER_WORDS = 20
# A layer copies a block of the same agenda item emitted at most this many words earlier.
WINDOW_WORDS = 3000
# A cell cut at either end is a layer when this share of its shingles is a copy, or the
# longest copied run reaches CUT_MIN_RUN words, or it copies the block just before it.
# A cell that reads as complete needs more (or a CUT_MIN_RUN run copied from the block
# just before it), and complete table cells are never layers unless their row holds one.
CUT_MIN_COVERAGE = 0.3
CUT_MIN_RUN = 20
WHOLE_MIN_COVERAGE = 0.75
WHOLE_MIN_RUN = 25
# Layers are merged into blocks of at most this many characters, from cells of at most
# as many: merging compares each sentence of the layer with the whole block, so the work
# grows as their product. Copied passages are paragraphs (the longest in the samples and
# the seed is about 3,000 characters); a longer "paragraph" (a text without line breaks)
# is left as it is rather than merged at a cost quadratic in its length.
MAX_LAYER_CHARS = 20_000
# Sentences with fewer words are too common to place a layer by.
ANCHOR_MIN_WORDS = 4
# How much of the end of a block is compared with the start of the next cell.
TAIL_CHARS = 400
# Words a new sentence must share with the start of a cut sentence to be placed after it.
SHARED_OPENING_WORDS = 3


@dataclass
class LayerReport:
    """Counts of what the layer step merged, completed, dropped and joined, and the
    passages it removed."""

    layers: int = 0
    added_sentences: int = 0
    completed_sentences: int = 0
    splices: int = 0
    partials: int = 0
    broken_lines: int = 0
    hyphenated_words: int = 0
    removed: list[Removed] = field(default_factory=list)

    def remove(self, kind: RemovalKind, text: str, spot: Spot | None) -> None:
        if spot is not None and text:
            self.removed.append(Removed(kind, text, spot))


@dataclass(frozen=True)
class _Copy:
    """A cell (or an absorbed block) read as a copy: its sentences, their keys and spots,
    and whether it is cut (at either end)."""

    text: str
    sentences: list[str]
    keys: list[str]
    spots: list[Spot | None]
    cut: bool

    @classmethod
    def of_cell(cls, cell: str, spot: Spot | None) -> _Copy:
        sentences = split_sentences(cell)
        spots: list[Spot | None] = []
        position = 0
        for sentence in sentences:
            spots.append(spot.within(position, position + len(sentence)) if spot else None)
            position += len(sentence) + 1
        return cls(cell, sentences, [sentence_key(s) for s in sentences], spots, is_cut(cell))

    @classmethod
    def of_block(cls, block: Block) -> _Copy:
        block.open()
        text = block.render()
        return cls(text, list(block.sentences), list(block.keys), list(block.spots), is_cut(text))


@dataclass(frozen=True)
class _Match:
    """The block a cell copies most, the share of the cell's shingles found there, the
    longest copied run of words, the cell's length in words, and the other blocks it
    shares a run of words with."""

    block: int
    coverage: float
    run_words: int
    words: int
    others: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Context:
    """Where a cell stands: the block just before it, whether it is in a table row, and
    whether layers were found in its row or on the line before."""

    previous: int | None
    table_row: bool
    layered: bool


def _tokens(text: str) -> list[str]:
    """Lower-case words with their punctuation: copies are verbatim, so this is enough."""
    return text.lower().split()


def _shingles(text_words: list[str]) -> list[int]:
    """Hashes of every run of ``SHINGLE_WORDS`` consecutive words."""
    if len(text_words) < SHINGLE_WORDS:
        return []
    runs = zip(*(text_words[offset:] for offset in range(SHINGLE_WORDS)), strict=False)
    return list(map(hash, runs))


def _strong(key: str) -> bool:
    return key.count(" ") + 1 >= ANCHOR_MIN_WORDS


def _shares_opening(first: str, second: str) -> bool:
    opening = words(first)[:SHARED_OPENING_WORDS]
    return len(opening) == SHARED_OPENING_WORDS and words(second)[:SHARED_OPENING_WORDS] == opening


def _all_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters)


def _is_layer(cell: str, match: _Match | None, context: _Context) -> bool:
    """Whether a cell with this match is a copy of earlier text."""
    if match is None:
        return False
    if is_cut(cell):
        if match.words < SHORT_LAYER_WORDS and not context.layered:
            return False
        return (
            match.coverage >= CUT_MIN_COVERAGE
            or match.run_words >= CUT_MIN_RUN
            or match.block == context.previous
        )
    if (context.table_row or match.words < SHORT_LAYER_WORDS) and not context.layered:
        return False
    return (
        match.coverage >= WHOLE_MIN_COVERAGE
        or match.run_words >= WHOLE_MIN_RUN
        or (match.block == context.previous and match.run_words >= CUT_MIN_RUN)
    )


class _Merger:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        # Shingle -> block, one index per agenda item; ``index`` is the current item's.
        self.index: dict[int, int] = {}
        self.indexes: dict[int, dict[int, int]] = {0: self.index}
        self.heading_sections: dict[Line, int] = {}
        self.out: list[list[Block] | Line] = []
        self.section = 0
        self.clock = 0
        self.report = LayerReport()
        # The block the last content cell belongs to, and the blank lines since.
        self.previous: int | None = None
        self.blanks = 0
        self.page_break = False
        # The block a layer ending mid-sentence was merged into, while its copy goes on.
        self.layer_tail: int | None = None
        # Whether the last content line held a layer.
        self.layered_line = False

    # -- finding layers ------------------------------------------------------------------

    def _eligible(self, block: Block) -> bool:
        return block.section == self.section and self.clock - block.clock <= WINDOW_WORDS

    def _match(self, shingles: list[int]) -> _Match | None:
        if len(shingles) < MIN_LAYER_WORDS - SHINGLE_WORDS + 1 or self.index.keys().isdisjoint(
            shingles
        ):
            return None
        hits: dict[int, int] = defaultdict(int)
        longest: dict[int, int] = defaultdict(int)
        eligible: dict[int, bool] = {}
        lookup = self.index.get
        previous, run = -1, 0
        for shingle in shingles:
            found = lookup(shingle)
            if found is not None and found not in eligible:
                eligible[found] = self._eligible(self.blocks[found])
            if found is None or not eligible[found]:
                previous, run = -1, 0
                continue
            hits[found] += 1
            run = run + 1 if found == previous else 1
            if run > longest[found]:
                longest[found] = run
            previous = found
        if not hits:
            return None
        ranked = sorted(hits, key=lambda block: (hits[block], block), reverse=True)
        best = ranked[0]
        return _Match(
            best,
            hits[best] / len(shingles),
            longest[best] + SHINGLE_WORDS - 1,
            len(shingles) + SHINGLE_WORDS - 1,
            tuple(ranked[1:]),
        )

    def _index_words(self, block_id: int, text_words: list[str]) -> None:
        self._index_shingles(block_id, _shingles(text_words))

    def _index_shingles(self, block_id: int, shingles: list[int]) -> None:
        self.index.update(dict.fromkeys(shingles, block_id))

    # -- merging -------------------------------------------------------------------------

    def _anchors(self, block: Block, copy: _Copy) -> bool:
        """Whether a sentence of the copy, long enough to place it by, is in the block."""
        return any(
            _strong(key)
            and (
                self._locate(block, copy, index, None) is not None
                or block.completion_of(sentence, key) is not None
            )
            for index, (sentence, key) in enumerate(zip(copy.sentences, copy.keys, strict=True))
        )

    def _mergeable(self, block_id: int, cell: str) -> bool:
        """Whether the cell and the block are short enough to merge (``MAX_LAYER_CHARS``)."""
        return len(cell) <= MAX_LAYER_CHARS and self.blocks[block_id].size <= MAX_LAYER_CHARS

    def _locate(
        self, block: Block, copy: _Copy, index: int, after: int | None
    ) -> tuple[int, int] | None:
        """The sentences of the block that sentence ``index`` of the copy repeats.

        A copy is verbatim: its sentences match whole sentences of the block, except at
        an end where the copy is cut, which may fall inside a sentence but not inside a
        figure. A piece that starts or ends like a sentence ("All cases were closed.")
        does not match inside one whose rest holds a fact ("Not all cases ...").
        """
        last = len(copy.sentences) - 1
        found = block.find(copy.keys[index], after)
        if found is not None or not copy.cut or 0 < index < last:
            return found
        sentence = copy.sentences[index]
        match = block.match(copy.keys[index], after, start_free=index == 0, end_free=index == last)
        if match is None:
            return None
        if match.before and not starts_mid_sentence(sentence) and facts(match.before):
            return None
        if match.after and not ends_mid_sentence(sentence) and facts(match.after):
            return None
        return match.first, match.last

    def _is_variant(self, block: Block, copy: _Copy) -> bool:
        """Whether the copy holds a sentence of the block with other figures, names, dates
        or negations: then it is a new passage in the same words, not a copy."""
        shapes: dict[str, set[str]] = {}
        for key, sentence in zip(block.keys, block.sentences, strict=True):
            if not is_cut(sentence):
                shapes.setdefault(skeleton(sentence), set()).add(key)
        for sentence, key in zip(copy.sentences, copy.keys, strict=True):
            if is_cut(sentence):
                continue
            same_words = shapes.get(skeleton(sentence))
            if same_words and key not in same_words:
                return True
        return False

    def _overlaps(self, block: Block, copy: _Copy) -> bool:
        """Whether a complete cell is a copy overlapping the block: its sentences repeat
        a run of the block's, in order, and any others lie beyond the block's ends."""
        block.open()
        matches: list[tuple[int, int] | None] = []
        after: int | None = None
        for sentence, key in zip(copy.sentences, copy.keys, strict=True):
            found = block.find(key, after)
            if found is None:
                completion = block.completion_of(sentence, key)
                found = (completion.index, completion.index) if completion else None
            matches.append(found)
            if found is not None:
                after = found[1]
        hits = [index for index, found in enumerate(matches) if found is not None]
        if not hits or hits != list(range(hits[0], hits[-1] + 1)):
            return False
        previous: int | None = None
        for index in hits:
            first, last = matches[index] or (0, 0)
            if previous is not None and first not in (previous, previous + 1):
                return False
            previous = last
        first_hit, last_hit = matches[hits[0]], matches[hits[-1]]
        if hits[0] > 0 and (first_hit is None or first_hit[0] != 0):
            return False
        return not (
            hits[-1] < len(matches) - 1
            and (last_hit is None or last_hit[1] != len(block.sentences) - 1)
        )

    def _merge(self, block_id: int, copy: _Copy) -> bool:
        """Merge the sentences of a layer into a block; False when none of them anchors,
        when the layer says something else in the same words (``_is_variant``), or when
        either is longer than ``MAX_LAYER_CHARS``."""
        if not self._mergeable(block_id, copy.text):
            return False
        block = self.blocks[block_id]
        block.open()
        if not self._anchors(block, copy) or self._is_variant(block, copy):
            return False
        block.merged = True
        anchor: int | None = None
        pending: list[tuple[str, Spot | None]] = []
        for index, (sentence, key, spot) in enumerate(
            zip(copy.sentences, copy.keys, copy.spots, strict=True)
        ):
            found = self._locate(block, copy, index, anchor)
            if found is not None:
                first, last = found
                for covered in range(first, last + 1):
                    block.support[covered] += 1
                self.report.remove(RemovalKind.LAYERED_COPY, sentence, spot)
                if _strong(key):
                    if anchor is None:
                        anchor = self._place_pending(block_id, pending, first) + (last - first)
                    elif first >= anchor:
                        anchor = last
                continue
            completion = block.completion_of(sentence, key)
            if completion is not None:
                self._complete(block, completion, sentence, spot)
                self._index_words(block_id, _tokens(completion.text))
                if anchor is None:
                    anchor = self._place_pending(block_id, pending, completion.index)
                elif completion.index >= anchor:
                    anchor = completion.index
                continue
            if anchor is None:
                pending.append((sentence, spot))
                continue
            following = anchor + 1
            cut_next = following < len(block.sentences) and ends_mid_sentence(
                block.sentences[following]
            )
            if cut_next and key.startswith(block.keys[following]):
                # The sentence cut off right after the anchor, however short: complete it.
                anchor = following
                replaced, replaced_spot = block.replace(anchor, sentence, spot)
                self.report.remove(RemovalKind.CUT_COPY, replaced, replaced_spot)
                self.report.completed_sentences += 1
                continue
            if cut_next and _shares_opening(block.sentences[following], sentence):
                anchor = following
            anchor += 1
            block.insert(anchor, sentence, spot)
            self.report.added_sentences += 1
        block.clock = self.clock
        block.ragged_end = ends_mid_sentence(copy.text) and block.keys[-1].endswith(copy.keys[-1])
        self._index_words(block_id, _tokens(block.render()))
        return True

    def _complete(
        self, block: Block, completion: Completion, sentence: str, spot: Spot | None
    ) -> None:
        """Put a completed sentence in place of the cut one, and note the text that went:
        the cut sentence when it lies inside the layer's, else the layer's part of the
        seam where the two overlap."""
        own_spot = block.spots[completion.index]
        kept_spot = spot if completion.overlap == 0 or completion.layer_first else own_spot
        replaced, replaced_spot = block.replace(completion.index, completion.text, kept_spot)
        if completion.overlap == 0:
            self.report.remove(RemovalKind.CUT_COPY, replaced, replaced_spot)
        elif completion.layer_first:
            seam = replaced[: completion.overlap]
            self.report.remove(
                RemovalKind.CUT_COPY,
                seam,
                replaced_spot.within(0, len(seam)) if replaced_spot else None,
            )
        else:
            seam = sentence[: completion.overlap]
            self.report.remove(
                RemovalKind.CUT_COPY, seam, spot.within(0, len(seam)) if spot else None
            )
        self.report.completed_sentences += 1

    def _place_pending(
        self, block_id: int, pending: list[tuple[str, Spot | None]], before: int
    ) -> int:
        """Insert the sentences seen before the first anchor; return where ``before`` went."""
        block = self.blocks[block_id]
        for offset, (sentence, spot) in enumerate(pending):
            block.insert(before + offset, sentence, spot)
            self._index_words(block_id, _tokens(sentence))
        self.report.added_sentences += len(pending)
        moved = before + len(pending)
        pending.clear()
        return moved

    # -- joining and emitting ------------------------------------------------------------

    def _may_continue(self, cell: str) -> bool:
        return starts_as_continuation(cell) and (self.blanks <= MAX_JOIN_BLANKS or self.page_break)

    def _append(self, block_id: int, cell: str, spot: Spot | None) -> None:
        """Join a continuation to the block whose sentence it carries on."""
        block = self.blocks[block_id]
        seam = _tokens(block.tail())[-(SHINGLE_WORDS - 1) :]
        cell_words = _tokens(cell)
        if block.append(cell, spot):
            self.report.hyphenated_words += 1
        else:
            self.report.broken_lines += 1
        self.clock += len(cell_words)
        block.clock = self.clock
        self._index_words(block_id, seam + cell_words)

    def _emit(self, cell: str, spot: Spot, word_count: int, shingles: list[int]) -> Block:
        self.clock += word_count
        block = Block(len(self.blocks), cell, self.section, self.clock, spot)
        self.blocks.append(block)
        self._index_shingles(block.id, shingles)
        return block

    def _extends_previous(self, cell: str) -> bool:
        """Whether ``cell`` starts with the words the previous block ends with.

        Outside layered text the previous block must also end mid-sentence.
        """
        if self.previous is None:
            return False
        block = self.blocks[self.previous]
        in_layers = self.layer_tail is not None or self.layered_line
        if not in_layers and not block.ends_mid_sentence():
            return False
        tail = sentence_key(block.tail(TAIL_CHARS))
        return overlap_length(tail, sentence_key(cell[:TAIL_CHARS])) > 0

    def _continue(self, cell: str, spot: Spot) -> bool:
        """Merge or join a cell that carries on the text before it; False if it does not."""
        if not self._may_continue(cell):
            return False
        if self.layer_tail is not None and self._merge(self.layer_tail, _Copy.of_cell(cell, spot)):
            self.report.layers += 1
            if not ends_mid_sentence(cell):
                self.layer_tail = None
            return True
        if self.previous is None or not self.blocks[self.previous].ends_mid_sentence():
            return False
        self._append(self.previous, cell, spot)
        self.layer_tail = None
        return True

    def _carries_on(self, cell: str) -> bool:
        """Whether ``cell`` may carry on the text before it (see ``_continue``)."""
        if not self._may_continue(cell):
            return False
        if self.layer_tail is not None:
            return True
        return self.previous is not None and self.blocks[self.previous].ends_mid_sentence()

    def _fuse(self, target: int, others: tuple[int, ...]) -> None:
        """Merge into one block the fragments a layer shows to be parts of one passage.

        A copy that overlapped nothing when it came was emitted as a block of its own;
        when a later layer overlaps both it and ``target``, the later of the two blocks is
        merged into the earlier one and disappears from its line.
        """
        for other in others:
            first, second = sorted((target, other))
            keep, gone = self.blocks[first], self.blocks[second]
            if gone.absorbed or keep.absorbed or not is_cut(gone.render()):
                continue
            if self._merge(first, _Copy.of_block(gone)):
                gone.absorbed = True
                self.report.layers += 1
                if self.previous == second:
                    self.previous = first
                if self.layer_tail == second:
                    self.layer_tail = first
                target = first

    def _reflow(self, block_id: int, cell: str) -> int:
        """Join the lines of a paragraph broken before capitals when a layer copies it.

        Lines of a PDF page broken before a capital stay apart (they may be new
        paragraphs), but when a layer copies across such a break they are one passage:
        the chain of lines is joined into its first block, which the layer then targets.
        """
        chain = self._chain(block_id)
        if chain is None or len(chain) == 1:
            return block_id
        text = " ".join(self.blocks[part].render() for part in chain)
        trial = Block(-1, text, self.section, self.clock)
        trial.open()
        if not self._anchors(trial, _Copy.of_cell(cell, None)):
            return block_id
        head = self.blocks[chain[0]]
        for part in chain[1:]:
            joined = self.blocks[part]
            head.append(joined.render(), joined.first_spot)
            joined.absorbed = True
            self.report.broken_lines += 1
            if self.previous == part:
                self.previous = head.id
            if self.layer_tail == part:
                self.layer_tail = head.id
        head.soft_next = None
        self._index_words(head.id, _tokens(head.render()))
        return head.id

    def _chain(self, block_id: int) -> list[int] | None:
        """The lines linked to a block as parts of one paragraph (``soft_previous`` and
        ``soft_next``), in order; None when they hold more than ``MAX_LAYER_CHARS``."""
        size = self.blocks[block_id].size
        before: list[int] = []
        after: list[int] = []
        for links, step in ((before, "soft_previous"), (after, "soft_next")):
            current = block_id
            while (linked := getattr(self.blocks[current], step)) is not None:
                links.append(linked)
                size += self.blocks[linked].size + 1
                if size > MAX_LAYER_CHARS:
                    return None
                current = linked
        return [*reversed(before), block_id, *after]

    def _take(
        self, cell: str, spot: Spot, match: _Match | None, context: _Context, first: bool
    ) -> str:
        """Merge ``cell`` as a layer, or (``first`` cell only) join it as a continuation.

        A cell that reads as complete, on a line of its own among unlayered text, is a
        layer only when it overlaps the block it copies (``_overlaps``): a paragraph
        repeating most of an earlier one with a sentence of its own is not a copy.
        Returns "layer", "joined" or "" (neither: the cell is to be emitted).
        """
        target: int | None = None
        if _is_layer(cell, match, context) and match:
            target = match.block
        elif self._extends_previous(cell):
            target = self.previous
        if target is not None and not self._mergeable(target, cell):
            target = None
        if target is None:
            return "joined" if first and self._continue(cell, spot) else ""
        copy = _Copy.of_cell(cell, spot)
        if not copy.cut and not context.layered and not self._overlaps(self.blocks[target], copy):
            target = None
        if target is not None and _all_capitals(cell) != _all_capitals(
            self.blocks[target].render()
        ):
            # Copies are verbatim: a banner in capitals repeating a line in mixed case
            # (or the other way round) is written twice on purpose.
            target = None
        if target is not None:
            target = self._reflow(target, cell)
        if target is not None and self._merge(target, copy):
            self.report.layers += 1
            self.layer_tail = target if ends_mid_sentence(cell) else None
            if match is not None and target == match.block:
                self._fuse(target, match.others)
            return "layer"
        return "joined" if first and self._continue(cell, spot) else ""

    def add(self, line: Line, places: Places) -> None:
        if line == PAGE_BREAK or not line:
            self.out.append(line)
            if line:
                self.page_break = True
            else:
                self.blanks += 1
            return
        if is_item_heading(line):
            # Layers stay within an agenda item. A heading seen before (repeated with the
            # text under it) goes back to its item, so the copied text is found there.
            self.section = self.heading_sections.setdefault(line, len(self.heading_sections) + 1)
            self.index = self.indexes.setdefault(self.section, {})
        cell_words = [_tokens(cell) for cell in line]
        cell_shingles = [_shingles(ws) for ws in cell_words]
        table_row = len(line) > 1
        first_match = self._match(cell_shingles[0])
        layered = self.layered_line or (
            table_row
            and any(
                _is_layer(cell, self._match(shingles), _Context(self.previous, True, False))
                for cell, shingles in zip(line, cell_shingles, strict=True)
            )
        )
        # The first cell of a row may carry on the text before only if the rest of the row
        # are layers; so it waits until they are merged.
        carries_on = self._carries_on(line[0])
        defer_first = (
            table_row
            and carries_on
            and not _is_layer(line[0], first_match, _Context(self.previous, True, layered))
            and not self._extends_previous(line[0])
        )
        blocks: list[Block | None] = [None] * len(line)
        order = [*range(1, len(line)), 0] if defer_first else list(range(len(line)))
        for position in order:
            cell = line[position]
            spot = places[position].spot(0, len(cell))
            fresh = position == order[0]
            match = first_match if fresh and position == 0 else self._match(cell_shingles[position])
            # Only a row's first cell may join the text before, and in a row only once the
            # other cells have gone as layers.
            first = position == 0 and (not table_row or (defer_first and not any(blocks[1:])))
            context = _Context(self.previous, table_row, layered)
            taken = self._take(cell, spot, match, context, first)
            if taken == "layer":
                layered = True
            elif not taken:
                emitted = self._emit(cell, spot, len(cell_words[position]), cell_shingles[position])
                emitted.solo = not table_row
                blocks[position] = emitted
                self.layer_tail = None
        kept = [block for block in blocks if block is not None and not block.absorbed]
        self.layered_line = layered
        if len(line) == 1 and kept and not carries_on:
            self._link_broken_line(kept[0])
        if carries_on and blocks[0] is None:
            # The first cell carried on the text before: the gap between was no paragraph end.
            while self.out and self.out[-1] in ((), PAGE_BREAK):
                self.out.pop()
            self.blanks = 0
            self.page_break = False
        if kept:
            self.out.append(kept)
            self.previous = kept[-1].id
            self.blanks = 0
            self.page_break = False

    def _link_broken_line(self, block: Block) -> None:
        """Note a line that may carry on the previous one although it starts with a capital."""
        if self.previous is None or not (self.blanks <= MAX_JOIN_BLANKS or self.page_break):
            return
        before = self.blocks[self.previous]
        if (
            before.solo
            and before.soft_next is None
            and not is_item_heading((before.text,))
            and before.section == block.section
            and before.ends_mid_sentence()
            and not is_item_heading((block.text,))
            and block.text[:1].isalnum()
        ):
            before.soft_next = block.id
            block.soft_previous = before.id

    # -- output -------------------------------------------------------------------------

    def finish(self) -> list[Line]:
        for block in self.blocks:
            if block.merged:
                tidied = tidy(block)
                self.report.partials += len(tidied.partials)
                self.report.splices += len(tidied.splices)
                for text, spot in tidied.partials:
                    self.report.remove(RemovalKind.CUT_COPY, text, spot)
                for text, spot in tidied.splices:
                    self.report.remove(RemovalKind.SPLICE, text, spot)
        lines: list[Line] = []
        for cells in self.out:
            if isinstance(cells, tuple):  # a blank line or a page break
                lines.append(cells)
                continue
            rendered = [cell.render() for cell in cells if not cell.absorbed]
            if rendered:
                lines.append(tuple(text for text in rendered if text))
        return lines


def remove_layers(lines: list[Line], places: list[Places]) -> tuple[list[Line], LayerReport]:
    """Merge layered duplicate cells into the text they copy and rejoin broken sentences.

    ``places`` gives each line's cells' places (see ``split_lines``); the report lists
    every passage removed, by where it stood.
    """
    merger = _Merger()
    for line, line_places in zip(lines, places, strict=True):
        merger.add(line, line_places)
    return merger.finish(), merger.report
