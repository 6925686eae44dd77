"""Records -> index documents: fields, glossary acronyms, analyzers, a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine
from whoosh.fields import TEXT

from indexer.analysis import (
    AnalysedText,
    analyze,
    exact_analyzer,
    is_acronym,
    pair_terms,
    pairs_analyzer,
    text_analyzer,
)
from indexer.documents import build_documents
from indexer.glossary import AcronymMatcher, load_matcher, normalise_phrase
from indexer.schema import ACTION, ITEM, MEETING, METRIC, build_schema, parse_key
from records.db import session_factory
from records.glossary import AcronymForms
from records.models import Action, AgendaItem, Attendance, Meeting, Metric, Person
from tests.support.paths import SEED
from tests.support.records import IndexedCorpus, index_snapshot, ingest_files

# --- analyzers ------------------------------------------------------------------------------


def test_acronyms_are_lower_cased_but_not_stemmed() -> None:
    terms = analyze(text_analyzer(), "MARAC referrals to the DAS and HMICFRS; L&D teams")
    assert terms == ["marac", "referr", "das", "hmicfrs", "l&d", "team"]


def test_other_words_are_stemmed_and_stop_words_dropped() -> None:
    analyzer = text_analyzer()
    assert analyze(analyzer, "The victims offended") == analyze(analyzer, "victim offending")
    assert analyze(analyzer, "The PCC asked the CC") == ["pcc", "ask", "cc"]
    assert analyze(analyzer, "Referrals") == analyze(analyzer, "referral")


def test_numbers_percentages_hyphens_and_apostrophes_are_single_tokens() -> None:
    terms = analyze(exact_analyzer(), "43% of multi-agency cases, 1.4 and 10,000 on the 3rd; PCC’s")
    assert terms == [
        "43%",
        "of",
        "multi-agency",
        "cases",
        "1.4",
        "and",
        "10,000",
        "on",
        "the",
        "3rd",
        "pcc",
    ]


def test_exact_analyzer_only_lower_cases() -> None:
    assert analyze(exact_analyzer(), "Victims Were Offended") == ["victims", "were", "offended"]


def test_acronym_shape() -> None:
    assert all(is_acronym(w) for w in ["DA", "MARAC", "HMICFRS", "L&D", "CC2"])
    assert not any(is_acronym(w) for w in ["A", "Da", "Marac", "ALONGWORDINCAPS", "2DA", "D&"])


def test_schema_survives_pickling_into_an_index(tmp_path: Any) -> None:
    from whoosh.index import create_in, open_dir

    create_in(str(tmp_path), build_schema())
    reopened = open_dir(str(tmp_path)).schema
    assert analyze(reopened["text"].analyzer, "MARAC referrals") == analyze(
        text_analyzer(), "MARAC referrals"
    )


# Texts with stop words first and last, acronyms, possessives, numbers and repeats.
FIELD_TEXTS = (
    "The victims' MARAC referrals rose 43% in the PCC’s multi-agency review of L&D.",
    "Victim care plans\nVictim care was reviewed; care plans, care plans and the DA's plans",
    "the and of",
    "",
    "Action 12: DCC to report on 1.4 and 10,000 SPOCS by the 3rd",
)


@pytest.mark.parametrize("fieldname", ["title", "text", "exact", "pairs"])
def test_text_fields_index_what_their_analyzers_make(fieldname: str) -> None:
    field = build_schema()[fieldname]
    for text in FIELD_TEXTS:
        through_analyzer = sorted(TEXT.index(field, text))
        assert sorted(field.index(AnalysedText(text))) == through_analyzer, text
        assert sorted(field.index(text)) == through_analyzer, text


def test_pairs_are_consecutive_exact_words() -> None:
    assert analyze(pairs_analyzer(), "Victim care plans: the PCC’s") == [
        "victim+care",
        "care+plans",
        "plans+the",
        "the+pcc",
    ]
    assert pair_terms(["victim", "care", "plans"]) == ["victim+care", "care+plans"]


def test_text_keeps_no_positions_and_phrase_fields_do() -> None:
    schema = build_schema()
    assert not schema["text"].supports("positions")
    assert not schema["pairs"].supports("positions")
    assert schema["exact"].supports("positions") and schema["title"].supports("positions")


# --- glossary matching ----------------------------------------------------------------------

MATCHER = AcronymMatcher(
    [
        AcronymForms("MARAC", ("Multi-Agency Risk Assessment Conference",)),
        AcronymForms("DA", ("Domestic Abuse",)),
        AcronymForms("DAPO", ("Domestic Abuse Protection Order",)),
        AcronymForms("L&D", ("Learning and Development",)),
    ]
)


def test_codes_match_as_words_in_the_same_case() -> None:
    assert MATCHER.find("MARAC referrals rose") == ["MARAC"]
    assert MATCHER.find("the MARAC's chair and two MARACs") == ["MARAC"]
    assert MATCHER.find("DA-related crime") == ["DA"]
    assert MATCHER.find("L&D budget") == ["L&D"]
    assert MATCHER.find("Da, data, Marac, DAB, PARAMARAC") == []


def test_long_forms_match_whatever_the_case_hyphens_or_spacing() -> None:
    assert MATCHER.find("the multi agency risk-assessment  conference met") == ["MARAC"]
    assert MATCHER.find("MULTI-AGENCY RISK ASSESSMENT CONFERENCE") == ["MARAC"]
    assert MATCHER.find("domestic abuse protection order") == ["DAPO"]
    assert MATCHER.find("risk assessment conference") == []
    assert MATCHER.code_for_phrase("Multi Agency Risk Assessment Conference") == "MARAC"
    assert MATCHER.code_for("marac") == "MARAC"
    assert normalise_phrase("Multi-Agency  Risk") == "multi agency risk"


def test_long_form_positions_point_into_the_text() -> None:
    text = "At the Multi-Agency Risk Assessment Conference, DA was discussed"
    [found] = MATCHER.long_forms_in(text)
    assert found.code == "MARAC"
    assert text[found.start : found.end] == "Multi-Agency Risk Assessment Conference"


def test_signature_changes_when_a_long_form_changes() -> None:
    other = AcronymMatcher(
        [
            AcronymForms("MARAC", ("Multi Agency Risk Assessment Conference",)),
            AcronymForms("DA", ("Domestic Abuse",)),
            AcronymForms("DAPO", ("Domestic Abuse Prevention Order",)),
            AcronymForms("FGM", ("Female Genital Mutilation",)),
        ]
    )
    assert other.changed_codes(MATCHER.signature()) == {"DAPO", "FGM", "L&D"}
    assert MATCHER.changed_codes(MATCHER.signature()) == set()


# --- documents from records -----------------------------------------------------------------


async def _seed_item(engine: AsyncEngine, number: str) -> AgendaItem:
    async with session_factory(engine)() as session:
        item = await session.scalar(
            select(AgendaItem)
            .join(Meeting)
            .where(AgendaItem.number == number, Meeting.date == dt.date(2021, 2, 26))
        )
        assert item is not None
        return item


async def test_seed_item_document_carries_meeting_themes_and_acronyms(
    indexed_corpus: IndexedCorpus,
) -> None:
    item = await _seed_item(indexed_corpus.engine, "1.4")
    document = index_snapshot(indexed_corpus.store)[f"item:{item.id}"]
    assert document["type"] == "item"
    assert document["record_id"] == item.id
    assert document["meeting_id"] == item.meeting_id
    assert document["title"] == "Repeat Victims and offenders"
    assert document["text"].startswith("Repeat Victims and offenders\n")
    assert "unable to contact 425 victims" in document["text"]
    assert document["item_number"] == "1.4"
    assert "DA" in document["themes"].split(",")
    assert {"MARAC", "HMICFRS"} <= set(document["acronyms"].split(","))
    assert document["year"] == 2021
    assert document["day"] == 20210226
    assert document["date"] == dt.datetime(2021, 2, 26)
    assert document["kind"] == "MONTHLY_ASSURANCE"


async def test_every_record_has_one_document(indexed_corpus: IndexedCorpus) -> None:
    async with session_factory(indexed_corpus.engine)() as session:
        expected = {
            f"{record_type}:{record_id}"
            for record_type, column in [
                (ITEM, AgendaItem.id),
                (MEETING, Meeting.id),
                (ACTION, Action.id),
                (METRIC, Metric.id),
            ]
            for record_id in await session.scalars(select(column))
        }
    snapshot = index_snapshot(indexed_corpus.store)
    assert set(snapshot) == expected
    assert len(expected) > 100
    for key, fields in snapshot.items():
        record_type, record_id = parse_key(key)
        assert fields["type"] == record_type and fields["record_id"] == record_id
        assert fields["year"] == fields["date"].year
        assert fields["text"].startswith(fields["title"])


async def test_meeting_action_and_metric_documents(indexed_corpus: IndexedCorpus) -> None:
    engine = indexed_corpus.engine
    snapshot = index_snapshot(indexed_corpus.store)
    async with session_factory(engine)() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.date == dt.date(2021, 2, 26)))
        assert meeting is not None
        names = list(
            await session.scalars(
                select(Person.name).join(Attendance).where(Attendance.meeting_id == meeting.id)
            )
        )
        owned = (
            await session.execute(
                select(Action.id, Action.reference)
                .where(Action.meeting_id == meeting.id, Action.owner_text.is_not(None))
                .order_by(Action.position)
            )
        ).first()
        metric_id = await session.scalar(
            select(Metric.id).where(Metric.meeting_id == meeting.id, Metric.value == 43)
        )

    document = snapshot[f"meeting:{meeting.id}"]
    assert document["title"] == meeting.title
    assert "Virtual" in document["text"] and "Monthly Assurance" in document["text"]
    assert names and all(name in document["text"] for name in names)
    assert "DA" in document["themes"].split(",")
    assert document["item_number"] == ""

    assert owned is not None
    action = snapshot[f"action:{owned.id}"]
    assert action["title"] == f"Action {owned.reference}"
    assert "Anthony Bangham" in action["text"]
    assert action["kind"] == "MONTHLY_ASSURANCE" and action["year"] == 2021

    assert metric_id is not None
    metric = snapshot[f"metric:{metric_id}"]
    assert "43%" in metric["text"]
    assert metric["day"] == 20210226


@contextmanager
def count_statements(engine: AsyncEngine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def test_queries_do_not_grow_with_the_number_of_records(engine: AsyncEngine) -> None:
    await ingest_files(engine, SEED)
    async with session_factory(engine)() as session:
        all_ids = {
            ITEM: set(await session.scalars(select(AgendaItem.id))),
            MEETING: set(await session.scalars(select(Meeting.id))),
            ACTION: set(await session.scalars(select(Action.id))),
            METRIC: set(await session.scalars(select(Metric.id))),
        }
        one_each = {t: {min(ids)} for t, ids in all_ids.items()}
        matcher = await load_matcher(session)
        counts = []
        for ids in (one_each, all_ids):
            session.expunge_all()
            with count_statements(engine) as statements:
                documents = await build_documents(session, matcher, ids)
            counts.append(len(statements))
            assert len(documents) == sum(len(v) for v in ids.values())
    assert counts[0] == counts[1], counts
    assert sum(len(v) for v in all_ids.values()) > 20


async def test_records_that_no_longer_exist_yield_no_document(engine: AsyncEngine) -> None:
    await ingest_files(engine, SEED)
    async with session_factory(engine)() as session:
        item_id = await session.scalar(select(AgendaItem.id).limit(1))
        assert item_id is not None
        matcher = await load_matcher(session)
        documents = await build_documents(
            session, matcher, {ITEM: {item_id, 10_000_000}, ACTION: {10_000_001}}
        )
    assert [d.key for d in documents] == [f"item:{item_id}"]
