"""The record types over the seed minutes: every contract field, through the schema."""

from __future__ import annotations

from typing import Any

from schema.context import Context
from schema.node import to_global_id
from tests.support.graphql import errors, nodes, run

SEED_DAY = "2021-02-26"

MEETING_FIELDS = """
  id title kind date startTime venue body warnings
  chair { name } minuteTaker { name }
  attendees { person { id name } capacity abbreviation status }
  items { id number title text children { number title parent { number } meeting { date } } }
  actions {
    id reference text ownerText status dueDate origin { title date }
    owners { name } history { id text status } item { number } themes { code }
    meeting { date }
  }
  metrics { id value unit label kind context meeting { date } item { number } theme { code } }
  themes { code name }
  nextMeeting { title kind date startTime }
  source { fileName format documentType sha256 size }
"""


async def seed_meeting(context: Context) -> dict[str, Any]:
    data = await run(
        context,
        """query($day: Date!) {
          meetings(filter: {dateFrom: $day, dateTo: $day}) { totalCount edges { node { id } } }
        }""",
        {"day": SEED_DAY},
    )
    assert data["meetings"]["totalCount"] == 1
    meeting_id = data["meetings"]["edges"][0]["node"]["id"]
    found = await run(
        context,
        f"query($id: ID!) {{ meeting(id: $id) {{ {MEETING_FIELDS} }} }}",
        {"id": meeting_id},
    )
    meeting: dict[str, Any] = found["meeting"]
    return meeting


async def test_seed_meeting_header(corpus_context: Context) -> None:
    meeting = await seed_meeting(corpus_context)
    assert meeting["date"] == SEED_DAY
    assert meeting["startTime"] == "10:00"
    assert meeting["kind"] == "MONTHLY_ASSURANCE"
    assert meeting["title"].startswith("Monthly Assurance Meeting February 2021")
    assert meeting["venue"] == "Virtual"
    assert meeting["body"] == "West Mercia"
    assert meeting["chair"] == {"name": "John Campion"}
    assert meeting["minuteTaker"]["name"]
    assert any("weekday" in warning for warning in meeting["warnings"])
    assert meeting["nextMeeting"] == {
        "title": "Thematic on Serious and Organised Crime",
        "kind": "THEMATIC",
        "date": "2021-03-23",
        "startTime": "10:30",
    }
    source = meeting["source"]
    assert source["fileName"] == "monthly-assurance-2021-02.txt"
    assert source["format"] == "txt"
    assert source["documentType"] == "MINUTES"
    assert len(source["sha256"]) == 64 and source["size"] > 0


async def test_seed_attendees(corpus_context: Context) -> None:
    attendees = (await seed_meeting(corpus_context))["attendees"]
    by_abbreviation = {a["abbreviation"]: a for a in attendees}
    assert by_abbreviation["PCC"]["person"]["name"] == "John Campion"
    assert by_abbreviation["PCC"]["capacity"] == "Police and Crime Commissioner"
    assert by_abbreviation["CC"]["capacity"] == "Chief Constable"
    assert by_abbreviation["CC"]["status"] == "PRESENT"
    assert all(a["person"]["id"] for a in attendees)


async def test_seed_items_and_children(corpus_context: Context) -> None:
    items = (await seed_meeting(corpus_context))["items"]
    assert [item["number"] for item in items] == ["1", "2", "3", "4"]
    assert items[0]["title"].startswith("Holding to account")
    children = items[0]["children"]
    assert [child["number"] for child in children] == ["1.1", "1.2", "1.3", "1.4"]
    assert {child["parent"]["number"] for child in children} == {"1"}
    assert {child["meeting"]["date"] for child in children} == {SEED_DAY}
    assert all(item["text"] is not None for item in items)


async def test_seed_actions(corpus_context: Context) -> None:
    actions = (await seed_meeting(corpus_context))["actions"]
    first = actions[0]
    assert first["reference"] == "1"
    assert first["ownerText"] == "CC"
    assert first["owners"] == [{"name": "Anthony Bangham"}]
    assert first["status"] == "OPEN"
    assert first["item"] == {"number": "1.2"}
    assert first["meeting"] == {"date": SEED_DAY}
    assert first["origin"] is None
    assert all(a["history"][0]["status"] == "RAISED" for a in actions if not a["origin"])
    updated = [a for a in actions if len(a["history"]) > 1 and not a["origin"]]
    assert updated and updated[0]["reference"] == "2"
    assert "18" in updated[0]["history"][1]["text"]
    carried = [a for a in actions if a["origin"]]
    assert carried and all(a["status"] == "DEFERRED" for a in carried)
    assert carried[0]["origin"]["title"] == "Performance Meeting"


async def test_seed_metrics_and_themes(corpus_context: Context) -> None:
    meeting = await seed_meeting(corpus_context)
    metrics = meeting["metrics"]
    supervisory = next(m for m in metrics if m["label"] == "no supervisory input")
    assert supervisory["value"] == 43.0
    assert supervisory["unit"] == "PERCENT"
    assert supervisory["kind"] == "OBSERVED"
    assert "43%" in supervisory["context"]
    assert supervisory["theme"] == {"code": "DA"}
    assert supervisory["item"] == {"number": "1.2"}
    assert any(m["kind"] == "TARGET" and m["value"] == 75.0 for m in metrics)
    assert any(m["unit"] == "COUNT" for m in metrics)
    codes = {theme["code"] for theme in meeting["themes"]}
    assert "DA" in codes
    assert all(theme["name"] for theme in meeting["themes"])


async def test_theme_by_code_with_connections(corpus_context: Context) -> None:
    data = await run(
        corpus_context,
        """{
          theme(code: "da") {
            id code name aliases
            meetings(first: 2) { totalCount pageInfo { hasNextPage endCursor }
                                 edges { cursor node { date } } }
            items(first: 1) { totalCount edges { node { title } } }
            actions(first: 1) { totalCount edges { node { text } } }
            metrics(first: 50) { totalCount edges { node { label meeting { date } } } }
          }
          themes { code name }
        }""",
    )
    theme = data["theme"]
    assert theme["code"] == "DA"
    assert theme["name"] == "Domestic Abuse"
    meetings = theme["meetings"]
    assert meetings["totalCount"] >= 2
    assert len(meetings["edges"]) == 2
    assert meetings["pageInfo"]["hasNextPage"] is (meetings["totalCount"] > 2)
    days = [edge["node"]["date"] for edge in meetings["edges"]]
    assert days == sorted(days, reverse=True)
    labels = {m["label"] for m in nodes(theme["metrics"])}
    assert "no supervisory input" in labels
    codes = [t["code"] for t in data["themes"]]
    assert codes == sorted(codes) and "DA" in codes


async def test_unknown_theme_and_meeting_are_null(corpus_context: Context) -> None:
    data = await run(
        corpus_context,
        """{ theme(code: "NOPE") { code }
             meeting(id: "TWVldGluZzo5OTk5OTk=") { id } }""",
    )
    assert data == {"theme": None, "meeting": None}


async def test_node_and_nodes(corpus_context: Context) -> None:
    meeting = await seed_meeting(corpus_context)
    action_id = meeting["actions"][0]["id"]
    person_id = meeting["attendees"][0]["person"]["id"]
    data = await run(
        corpus_context,
        """query($ids: [ID!]!, $id: ID!) {
          node(id: $id) { id ... on Meeting { date } }
          nodes(ids: $ids) { __typename id ... on Action { reference } ... on Person { name } }
        }""",
        {"id": meeting["id"], "ids": [action_id, person_id]},
    )
    assert data["node"] == {"id": meeting["id"], "date": SEED_DAY}
    assert data["nodes"][0] == {"__typename": "Action", "id": action_id, "reference": "1"}
    assert data["nodes"][1]["__typename"] == "Person"


async def test_nodes_come_in_the_order_asked_with_repeats_and_null_for_records_gone(
    corpus_context: Context,
) -> None:
    meeting = await seed_meeting(corpus_context)
    action_id = meeting["actions"][0]["id"]
    person_id = meeting["attendees"][0]["person"]["id"]
    gone = to_global_id("Action", 999_999)
    data = await run(
        corpus_context,
        """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }""",
        {"ids": [action_id, gone, meeting["id"], person_id, action_id]},
    )
    assert data["nodes"] == [
        {"__typename": "Action", "id": action_id},
        None,
        {"__typename": "Meeting", "id": meeting["id"]},
        {"__typename": "Person", "id": person_id},
        {"__typename": "Action", "id": action_id},
    ]


async def test_bad_global_id_is_a_clear_error(corpus_context: Context) -> None:
    found = await errors(corpus_context, '{ node(id: "not-an-id") { id } }')
    assert "not a valid id" in found[0]["message"]
    assert found[0]["extensions"]["code"] == "BAD_ID"


async def test_meeting_by_an_id_of_no_known_type_is_a_clear_error(
    corpus_context: Context,
) -> None:
    unknown = to_global_id("Planet", 1)
    for query in (
        "query($id: ID!) { meeting(id: $id) { id } }",
        "query($id: ID!) { node(id: $id) { id } }",
    ):
        found = await errors(corpus_context, query, {"id": unknown})
        assert "names an unknown type 'Planet'" in found[0]["message"]
        assert found[0]["extensions"]["code"] == "BAD_ID"
    other = to_global_id("Theme", 1)
    data = await run(corpus_context, "query($id: ID!) { meeting(id: $id) { id } }", {"id": other})
    assert data["meeting"] is None  # the id of another kind of record
