"""Tidying a passage that received layers: cut-off pieces and spliced sentences go."""

from __future__ import annotations

from collections import defaultdict

from ingest.clean.blocks import Block
from ingest.clean.sentences import is_cut, words

# A splice: a prefix and a suffix (each of at least SPLICE_END_WORDS) of kept sentences,
# at most SPLICE_MAX_GAP other words between, covering SPLICE_MIN_SHARE of its words.
SPLICE_END_WORDS = 4
SPLICE_MAX_GAP = 6
SPLICE_MIN_SHARE = 0.6


def tidy(block: Block) -> tuple[int, int]:
    """Drop cut-off pieces found elsewhere in the block, then splices.

    Returns how many pieces and how many splices were dropped.
    """
    partials = splices = 0
    alive = [True] * len(block.sentences)
    joined = " ".join(block.keys)
    last = len(block.sentences) - 1
    for index, (sentence, key) in enumerate(zip(block.sentences, block.keys, strict=True)):
        # The last sentence may go on in the next line, unless a layer cut it.
        kept_open = index == last and not block.ragged_end
        if is_cut(sentence) and not kept_open and joined.count(key) > 1:
            alive[index] = False
            partials += 1
    block.keep_only(alive)
    alive = [True] * len(block.sentences)
    sentence_words = [words(s) for s in block.sentences]
    by_head: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_tail: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, ws in enumerate(sentence_words):
        if len(ws) >= SPLICE_END_WORDS:
            by_head[tuple(ws[:SPLICE_END_WORDS])].append(index)
            by_tail[tuple(ws[-SPLICE_END_WORDS:])].append(index)
    for index in sorted(range(len(sentence_words)), key=lambda i: block.support[i]):
        if _is_splice(index, sentence_words, block.support, alive, by_head, by_tail):
            alive[index] = False
            splices += 1
    block.keep_only(alive)
    return partials, splices


def _common_prefix(first: list[str], second: list[str]) -> int:
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def _is_splice(
    index: int,
    sentence_words: list[list[str]],
    support: list[int],
    alive: list[bool],
    by_head: dict[tuple[str, ...], list[int]],
    by_tail: dict[tuple[str, ...], list[int]],
) -> bool:
    """True when a sentence is a prefix of one kept sentence spliced onto a suffix of another.

    Only sentences held by at least as many copies can be the sources, so a garbled
    sentence (found in one copy) never removes a real one (found in several).
    """
    ws = sentence_words[index]
    if len(ws) < 2 * SPLICE_END_WORDS:
        return False

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
        return False
    prefix = max(_common_prefix(ws, sentence_words[other]) for other in heads)
    reversed_words = ws[::-1]
    suffix = max(_common_prefix(reversed_words, sentence_words[other][::-1]) for other in tails)
    covered = min(len(ws), prefix + suffix)
    return len(ws) - covered <= SPLICE_MAX_GAP and covered >= SPLICE_MIN_SHARE * len(ws)
