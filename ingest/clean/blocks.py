"""Blocks: emitted cells that layers are merged into, sentence by sentence."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ingest.clean.places import Spot
from ingest.clean.sentences import (
    CLOSERS,
    ends_mid_sentence,
    is_cut,
    join_continuation,
    sentence_key,
    split_sentences,
    starts_mid_sentence,
    strip_break_hyphen,
)

# A cut sentence must have this many words before a longer sentence may replace it.
PARTIAL_MIN_WORDS = 3
# Two cut pieces of one sentence overlap by at least this many words and characters.
OVERLAP_MIN_WORDS = 4
OVERLAP_MIN_CHARS = 16


def overlap_length(left: str, right: str) -> int:
    """Characters of the longest end of ``left`` that starts ``right`` (0 when too short).

    The overlap may start inside a word (copies are cut mid-word) but must span at least
    ``OVERLAP_MIN_WORDS`` words and ``OVERLAP_MIN_CHARS`` characters.
    """
    probe = right[:OVERLAP_MIN_CHARS]
    if len(probe) < OVERLAP_MIN_CHARS:
        return 0
    start = left.find(probe)
    while start >= 0:
        if right.startswith(left[start:]):
            enough = left[start:].count(" ") + 1 >= OVERLAP_MIN_WORDS
            return len(left) - start if enough else 0
        start = left.find(probe, start + 1)
    return 0


def _overlap_join(left: str, right: str, overlap: int) -> str | None:
    """``left`` continued by what ``right`` has beyond the overlap, or None if misaligned."""
    if len(sentence_key(right)) != len(right):
        return None
    return strip_break_hyphen(left) + right[overlap:]


@dataclass(frozen=True)
class Completion:
    """A cut sentence of a block (``index``) completed by a layer's sentence: the text,
    and how many characters the two share at the seam (0: the cut sentence lies inside
    the layer's); ``layer_first`` when the text starts with the layer's sentence."""

    index: int
    text: str
    overlap: int
    layer_first: bool


@dataclass(frozen=True)
class Match:
    """Sentences ``first`` to ``last`` of a block repeat a key; ``before`` and ``after``
    are the text of those sentences outside the match (empty when it is whole)."""

    first: int
    last: int
    before: str
    after: str


def _sentence_offsets(sentences: list[str]) -> list[int]:
    """Where each sentence starts in the text they were split from (one space between)."""
    offsets: list[int] = []
    position = 0
    for sentence in sentences:
        offsets.append(position)
        position += len(sentence) + 1
    return offsets


def splits_figure(joined: str, at: int) -> bool:
    """Whether position ``at`` of ``joined`` falls inside a figure ("1|5%", "4|3.2")."""
    if at <= 0 or at >= len(joined):
        return False
    before, after = joined[at - 1], joined[at]
    return before.isalnum() and after.isalnum() and (before.isdigit() or after.isdigit())


class Block:
    """An emitted cell; it may be carried on by continuation lines and receive layers.

    Once ``open`` it is a list of sentences; ``support`` counts, per sentence, the copies
    that hold it (the cell itself included), and ``spots`` where each came from.
    """

    def __init__(
        self, block_id: int, text: str, section: int, clock: int, spot: Spot | None = None
    ) -> None:
        self.id = block_id
        # The text until the block is opened, in the pieces continuation lines added: joined
        # when read, so carrying a long paragraph on line by line is not quadratic. Each
        # piece's start in the text and the cell it came from are kept.
        self._pieces = [text]
        self._piece_starts = [0]
        self._piece_spots = [spot]
        self._length = len(text)
        self.section = section
        self.clock = clock
        self.opened = False
        self.merged = False
        self.absorbed = False
        # Whether the last sentence ends where a layer was cut (maybe inside a word).
        self.ragged_end = False
        # Whether the block is the only cell of its line, and the lines before and after
        # it that may be parts of the same paragraph broken before a capital.
        self.solo = False
        self.soft_previous: int | None = None
        self.soft_next: int | None = None
        self.sentences: list[str] = []
        self.keys: list[str] = []
        self.support: list[int] = []
        self.spots: list[Spot | None] = []
        self._joined: str | None = None
        self._starts: list[int] = []

    @property
    def text(self) -> str:
        if len(self._pieces) > 1:
            self._pieces = ["".join(self._pieces)]
        return self._pieces[0]

    @property
    def size(self) -> int:
        """The length of the text (of its sentences joined, once opened)."""
        if not self.opened:
            return self._length
        return sum(map(len, self.sentences)) + max(0, len(self.sentences) - 1)

    def _end(self, chars: int) -> str:
        """The last ``chars`` characters of the unopened text (all of it if shorter)."""
        end = ""
        for piece in reversed(self._pieces):
            end = piece[-(chars - len(end)) :] + end
            if len(end) >= chars:
                break
        return end

    def ends_mid_sentence(self) -> bool:
        """Whether the last sentence (the text, until opened) goes on in a next line."""
        if self.opened:
            return ends_mid_sentence(self.sentences[-1])
        chars = 64
        while True:
            end = self._end(chars)
            if len(end) < chars or end.rstrip().rstrip(CLOSERS):
                return ends_mid_sentence(end)
            chars *= 4

    @property
    def first_spot(self) -> Spot | None:
        """Where the block's text starts."""
        return self.spots[0] if self.opened and self.spots else self._piece_spots[0]

    def _spot_at(self, offset: int, length: int) -> Spot | None:
        """The cell piece of the unopened text from ``offset`` on, ``length`` long."""
        index = bisect_right(self._piece_starts, offset) - 1
        spot = self._piece_spots[index]
        if spot is None:
            return None
        start = offset - self._piece_starts[index]
        return spot.within(start, start + length)

    def open(self) -> None:
        """Split into sentences before the first merge."""
        if not self.opened:
            self.opened = True
            self.sentences = split_sentences(self.text)
            self.keys = [sentence_key(s) for s in self.sentences]
            self.support = [1] * len(self.sentences)
            self.spots = [
                self._spot_at(offset, len(sentence))
                for offset, sentence in zip(
                    _sentence_offsets(self.sentences), self.sentences, strict=True
                )
            ]

    def tail(self, chars: int = 400) -> str:
        return " ".join(self.sentences[-3:])[-chars:] if self.opened else self._end(chars)

    def append(self, continuation: str, spot: Spot | None = None) -> bool:
        """Carry the last sentence on with ``continuation``; True when a hyphen was removed.

        When the block ends where a layer was cut mid-word ("all 14 reco") and the
        continuation starts with the whole word ("recommendations"), the piece goes.
        """
        if not self.opened:
            end = self._end(2)
            if continuation[:1].islower() and strip_break_hyphen(end) != end:
                self._pieces[-1] = self._pieces[-1][:-1]
                self._length -= 1
                self._piece_starts.append(self._length)
                self._piece_spots.append(spot)
                self._pieces.append(continuation)
                self._length += len(continuation)
                return True
            self._piece_starts.append(self._length + 1)
            self._piece_spots.append(spot)
            self._pieces.append(f" {continuation}")
            self._length += len(continuation) + 1
            return False
        last = self.sentences[-1]
        if self.ragged_end:
            self.ragged_end = False
            head, _, piece = last.rpartition(" ")
            word = continuation.split(" ", 1)[0]
            if head and piece and len(word) > len(piece) and word.startswith(piece):
                last = head
        combined, dehyphenated = join_continuation(last, continuation)
        # Where the continuation starts in the combined sentence.
        seam = len(combined) - len(continuation)
        support = self.support[-1]
        last_spot = self.spots[-1]
        del self.sentences[-1], self.keys[-1], self.support[-1], self.spots[-1]
        pieces = split_sentences(combined)
        for offset, piece in zip(_sentence_offsets(pieces), pieces, strict=True):
            self.sentences.append(piece)
            self.keys.append(sentence_key(piece))
            self.support.append(support)
            if offset < seam or spot is None:
                self.spots.append(last_spot)
            else:
                self.spots.append(spot.within(offset - seam, offset - seam + len(piece)))
        self._joined = None
        return dehyphenated

    def _layout(self) -> tuple[str, list[int]]:
        if self._joined is None:
            starts: list[int] = []
            position = 0
            for key in self.keys:
                starts.append(position)
                position += len(key) + 1
            self._joined = " ".join(self.keys)
            self._starts = starts
        return self._joined, self._starts

    def _fits(self, at: int, end: int, start_free: bool, end_free: bool) -> bool:
        """Whether a match from ``at`` to ``end`` of the joined keys starts and ends where
        sentences do, or (where free) anywhere but inside a figure."""
        joined, starts = self._layout()
        first = bisect_right(starts, at) - 1
        if starts[first] != at and (not start_free or splits_figure(joined, at)):
            return False
        last = bisect_right(starts, end - 1) - 1
        whole = starts[last] + len(self.keys[last]) == end
        return whole or (end_free and not splits_figure(joined, end))

    def find(
        self,
        key: str,
        from_sentence: int | None = None,
        *,
        start_free: bool = False,
        end_free: bool = False,
    ) -> tuple[int, int] | None:
        """First and last sentence covered by ``key``, searching from ``from_sentence`` on.

        The match starts and ends where sentences of the block do, except at an end that
        is ``free`` (the end of a copy cut there), which may fall anywhere but inside a
        figure. Falls back to a match anywhere when there is none from there on.
        """
        found = self.match(key, from_sentence, start_free=start_free, end_free=end_free)
        return None if found is None else (found.first, found.last)

    def match(
        self,
        key: str,
        from_sentence: int | None = None,
        *,
        start_free: bool = False,
        end_free: bool = False,
    ) -> Match | None:
        """Like ``find``, with the text of the covered sentences left out of the match."""
        if not key:
            return None
        joined, starts = self._layout()
        offset = starts[from_sentence] if from_sentence is not None else 0
        for origin in (offset, 0) if offset else (0,):
            at = joined.find(key, origin)
            while at >= 0:
                end = at + len(key)
                if self._fits(at, end, start_free, end_free):
                    first = bisect_right(starts, at) - 1
                    last = bisect_right(starts, end - 1) - 1
                    return Match(
                        first,
                        last,
                        self._slice(first, 0, at - starts[first]),
                        self._slice(last, end - starts[last], len(self.keys[last])),
                    )
                at = joined.find(key, at + 1)
        return None

    def _slice(self, index: int, start: int, end: int) -> str:
        """Part of a sentence by offsets into its key (the key itself if lengths differ)."""
        sentence = self.sentences[index]
        text = sentence if len(sentence) == len(self.keys[index]) else self.keys[index]
        return text[start:end]

    def completion_of(self, sentence: str, key: str) -> Completion | None:
        """A cut sentence that ``sentence`` completes, and the completed text.

        Either the cut sentence lies inside ``sentence``, or the two overlap: one ends
        with what the other starts with. A cut inside a figure completes nothing: "rose
        by 5" may be the start of "rose by 55%" or of "rose by 5%".
        """
        for index, (own, own_key) in enumerate(zip(self.sentences, self.keys, strict=True)):
            if own_key == key or not is_cut(own):
                continue
            if own_key.count(" ") + 1 >= PARTIAL_MIN_WORDS:
                at = key.find(own_key)
                while at >= 0:
                    end = at + len(own_key)
                    if not splits_figure(key, at) and not splits_figure(key, end):
                        return Completion(index, sentence, 0, layer_first=True)
                    at = key.find(own_key, at + 1)
            if ends_mid_sentence(own):
                overlap = overlap_length(own_key, key)
                joined = _overlap_join(own, sentence, overlap) if overlap else None
                if joined is not None:
                    return Completion(index, joined, overlap, layer_first=False)
            if starts_mid_sentence(own):
                overlap = overlap_length(key, own_key)
                joined = _overlap_join(sentence, own, overlap) if overlap else None
                if joined is not None:
                    return Completion(index, joined, overlap, layer_first=True)
        return None

    def insert(self, index: int, sentence: str, spot: Spot | None) -> None:
        self.sentences.insert(index, sentence)
        self.keys.insert(index, sentence_key(sentence))
        self.support.insert(index, 1)
        self.spots.insert(index, spot)
        self._joined = None

    def replace(self, index: int, sentence: str, spot: Spot | None) -> tuple[str, Spot | None]:
        """Put ``sentence`` in place of sentence ``index``; return the one replaced."""
        replaced = self.sentences[index], self.spots[index]
        self.sentences[index] = sentence
        self.keys[index] = sentence_key(sentence)
        self.support[index] += 1
        self.spots[index] = spot
        self._joined = None
        return replaced

    def keep_only(self, alive: list[bool]) -> list[tuple[str, Spot | None]]:
        """Keep the sentences marked alive; return the others, with their spots."""
        gone = [
            (sentence, spot)
            for sentence, spot, keep in zip(self.sentences, self.spots, alive, strict=True)
            if not keep
        ]
        self.sentences = [s for s, keep in zip(self.sentences, alive, strict=True) if keep]
        self.keys = [k for k, keep in zip(self.keys, alive, strict=True) if keep]
        self.support = [n for n, keep in zip(self.support, alive, strict=True) if keep]
        self.spots = [p for p, keep in zip(self.spots, alive, strict=True) if keep]
        self._joined = None
        return gone

    def render(self) -> str:
        return " ".join(self.sentences) if self.opened else self.text
