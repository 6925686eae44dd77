"""The curated glossary in the database: brought in once, then read without writing."""

from __future__ import annotations

import dataclasses

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.parse.themes import load_base_glossary
from ingest.pipeline import prepare_glossary
from records.db import session_factory
from records.glossary import holds_base_glossary
from records.models import Acronym, Theme


async def test_the_curated_glossary_is_brought_in_once(engine: AsyncEngine) -> None:
    base = load_base_glossary()
    assert not holds_base_glossary([], base)

    stored = await prepare_glossary(engine)
    again = await prepare_glossary(engine)

    assert holds_base_glossary(stored, base)
    assert again == stored
    async with session_factory(engine)() as session:
        themes = await session.scalar(select(func.count()).select_from(Theme))
        acronyms = await session.scalar(select(func.count()).select_from(Acronym))
    assert themes == sum(entry.is_theme for entry in base)
    assert acronyms and acronyms >= sum(not entry.is_theme for entry in base)


async def test_a_changed_curated_entry_is_not_taken_as_stored(engine: AsyncEngine) -> None:
    base = load_base_glossary()
    stored = await prepare_glossary(engine)
    theme = next(i for i, e in enumerate(base) if e.is_theme)
    acronym = next(i for i, e in enumerate(base) if not e.is_theme)

    renamed = list(base)
    renamed[theme] = dataclasses.replace(base[theme], name="Another Name")
    relinked = list(base)
    relinked[acronym] = dataclasses.replace(base[acronym], theme_code="ZZZ")

    assert not holds_base_glossary(stored, renamed)
    assert not holds_base_glossary(stored, relinked)
    assert not holds_base_glossary([e for e in stored if e.code != base[acronym].code], base)
