"""A search hit as the page shows it and the downloads write it: one shape for both, so a
download holds exactly what the pages list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from markupsafe import Markup

from api.web import format as fmt

COLUMNS: Final = (
    "type",
    "id",
    "record",
    "item",
    "status",
    "value",
    "passage",
    "meeting_id",
    "meeting",
    "date",
    "kind",
    "body",
    "score",
    "url",
)
_TYPES: Final = {"Meeting": "MEETING", "AgendaItem": "ITEM", "Action": "ACTION", "Metric": "METRIC"}


def meeting_url(meeting_id: str) -> str:
    return f"/meetings/{fmt.urlencode_id(meeting_id)}"


@dataclass(frozen=True)
class HitView:
    type: str  # MEETING, ITEM, ACTION, METRIC
    id: str
    record: str  # what the record is: a title, an action's reference, a figure's label
    item: str  # the agenda item an action or a figure belongs to
    status: str
    value: str
    highlights: list[str]
    meeting: dict[str, Any]
    score: float
    url: str

    @property
    def passage(self) -> Markup:
        return fmt.passage(self.highlights)

    def row(self, origin: str = "") -> dict[str, Any]:
        """The hit as a download writes it (``origin``: the site's address, for ``url``)."""
        return {
            "type": self.type,
            "id": self.id,
            "record": self.record,
            "item": self.item,
            "status": self.status,
            "value": self.value,
            "passage": fmt.plain_passage(self.highlights),
            "meeting_id": self.meeting["id"],
            "meeting": self.meeting["title"],
            "date": self.meeting["date"],
            "kind": self.meeting["kind"],
            "body": self.meeting["body"],
            "score": round(self.score, 4),
            "url": origin + self.url,
        }


def hit_view(edge: dict[str, Any]) -> HitView:
    """One ``HitFields`` edge as the page shows it."""
    node = edge["node"]
    kind = _TYPES[node["__typename"]]
    meeting = node if kind == "MEETING" else node["meeting"]
    record, item, status, value = node.get("title", ""), "", "", ""
    if kind == "ITEM":
        record = f"{node['number'] or ''} {node['title']}".strip()
    elif kind == "ACTION":
        record = f"Action {node['reference']}" if node["reference"] else "Action"
        item, status = fmt.item_label(node["item"]), node["status"]
    elif kind == "METRIC":
        record = node["label"]
        item, value = fmt.item_label(node["item"]), fmt.figure(node["value"], node["unit"])
    url = meeting_url(meeting["id"])
    if kind != "MEETING":
        url += "#" + fmt.anchor(node["id"])
    return HitView(
        type=kind,
        id=node["id"],
        record=record,
        item=item,
        status=status,
        value=value,
        highlights=list(edge["highlights"]),
        meeting=meeting,
        score=float(edge["score"]),
        url=url,
    )


@dataclass
class MeetingGroup:
    """A page's hits of one meeting, in the order they came."""

    meeting: dict[str, Any]
    hits: list[HitView] = field(default_factory=list)

    @property
    def url(self) -> str:
        return meeting_url(self.meeting["id"])


def by_meeting(hits: Iterable[HitView]) -> list[MeetingGroup]:
    """Hits grouped by meeting, meetings in the order of their first hit."""
    groups: dict[str, MeetingGroup] = {}
    for hit in hits:
        key = hit.meeting["id"]
        if key not in groups:
            groups[key] = MeetingGroup(hit.meeting)
        groups[key].hits.append(hit)
    return list(groups.values())
