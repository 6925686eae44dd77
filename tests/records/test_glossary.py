"""The glossary's one loader, and the acronyms the index matches documents by."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.glossary import load_matcher
from ingest.parse.themes import load_base_glossary
from records.db import session_factory
from records.glossary import (
    GlossaryEntry,
    load_glossary,
    seeded,
    stored_acronyms,
    sync_base_glossary,
)
from records.models import Acronym, Theme

BASE = load_base_glossary()


def _by_key(entries: list[GlossaryEntry]) -> dict[tuple[str, bool], GlossaryEntry]:
    return {(e.code, e.is_theme): e for e in entries}


def test_the_seed_holds_an_acronym_row_for_initialisms_only() -> None:
    entries = _by_key(seeded(BASE))
    acronyms = {a.code: a for a in stored_acronyms(seeded(BASE))}
    assert "HATE" not in acronyms  # a theme whose code is not its initials has no acronym row
    assert entries["HATE", True].acronym_expansion is None
    assert acronyms["SOC"].long_forms == ("Serious and Organised Crime",)
    assert entries["MARAC", False].theme_code == "DA"
    assert entries["DA", True].acronym_expansion == "Domestic Abuse"  # DA is its own acronym


async def test_a_seeded_database_loads_as_the_seed_is_described(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session:
        await sync_base_glossary(session, BASE)
        await session.commit()
    async with session_factory(engine)() as session:
        loaded = await load_glossary(session)
    assert _by_key(loaded) == _by_key(seeded(BASE))


async def test_documents_match_each_acronym_row_by_its_expansion_and_its_themes_name(
    engine: AsyncEngine,
) -> None:
    async with session_factory(engine)() as session:
        await sync_base_glossary(session, BASE)
        hate = (await session.scalars(select(Theme).where(Theme.code == "HATE"))).one()
        # A document defined HATE, which the curated base has only as a theme.
        session.add(Acronym(abbreviation="HATE", expansion="Hostility And Targeted Exclusion"))
        session.add(Acronym(abbreviation="ZZQ", expansion="Zonal Zero Quota", theme_id=hate.id))
        await session.commit()
    async with session_factory(engine)() as session:
        loaded = await load_glossary(session)
        matcher = await load_matcher(session)
    acronyms = {a.code: a for a in stored_acronyms(loaded)}
    assert acronyms["HATE"].long_forms == ("Hostility And Targeted Exclusion", "Hate Crime")
    assert acronyms["ZZQ"].long_forms == ("Zonal Zero Quota",)
    assert _by_key(loaded)["ZZQ", False].theme_code == "HATE"
    assert matcher.find("hate crime and a zonal zero quota") == ["HATE", "ZZQ"]
