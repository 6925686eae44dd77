"""Blocks: emitted cells that layers are merged into, sentence by sentence."""

from __future__ import annotations

from bisect import bisect_right

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


class Block:
    """An emitted cell; it may be carried on by continuation lines and receive layers.

    Once ``open`` it is a list of sentences; ``support`` counts, per sentence, the copies
    that hold it (the cell itself included).
    """

    def __init__(self, block_id: int, text: str, section: int, clock: int) -> None:
        self.id = block_id
        # The text until the block is opened, in the pieces continuation lines added: joined
        # when read, so carrying a long paragraph on line by line is not quadratic.
        self._pieces = [text]
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

    def open(self) -> None:
        """Split into sentences before the first merge."""
        if not self.opened:
            self.opened = True
            self.sentences = split_sentences(self.text)
            self.keys = [sentence_key(s) for s in self.sentences]
            self.support = [1] * len(self.sentences)

    def tail(self, chars: int = 400) -> str:
        return " ".join(self.sentences[-3:])[-chars:] if self.opened else self._end(chars)

    def append(self, continuation: str) -> bool:
        """Carry the last sentence on with ``continuation``; True when a hyphen was removed.

        When the block ends where a layer was cut mid-word ("all 14 reco") and the
        continuation starts with the whole word ("recommendations"), the piece goes.
        """
        if not self.opened:
            end = self._end(2)
            if continuation[:1].islower() and strip_break_hyphen(end) != end:
                self._pieces[-1] = self._pieces[-1][:-1]
                self._pieces.append(continuation)
                self._length += len(continuation) - 1
                return True
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
        support = self.support[-1]
        del self.sentences[-1], self.keys[-1], self.support[-1]
        for piece in split_sentences(combined):
            self.sentences.append(piece)
            self.keys.append(sentence_key(piece))
            self.support.append(support)
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

    def find(self, key: str, from_sentence: int | None = None) -> tuple[int, int] | None:
        """First and last sentence covered by ``key``, searching from ``from_sentence`` on.

        Falls back to a match anywhere when there is none from there on.
        """
        joined, starts = self._layout()
        offset = starts[from_sentence] if from_sentence is not None else 0
        at = joined.find(key, offset)
        if at < 0 and offset:
            at = joined.find(key)
        if at < 0:
            return None
        first = bisect_right(starts, at) - 1
        last = bisect_right(starts, at + len(key) - 1) - 1
        return first, last

    def completion_of(self, sentence: str, key: str) -> tuple[int, str] | None:
        """A cut sentence that ``sentence`` completes, and the completed text.

        Either the cut sentence lies inside ``sentence``, or the two overlap: one ends
        with what the other starts with.
        """
        for index, (own, own_key) in enumerate(zip(self.sentences, self.keys, strict=True)):
            if own_key == key or not is_cut(own):
                continue
            if own_key.count(" ") + 1 >= PARTIAL_MIN_WORDS and own_key in key:
                return index, sentence
            if ends_mid_sentence(own):
                overlap = overlap_length(own_key, key)
                joined = _overlap_join(own, sentence, overlap) if overlap else None
                if joined is not None:
                    return index, joined
            if starts_mid_sentence(own):
                overlap = overlap_length(key, own_key)
                joined = _overlap_join(sentence, own, overlap) if overlap else None
                if joined is not None:
                    return index, joined
        return None

    def insert(self, index: int, sentence: str) -> None:
        self.sentences.insert(index, sentence)
        self.keys.insert(index, sentence_key(sentence))
        self.support.insert(index, 1)
        self._joined = None

    def replace(self, index: int, sentence: str) -> None:
        self.sentences[index] = sentence
        self.keys[index] = sentence_key(sentence)
        self.support[index] += 1
        self._joined = None

    def keep_only(self, alive: list[bool]) -> None:
        self.sentences = [s for s, keep in zip(self.sentences, alive, strict=True) if keep]
        self.keys = [k for k, keep in zip(self.keys, alive, strict=True) if keep]
        self.support = [n for n, keep in zip(self.support, alive, strict=True) if keep]
        self._joined = None

    def render(self) -> str:
        return " ".join(self.sentences) if self.opened else self.text
