"""Tidying a passage that received layers: cut-off pieces and spliced sentences go."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ingest.clean.blocks import Block, splits_figure
from ingest.clean.places import Spot
from ingest.clean.sentences import facts, is_cut, words

# A splice: a prefix and a suffix (each of at least SPLICE_END_WORDS) of kept sentences,
# at most SPLICE_MAX_GAP other words between, covering SPLICE_MIN_SHARE of its words.
SPLICE_END_WORDS = 4
SPLICE_MAX_GAP = 6
SPLICE_MIN_SHARE = 0.6


@dataclass
class Tidied:
    """The cut-off pieces and the spliced sentences dropped from a block, with their spots."""

    partials: list[tuple[str, Spot | None]] = field(default_factory=list)
    splices: list[tuple[str, Spot | None]] = field(default_factory=list)


def _occurs_elsewhere(joined: str, key: str, own: int) -> bool:
    """Whether ``key`` occurs in ``joined`` other than at ``own``, and not inside a figure."""
    at = joined.find(key)
    while at >= 0:
        if at != own and not splits_figure(joined, at) and not splits_figure(joined, at + len(key)):
            return True
        at = joined.find(key, at + 1)
    return False


def tidy(block: Block) -> Tidied:
    """Drop cut-off pieces found elsewhere in the block, then splices."""
    tidied = Tidied()
    alive = [True] * len(block.sentences)
    joined = " ".join(block.keys)
    last = len(block.sentences) - 1
    position = 0
    for index, (sentence, key) in enumerate(zip(block.sentences, block.keys, strict=True)):
        # The last sentence may go on in the next line, unless a layer cut it.
        kept_open = index == last and not block.ragged_end
        if is_cut(sentence) and not kept_open and _occurs_elsewhere(joined, key, position):
            alive[index] = False
        position += len(key) + 1
    tidied.partials = block.keep_only(alive)
    alive = [True] * len(block.sentences)
    sentence_words = [words(s) for s in block.sentences]
    by_head: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_tail: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, ws in enumerate(sentence_words):
        if len(ws) >= SPLICE_END_WORDS:
            by_head[tuple(ws[:SPLICE_END_WORDS])].append(index)
            by_tail[tuple(ws[-SPLICE_END_WORDS:])].append(index)
    for index in sorted(range(len(sentence_words)), key=lambda i: block.support[i]):
        sources = _splice_sources(index, sentence_words, block.support, alive, by_head, by_tail)
        if sources is not None and _brings_nothing(block.sentences, sentence_words, index, sources):
            alive[index] = False
    tidied.splices = block.keep_only(alive)
    return tidied


def _brings_nothing(
    sentences: list[str], sentence_words: list[list[str]], index: int, sources: tuple[int, int]
) -> bool:
    """Whether a splice says nothing its sources do not.

    A garbled splice only repeats parts of the sentences it was cut from: every figure,
    name, date and negation of it is theirs, so a sentence with one of its own ("risen by
    55.1%" between the start and end of "grown by 39.8%") is kept. The start and end of
    one sentence around other words say something else when those words or a fact differ:
    "There was a better understanding now of the quality of supervision, which had ..."
    beside "... of the delivery plan, which had ...", or "the force was developing"
    beside "the force was not developing", are kept too.
    """
    head, tail = sources
    own = facts(sentences[index])
    if head == tail and (
        own != facts(sentences[head]) or not set(sentence_words[index]) <= set(sentence_words[head])
    ):
        return False
    return not (own - (facts(sentences[head]) | facts(sentences[tail])))


def _common_prefix(first: list[str], second: list[str]) -> int:
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def _splice_sources(
    index: int,
    sentence_words: list[list[str]],
    support: list[int],
    alive: list[bool],
    by_head: dict[tuple[str, ...], list[int]],
    by_tail: dict[tuple[str, ...], list[int]],
) -> tuple[int, int] | None:
    """The kept sentences whose start and end a sentence is spliced from, if it is.

    Only sentences held by at least as many copies can be the sources, so a garbled
    sentence (found in one copy) never removes a real one (found in several).
    """
    ws = sentence_words[index]
    if len(ws) < 2 * SPLICE_END_WORDS:
        return None

    def sources(candidates: list[int]) -> list[int]:
        return [
            other
            for other in candidates
            if other != index
            and alive[other]
            and support[other] >= support[index]
            and sentence_words[other] != ws
        ]

    heads = sources(by_head.get(tuple(ws[:SPLICE_END_WORDS]), []))
    tails = sources(by_tail.get(tuple(ws[-SPLICE_END_WORDS:]), []))
    if not heads or not tails:
        return None
    head = max(heads, key=lambda other: _common_prefix(ws, sentence_words[other]))
    prefix = _common_prefix(ws, sentence_words[head])
    reversed_words = ws[::-1]
    tail = max(tails, key=lambda other: _common_prefix(reversed_words, sentence_words[other][::-1]))
    suffix = _common_prefix(reversed_words, sentence_words[tail][::-1])
    covered = min(len(ws), prefix + suffix)
    if len(ws) - covered <= SPLICE_MAX_GAP and covered >= SPLICE_MIN_SHARE * len(ws):
        return head, tail
    return None
