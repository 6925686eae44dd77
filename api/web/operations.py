"""The GraphQL operations the pages run, in process, against the schema GraphQL serves.

The pages read nothing any other way: a page is what these operations return, so its
counts, filters and records are GraphQL's.
"""

from __future__ import annotations

from typing import Final

_MEETING_LINE: Final = "fragment MeetingLine on Meeting { id title date kind body }"

_HIT_FIELDS: Final = """
fragment HitFields on SearchEdge {
  cursor
  score
  highlights
  node {
    __typename
    ... on Meeting { ...MeetingLine }
    ... on AgendaItem { id number title meeting { ...MeetingLine } }
    ... on Action {
      id reference status ownerText dueDate
      item { number title }
      meeting { ...MeetingLine }
    }
    ... on Metric {
      id value unit label metricKind: kind
      item { number title }
      meeting { ...MeetingLine }
    }
  }
}
"""

_SEARCH_ARGUMENTS: Final = """($query: String!, $filter: SearchFilter, $first: Int,
  $after: String, $order: SearchOrder!, $exact: Boolean!)"""
_SEARCH_CALL: Final = """search(query: $query, filter: $filter, first: $first, after: $after,
  order: $order, exact: $exact)"""

SEARCH: Final = f"""
query WebSearch{_SEARCH_ARGUMENTS} {{
  {_SEARCH_CALL} {{
    totalCount
    suggestion
    pageInfo {{ hasNextPage endCursor }}
    facets {{
      years {{ value count }}
      themes {{ value count }}
      kinds {{ value count }}
      types {{ value count }}
      bodies {{ value count }}
    }}
    edges {{ ...HitFields }}
  }}
  themes {{ code name }}
}}
{_HIT_FIELDS}
{_MEETING_LINE}
"""

# The hits alone, a page at a time: the downloads.
SEARCH_HITS: Final = f"""
query WebSearchHits{_SEARCH_ARGUMENTS} {{
  {_SEARCH_CALL} {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    edges {{ ...HitFields }}
  }}
}}
{_HIT_FIELDS}
{_MEETING_LINE}
"""

# Hits per year alone: the chart of a search narrowed to some years shows all of them.
SEARCH_YEARS: Final = f"""
query WebSearchYears{_SEARCH_ARGUMENTS} {{
  {_SEARCH_CALL} {{
    facets {{ years {{ value count }} }}
  }}
}}
"""

# Only where a page ends: to reach page N, the pages before it are walked by cursor.
SEARCH_CURSOR: Final = f"""
query WebSearchCursor{_SEARCH_ARGUMENTS} {{
  {_SEARCH_CALL} {{
    pageInfo {{ hasNextPage endCursor }}
  }}
}}
"""

_ITEM_FIELDS: Final = """
fragment ItemFields on AgendaItem {
  id number title text
  themes { code name }
  evidence { start end text document { id fileName } }
}
"""

MEETING: Final = (
    """
query WebMeeting($id: ID!) {
  meeting(id: $id) {
    id title kind date startTime venue body warnings
    chair { name }
    minuteTaker { name }
    nextMeeting { title kind date startTime }
    evidence { start end text document { id fileName } }
    attendees { capacity abbreviation status person { name } }
    themes { code name }
    items {
      ...ItemFields
      children { ...ItemFields children { ...ItemFields children { ...ItemFields } } }
    }
    actions {
      id reference text ownerText status dueDate
      owners { name }
      item { number title }
      origin { title kind date }
      continues { kind reason earlier { id reference meeting { id title date } } }
      continuedBy { kind reason later { id reference meeting { id title date } } }
      evidence { start end text document { id fileName } }
    }
    metrics {
      id value unit label kind context
      item { number title }
      theme { code name }
      evidence { start end text document { id fileName } }
    }
    documents { id fileName format documentType sha256 size ingestedAt warnings }
  }
}
"""
    + _ITEM_FIELDS
)

DOCUMENT: Final = """
query WebDocument($id: ID!) {
  node(id: $id) { __typename ... on SourceDocument { id fileName text } }
}
"""

THEME: Final = (
    """
query WebTheme($code: String!, $themes: [String!], $open: ActionFilter!,
               $overdue: ActionFilter!) {
  theme(code: $code) {
    id code name aliases
    meetings(first: 10) { totalCount edges { node { ...MeetingLine } } }
    items(first: 10) {
      totalCount
      edges { node { id number title meeting { ...MeetingLine } } }
    }
    metrics { totalCount }
  }
  byYear: search(query: "", filter: {themes: $themes, types: [MEETING]}, first: 1) {
    totalCount
    facets { years { value count } }
  }
  open: actions(filter: $open, first: 100) {
    totalCount
    edges { node { ...ActionLine } }
  }
  overdue: actions(filter: $overdue, first: 100) {
    totalCount
    edges { node { ...ActionLine } }
  }
}
fragment ActionLine on Action {
  id reference text ownerText status dueDate
  meeting { ...MeetingLine }
}
"""
    + _MEETING_LINE
)

# A list of actions, a page at a time: a theme page's downloads.
ACTIONS: Final = (
    """
query WebActions($filter: ActionFilter!, $first: Int, $after: String) {
  actions(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ...ActionLine } }
  }
}
fragment ActionLine on Action {
  id reference text ownerText status dueDate
  meeting { ...MeetingLine }
}
"""
    + _MEETING_LINE
)
