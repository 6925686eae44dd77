"""The glossary of acronyms and themes in the database: seeded from the curated base."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.draft import GlossaryEntry
from records.models import Acronym, Theme

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


async def load_glossary(session: AsyncSession) -> list[GlossaryEntry]:
    """Every theme and acronym in the database, as the parser takes them."""
    themes = (await session.scalars(select(Theme).order_by(Theme.code))).all()
    by_id = {t.id: t for t in themes}
    entries = [
        GlossaryEntry(code=t.code, name=t.name, is_theme=True, aliases=tuple(t.aliases))
        for t in themes
    ]
    theme_codes = {t.code for t in themes}
    for acronym in (await session.scalars(select(Acronym).order_by(Acronym.abbreviation))).all():
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
