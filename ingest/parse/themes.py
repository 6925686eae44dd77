"""Acronyms defined in the text, the curated glossary, and the themes of items and meetings.

A theme is found wherever its code (case-sensitive: "DA", "OCGs"), its name or one of its
aliases (any case: "domestic abuse", "domestic violence") occurs, and wherever an acronym
linked to it does ("MARAC" signals DA). Acronyms the minutes define themselves
("Domestic Abuse Matters (DAM)") count for a theme when their long form names it.
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ingest.draft import ItemDraft
from records.glossary import GlossaryEntry

__all__ = [
    "acronym_letters_fit",
    "assign_themes",
    "find_acronym_definitions",
    "load_base_glossary",
    "parse_glossary_csv",
]

# Words a long form may skip or use for one letter ("Rape and Serious Sexual Offences").
_SMALL_WORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "to", "a", "an", "&", "with", "at", "by", "from"}
)
_ACRONYM_TOKEN = r"[A-Z][A-Za-z&/]{0,9}(?:['’]s|s)?"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|&")
_DEFINED_AFTER = re.compile(rf"\(\s*(?P<acronym>{_ACRONYM_TOKEN})\s*\)")
_DEFINED_BEFORE = re.compile(
    rf"(?<![\w&/])(?P<acronym>{_ACRONYM_TOKEN})\s*\((?P<long>[^()\n]{{3,120}})\)"
)
_GLOSSARY_LINE = re.compile(
    rf"^[ \t]*(?:[-•*][ \t]*)?(?P<acronym>{_ACRONYM_TOKEN})"
    r"(?:[ \t]*\t[ \t]*|[ \t]+[-–—][ \t]+|[ \t]*[:=][ \t]+)"
    r"(?P<long>[A-Za-z][^\t\n]{2,100}?)[ \t.]*$",
    re.MULTILINE,
)
_PLURAL = re.compile(r"^(?P<base>.*[A-Z])(?:['’]s|s)$")
_BOUNDARY = re.compile(r"[.;:!?()\[\]\n\t]")

# Extra weight of a theme named in an item's title, and the mentions a theme needs in a
# long item (a short item takes a theme from one mention).
_TITLE_WEIGHT = 3
_MIN_SCORE = 2
_SHORT_ITEM_WORDS = 120
_MEETING_MIN_MENTIONS = 2


# --- acronym definitions -------------------------------------------------------------------


def _split_acronym(token: str) -> tuple[str, bool]:
    """("DVPN", True) for "DVPNs"; ("CO", True) for "CO's"; (token, False) otherwise."""
    plural = _PLURAL.match(token)
    if plural and sum(c.isupper() for c in plural.group("base")) >= 2:
        return plural.group("base"), True
    return token, False


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in token) >= 2


def _letters(acronym: str) -> list[str]:
    return [c.lower() if c != "&" else "&" for c in acronym if c.isalpha() or c == "&"]


def _consumptions(letters: Sequence[str], start: int, word: str, strict: bool) -> list[int]:
    """How many letters from ``start`` the word can supply: its initial, then (unless
    ``strict``) letters inside it."""
    if start >= len(letters):
        return []
    lower = word.lower()
    if letters[start] == "&":
        return [1] if lower in ("&", "and") else []
    if lower[0] != letters[start]:
        return []
    counts = [1]
    if strict:
        return counts
    position = 1
    for index in range(start + 1, len(letters)):
        found = lower.find(letters[index], position)
        if found < 0:
            break
        position = found + 1
        counts.append(index - start + 1)
    return counts


def acronym_letters_fit(acronym: str, words: Sequence[str], *, strict: bool = False) -> bool:
    """True when ``words`` spell ``acronym``: every word gives its initial (and, unless
    ``strict``, maybe letters inside it: "Television" -> "TV") in order; small words (of,
    and, the ...) may give nothing; the first word must give the first letter."""
    letters = _letters(acronym)
    if not letters or not words:
        return False

    @cache
    def fits(li: int, wi: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        word = words[wi]
        if any(fits(li + n, wi + 1) for n in _consumptions(letters, li, word, strict)):
            return True
        return wi > 0 and word.lower() in _SMALL_WORDS and fits(li, wi + 1)

    return fits(0, 0)


def _singular(long_form: str) -> str:
    head, _, last = long_form.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return f"{head} {last}" if head else last


def _long_form_before(text: str, end: int, acronym: str) -> str | None:
    """The shortest run of words ending at ``end`` that spells ``acronym``."""
    window_start = max(0, end - 200)
    boundaries = list(_BOUNDARY.finditer(text, window_start, end))
    if boundaries:
        window_start = boundaries[-1].end()
    words = list(_WORD.finditer(text, window_start, end))
    letters = len(_letters(acronym))
    for strict in (True, False):
        for count in range(2, min(len(words), 2 * letters + 3) + 1):
            chosen = words[-count:]
            if chosen[0].group().lower() in _SMALL_WORDS:
                continue
            if acronym_letters_fit(acronym, [w.group() for w in chosen], strict=strict):
                return text[chosen[0].start() : chosen[-1].end()]
    return None


def _whole_long_form(long_text: str, acronym: str) -> str | None:
    words = [w.group() for w in _WORD.finditer(long_text)]
    if not 2 <= len(words) <= 12 or not long_text.strip()[:1].isalpha():
        return None
    return long_text.strip() if acronym_letters_fit(acronym, words) else None


def find_acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms the text defines, as written: "Body Worn Video (BWV)", "BWV (Body Worn Video)",
    or a glossary line "BWV - Body Worn Video". The long form must spell the acronym; the
    first definition of an acronym wins. A plural acronym ("DVPNs") gives the singular."""
    found: list[tuple[int, str, str]] = []
    for match in _DEFINED_AFTER.finditer(text):
        acronym, plural = _split_acronym(match.group("acronym"))
        if not _is_acronym(acronym):
            continue
        long_form = _long_form_before(text, match.start(), acronym)
        if long_form:
            found.append((match.start(), acronym, _singular(long_form) if plural else long_form))
    for pattern in (_DEFINED_BEFORE, _GLOSSARY_LINE):
        for match in pattern.finditer(text):
            acronym, plural = _split_acronym(match.group("acronym"))
            if not _is_acronym(acronym):
                continue
            long_form = _whole_long_form(match.group("long"), acronym)
            if long_form:
                found.append(
                    (match.start(), acronym, _singular(long_form) if plural else long_form)
                )
    definitions: dict[str, str] = {}
    for _, acronym, long_form in sorted(found):
        definitions.setdefault(acronym, " ".join(long_form.split()))
    return definitions


# --- glossary --------------------------------------------------------------------------------


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"true", "yes", "y", "1"}


def parse_glossary_csv(content: str) -> list[GlossaryEntry]:
    """Entries from CSV text with columns code,name,is_theme,theme_code,aliases."""
    entries: list[GlossaryEntry] = []
    for row in csv.DictReader(io.StringIO(content)):
        code = (row.get("code") or "").strip()
        name = (row.get("name") or "").strip()
        if not code or not name:
            continue
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        entries.append(
            GlossaryEntry(
                code=code,
                name=name,
                is_theme=_truthy(row.get("is_theme") or ""),
                theme_code=(row.get("theme_code") or "").strip() or None,
                aliases=aliases,
            )
        )
    return entries


def load_base_glossary() -> list[GlossaryEntry]:
    """The curated themes and acronyms shipped in ``records/data/glossary.csv``."""
    content = resources.files("records").joinpath("data/glossary.csv").read_text("utf-8")
    return parse_glossary_csv(content)


# --- themes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    theme: str


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&'’]*")
_JOINER = re.compile(r"[ \t\-]+")
# A theme word inside a job title ("Chief Finance Officer", "Director of Finance") is no mention.
_TITLE_AFTER = re.compile(
    r"\s+(?:Officer|Manager|Director|Lead|Adviser|Advisor|Assistant|Partner)s?\b"
)
_TITLE_BEFORE = re.compile(r"\b(?:Director|Head|Deputy\s+Director|Assistant\s+Director)\s+of\s+$")


_JOB_TITLE = re.compile(
    r"^(?:Head|Director|Deputy\s+Director|Assistant\s+Director)\s+of\b"
    r"|\b(?:Officer|Manager|Director|Lead|Adviser|Advisor|Assistant|Partner)s?$",
    re.IGNORECASE,
)


def _normalise(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def _in_job_title(text: str, start: int, end: int) -> bool:
    return bool(
        _TITLE_AFTER.match(text, end) or _TITLE_BEFORE.search(text, max(0, start - 30), start)
    )


# What may follow a code in a token that names it, the likeliest reading first.
_CODE_SUFFIXES = ("", "s", "'s", "’s")


class _ThemeMatcher:
    """Finds theme mentions word by word: codes exactly ("DA", "OCGs"), names and aliases in
    any case, across spaces or hyphens ("anti social" = "anti-social"), plural or not."""

    def __init__(self, codes: Mapping[str, set[str]], phrases: Mapping[str, set[str]]) -> None:
        self._codes: dict[str, str] = {}
        for theme in sorted(codes):
            for code in codes[theme]:
                self._codes.setdefault(code, theme)
        # Every token a code stands for ("OCG", "OCGs", "OCG's"): the one lookup of
        # ``_code_theme``, the token itself first, then its plural and possessives.
        self._code_tokens = {
            code + suffix: theme
            for suffix in reversed(_CODE_SUFFIXES)
            for code, theme in self._codes.items()
        }
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for theme in sorted(phrases):
            for phrase in phrases[theme]:
                words = tuple(_TOKEN.findall(phrase.lower()))
                if words:
                    self._phrases.setdefault(words[0], []).append((words, theme))
        for candidates in self._phrases.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def themes_in(self, text: str) -> set[str]:
        return {mention.theme for mention in self.mentions(text)}

    def _code_theme(self, token: str) -> str | None:
        """The theme of a code, or of its plural or possessive ("OCGs", "CO's")."""
        return self._code_tokens.get(token)

    def _phrase_end(
        self, text: str, tokens: Sequence[re.Match[str]], index: int, words: Sequence[str]
    ) -> int | None:
        if index + len(words) > len(tokens):
            return None
        for offset, word in enumerate(words):
            token = tokens[index + offset]
            lower = token.group().lower()
            last = offset == len(words) - 1
            if lower != word and not (last and lower in (word + "s", word + "es")):
                return None
            if offset and not _JOINER.fullmatch(
                text, tokens[index + offset - 1].end(), token.start()
            ):
                return None
        end = tokens[index + len(words) - 1].end()
        if text[end : end + 1] == "-":
            return None
        return end

    def mentions(self, text: str) -> list[_Mention]:
        """Every mention, without overlaps within a theme, without counting "domestic abuse
        (DA)" twice and without job titles."""
        tokens = list(_TOKEN.finditer(text))
        found: list[_Mention] = []
        for index, token in enumerate(tokens):
            start = token.start()
            code_theme = self._code_theme(token.group())
            if code_theme and text[start - 1 : start] not in ("-", "&"):
                found.append(_Mention(start, token.end(), code_theme))
            if text[start - 1 : start] == "-":
                continue
            seen: set[str] = set()
            for words, theme in self._phrases.get(token.group().lower(), ()):
                if theme in seen:
                    continue
                end = self._phrase_end(text, tokens, index, words)
                if end is not None:
                    seen.add(theme)
                    found.append(_Mention(start, end, theme))
        found.sort(key=lambda m: (m.start, -m.end))
        kept: list[_Mention] = []
        last: dict[str, _Mention] = {}
        for mention in found:
            if _in_job_title(text, mention.start, mention.end):
                continue
            previous = last.get(mention.theme)
            if previous is not None:
                gap = text[previous.end : mention.start]
                if mention.start < previous.end or (len(gap) <= 3 and gap.strip() in ("(", "")):
                    continue
            last[mention.theme] = mention
            kept.append(mention)
        return kept


def _theme_matcher(glossary: Sequence[GlossaryEntry], acronyms: Mapping[str, str]) -> _ThemeMatcher:
    themes = {e.code for e in glossary if e.is_theme}
    codes: dict[str, set[str]] = {code: set() for code in themes}
    phrases: dict[str, set[str]] = {code: set() for code in themes}
    for entry in glossary:
        theme = entry.code if entry.is_theme else entry.theme_code
        if theme not in themes:
            continue
        codes[theme].add(entry.code)
        phrases[theme].update(p for p in (entry.name, *entry.aliases) if p.strip())
    known_codes = {e.code for e in glossary}
    for acronym, long_form in acronyms.items():
        if acronym in known_codes or _JOB_TITLE.search(long_form):
            continue
        long_key = f" {_normalise(long_form)} "
        for theme in sorted(themes):
            if any(f" {_normalise(p)} " in long_key for p in phrases[theme]):
                codes[theme].add(acronym)
                break
    return _ThemeMatcher(codes, phrases)


def _ranked(scores: Counter[str], first_seen: Mapping[str, int]) -> list[str]:
    return sorted(scores, key=lambda code: (-scores[code], first_seen.get(code, 0), code))


def _item_themes(
    item: ItemDraft, mentions: Sequence[_Mention], starts: Sequence[int], matcher: _ThemeMatcher
) -> list[str]:
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for mention in mentions[bisect_left(starts, item.span.start) :]:
        if mention.start >= item.span.end:
            break
        if mention.end <= item.span.end:
            scores[mention.theme] += 1
            first_seen.setdefault(mention.theme, mention.start)
    in_title = matcher.themes_in(item.title)
    for theme in in_title:
        scores[theme] += _TITLE_WEIGHT
        first_seen.setdefault(theme, item.span.start)
    short = len(item.text.split()) < _SHORT_ITEM_WORDS
    kept = Counter(
        {
            theme: score
            for theme, score in scores.items()
            if score >= _MIN_SCORE or theme in in_title or short
        }
    )
    return _ranked(kept, first_seen)


def assign_themes(
    items: list[ItemDraft],
    text: str,
    glossary: Sequence[GlossaryEntry],
    acronyms: Mapping[str, str],
) -> list[str]:
    """Set each item's themes (strongest first) and return the meeting's themes.

    An item takes a theme named in its title, mentioned at least twice in its span, or
    mentioned once in a short item. The meeting's themes are those of its items and any
    theme mentioned at least twice in the text, the most mentioned first.
    """
    matcher = _theme_matcher(glossary, acronyms)
    mentions = matcher.mentions(text)
    starts = [mention.start for mention in mentions]
    for item in items:
        item.themes = _item_themes(item, mentions, starts, matcher)
    counts: Counter[str] = Counter(m.theme for m in mentions)
    first_seen: dict[str, int] = {}
    for mention in mentions:
        first_seen.setdefault(mention.theme, mention.start)
    on_items = {code for item in items for code in item.themes}
    kept = Counter(
        {
            code: max(counts[code], 1)
            for code in set(counts) | on_items
            if counts[code] >= _MEETING_MIN_MENTIONS or code in on_items
        }
    )
    return _ranked(kept, first_seen)
