"""The glossary of themes and acronyms: its one shape, the one loader, the curated seed.

Ingest parses with it (themes of items, acronyms a document defines) and the index
matches documents and queries with it; both take the ``GlossaryEntry`` list that
``load_glossary`` reads, each building the matcher it needs from it
(``ingest.parse.themes``, ``indexer.glossary.AcronymMatcher``,
``indexer.query.AcronymTable``). The database holds themes (code, name, aliases) and
acronyms (code, expansion, linked theme): the curated base of
``records/data/glossary.csv``, which ``sync_base_glossary`` brings in, and every
"Long Form (ABBR)" a document defined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from records.models import Acronym, Theme


@dataclass(frozen=True)
class GlossaryEntry:
    """A theme or an acronym.

    ``is_theme`` marks entries that are themes in their own right (DA, SOC);
    ``theme_code`` links an acronym to the theme it signals (MARAC -> DA).
    ``aliases`` are other phrasings that mean the same ("domestic violence").
    ``acronym_expansion``, of a theme whose code is also a stored acronym, is that
    acronym's long form (usually the theme's name; None for HATE, no initialism).
    """

    code: str
    name: str
    is_theme: bool = False
    theme_code: str | None = None
    aliases: tuple[str, ...] = ()
    acronym_expansion: str | None = None


@dataclass(frozen=True)
class AcronymForms:
    """An acronym and the long forms that mean it."""

    code: str
    long_forms: tuple[str, ...]


def stored_acronyms(entries: Sequence[GlossaryEntry]) -> list[AcronymForms]:
    """The acronyms table as ``entries`` (of ``load_glossary``) hold it, by code, with the
    long forms documents are matched by: the expansion and, when a theme has the code,
    that theme's name."""
    acronyms: list[AcronymForms] = []
    for entry in sorted(entries, key=lambda e: e.code):
        if not entry.is_theme:
            forms = [entry.name]
        elif entry.acronym_expansion is not None:
            forms = [entry.acronym_expansion]
            if entry.name not in forms:
                forms.append(entry.name)
        else:
            continue
        acronyms.append(AcronymForms(entry.code, tuple(f for f in forms if f)))
    return acronyms


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "&"})


def is_initialism(code: str, name: str) -> bool:
    """True when ``code`` reads as the initials of ``name`` (small words optional).

    "SOC" / "Serious and Organised Crime" and "RASSO" / "Rape and Serious Sexual
    Offences" are; "HATE" / "Hate Crime" is not.
    """
    letters = [c for c in code.upper() if c.isalpha()]
    words = [w for w in re.split(r"[\s\-/]+", name) if w]

    def match(li: int, wi: int) -> bool:
        if li == len(letters):
            return all(w.lower() in _SMALL_WORDS for w in words[wi:])
        if wi == len(words):
            return False
        word = words[wi]
        if word[0].upper() == letters[li] and match(li + 1, wi + 1):
            return True
        return word.lower() in _SMALL_WORDS and match(li, wi + 1)

    return bool(letters) and match(0, 0)


async def sync_base_glossary(session: AsyncSession, entries: Sequence[GlossaryEntry]) -> None:
    """Insert or refresh the curated themes and acronyms; document-defined ones are kept."""
    themes = {t.code: t for t in (await session.scalars(select(Theme))).all()}
    for entry in entries:
        if not entry.is_theme:
            continue
        theme = themes.get(entry.code)
        if theme is None:
            theme = Theme(code=entry.code, name=entry.name, aliases=list(entry.aliases))
            session.add(theme)
            themes[entry.code] = theme
        elif theme.name != entry.name or theme.aliases != list(entry.aliases):
            theme.name, theme.aliases = entry.name, list(entry.aliases)
    await session.flush()

    acronyms = {a.abbreviation: a for a in (await session.scalars(select(Acronym))).all()}
    for entry in entries:
        if entry.is_theme and not is_initialism(entry.code, entry.name):
            continue
        linked = themes.get(entry.code if entry.is_theme else (entry.theme_code or ""))
        theme_id = linked.id if linked else None
        acronym = acronyms.get(entry.code)
        if acronym is None:
            session.add(Acronym(abbreviation=entry.code, expansion=entry.name, theme_id=theme_id))
        elif acronym.source_document_id is None and (
            acronym.expansion != entry.name or acronym.theme_id != theme_id
        ):
            acronym.expansion, acronym.theme_id = entry.name, theme_id
    await session.flush()


def holds_base_glossary(stored: Sequence[GlossaryEntry], base: Sequence[GlossaryEntry]) -> bool:
    """Whether ``stored`` (from ``load_glossary``) has every curated entry as it is now,
    so that ``sync_base_glossary`` would change nothing."""
    by_code = {(entry.code, entry.is_theme): entry for entry in stored}
    for entry in base:
        if entry.is_theme:
            found = by_code.get((entry.code, True))
            if found is None or (found.name, found.aliases) != (entry.name, entry.aliases):
                return False
            if not is_initialism(entry.code, entry.name):
                continue
        # An initialism theme is also an acronym of itself; load_glossary shows it once.
        acronym = by_code.get((entry.code, False))
        if acronym is None and entry.is_theme:
            continue
        if acronym is None or acronym.name != entry.name:
            return False
        if not entry.is_theme and acronym.theme_code != entry.theme_code:
            return False
    return True


def seeded(base: Sequence[GlossaryEntry]) -> list[GlossaryEntry]:
    """The curated ``base`` as ``load_glossary`` reads it from a database that
    ``sync_base_glossary`` seeded with it alone (for building documents without one)."""
    themes = {entry.code: entry for entry in base if entry.is_theme}
    entries = [
        GlossaryEntry(
            code=theme.code,
            name=theme.name,
            is_theme=True,
            aliases=theme.aliases,
            acronym_expansion=theme.name if is_initialism(theme.code, theme.name) else None,
        )
        for theme in sorted(themes.values(), key=lambda t: t.code)
    ]
    entries += [
        GlossaryEntry(
            code=entry.code,
            name=entry.name,
            theme_code=entry.theme_code if entry.theme_code in themes else None,
        )
        for entry in sorted(base, key=lambda e: e.code)
        if not entry.is_theme
    ]
    return entries


async def load_glossary(session: AsyncSession) -> list[GlossaryEntry]:
    """Every theme and acronym in the database: themes by code, then the acronyms whose
    code is no theme's (a theme's own acronym is its ``acronym_expansion``)."""
    themes = (await session.scalars(select(Theme).order_by(Theme.code))).all()
    acronyms = (await session.scalars(select(Acronym).order_by(Acronym.abbreviation))).all()
    by_id = {t.id: t for t in themes}
    expansions = {a.abbreviation: a.expansion for a in acronyms}
    entries = [
        GlossaryEntry(
            code=t.code,
            name=t.name,
            is_theme=True,
            aliases=tuple(t.aliases),
            acronym_expansion=expansions.get(t.code),
        )
        for t in themes
    ]
    theme_codes = {t.code for t in themes}
    for acronym in acronyms:
        if acronym.abbreviation in theme_codes:
            continue
        linked = by_id.get(acronym.theme_id) if acronym.theme_id else None
        entries.append(
            GlossaryEntry(
                code=acronym.abbreviation,
                name=acronym.expansion,
                theme_code=linked.code if linked else None,
            )
        )
    return entries
