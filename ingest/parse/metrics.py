"""Figures quoted in minutes: percentages, counts, money and rates, with what they measure.

Every figure keeps the sentence it came from (``context`` and ``span``) and a short
``label`` taken from that sentence ("no supervisory input", "BWV evidence uploaded",
"additional officers"). Dates, years, times, durations ("12 months"), item and action
numbers, phone numbers and "24/7" are not figures. A figure is a TARGET when its clause
states an aim ("envisage a 75% level to be achievable", "a target of 90%"), else OBSERVED.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ingest.draft import ItemDraft, MetricDraft, Span
from ingest.parse.dates import MONTH_PATTERN, iter_dates
from ingest.parse.positions import ItemLocator
from ingest.parse.text import FIGURE_LINE_LEAD, figure_sentences
from ingest.parse.themes import find_acronym_definitions
from records.enums import MetricKind, MetricUnit

__all__ = ["parse_metrics", "sentence_spans"]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NOT_AFTER = r"(?<![\w.,£$€/:\-–])"
_PERCENT = re.compile(
    rf"{_NOT_AFTER}(?P<num>{_NUMBER})\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b)",
    re.IGNORECASE,
)
_MONEY = re.compile(
    rf"£\s?(?P<num>{_NUMBER})(?:\s?(?P<mult>bn|billion|mn|m|million|k|thousand)\b)?",
    re.IGNORECASE,
)
# "5.8 crimes per 1,000 population", "19.4 anti-social behaviour (ASB) incidents per 1,000":
# up to five words, an acronym in brackets among them, between the figure and "per".
_RATE = re.compile(
    rf"{_NOT_AFTER}(?P<num>{_NUMBER})\s+(?P<noun>(?:(?:[A-Za-z][\w'’-]*|\([A-Z][A-Za-z&]{{1,9}}\))"
    r"\s+){0,5}?)per\s+"
    rf"(?P<base>{_NUMBER}|thousand|hundred\s+thousand|million)"
    r"(?:\s+(?P<pop>(?:head\s+of\s+)?(?:population|people|residents|adult\s+females|adults|"
    r"children|households|officers|crimes|calls|incidents|women|men|females|males)))?",
    re.IGNORECASE,
)
_COUNT = re.compile(rf"{_NOT_AFTER}(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%]|[.,:/\-–]\d|\.\d)")
_MULTIPLIERS = {"bn": 1e9, "billion": 1e9, "mn": 1e6, "m": 1e6, "million": 1e6, "k": 1e3,
                "thousand": 1e3}  # fmt: skip

# Not figures: times, financial years and fractions such as 24/7, phone numbers, ordinals.
_NOT_FIGURES = re.compile(
    r"\b\d{1,2}:\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|hrs|hours))?"
    r"|\b\d{1,2}(?:\.\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|hrs)(?!\w)"
    r"|\b\d{1,4}\s*/\s*\d{1,4}\b|\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\b\d+(?:st|nd|rd|th)\b"
    r"|\b(?:19|20)\d{2}\s*[-–]\s*\d{2,4}\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_UNIT_AFTER = re.compile(
    r"\s*[-–]?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?"
    r"|decades?|fortnights?|quarters?|times|am|pm|a\.m\.|p\.m\.|o['’]clock)\b"
    rf"|\s+(?:of\s+)?{MONTH_PATTERN}",
    re.IGNORECASE,
)
_LABEL_BEFORE_NUMBER = re.compile(
    r"\b(?:item|items|action|actions|paragraph|para|page|pages|section|sections|appendix|annex"
    r"|chapter|no\.?|nos\.?|number|tier|level|phase|stage|grade|priority|band|round|year|years"
    r"|quarter|q|covid|category|cat|class|schedule|part|version|option|options|operation|op"
    r"|room|floor|step|point|rule|article|s|ap|agenda|paper|recommendation|recommendations"
    r"|area|zone|wave|cohort|ward|tranche|term|aged|age|ages|under|over|top|minute|minutes|per)"
    r"\s*$",
    re.IGNORECASE,
)
_SERVICE_NUMBERS = {"101", "999", "111", "112"}
# "999 calls", "101 waiting times": the number names the service. It counts something only
# when a plural noun follows that is not about calls ("112 areas for improvement").
_IRREGULAR_PLURALS = _word_set("children people women men staff personnel police")
_SERVICE_WORDS = _word_set(
    """calls call number numbers line lines service services contact contacts times
    channels centres centers systems figures targets answers recordings"""
)
_RATIO = re.compile(r"^\s+in\s+\d")

_STOP = _word_set(
    """in into on at for to with by from of across over under within during since per than
    between against among after before about around is are was were had has have will would
    could should can may might must being been be did do does and or but which who whom whose
    that the a an this these those their its his her our it they we he she each every all as
    so if when where while not no compared including out up down back more less fewer than
    also only just now then there here what how why following compared versus higher lower
    instead above below through via throughout towards toward onto upon without beyond
    involving relating regarding concerning found showed show shows said suggested
    indicated"""
)
_PRONOUNS = _word_set("it its this that these those they them he she we there which who")
_LEAD_ADJECTIVES = re.compile(r"\b(additional|extra|new|more|fewer)\s+$", re.IGNORECASE)
_LONE_ADJECTIVES = _word_set("more less fewer higher lower extra additional new further other")
_AUXILIARY = re.compile(
    r"^\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been|had|have|has|will\s+be|would\s+be)"
    r"\s+(?:now\s+|already\s+|also\s+|not\s+|still\s+)?(?P<participle>[a-z]+(?:ed|en|wn|ld|lt|ne))\b"
)
# "15 were on track": a state of the things counted just before ("21 measures").
_STATE = re.compile(
    r"^\s+(?:are|were|is|was)\s+(?:now\s+|still\s+|already\s+)?(?P<state>on\s+track|off\s+track"
    r"|on\s+target|in\s+place|in\s+post|outstanding|overdue|open|closed|complete|rated\s+[a-z]+)\b"
)
# "an outturn for 2022/23 of £158.2m": the period between the noun and "of".
_PERIOD_AFTER_NOUN = re.compile(
    r"\s+(?:for|in|during)\s+(?:the\s+)?(?:(?:financial|calendar)\s+)?(?:year\s+)?"
    r"(?:19|20)\d\d(?:\s*/\s*\d{2,4})?\s*$"
)
_OF_REFERENCE = re.compile(r"^\s+of\s+(?:these|those|them|whom|which)\b")
_OF_THE = re.compile(r"^\s+(?:of|among|amongst)\s+(?:the\s+|all\s+|those\s+|its\s+|their\s+)?")
_RELATIVE = re.compile(r"^\s+(?:which|who|that|whom)\b")
_ABLE_TO = re.compile(
    r"(?P<subject>[A-Z][\w&'-]*|the\s+[a-z]+)\s+(?:were|was|are|is|had\s+been|have\s+been)?\s*"
    r"(?P<verb>(?:un)?able\s+to\s+[a-z]+|failed\s+to\s+[a-z]+|did\s+not\s+[a-z]+)\s+"
    r"(?:the\s+|a\s+total\s+of\s+|only\s+|around\s+|about\s+|over\s+)?$"
)
_QUANTIFIER = (
    r"(?:(?:now|currently|still|around|about|approximately|nearly|almost|over|just\s+over|under"
    r"|some|only|just)\s+){0,2}$"
)
# "<subject> was 19%": the subject names the figure.
_CHANGE_VERBS = (
    r"rose|fell|increased|decreased|dropped|risen|fallen|improved|grown|grew|reduced|gone\s+up"
    r"|gone\s+down|rise|fall|increase|decrease|grow|reduce|drop"
)
_LINKING_VERB = re.compile(
    r"\b(?:was|were|is|are|be|stood\s+at|stands?\s+at|totalled|totaled|reached"
    rf"|(?:{_CHANGE_VERBS})(?:\s+(?:again|further|sharply|slightly|significantly))?"
    rf"(?:\s+(?:to|by|from))?)\s+{_QUANTIFIER}",
    re.IGNORECASE,
)
# "<thing> of 90%", "<thing> below 10%": the words just before name the figure.
_LINKING_PLACE = re.compile(
    r"\b(?:(?:back|still|again|well|just)\s+)?"
    rf"(?:of|at|to|by|below|above|under|over|to\s+reach|to\s+achieve|to\s+hit)\s+{_QUANTIFIER}",
    re.IGNORECASE,
)
_NP_BOUNDARY = _word_set(
    """was were is are had has have been that there which where when said reported noted
    explained confirmed stated added told found showed shows show with and but while whereas
    of for to by from at on as than because if so although recorded since in the a an up
    instead bring keep get reach achieve maintain answer answered recruit attended risen
    fallen grown gone increased decreased dropped reduced improved because find make identify
    identified secure receive provide need needs within estimated valued costed priced assumed
    assumes rising falling increasing decreasing growing reducing aim aims aimed aiming want
    wants wanted expect expects plan plans planned intend intends intended hope would will
    should back"""
)
_REPORTING = re.compile(
    r"^.*?\b(?:said|reported|noted|explained|confirmed|stated|added|highlighted|commented"
    r"|told\s+\w+|warned|presented|advised)\s+(?:that\s+)?",
    re.IGNORECASE,
)
_TARGET_CUE = re.compile(
    r"\b(?:target(?:s)?|aim(?:s|ed|ing)?|aspir\w*|ambition\w*|goal\w*|envisag\w*|achievable"
    r"|objective\w*|standard|expectation|expected\s+to|expects?\s+to|would\s+like|wants?\s+to"
    r"|to\s+reach|to\s+achieve|trajectory|recommended|guideline|intend\w*\s+to|plans?\s+to)\b",
    re.IGNORECASE,
)
# Words after a figure that make it an aim: "a 75% level to be achievable".
_TARGET_AFTER = re.compile(
    r"\b(?:target|aim|ambition|aspiration|goal|achievable|to\s+be\s+reached)\b",
    re.IGNORECASE,
)
_OBSERVED_CUE = re.compile(
    r"\b(?:currently|at\s+present|presently|so\s+far|to\s+date|actual|now\s+at|stands?\s+at"
    r"|stood\s+at|recorded|achieved|reported)\b",
    re.IGNORECASE,
)
_AND = re.compile(r"\s(?:and|or)\s")
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|,\s|\s[-–—]\s|\b(?:but|whereas|while|against)\b", re.IGNORECASE
)
_ACRONYM_IN_LABEL = re.compile(r"(?P<long>[\w'’ -]+?)\s*\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")
_CONTEXT_REACH = 600
_MAX_LABEL_WORDS = 10


_SUBJECT_JOINS = _word_set(
    "because as since although though while whereas when if so and but that which until unless"
)
_AUXILIARIES = _word_set(
    """had has have was were is are been be would will could should may might not already now
    still also forecast expected projected likely set due to"""
)
_SUBJECT_STOPS = _word_set("by which who that in during over to since at on between within")
_GENERIC_NOUNS = _word_set("value total sum amount figure level number")
_REPORTING_WORD = re.compile(
    r"^(?:said|reported|noted|explained|confirmed|stated|added|highlighted|commented|warned"
    r"|presented|advised|told)$",
    re.IGNORECASE,
)
_MONEY_NOUN = re.compile(
    r"\b(?P<noun>savings?|saving|costs?|costing|spend|spending|funding|budget|overspend|underspend"
    r"|grant|income|receipts|precept|reserves?|fund|bid)\s+(?:of\s+)?(?:around\s+|about\s+|up\s+to\s+)?$",
    re.IGNORECASE,
)
_STREET = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Street|Road|Lane|Avenue|Way|Close|Drive|Place|Square|Court"
    r"|Crescent|Gardens|Terrace|Row|Walk|Hill)\b"
)
_TIME_WORDS = _word_set(
    "year years month months week weeks day days quarter quarters hour hours minutes seconds"
)


@dataclass
class _Candidate:
    value: float
    unit: MetricUnit
    start: int
    end: int
    label: str | None


# --- sentences -------------------------------------------------------------------------------


_OPEN_ENDING = re.compile(
    r"(?:\b(?:a|an|the|of|to|and|or|in|for|with|be|by|at|from|was|were|is|are|had|has|have"
    r"|would|will|on|that|than)|,)\s*$",
    re.IGNORECASE,
)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Lines, joined where a text extraction broke one sentence over two ("would be" /
    "£241.7m, ..."), but never across table rows."""
    start = 0
    position = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        end = position + len(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        joined = (
            following.strip()
            and "\t" not in line.strip()
            and "\t" not in following.strip()
            and not re.search(r"[.!?:;]\W*$", line.rstrip())
            and (_OPEN_ENDING.search(line) or re.match(r"\s*[a-z(£]", following))
        )
        if not joined:
            yield start, end
            start = end + 1
        position = end + 1


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentences of the text: paragraphs, then table cells, then sentences, without item
    numbers, bullets or surrounding space."""
    for paragraph_start, paragraph_end in _paragraphs(text):
        lead = FIGURE_LINE_LEAD.match(text, paragraph_start, paragraph_end)
        cell_start = lead.end() if lead else paragraph_start
        for cell in text[cell_start:paragraph_end].split("\t"):
            lead = FIGURE_LINE_LEAD.match(cell)
            offset = cell_start + (lead.end() if lead else 0)
            body = text[offset : cell_start + len(cell)]
            cell_start += len(cell) + 1
            for start, end in figure_sentences(body):
                yield from _trimmed(text, offset + start, offset + end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*_"):
        end -= 1
    if end > start:
        yield start, end


# --- labels ----------------------------------------------------------------------------------


def _words_after(text: str) -> list[str]:
    """Words directly after a figure, up to punctuation."""
    head = re.match(r"[^,;:.()\[\]!?\n\t]*", text)
    return re.findall(r"[A-Za-z][\w'’&/-]*|\d[\d,]*", head.group() if head else "")


def _noun_phrase(words: Sequence[str], limit: int = 4) -> str:
    """The noun phrase opening ``words``: lower-case words, acronyms or a capitalised
    name ("Fixed Penalty Notices", "Walk and Talk sessions"); stops at a function word."""
    taken: list[str] = []
    capitalised = bool(words) and words[0][:1].isupper()
    for index, word in enumerate(words):
        lower = word.lower()
        nxt = words[index + 1] if index + 1 < len(words) else ""
        if lower in ("and", "of") and capitalised and taken and nxt[:1].isupper():
            taken.append(word)
            continue
        if lower == "and" and taken and taken[-1].lower() == "stop" and nxt.lower() == "search":
            taken.append(word)
            continue
        if word[:1].isdigit():
            if taken or not nxt[:1].isalpha() or nxt.lower() in _STOP:
                break
            taken.append(word)
            continue
        if lower in _STOP or (lower.endswith("ly") and len(lower) > 4):
            break
        if taken and capitalised and not word[:1].isupper() and not taken[-1][:1].isupper():
            break
        taken.append(word)
        if len(taken) >= limit:
            break
    while taken and taken[-1].lower() in ("and", "of"):
        taken.pop()
    return " ".join(taken)


def _noun_before(text: str, limit: int = 4) -> str:
    """The noun phrase ending ``text``, back to a verb, a determiner or a conjunction."""
    words = re.findall(r"[A-Za-z0-9][\w'’&/-]*|\S", text)
    taken: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if not re.match(r"[A-Za-z0-9]", word) or word.lower() in _NP_BOUNDARY - {"no"}:
            break
        after_auxiliary = index and words[index - 1].lower() in _AUXILIARIES - {"to", "due", "set"}
        if after_auxiliary and re.search(r"(?:ed|en|wn)$", word.lower()):
            break
        taken.insert(0, word)
        if len(taken) >= limit:
            break
    phrase = " ".join(taken)
    lower = phrase.lower()
    numbers_only = all(word[:1].isdigit() for word in taken)
    if lower in _PRONOUNS or numbers_only or (taken and taken[-1].lower() in _TIME_WORDS):
        return ""
    return "" if re.fullmatch(MONTH_PATTERN, lower, re.IGNORECASE) else phrase


def _compress(label: str) -> str:
    """ "body worn video (BWV) evidence" -> "BWV evidence"."""

    def shorter(match: re.Match[str]) -> str:
        long_form = match.group("long")
        definitions = find_acronym_definitions(f"{long_form} ({match.group('acronym')})")
        if match.group("acronym") not in definitions:
            return match.group(0)
        defined = definitions[match.group("acronym")]
        kept = long_form[: long_form.rfind(defined)] if defined in long_form else long_form
        return f"{kept}{match.group('acronym')}"

    return " ".join(_ACRONYM_IN_LABEL.sub(shorter, label).split())


def _tidy_subject(words: list[str]) -> str:
    while words and (words[0].lower().endswith("ly") or "-" in words[0]):
        words.pop(0)
    if words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    for index, word in enumerate(words[2:], start=2):
        if word.lower().endswith("ed") or word.lower() in _SUBJECT_STOPS:
            words = words[:index]
            break
    if not words or len(words) > 7 or words[0].lower() in _PRONOUNS:
        return ""
    return " ".join(words)


def _subject_before(text: str) -> str:
    """The subject that ends ``text`` (which stops at its verb): the words after the last
    conjunction or reporting verb ("... and that the vacancy rate" -> "vacancy rate")."""
    words = re.findall(r"[A-Za-z0-9][\w'’&/-]*", text)
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    joins = [
        i for i, w in enumerate(words) if w.lower() in _SUBJECT_JOINS or _REPORTING_WORD.match(w)
    ]
    return _tidy_subject(words[joins[-1] + 1 :] if joins else words)


def _subject(clause: str) -> str:
    """The subject of a clause after any "X said that": "the abandonment rate was" -> ..."""
    body = _REPORTING.sub("", clause, count=1)
    verb = re.search(
        r"\b(?:was|were|is|are|had|has|have|would|will|could|stood|stands|rose|fell|increased"
        r"|decreased|reached|totalled|dropped|improved)\b",
        body,
    )
    if not verb:
        return ""
    words = re.findall(r"[A-Za-z0-9][\w'’&/-]*", body[: verb.start()])
    joins = [i for i, w in enumerate(words) if w.lower() in _SUBJECT_JOINS]
    return _tidy_subject(words[joins[-1] + 1 :] if joins else words)


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for match in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(sentence, end)
    return left, right_match.start() if right_match else len(sentence)


def _percent_or_money_label(sentence: str, start: int, end: int) -> str:
    """A label for a percentage or an amount: "X in 43% of cases", "6% of X had been Y",
    "£500,000 of the X", "saving £230,000", else as for any figure."""
    before, after = sentence[:start], sentence[end:]
    if sentence[start] == "£":
        money_noun = _MONEY_NOUN.search(before)
        if money_noun and not re.search(r"\bof\s+", money_noun.group()):
            return money_noun.group("noun")
        purpose = re.match(r"\s+(?:for|on|towards|to\s+fund)\s+(?:the\s+|a\s+|an\s+)?", after)
        if purpose:
            phrase = _noun_phrase(_words_after(after[purpose.end() :]))
            if phrase:
                return phrase
    in_of = re.search(r"\bin\s+(?:only\s+|just\s+|around\s+|about\s+|over\s+)?$", before)
    if in_of and re.match(r"\s+of\b", after):
        phrase = _noun_before(before[: in_of.start()])
        if phrase:
            return phrase
    of_the = _OF_THE.match(after)
    if of_the:
        rest = after[of_the.end() :]
        phrase_match = re.match(
            r"[^,;:.!?\n\t]*?(?=\s+(?:had|has|have|was|were|is|are)\s|[,;:.!?\n\t]|$)", rest
        )
        phrase = phrase_match.group().strip() if phrase_match else ""
        whole = _compress(phrase) if "(" in phrase else " ".join(_words_after(phrase))
        noun = _noun_phrase(whole.split(), 5)
        if noun:
            participle = _AUXILIARY.match(rest[phrase_match.end() :] if phrase_match else "")
            if participle and noun == whole:
                return f"{noun} {participle.group('participle')}"
            return noun
    return _label_around(sentence, start, end)


def _linked_subject(sentence: str, start: int, end: int) -> str:
    """The thing a figure is linked to: "the abandonment rate was 19%", "abandonment below 10%"."""
    before = sentence[:start]
    clause_start, _ = _clause_bounds(sentence, start, end)
    verb = _LINKING_VERB.search(before, clause_start)
    if verb:
        subject = _subject_before(before[clause_start : verb.start()]) or _noun_before(
            before[: verb.start()]
        )
        if subject:
            return subject
    place = _LINKING_PLACE.search(before, clause_start)
    if place:
        return _noun_before(before[: place.start()])
    return ""


def _label_around(sentence: str, start: int, end: int) -> str:
    """A label from "<thing> of <figure>", "<figure> <thing>" or "<thing> was <figure>"."""
    before, after = sentence[:start], sentence[end:]
    of_before = re.search(
        r"\b(?:of|for)\s+(?:around\s+|about\s+|approximately\s+|up\s+to\s+|over\s+|some\s+)?$",
        before,
    )
    if of_before:
        head = before[: of_before.start()]
        phrase = _noun_before(_PERIOD_AFTER_NOUN.sub("", head) or head)
        if phrase.lower() in _GENERIC_NOUNS:
            head = re.sub(
                r"\s*\b(?:to|at|with|of)?\s*(?:the|a|an)?\s*" + re.escape(phrase) + r"\s*$",
                "",
                before[: of_before.start()],
            )
            phrase = _noun_before(head) or phrase
        if phrase:
            return phrase
    phrase = _noun_phrase(_words_after(after))
    lone_participle = " " not in phrase and phrase.endswith("ed")
    if (
        phrase
        and not lone_participle
        and phrase.lower() not in _LONE_ADJECTIVES
        and phrase.split()[0].lower() not in _TIME_WORDS
    ):
        return phrase
    return _linked_subject(sentence, start, end)


def _count_label(
    sentence: str, start: int, end: int, context_noun: str | None
) -> tuple[str, str | None] | None:
    """(label, noun it counts) for a count, or None when the number counts nothing."""
    before, after = sentence[:start], sentence[end:]
    if _RELATIVE.match(after) or _RATIO.match(after):
        return None
    participle = _AUXILIARY.match(after)
    if participle:
        word = participle.group("participle")
        return (f"{context_noun} {word}" if context_noun else word), context_noun
    state = _STATE.match(after)
    if state and context_noun:
        return f"{context_noun} {' '.join(state.group('state').split())}", context_noun
    reference = _OF_REFERENCE.match(after)
    if reference:
        follow = _AUXILIARY.match(after[reference.end() :])
        label = context_noun or ""
        if follow:
            label = f"{label} {follow.group('participle')}".strip()
        return (label, context_noun) if label else None
    of_the = _OF_THE.match(after)
    words = _words_after(
        after[of_the.end() :] if of_the and after.lstrip().startswith("of") else after
    )
    if of_the and words and words[0][:1].isdigit():
        words = words[1:]
    noun = _noun_phrase(words)
    if noun and noun.lower() not in _LONE_ADJECTIVES:
        adjective = _LEAD_ADJECTIVES.search(before)
        label = f"{adjective.group(1).lower()} {noun}" if adjective else noun
        able = _ABLE_TO.search(before)
        if able:
            subject = re.sub(r"^the\s+", "", able.group("subject"))
            label = f"{label} {subject} {able.group('verb')}"
        return label, noun
    if not re.match(r"\s*\w", after):
        subject = _linked_subject(sentence, start, end)
        if subject and not re.search(r"\d", subject):
            return subject, None
    return None


# --- figures ---------------------------------------------------------------------------------


# Figures in minutes stay far below this; a longer run of digits is not a figure.
MAX_VALUE = 1e15


def _value(number: str) -> float:
    return float(number.replace(",", ""))


def _blocked(sentence: str) -> list[tuple[int, int]]:
    spans = [m.span for m in iter_dates(sentence, default_year=2000)]
    spans += [m.span() for m in _NOT_FIGURES.finditer(sentence)]
    return spans


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _candidates(sentence: str, context_noun: str | None) -> tuple[list[_Candidate], str | None]:
    blocked = _blocked(sentence)
    taken: list[tuple[int, int]] = []
    found: list[_Candidate] = []

    def claim(start: int, end: int) -> bool:
        if _overlaps(start, end, taken):
            return False
        taken.append((start, end))
        return True

    for match in _MONEY.finditer(sentence):
        if claim(match.start(), match.end()):
            value = _value(match.group("num")) * _MULTIPLIERS.get(
                (match.group("mult") or "").lower(), 1
            )
            found.append(_Candidate(value, MetricUnit.MONEY, match.start(), match.end(), None))
    for match in _RATE.finditer(sentence):
        if _overlaps(match.start(), match.start("num") + 1, blocked) or not claim(*match.span()):
            continue
        noun = _noun_phrase(_words_after(_compress(match.group("noun") or "")), 5)
        base = " ".join(match.group("base").split())
        subject = (
            noun
            or _label_around(sentence, match.start(), match.start("noun"))
            or _subject(sentence[: match.start()])
        )
        per = " ".join(p for p in ("per", base, match.group("pop") or "") if p)
        rate = _Candidate(
            _value(match.group("num")),
            MetricUnit.RATE,
            match.start(),
            match.end(),
            f"{subject} {per}" if subject else f"rate {per}",
        )
        found.append(rate)
    for match in _PERCENT.finditer(sentence):
        if claim(match.start(), match.end()):
            found.append(
                _Candidate(
                    _value(match.group("num")), MetricUnit.PERCENT, match.start(), match.end(), None
                )
            )
    for match in _COUNT.finditer(sentence):
        start, end = match.span()
        number = match.group("num")
        if _overlaps(start, end, taken) or _overlaps(start, end, blocked):
            continue
        if _YEAR.match(number) or _names_a_service(sentence, number, end):
            continue
        if _LABEL_BEFORE_NUMBER.search(sentence[:start]) or _UNIT_AFTER.match(sentence, end):
            continue
        if _STREET.match(sentence, end):
            continue
        if re.search(r"\d\s+in\s+$", sentence[:start]):
            continue
        labelled = _count_label(sentence, start, end, context_noun)
        if labelled is None:
            continue
        label, counted = labelled
        context_noun = counted or context_noun
        taken.append((start, end))
        found.append(_Candidate(_value(number), MetricUnit.COUNT, start, end, label))
    return sorted(found, key=lambda c: c.start), context_noun


def _names_a_service(sentence: str, number: str, end: int) -> bool:
    """Whether a number is a phone service (101, 999 ...) rather than a count."""
    if number.replace(",", "").lstrip("0") not in _SERVICE_NUMBERS:
        return False
    noun = _noun_phrase(_words_after(sentence[end:]), 6).split()
    if not noun:
        return True
    word = noun[-1].lower()
    plural = word.endswith("s") or word in _IRREGULAR_PLURALS
    return not plural or word in _SERVICE_WORDS


def _kind(sentence: str, start: int, end: int) -> MetricKind:
    """TARGET when the figure's clause states an aim before it ("a target of 90%") or just
    after it ("a 75% level to be achievable"), unless an observation comes between."""
    clause_start, clause_end = _clause_bounds(sentence, start, end)
    for joined in _AND.finditer(sentence, clause_start, start):
        clause_start = joined.end()
    following = _AND.search(sentence, end, clause_end)
    before = sentence[clause_start:start]
    after = sentence[end : following.start() if following else clause_end]
    targets = list(_TARGET_CUE.finditer(before))
    observed = list(_OBSERVED_CUE.finditer(before))
    if targets and (not observed or targets[-1].start() > observed[-1].start()):
        return MetricKind.TARGET
    if not observed and _TARGET_AFTER.search(after[:60]):
        return MetricKind.TARGET
    return MetricKind.OBSERVED


def _short(label: str) -> str:
    words = label.split()
    return " ".join(words[:_MAX_LABEL_WORDS])


def parse_metrics(text: str, items: Sequence[ItemDraft]) -> list[MetricDraft]:
    """Every figure in the text, in order, each under its innermost item."""
    metrics: list[MetricDraft] = []
    seen: set[tuple[float, MetricUnit, int, int]] = set()
    context_noun: str | None = None
    context_at = -_CONTEXT_REACH
    recent: dict[tuple[MetricUnit, MetricKind], tuple[int, str]] = {}
    locator = ItemLocator(items)
    lines = _LineStarts(text)
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if not any(char.isdigit() for char in sentence):
            continue
        if start - context_at > _CONTEXT_REACH:
            context_noun = None
        candidates, noun = _candidates(sentence, context_noun)
        if noun and noun != context_noun:
            context_noun, context_at = noun, start
        line_start = lines.start_of(start)
        in_sentence: list[tuple[MetricUnit, MetricKind, str]] = []
        for candidate in candidates:
            if not abs(candidate.value) < MAX_VALUE:
                continue  # a run of digits, not a figure (and no Float can carry it)
            kind = _kind(sentence, candidate.start, candidate.end)
            label = candidate.label
            if label is None:
                label = (
                    _percent_or_money_label(sentence, candidate.start, candidate.end)
                    if candidate.unit in (MetricUnit.PERCENT, MetricUnit.MONEY)
                    else _label_around(sentence, candidate.start, candidate.end)
                )
            label = _short(_compress(label)) or _earlier_label(
                in_sentence, recent, candidate.unit, kind, line_start
            )
            label = label or _fallback(sentence, candidate)
            in_sentence.append((candidate.unit, kind, label))
            recent[(candidate.unit, kind)] = (start, label)
            key = (candidate.value, candidate.unit, start, end)
            if key in seen:
                continue
            seen.add(key)
            metrics.append(
                MetricDraft(
                    value=candidate.value,
                    unit=candidate.unit,
                    label=label,
                    context=sentence,
                    span=Span(start, end),
                    kind=kind,
                    item=locator.find(start + candidate.start),
                )
            )
    return metrics


class _LineStarts:
    """Where the line holding a position starts, for positions taken in increasing order
    (``text.rfind("\\n", 0, position) + 1`` without reading the line again each time)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._read = 0
        self._line = 0

    def start_of(self, position: int) -> int:
        if position < self._read:
            return self._text.rfind("\n", 0, position) + 1
        newline = self._text.rfind("\n", self._read, position)
        if newline >= 0:
            self._line = newline + 1
        self._read = position
        return self._line


def _earlier_label(
    in_sentence: Sequence[tuple[MetricUnit, MetricKind, str]],
    recent: dict[tuple[MetricUnit, MetricKind], tuple[int, str]],
    unit: MetricUnit,
    kind: MetricKind,
    line_start: int,
) -> str:
    """The label of the figure this one most likely continues: the same kind of figure
    earlier in the sentence, any figure earlier in it, or the same kind on the same line."""
    for earlier_unit, earlier_kind, label in reversed(in_sentence):
        if (earlier_unit, earlier_kind) == (unit, kind):
            return label
    if in_sentence:
        return in_sentence[-1][2]
    earlier = recent.get((unit, kind))
    return earlier[1] if earlier and earlier[0] >= line_start else ""


def _fallback(sentence: str, candidate: _Candidate) -> str:
    clause_start, _ = _clause_bounds(sentence, candidate.start, candidate.end)
    subject = _subject(sentence[clause_start : candidate.start]) or _subject(
        sentence[: candidate.start]
    )
    if subject:
        return _short(subject)
    return {
        MetricUnit.PERCENT: "percentage",
        MetricUnit.MONEY: "amount",
        MetricUnit.RATE: "rate",
        MetricUnit.COUNT: "count",
    }[candidate.unit]
