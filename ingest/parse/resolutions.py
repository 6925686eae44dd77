"""Tasks a resolution sets someone: the clauses of a decision that name who is to act.

Councils, panels and boards record what they decided as resolutions, and a resolution
that gives someone work is an action of the meeting, however it is worded:

- an owner and the bare verb of the subjunctive: "RESOLVED that the Clerk write to the
  Home Office", "AGREED that the Chief Constable provide a breakdown ...", "That the report
  be noted and the Assistant County Secretary report to the next meeting ...";
- authority delegated: "that the Panel delegate authority to the Head of Democratic
  Services to take the steps needed ...";
- someone asked or instructed: "REQUESTED the Local Senior Officer to provide Members with
  ...", "that the Committee ask the Commissioner to report back", "that the Monitoring
  Officer be asked to (a) settle the wording ...".

Each clause joined by "and that", "; and" or "; that" is a task of its own, so "RESOLVED
that the panel delegate authority to the Head of Democratic Services to take the steps
...; and that the Head of Democratic Services arrange the recruitment ..." gives two.

A clause is read only inside a decision: the sentence says "resolved", "agreed",
"ordered" or "decided" (in any case, "It was agreed that ..."), opens with "That", or
stands in the list that a lead such as "RESOLVED that:" or "ORDERED that:" introduces
(``resolving``). Outside one, "Officers provide a monthly update" is a habit, not a task.
The meeting itself is never the owner ("that the Panel write to ..." is its own act).
"""

from __future__ import annotations

import re

from ingest.parse.action_candidates import Candidate
from ingest.parse.owners import looks_like_owner
from ingest.parse.subjects import PRONOUNS, is_group, phrase_after
from ingest.parse.task_verbs import DELIVER

__all__ = ["bare_task", "decision_lead", "resolution_clause", "resolution_tasks"]

_CUE = re.compile(
    r"\b(?:(?:resolved|agreed|ordered|decided)\b(?:\s*[:\-–—.,]+)?|decisions?\s*[:\-–—]+)"
    r"\s*(?:that\b\s*)?",
    re.IGNORECASE,
)
# "The Panel RESOLVED to ask the Commissioner to ...": "to" before the asking.
_TO = re.compile(r"to\s+", re.IGNORECASE)
_THAT = re.compile(r"\W*that\s+", re.IGNORECASE)
# A lead that introduces the clauses of a decision under it: "RESOLVED that:", "ORDERED:",
# "It was agreed that:", "Resolved –".
_LEAD = re.compile(
    r"\W*(?:it\s+was\s+|the\s+\w+(?:\s+\w+)?\s+(?:has\s+)?)?(?:resolved|agreed|ordered|decided)"
    r"(?:\s*[:\-–—]+)?(?:\s*that)?\s*[:\-–—]*\s*",
    re.IGNORECASE,
)
# Where a further clause of the same decision starts.
_NEXT_CLAUSE = re.compile(r"(?:[;,]\s*(?:and\s+|or\s+)?|\s+and\s+)(?:that\s+)?", re.IGNORECASE)
# The meeting itself as the subject of a clause, in lower case too: "the panel delegate".
_MEETING = re.compile(
    r"(?:the\s+)?(?:panel|committee|sub-committee|board|authority|members|council|forum"
    r"|meeting|group)\s+",
    re.IGNORECASE,
)
_ASKING = re.compile(
    r"(?:request(?:ed|s)?|ask(?:ed|s)?|instruct(?:ed|s)?|invite[sd]?|direct(?:ed|s)?)\s+",
    re.IGNORECASE,
)
_DELEGATING = re.compile(
    r"delegate[sd]?\s+(?:its\s+|full\s+|the\s+)?(?:authority|powers?|responsibility)\s+to\s+",
    re.IGNORECASE,
)
# "..., in consultation with the Chairman, to take ...": words between the owner and "to".
_ASIDE = re.compile(r"\s*,[^,.;]{1,80},")
_TO_VERB = re.compile(r"\s*to\s+(?:\(?[a-h]\)\s+|[a-h]\)\s+)?(?P<verb>[a-z][a-z-]*)\b")
_BE_ASKED = re.compile(
    r"\s+be\s+(?:asked|requested|instructed|invited|authori[sz]ed|directed)\s+to\s+"
    r"(?:\(?[a-h]\)\s+|[a-h]\)\s+)?(?P<verb>[a-z][a-z-]*)\b"
)
_BARE_VERB = re.compile(r"\s+(?P<verb>[a-z][a-z-]*)\s+(?P<next>[\w'’(£]+)")
# Words after a verb-shaped word that make it a noun: "the Commissioner report be noted".
_NOT_AFTER_VERB = frozenset(
    {"be", "is", "was", "were", "are", "has", "had", "have", "will", "would", "should", "could",
     "may", "might", "must", "shall", "and", "or", "of"}
)  # fmt: skip
# Verbs whose past tense is their bare form: "The Commissioner set out her proposal".
_PAST_AS_BARE = frozenset({"set", "put"})
_SUBJUNCTIVE_PASSIVE = re.compile(r"\b(?-i:[A-Za-z]\w*)\s+be\s+[a-z]+(?:ed|en|wn|t)\b")


def _owner_at(text: str, position: int, end: int) -> tuple[str, int] | None:
    """The one named at ``position`` who may own a task: a post, a name, initials; not
    the meeting, a pronoun or a thing."""
    found = phrase_after(text, position, end)
    if found is None:
        return None
    owner = re.sub(r"^(?:[Tt]hat|[Tt]he)\s+", "", found[0]).strip()
    if not owner or is_group(owner) or owner.lower() in PRONOUNS:
        return None
    if not looks_like_owner(owner, ()):
        return None
    return owner, found[1]


def _after_meeting(text: str, position: int, end: int) -> int:
    """Past the meeting as the subject of a clause ("the Panel", "Members"), if it is one."""
    meeting = _MEETING.match(text, position, end)
    return meeting.end() if meeting else position


def _task_at(
    text: str, position: int, end: int, *, resolving: bool, first: bool = True
) -> tuple[str, int] | None:
    """The owner of the task a clause starting at ``position`` sets and where the owner's
    name ends, or None; ``first`` for the clause right after the decision's cue, the one
    place an owner may be followed by "to" ("DECISION: The CFO to provide ..."), where
    after a comma "..., GMCA & TfGM, to take forward" is an aside."""
    after = _after_meeting(text, position, end)
    infinitive = _TO.match(text, after, end)
    for opening in (_DELEGATING, _ASKING):
        lead = opening.match(text, infinitive.end() if infinitive else after, end)
        if lead is None:
            continue
        owner = _owner_at(text, lead.end(), end)
        if owner is None:
            return None
        stop = owner[1]
        aside = _ASIDE.match(text, stop, end)
        stop = aside.end() if aside else stop
        then = _TO_VERB.match(text, stop, end)
        if then is None:
            return None
        if opening is _ASKING and then.group("verb") not in DELIVER:
            return None  # "invited the Chairman to join the meeting"
        return owner
    owner = _owner_at(text, position, end)
    if owner is None:
        return None
    asked = _BE_ASKED.match(text, owner[1], end)
    if asked is None and first:
        asked = _TO_VERB.match(text, owner[1], end)
    if asked is not None:
        # "... be asked to provide", "DECISION: The Chief Finance Officer to provide ..."
        return owner if asked.group("verb") in DELIVER else None
    bare = _BARE_VERB.match(text, owner[1], end)
    if bare is None or bare.group("next").lower() in _NOT_AFTER_VERB:
        return None
    verb = bare.group("verb")
    # "2. the Commissioner brings reports to the Panel": a slip of the subjunctive in a
    # clause a decision's lead introduces.
    plain = verb[:-1] if resolving and verb.endswith("s") and verb[:-1] in DELIVER else verb
    return owner if plain in DELIVER else None


def _starts(text: str, start: int, end: int, *, resolving: bool) -> list[int]:
    """Where the clauses of a decision start in the sentence ``text[start:end]``: after
    its cue ("RESOLVED that"), at its start when it opens with "That", a capitalised cue
    ("REQUESTED the ...") or stands in a decision's list; then after each joining word."""
    cue = _CUE.search(text, start, end)
    that = _THAT.match(text, start, end)
    if cue is not None:
        first = cue.end()
    elif that is not None:
        first = that.end()
    elif resolving or (_ASKING.match(text, start, end) and text[start:end][:1].isupper()):
        first = start
    else:
        return []
    starts = [first]
    for joint in _NEXT_CLAUSE.finditer(text, first, end):
        starts.append(joint.end())
    return starts


def resolution_tasks(text: str, start: int, end: int, *, resolving: bool) -> list[Candidate]:
    """The tasks the decision in the sentence ``text[start:end]`` sets, one for each clause
    that names who is to act; ``resolving`` when a lead such as "RESOLVED that:" above
    introduces the sentence."""
    # a cue in the sentence itself makes it a decision as a lead above it does
    resolving = resolving or _CUE.search(text, start, end) is not None
    clauses: list[tuple[int, str]] = []
    named_to = start  # "and" inside an owner's name joins no clause ("Police and Crime ...")
    starts = _starts(text, start, end, resolving=resolving)
    for position in starts:
        if position < named_to or (clauses and clauses[-1][0] == position):
            continue
        task = _task_at(text, position, end, resolving=resolving, first=position == starts[0])
        if task is not None:
            clauses.append((position, task[0]))
            named_to = task[1]
    candidates: list[Candidate] = []
    for index, (position, owner) in enumerate(clauses):
        clause_start = start if index == 0 else position
        clause_end = clauses[index + 1][0] if index + 1 < len(clauses) else end
        while clause_end > clause_start and text[clause_end - 1] in " ,;":
            clause_end -= 1
        if index + 1 < len(clauses):
            clause_end = _before_joint(text, clause_start, clause_end)
        for part_start, part_end in _lettered_parts(text, clause_start, clause_end):
            candidates.append(
                Candidate(part_start, part_end, (part_start, part_end), owner=owner, decided=True)
            )
    return candidates


# "(b)", "b)", "(ii)" before a task's bare verb: "be asked to (a) take ... and (b) arrange".
_LETTER = re.compile(r"(?:(?<=\s)|(?<=^))\(?(?P<letter>[a-h]|i{1,3}|iv|v|vi)\)\s+(?=[a-z])")


def _lettered_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause parted at its lettered tasks, from the second letter on ("... be asked to
    (a) take the steps ... and (b) arrange the recruitment ..."), each part without the
    "and" or comma that joins it to the next; the clause whole when it has one task."""
    letters = [m for m in _LETTER.finditer(text, start, end)]
    if len(letters) < 2 or letters[0].group("letter") not in ("a", "i"):
        return [(start, end)]
    bounds = [start, *(m.start() for m in letters[1:]), end]
    parts: list[tuple[int, int]] = []
    for index in range(len(bounds) - 1):
        part_start, part_end = bounds[index], bounds[index + 1]
        if index + 1 < len(bounds) - 1:
            part_end = _before_joint(text, part_start, part_end)
        parts.append((part_start, part_end))
    return parts


def _before_joint(text: str, start: int, end: int) -> int:
    """The end of a clause without the "and that" that joins the next one to it."""
    words = re.search(r"(?:[;,]?\s*(?:and|or)?\s*(?:that)?\s*)$", text[start:end], re.IGNORECASE)
    stop = start + words.start() if words else end
    return stop if stop > start else end


def bare_task(text: str, start: int, end: int) -> str | None:
    """The owner of a task written with the bare verb at the head of a sentence, as running
    logs of matters arising carry them from meeting to meeting ("Head of Estates look at
    shared front counters as neighbourhood bases, working alongside ..."); read only where
    a review of earlier actions stands over it."""
    if text[start:end].rstrip()[-1:] not in ".;":
        return None  # "HMIC report on the legitimacy of police forces": a title
    owner = _owner_at(text, start, end)
    if owner is None:
        return None
    bare = _BARE_VERB.match(text, owner[1], end)
    if bare is None or bare.group("next").lower() in _NOT_AFTER_VERB:
        return None
    # not "The Force set out how ...", whose past is its bare verb
    return owner[0] if bare.group("verb") in DELIVER - _PAST_AS_BARE else None


def decision_lead(text: str, start: int, end: int) -> bool:
    """Whether a paragraph introduces the clauses of a decision: "RESOLVED that:",
    "ORDERED:", "It was agreed that:"."""
    return _LEAD.fullmatch(text, start, end) is not None


def resolution_clause(text: str, start: int, end: int) -> bool:
    """Whether a paragraph under a decision's lead reads as one of its clauses: a
    resolution in the subjunctive ("The survey be commissioned ...")."""
    return _SUBJUNCTIVE_PASSIVE.search(text, start, end) is not None
