"""Actions that minutes record in sentences rather than under an "Action:" marker.

Many panels and committees write what someone will do into the narrative: "The
Commissioner agreed to send Councillor Whitlock the figures", "Mr Haslam undertook to
...", "Mr Rowntree will confirm the figures", "He would update the Panel in the new
year", "It was agreed that a report ... would come to the Committee", "asked for a
breakdown ... This will be provided at the next board meeting", and resolutions that
ask someone to act: "That the Temporary Scrutiny Officer be asked to consult Members",
"to ask Police Scotland to update the next meeting", or that something be brought: "The
further information asked for above be supplied" (read, as narrative is, only in minutes
that mark no new actions). Lists count too: bullets under "the
Deputy Commissioner undertook to:", lines under "All of the actions from the previous
meeting had been completed:", bullets run together after "reported that;" under a review
of actions, and the paragraphs under a heading that reviews earlier actions.

A sentence counts only with a verb of doing something for the meeting (send, provide,
report back ...) and, for "will" and "would", someone named to do it, so that "The
Chairman will answer any questions from the public" and "the Panel would be asked to hold
a hearing" are no actions. Minutes that mark their actions ("Action 2: ...") are taken
to mark them all: their sentences are not read for more.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence

from ingest.draft import Span
from ingest.parse.action_candidates import (
    UPDATE_LINE,
    Candidate,
    Paragraph,
    is_review_heading,
    names_an_action_review,
    names_new_actions,
)
from ingest.parse.action_log import status_from_text
from ingest.parse.office_forms import full_office
from ingest.parse.owners import has_role_word, looks_like_owner
from ingest.parse.people import GIVEN_NAMES, looks_like_name, strip_titles
from ingest.parse.positions import SpanSet
from ingest.parse.resolutions import (
    bare_task,
    decision_lead,
    resolution_clause,
    resolution_tasks,
)
from ingest.parse.subjects import (
    PRONOUNS,
    is_group,
    leading_subject,
    phrase_after,
    subject_before,
)
from ingest.parse.task_verbs import DELIVER
from ingest.parse.text import sentences

__all__ = ["find_commitments", "find_review_paragraphs", "owner_in"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of doing something for the meeting, after "agreed to", "is to", "be asked to".
_DELIVER = DELIVER
# After "agreed to" (and "offered to" ...): not "agreed to take any other business".
_AGREE = _DELIVER - _words("take set put come include add pass table give ask find")
# After "agreed to" only when a person agrees: "The Commissioner agreed to include them
# in the next report", not "Members agreed to include the amendment".
_AGREE_IN_PERSON = _words("include add ask find")
# After "will" or "would" a narrower set: "would continue", "will attend" are no actions,
# nor "would bring his draft Plan to the Panel in the autumn", what comes to a later meeting.
_PROMISE = _words(
    """provide send circulate share supply forward write update arrange confirm clarify
    investigate check follow feed find brief consult respond reply return host draw ensure
    invite design collect"""
)
# "undertook to abide by the Code of Conduct": a pledge, not something to do.
_PLEDGES = _words("abide comply observe uphold respect honour honor serve act keep")
_PASSIVE = _words(
    """provided circulated sent shared supplied forwarded brought added arranged scheduled
    submitted presented reported given included prepared produced published considered
    reviewed investigated explored confirmed clarified raised discussed examined organised
    organized made"""
)
# What a meeting does with what comes to it: "the annual report would be considered at
# the September meeting" plans the agenda, and sets no one a task.
_MEETING_BUSINESS = _words("considered discussed")
_AFTER_LABEL = re.compile(r"\S+\s+")
_BASE_VERB = re.compile(r"\s+(?P<verb>[a-z]+)\s+(?=\S)")
# "be supplied" after a noun, not after "will", "to", "should" ...: a resolution.
_SUBJUNCTIVE = re.compile(r"(?<=\w)\s+be\s+(?P<verb>[a-z]+)\b")
# Passives of bringing something to the meeting; not "a letter of thanks be sent".
_RESOLVED_PASSIVE = _words(
    """provided circulated supplied forwarded brought submitted presented reported prepared
    produced published investigated explored reviewed examined arranged scheduled shared"""
)
_NOT_SUBJUNCTIVE = _words(
    """will would should could may might must can shall cannot to not also then could
    would've it this that there which who"""
)
# "agreedto provide": a text extraction may drop the space before "to" (ModernGov pages).
_UNDERTOOK = re.compile(
    r"\b(?P<cue>undert(?:ook|akes|aken)|offered|promised|volunteered|agreed"
    # "gave an undertaking to circulate ...", "gave his undertaking to ..."
    r"|gave\s+(?:an|a|his|her|their|the)\s+undertaking)\s*to\s+"
    r"(?P<verb>[a-z][a-z-]*)"
)
_ASSURANCE = re.compile(
    r"\bgave\s+(?:an|that|this|his|her|their|the|a)\s+(?:assurance|undertaking)", re.IGNORECASE
)
_FUTURE = re.compile(
    r"\b(?P<aux>will|would|is\s+to|are\s+to)\s+(?:(?:also|then|now|personally)\s+)?"
    r"(?:be\s+able\s+to\s+)?(?P<verb>[a-z][a-z-]*)"
)
# What a later report or meeting is to hold: "the next quarterly report would include ...".
_NEXT_REPORT_WILL = re.compile(
    r"\b(?:the|its|their|his|her)\s+next\s+(?:[\w-]+\s+){0,3}(?:report|update|meeting|paper"
    r"|briefing)s?\s+(?:will|would)\s+(?:also\s+)?(?:include|cover|contain|show|set\s+out"
    r"|address)\b",
    re.IGNORECASE,
)
_FUTURE_PASSIVE = re.compile(r"\b(?:will|would)\s+be\s+(?P<verb>[a-z]+)")
_AGREED_THAT = re.compile(r"\b(?P<cue>(?i:agreed|decided|requested|confirmed))\s+that\s+")
_CLAUSE_VERB = re.compile(r"\b(?:would|should|will)\s+(?P<passive>be\s+)?(?P<verb>[a-z][a-z-]*)")
# Not "is asked to" or "are invited to": in the present a report's recommendation puts the
# question to the meeting that decides it ("2. The Board is asked to consider whether ...").
_ASKED = re.compile(
    r"\b(?:be|being|was|were)\s+(?P<cue>asked|requested|invited)\s+to\s+"
    r"(?P<verb>[a-z][a-z-]*)"
)
_ASK = re.compile(r"\bto\s+(?:ask|request|invite|instruct)\s+(?:that\s+)?")
# The meeting or its chair asking its own officer in the past tense: "The Chairman asked
# the Democratic Services Officer to write to ...", "b) asked the Panel's Scrutiny Officer
# to notify ...". Only an officer of the meeting: "asked the Commissioner to explain"
# is a question in debate as often as a task.
_ASKED_OFFICER = re.compile(
    r"\b(?:asked|requested|instructed|directed)\s+(?:the\s+)?"
    r"(?:(?:Panel|Committee|Board|Authority|Forum)['’]s\s+)?"
    r"(?P<owner>(?:[A-Z][\w-]*\s+){0,3}(?:Officer|Clerk|Secretary|Secretariat|Manager))"
    r"\s+to\s+(?P<verb>[a-z][a-z-]*)"
)
# A request that someone act, in the subjunctive: "The Panel requested that the
# Commissioner's Office share the timetable", "asked that the Clerk write to ...".
_ASKED_THAT = re.compile(r"\b(?:asked|requested)\s+that\s+")
# A request that something be done, with no one named to do it: "Members asked that local
# figures be supplied to Ward Members", "it was requested that a briefing be provided". What
# members ask for is not what the meeting decided, nor a task on anyone.
_ASKED_THAT_CLAUSE = re.compile(r"\b(?:asked|requested)\s+that\s+(?:(?!\bthat\b)[^;:])*$")
_BARE_VERB = re.compile(r"\s+(?P<verb>[a-z][a-z-]*)\b")
_VERB_AFTER = re.compile(r"\s+(?:to\s+|should\s+|would\s+)?(?P<verb>[a-z][a-z-]*)")
_FOLLOW_UP = re.compile(
    r"(?:this|that|it|these|they|a\s+response|a\s+reply|an\s+answer|the\s+information|details"
    r"|the\s+figures|a\s+breakdown|an\s+update|a\s+note)\s+(?:will|would)\s+be\s+"
    r"(?:provided|circulated|sent|shared|given|brought|supplied|reported|forwarded|made\s+available"
    r"|confirmed|arranged|included)\b",
    re.IGNORECASE,
)
_REQUEST = re.compile(r"\b(?:asked|requested|sought|queried|enquired)\b")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
# A later meeting or report the thing is to come to: "to the next meeting", "before the
# October meeting", "in the next quarterly performance report".
_REPORT_BACK = re.compile(
    r"\breport(?:ing)?\s+back\b|\b(?:to|at|before)\s+(?:the|a|its)\s+(?:next|future|following"
    r"|subsequent)\b|\bupdate\s+(?:the\s+)?(?:panel|committee|board|members)\b"
    rf"|\b(?:to|at|before)\s+(?:the|its)\s+{_MONTH}\s+(?:\d{{4}}\s+)?meeting\b"
    r"|\bin\s+(?:the|its)\s+next\s+(?:[\w-]+\s+){0,3}(?:report|update|meeting|briefing|paper)s?\b",
    re.IGNORECASE,
)
_IN_HAND = re.compile(r"\s*(?:reported|confirmed|noted)\b", re.IGNORECASE)
# "would be sent to members", "circulated to all Panel members": to the meeting's members.
_TO_MEMBERS = re.compile(
    r"\bto\s+(?:all\s+)?(?:the\s+)?(?:panel\s+|committee\s+|board\s+)?members\b",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"\b(?:reported|confirmed|advised|explained|said|stated|informed|updated|told|added"
    r"|replied|responded|answered|undertook|agreed)\b"
)
# A question about what someone would do, not a promise: "whether the PCC would ...".
_QUESTION = re.compile(
    r"\b(?:whether|if|when|how|why|what)\s+(?:[A-Za-z][\w'’.-]*\s+){1,6}$", re.IGNORECASE
)
# "undertook to:", and "undertook to write to the Committee:" before lettered clauses
# saying what the letter will set out.
_LIST_LEAD = re.compile(
    r"\b(?:undert(?:ook|akes)|agreed|offered|promised|(?:was|were)\s+asked"
    r"|be\s+(?:asked|requested|instructed|invited|authori[sz]ed))\s+to"
    r"(?:\s+(?:write|report|provide|send|circulate)\b[^.:;]{0,60}?)?\s*[:;-]+\s*$"
)
_ACTIONS_LEAD = re.compile(r"\bactions\b[^:\n]{0,160}:\s*-?\s*$", re.IGNORECASE)
_INLINE_BULLET = re.compile(r"\s[•●▪]\s*")
# A short title and a colon before the first words of an entry: "Action updates:- Terms".
_INLINE_LEAD = re.compile(r"(?P<title>[A-Z][^:\n]{2,50}?)\s*:-?\s+(?=\S)")
_ACTION_WORD = re.compile(r"\bactions?\b", re.IGNORECASE)
_NOT_AN_ACTION = re.compile(
    r"(?:RESOLVED|Resolved|AGREED\b|Minutes:|Additional documents|Supporting documents"
    r"|\.\.\.\s*view|pdf icon|Decision:|REASON)"
)
# "The action log was noted", "All actions were complete", "There were no outstanding
# actions": the log, not an action on it.
_ON_THE_LOG = re.compile(
    r"(?:there\s+(?:were|are|was|is)\s+)?(?:the\s+)?(?:rolling\s+)?(?:action\s+(?:log|register"
    r"|tracker)|(?:all|the|other|both|no|any|open|outstanding|remaining)\s+(?:\w+\s+)?actions)\b",
    re.IGNORECASE,
)
# "RHL is to clarify ...", "CC and DCC to review ...": an action that names its owner.
# "No discussion held as not completed prior to meeting.", "Nothing to report.", "Not
# discussed.": a note that the review did not take place, about no one action.
_NOTHING_DONE = re.compile(
    r"(?:no\s+(?:further\s+)?discussions?\b|nothing\s+(?:further\s+)?to\s+report\b"
    r"|(?:(?:this|the)\s+(?:item|log)\s+was\s+)?not\s+(?:discussed|considered|taken)\b"
    r"|none\W*$)",
    re.IGNORECASE,
)
# "Refer to the spreadsheet for updates.", "See the attached tracker.", "Please see the log
# circulated": an entry that sends the reader to another document, about no one action.
_POINTER = re.compile(
    r"(?:please\s+)?(?:refer\s+to|see|as\s+(?:per|set\s+out\s+in|detailed\s+in))\s",
    re.IGNORECASE,
)
_OWNED = re.compile(
    r"(?:the\s+)?[A-Z][\w'’&/.-]*(?:\s+(?:and\s+|&\s+|/\s*)?[A-Z][\w'’&/.-]*){0,4}"
    r"\s+(?:is\s+to|are\s+to|to|will)\s+[a-z]"
)
_OWNED_SENTENCE = re.compile(
    r"(?P<owner>(?:[Tt]he\s+)?[A-Z][\w'’&/.-]*(?:\s+(?:and\s+|&\s+|/\s*|of\s+)?[A-Z][\w'’&/.-]*){0,4})"
    r"\s+(?:is\s+to|are\s+to|to)\s+(?P<verb>[a-z]+)\b"
)
# Done within the meeting itself, so no task after it: "update the Panel orally", "will
# confirm at the start of the meeting that filming is taking place".
_AT_THIS_MEETING = re.compile(
    r"\b(?:orally|verbally|(?:at|during)\s+(?:the\s+(?:start|beginning|outset|opening|end"
    r"|close)\s+of\s+(?:the|this|today['’]s)|this|today['’]s)\s+meeting)\b",
    re.IGNORECASE,
)
# What the chair agrees to take at this meeting, as the standing item on urgent business
# words it: "the Chair will ... give reasons why he/she has agreed to consider it at this
# meeting", "To note any items which the Chair has agreed to add to the agenda on the grounds
# of urgency". Its own agenda, not a task for after it.
_TAKEN_AT_THIS_MEETING = re.compile(
    r"\b(?:at|during)\s+(?:this|today['’]s)\s+meeting\b|\bgrounds\s+of\s+urgency\b",
    re.IGNORECASE,
)
# How far before a pronoun or a promise "said", "told" ... is looked for.
_SAID_REACH = 400
_LIST_WORDS = 25
_LIST_LENGTH = 20


def _undertaking(text: str, start: int, match: re.Match[str]) -> bool:
    """ "undertook to <anything>", "agreed/offered to <send, provide ...>", not "were being
    offered to tradespeople"."""
    if "undert" in match.group("cue"):
        return match.group("verb") not in _PLEDGES
    before = text[max(start, match.start() - 7) : match.start()].split()
    if before and before[-1].lower() in {"being", "been", "was", "were", "is", "are"}:
        return False
    return match.group("verb") in _AGREE


# A post written in lower case opening a sentence: "The commissioner is hopeful that ...".
_LOWER_POST = re.compile(
    r"\s*[Tt]he\s+(?P<post>(?:[a-z]+\s+){0,3}?(?:commissioner|constable|chair|chairman"
    r"|officer|executive|director|treasurer|clerk|superintendent))\b"
)


def _sentence_subject(text: str, start: int, cue: int, previous: str | None) -> str | None:
    """Who a sentence says acts before ``cue``: the phrase before it, or for "he", "she"
    or "they" the one the sentence (or the one before it) opens with; for a verb joined to
    what went before ("The Commissioner explained that ... and undertook to report ..."),
    the one the sentence opens with."""
    subject = subject_before(text, start, cue)
    if subject is not None and subject.lower() in PRONOUNS:
        said = _SAID.search(text, max(start, cue - _SAID_REACH), cue)
        opening = subject_before(text, start, said.start()) if said else None
        if opening and said and _apposed(text, start, said.start(), opening):
            return opening  # "The Commissioner, Petra Lindqvist, answered that ... she would"
        if said is None:
            # "The commissioner is hopeful that he will be able to provide ...": the one
            # the sentence opens with, when it opens with someone
            found = phrase_after(text, start, cue)
            lower = _LOWER_POST.match(text, start, cue)  # "The commissioner is hopeful"
            opening = found[0] if found else lower.group("post") if lower else None
            if opening and opening.lower() in PRONOUNS:
                opening = None
        return opening if opening and personal(opening) else previous

    if subject is None and _JOINED_VERB.search(text, max(start, cue - 24), cue):
        lead_in = _LEAD_IN.match(text, start, cue)
        found = phrase_after(text, lead_in.end() if lead_in else start, cue)
        if found and found[0].lower() in PRONOUNS:
            # "She added that ... and would share the terms of reference": whom "she" is
            return previous
        return found[0] if found else None
    return subject


def _apposed(text: str, start: int, end: int, name: str) -> bool:
    """Whether ``name`` stands in apposition to a post just before ``end``: "The
    Commissioner, Petra Lindqvist," names a person whatever her given name."""
    before = re.search(rf"(?P<post>[\w'’ ]+),\s*{re.escape(name)}\s*,?\s*$", text[start:end])
    return before is not None and has_role_word(before.group("post").split())


# A phrase that leads a sentence in to its subject: "In response to the question from Mrs
# Hale, the Commissioner said ... and undertook to ...", "Following a question on ..., the
# Chief Constable ...".
_LEAD_IN = re.compile(
    r"\s*(?:In\s+(?:response|reply|answer)\s+to|(?:Responding|Replying)\s+to|Following"
    r"|With\s+(?:regard|reference)\s+to|Turning\s+to)\b[^,.;:]{1,160},\s+"
)
# "... and undertook to", "... and then agreed to": a verb joined to the sentence's first.
_JOINED_VERB = re.compile(r"\s(?:and|but)(?:\s+(?:then|also|had|has))?\s+$")


@functools.lru_cache(maxsize=4096)  # a pure test of a phrase: "PCC", "CC" ... come often
def personal(phrase: str) -> bool:
    """Whether a sentence's opening phrase may be whom a later "he" or "she" stands for: a
    post, initials, a titled name or one with a known given name ("The Commissioner", "RL",
    "Councillor Robson", "Lorraine Haswell"), not a thing that opens a sentence ("Options
    were being drawn up ...", "Operation Recoup used money ...")."""
    if is_group(phrase) or not looks_like_owner(phrase, ()):
        return False
    bare = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
    if strip_titles(bare) != bare or bare.split()[0] in GIVEN_NAMES:
        return True
    if looks_like_name(bare):
        return False  # a name-shaped pair of words with no known given name
    # a post or initials, not a thing named in capitals ("The Community Speedwatch scheme
    # now covered 118 villages" is no one a later "He" stands for)
    words = bare.replace("/", " ").split()
    return has_role_word(words) or any(sum(c.isupper() for c in w) >= 2 for w in words)


def _request(text: str, start: int, end: int) -> Candidate | None:
    """The action a resolution or request records: "to ask Police Scotland to update the
    next meeting", "That the Temporary Scrutiny Officer be asked to consult Members"."""
    ask = _ASK.search(text, start, end)
    if ask:
        found = phrase_after(text, ask.end(), end)
        verb = _VERB_AFTER.match(text, found[1], end) if found else None
        if found and not is_group(found[0]) and verb and verb.group("verb") in _DELIVER:
            # Not "left the room to invite the Commissioner to join the meeting".
            return Candidate(start, end, (start, end), owner=found[0])
    officer = _ASKED_OFFICER.search(text, start, end)
    if officer and officer.group("verb") in _DELIVER:
        owner = full_office(text, officer.group("owner"))
        return Candidate(start, end, (start, end), owner=owner)
    that = _ASKED_THAT.search(text, start, end)
    if that and text.startswith(("the ", "The "), that.end()):
        found = phrase_after(text, that.end(), end)
        verb = _BARE_VERB.match(text, found[1], end) if found else None
        if found and not is_group(found[0]) and verb and verb.group("verb") in _DELIVER:
            return Candidate(start, end, (start, end), owner=full_office(text, found[0]))
    asked = _ASKED.search(text, start, end)
    if asked and asked.group("cue") == "invited" and not _REPORT_BACK.search(text, start, end):
        # "the Police and Crime Commissioner was invited to present his budget": to speak
        # at this meeting, unless the sentence looks to a later one.
        asked = None
    if asked and asked.group("verb") in _DELIVER:
        subject = subject_before(text, start, asked.start())
        if subject and not is_group(subject) and subject.lower() not in PRONOUNS:
            return Candidate(start, end, (start, end), owner=subject)
    return None


def _resolution(text: str, start: int, end: int) -> Candidate | None:
    """A resolution that something be done, in the subjunctive: "The further information
    asked for above be supplied", "agreed that a report be brought to the next meeting"; not
    "will be provided" (a promise, read with its subject), "be noted", or members' request
    that it be ("asked that the figures be supplied": no one is named to supply them)."""
    for match in _SUBJUNCTIVE.finditer(text, start, end):
        if match.group("verb") not in _RESOLVED_PASSIVE:
            continue
        before = text[max(start, match.start() - 24) : match.start()].lower().split()[-2:]
        if any(word in _NOT_SUBJUNCTIVE for word in before):
            continue
        if _RECOMMENDS_TO.search(text, start, match.start()):
            continue  # "The Committee recommends to Cabinet that CCTV coverage be reviewed"
        subject = _CLAUSE_OPENING.split(text[max(start, match.start() - 160) : match.start()])
        if _OWN_BUSINESS.search(subject[-1]):
            continue  # "That an additional meeting of the Panel be scheduled": its own act
        if _ASKED_THAT_CLAUSE.search(text, max(start, match.start() - 160), match.start()):
            continue  # "Members asked that local figures be supplied": a request
        return Candidate(start, end, (start, end))
    return None


# A recommendation to another body, which decides it there: "The Committee recommends to
# Cabinet that ... be reviewed", "To recommend to the Council that ... be amended". What that
# body does with it is its own decision, not a task this meeting set anyone.
_RECOMMENDS_TO = re.compile(
    r"\brecommend(?:s|ed)?\s+to\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*)*"
    r"\s+that\b"
)
# Where the subject of a clause starts: after "that", a colon or a semicolon.
_CLAUSE_OPENING = re.compile(r"\bthat\b|[;:]", re.IGNORECASE)
# What belongs to the meeting itself: a meeting of its own to be held, or its own comments,
# report or response to be sent ("The Panel's comments on the draft Plan be submitted to the
# Commissioner"), which the meeting does by deciding it, as "that the Panel write to ...".
_OWN_BUSINESS = re.compile(
    r"\b(?:(?:additional|special|extraordinary|informal|further|extra)\s+meetings?"
    # its next look at a report it has just noted: "That the report be noted and that a
    # further update be brought to the next meeting", an entry for its own agenda
    r"|further\s+(?:reports?|updates?|progress\s+reports?)"
    r"|meetings?\s+of\s+the\s+(?:[A-Z][\w&'’-]*\s+)*(?:panel|committee|board|authority|forum)"
    r"|(?:panel|committee|sub-committee|board|authority|forum)['’]s\s+(?:comments|report"
    r"|response|views|observations|recommendations|submission|representations|letter))\b",
    re.IGNORECASE,
)


# "To" closing the capitalised words before the verb: an agenda entry's purpose line.
_PURPOSE_TO = re.compile(r"\sTo\s*$")
# Verbs whose past tense is their bare form: "The Commissioner set out her proposal".
_PAST_AS_BASE = _words("set put")
# A word after a verb-shaped word that shows it is a noun: "update from", "review of".
_NOUN_AFTER = re.compile(r"(?:of|from)\b")


def _recommendation(text: str, start: int, end: int) -> Candidate | None:
    """A numbered recommendation that someone do something, in the subjunctive: "1. The
    Force and the PCC report to the Panel every six months on progress." (not "reports",
    and never the meeting itself: "Members raise ..."; someone who may act: a post, a
    body, a name)."""
    if text[start:end].rstrip(" \"')")[-1:] not in (".", ";"):
        # "10. Police and Crime Commissioner for Hampshire – HMIC Inspection report on Stop
        # and Search": a title, or a line cut short, closes no sentence.
        return None
    found = phrase_after(text, start, end)
    if found is None or is_group(found[0]) or not looks_like_owner(found[0], ()):
        # Nor a noun run into a verb by a text extraction: "The Panelreceiveda report
        # fromthe Commissioner ..." names no one who is to report.
        return None
    if _PURPOSE_TO.search(text, start, found[1]):
        # "2. URGENT BUSINESS To consider any urgent items": an agenda's purpose.
        return None
    verb = _BASE_VERB.match(text, found[1], end)
    if verb is None or verb.group("verb") not in _DELIVER - _PAST_AS_BASE:
        return None
    if _NOUN_AFTER.match(text, verb.end(), end):
        return None  # "Performance Committee Brief update from the meeting held on ..."
    owner = re.sub(r"^(?:That|that|The|the)\s+", "", found[0]).strip()
    return Candidate(start, end, (start, end), owner=owner or None)


def _owned_sentence(text: str, start: int, end: int) -> Candidate | None:
    """A sentence that opens with who is to do what, as an action list writes it: "N Corrie
    to circulate the notes to all members", "The Chief Constable is to write to ..."; not
    "Members to note ..." (the meeting) or "Reports to be ..." (a thing)."""
    owned = _OWNED_SENTENCE.match(text, start, end)
    if owned is None or owned.group("verb") not in _DELIVER:
        return None
    if _AT_THIS_MEETING.search(text, owned.end(), end):
        return None  # "The Commissioner to update the Panel orally": an agenda's purpose
    owner = owned.group("owner")
    if is_group(owner) or (not personal(owner) and not looks_like_owner(owner, ())):
        return None
    return Candidate(start, end, (start, end), owner=re.sub(r"^[Tt]he\s+", "", owner))


# Where the clause before "would be brought" starts: "..., and that the results".
_CLAUSE_START = re.compile(r".*(?:\bthat\s|[,;:–—]\s)", re.DOTALL)
_MINUTES = re.compile(r"\bminutes\b", re.IGNORECASE)
_THING_PRONOUN = re.compile(r"(?:they|these|those|it|this|both)", re.IGNORECASE)


def _minutes_returning(
    text: str, start: int, passive: int, last_sentence: tuple[int, int] | None
) -> bool:
    """Whether what "will be brought to the next meeting" is the minutes of a meeting
    ("The minutes ... were not available. They will be brought to the next meeting"):
    minutes come back for approval as the meeting's business, not as someone's task."""
    before = text[start:passive]
    opening = _CLAUSE_START.match(before)
    clause = before[opening.end() :] if opening else before
    if _MINUTES.search(clause):
        return True
    return (
        _THING_PRONOUN.fullmatch(clause.strip()) is not None
        and last_sentence is not None
        and _MINUTES.search(text, *last_sentence) is not None
    )


# A sentence about an action already on the log: "Action No. 28 remained open and would be
# reported to the next meeting", "Action 14, on the custody audit, was still in progress",
# "This action had been completed".
_EARLIER_ACTION = re.compile(
    r"(?:(?:the|this|that)\s+action\b|actions?\s*(?:nos?\.?|numbers?|ref(?:erence)?\.?|point)?"
    r"\s*(?-i:[A-Z]{0,4})[\s/-]?\d[\w/.-]*)(?:\s*\([^()]{0,80}\)|,[^,.;()]{1,80},)?,?\s+"
    r"(?:was|were|is|are|"
    r"had|has|have|remain(?:ed|s)?|would|will|could|should)\b",
    re.IGNORECASE,
)
# What a report of business in hand says: "it was reported that ...", "Officers advised that".
_REPORTED_THAT = re.compile(
    r"\b(?:reported|advised|explained|informed|told|stated|updated|said)\s+(?:\w+\s+){0,3}?that\b",
    re.IGNORECASE,
)
# Asked for or agreed, where a report of what is in hand is not.
_DECIDED = re.compile(r"\b(?:agreed|decided|requested|resolved|asked|undertook)\b", re.IGNORECASE)
# What a meeting decided, listed among its conclusions and actions: "Recommendation to the
# Authority of the proposed changes", "Recommended the Outline Business Case ...",
# "Approved the revised budget".
_DECISION = re.compile(
    r"(?:recommend(?:ed|ations?)|approv(?:ed|al)|endorse(?:d|ment)|noted|ratified|ratification"
    r"|accepted|adopted|agreed\s+(?:the|to\s+(?:approve|recommend|endorse|note)))\b",
    re.IGNORECASE,
)
# A standing promise to all comers, not a task: "will respond to every matter raised".
# "will respond to every matter raised", "will reply to all correspondence": a standing
# promise to whatever comes; not "would write to each Public Service Board chair".
_STANDING = re.compile(
    r"\s+(?:to\s+)?(?:every|all|any|each)\s+(?:[\w-]+\s+){0,2}?(?:matters?|questions?"
    r"|requests?|enquir\w*|quer\w*|issues?|concerns?|complaints?|comments?|points?"
    r"|correspondence|letters?|e-?mails?|calls?|contacts?|reports?|cases?)\b",
    re.IGNORECASE,
)


def _reported_in_hand(
    text: str, start: int, end: int, last_sentence: tuple[int, int] | None
) -> bool:
    """Whether an ownerless "would be brought to the next meeting" goes on with a report of
    business in hand ("With reference to Minute 24 it was reported that the workshop had
    been held. A summary of the feedback would be brought to the next meeting."), not with
    what the meeting agreed or asked for."""
    if _DECIDED.search(text, start, end):
        return False
    if _REPORTED_THAT.search(text, start, end):
        return True
    return last_sentence is not None and bool(
        _REPORTED_THAT.search(text, *last_sentence) and not _DECIDED.search(text, *last_sentence)
    )


def _narrative(
    text: str, start: int, end: int, previous: tuple[str | None, tuple[int, int] | None]
) -> Candidate | None:
    """The action a sentence of narrative records: an undertaking, an agreement, a promise;
    not the status of an action already on the log."""
    last_subject, last_sentence = previous
    if _EARLIER_ACTION.match(text, start, end):
        return None
    owned = _owned_sentence(text, start, end)
    if owned is not None:
        return owned
    for match in _UNDERTOOK.finditer(text, start, end):
        in_person = not _undertaking(text, start, match)
        if in_person and match.group("verb") not in _AGREE_IN_PERSON:
            continue
        if _TAKEN_AT_THIS_MEETING.search(text, match.end(), end):
            continue  # "... why he/she has agreed to consider it at this meeting"
        subject = _sentence_subject(text, start, match.start(), last_subject)
        if subject and is_group(subject):
            # "The Panel noted the draft Plan and agreed to submit its comments": what the
            # meeting itself agrees to do is its decision, not an action on someone.
            return None
        if in_person and not (subject and personal(subject)):
            continue
        owner = subject if subject and subject.lower() not in PRONOUNS else None
        return Candidate(start, end, (start, end), owner=owner)
    assurance = _ASSURANCE.search(text, start, end)
    if assurance and last_sentence and "assurance" in text[slice(*last_sentence)]:
        subject = subject_before(text, start, assurance.start())
        return Candidate(last_sentence[0], end, (last_sentence[0], end), owner=subject)
    agreed = _AGREED_THAT.search(text, start, end)
    if agreed:
        clause = _CLAUSE_VERB.search(text, agreed.end(), end)
        if clause:
            verb = clause.group("verb")
            if verb in (_PASSIVE if clause.group("passive") else _DELIVER):
                found = phrase_after(text, agreed.end(), clause.start())
                owner = found[0] if found and found[1] >= clause.start() - 1 else None
                if owner and is_group(owner):
                    # "It was agreed that the Panel should meet on a Thursday": the meeting's
                    # own arrangement, not an action on someone.
                    return None
                if owner or agreed.group("cue").lower() != "confirmed":
                    # "confirmed that a written answer would be published" reports what is
                    # in hand; "confirmed that Mr Hale would send ..." names who acts.
                    return Candidate(start, end, (start, end), owner=owner)
    later = _NEXT_REPORT_WILL.search(text, start, end)
    if later:
        # "Officers said that the next quarterly report would include trend charts".
        said = _SAID.search(text, start, later.start())
        subject = subject_before(text, start, said.start()) if said else None
        owner = subject if subject and not is_group(subject) else None
        return Candidate(start, end, (start, end), owner=owner)
    follow = _FOLLOW_UP.match(text, start, end)
    if follow and last_sentence and _REQUEST.search(text, *last_sentence):
        return Candidate(last_sentence[0], end, (last_sentence[0], end))
    passive = _FUTURE_PASSIVE.search(text, start, end)
    if (
        passive
        and passive.group("verb") in _PASSIVE - _MEETING_BUSINESS
        and not _minutes_returning(text, start, passive.start(), last_sentence)
    ):
        said = _SAID.search(text, max(start, passive.start() - _SAID_REACH), passive.start())
        subject = subject_before(text, start, said.start()) if said else None
        owner = subject if subject and not is_group(subject) else None
        if _REPORT_BACK.search(text, start, end):
            if owner is not None or not _reported_in_hand(text, start, end, last_sentence):
                return Candidate(start, end, (start, end), owner=owner)
        elif (
            said is not None
            and owner is not None
            and personal(owner)
            and not _IN_HAND.match(said.group())
            and _TO_MEMBERS.search(text, start, end)
        ):
            # "The Commissioner advised that the finished strategy would be sent to members";
            # "reported" or "confirmed" that it would be tells of business in hand
            return Candidate(start, end, (start, end), owner=owner)
    for match in _FUTURE.finditer(text, start, end):
        verb = match.group("verb")
        if verb not in _PROMISE and not (
            verb in _DELIVER and _REPORT_BACK.search(text, match.end(), end)
        ):
            continue
        if _QUESTION.search(text, max(start, match.start() - _SAID_REACH), match.start()):
            continue  # "asked whether the Commissioner would provide ..."
        if _AT_THIS_MEETING.search(text, match.end(), end):
            continue  # "the Chairman will confirm at the start of the meeting that ..."
        if _STANDING.match(text, match.end(), end):
            continue  # "will respond to every matter raised with them"
        subject = _sentence_subject(text, start, match.start(), last_subject)
        if subject and not is_group(subject) and subject.lower() not in PRONOUNS:
            return Candidate(start, end, (start, end), owner=subject)
    return None


# An entry led by its code in a register: "R21/20 - The Commissioner to provide ...".
_CODE_LEAD = re.compile(r"(?P<code>[A-Z]{1,4}\d{1,3}(?:[/.-]\d{1,4}){1,2})\s*[-–—:]\s+(?=\S)")


def _list_after(
    text: str, found: Sequence[Paragraph], first: int, *, plain: bool
) -> list[Paragraph]:
    """The paragraphs a lead line ending in a colon introduces: bullets or clause labels,
    or with ``plain`` short lines up to one that closes with a full stop, and entries led by
    a register's code however long ("R21/20 - The Commissioner to provide ...")."""
    listed: list[Paragraph] = []
    for paragraph in found[first : first + _LIST_LENGTH]:
        if paragraph.heading or _ON_THE_LOG.match(text, paragraph.body, paragraph.end):
            break
        coded = _CODE_LEAD.match(text, paragraph.body, paragraph.end) is not None
        marked = paragraph.bullet or paragraph.label is not None or (plain and coded)
        if listed and _kind(paragraph) != _kind(listed[0]):
            break
        if not marked:
            words = len(text[paragraph.body : paragraph.end].split())
            if not plain or words > _LIST_WORDS:
                break
        listed.append(paragraph)
        if not marked and text[paragraph.end - 1] == ".":
            break
    return listed


def _entry_reference(text: str, entry: Paragraph, lead: Paragraph) -> str | None:
    """The reference of a listed entry: its code ("R21/20 - ..."), its own label, else the
    lead's."""
    coded = _CODE_LEAD.match(text, entry.body, entry.end)
    if coded is not None:
        return coded.group("code")
    return entry.label if entry.label and lead.label is None else lead.label


def _coded_owner(text: str, entry: Paragraph) -> str | None:
    """Who an entry led by a code names to act: "R21/20 - The Commissioner to provide ..."."""
    coded = _CODE_LEAD.match(text, entry.body, entry.end)
    owned = _owned_sentence(text, coded.end(), entry.end) if coded else None
    return owned.owner if owned else None


def _kind(paragraph: Paragraph) -> str:
    """A list's entries are all bullets, all plain, or all labels of one shape: "(a)",
    "(b)" then "4.5  Resolved:" is the next paragraph of the minutes, not a third entry."""
    if paragraph.bullet:
        return "bullet"
    label = paragraph.label
    if label is None:
        return "plain"
    return "label " + ("dotted" if "." in label else "number" if label.isdigit() else "letter")


def _inline_bullets(text: str, paragraph: Paragraph) -> list[Candidate]:
    """Bullets run together in one line after a lead that names actions ("Review of Actions
    ... the Commissioner reported that; • ... • ...")."""
    bullets = list(_INLINE_BULLET.finditer(text, paragraph.body, paragraph.end))
    if len(bullets) < 2:
        return []
    lead_end = bullets[0].start()
    if not _ACTION_WORD.search(text, paragraph.body, lead_end):
        return []
    reports = list(_SAID.finditer(text, paragraph.body, lead_end))
    said = reports[-1] if reports else None
    owner = subject_before(text, paragraph.body, said.start()) if said else None
    owner = owner if owner and not is_group(owner) else None
    candidates: list[Candidate] = []
    for index, bullet in enumerate(bullets):
        stop = bullets[index + 1].start() if index + 1 < len(bullets) else paragraph.end
        while stop > bullet.end() and text[stop - 1] in " |\t":
            stop -= 1
        if stop > bullet.end():
            candidates.append(Candidate(bullet.end(), stop, (bullet.end(), stop), owner=owner))
    return candidates


def _unmarked_sections(found: Sequence[Paragraph], covered: SpanSet) -> list[Span]:
    """The stretches between headings that hold none of the marked actions: where minutes
    that mark some actions may still record another in a sentence."""
    sections: list[Span] = []
    section: list[Paragraph] = []
    for paragraph in [*found, None]:
        if paragraph is not None and not paragraph.heading:
            section.append(paragraph)
            continue
        if section and not any(p.start in covered or p.end - 1 in covered for p in section):
            sections.append(Span(section[0].start, section[-1].end))
        section = []
    return sections


def _personal_undertaking(
    text: str, start: int, end: int, last_subject: str | None
) -> Candidate | None:
    """ "Mr Rowlands agreed to bring a short paper to the next meeting": an undertaking by
    someone named or by a post, the one kind of narrative read beside marked actions."""
    for match in _UNDERTOOK.finditer(text, start, end):
        if not _undertaking(text, start, match):
            continue
        subject = _sentence_subject(text, start, match.start(), last_subject)
        if subject and not is_group(subject) and personal(subject):
            return Candidate(start, end, (start, end), owner=subject)
        return None
    return None


# "RHL is to confirm the costs", "Ms Cole will re-issue the figures": a task with its
# owner first, however the minutes mark their actions.
_OWNER_FIRST = re.compile(
    r"(?P<owner>(?:[Tt]he\s+)?[A-Z][\w'’&/.-]*(?:\s+(?:and\s+|&\s+|/\s*)?[A-Z][\w'’&/.-]*){0,4})"
    r"\s+(?:is\s+to|are\s+to|will)\s+(?:(?:also|then|now)\s+)?(?P<verb>[a-z][a-z-]*)\b"
)


# A progress note after a task: "Update 25.01.22 – Complete", "Update 25.01.22 costings
# confirmed – Complete", "Progress: report circulated".
_PROGRESS_NOTE = re.compile(
    rf"{UPDATE_LINE.pattern}|(?:update|progress)\s+\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b",
    re.IGNORECASE,
)


def _updated_undertaking(
    text: str, start: int, end: int, paragraph: Paragraph, following: Paragraph | None
) -> Candidate | None:
    """An earlier meeting's task carried with its progress note: "RHL is to confirm the
    licence costs. Update 25.01.22 – Complete", the note after it on its line or the next:
    the note shows it is an action wherever it stands (also under the task's own title on
    the line above)."""
    starts = [start, *(start + i + 1 for i, ch in enumerate(text[start:end]) if ch == "\n")]
    owned = next((m for at in starts if (m := _OWNER_FIRST.match(text, at, end))), None)
    if owned is None or is_group(owned.group("owner")) or not personal(owned.group("owner")):
        return None
    line_end = text.find("\n", end, paragraph.end)
    line_end = paragraph.end if line_end < 0 else line_end
    rest = text[end:line_end]
    note_span: tuple[int, int] | None = None
    if rest.strip():
        note_span = (line_end - len(rest.lstrip()), line_end)
    elif following is not None and following.start >= paragraph.end:
        note_span = (following.body, following.end)
    if note_span is None or not _PROGRESS_NOTE.match(text, *note_span):
        return None
    status = status_from_text(text[note_span[0] : note_span[1]])
    begin = owned.start()
    return Candidate(
        begin,
        note_span[1],
        (begin, end),
        owner=owned.group("owner"),
        status=status,
        updates=[note_span],
    )


def find_commitments(
    text: str, found: Sequence[Paragraph], covered: SpanSet, *, narrative: bool
) -> list[Candidate]:
    """Actions recorded in sentences and lists outside ``covered``; sentences of narrative
    ("agreed to", "will", "undertook to") only when ``narrative``."""
    candidates: list[Candidate] = []
    said: set[int] = set()  # the undertakings read in narrative
    last_subject: str | None = None
    unmarked = SpanSet(() if narrative else _unmarked_sections(found, covered))
    decision = _Decision()
    index = 0
    while index < len(found):
        paragraph = found[index]
        index += 1
        decision.enter(text, paragraph)
        if paragraph.heading:
            last_subject = None
            if not narrative or paragraph.label is None or paragraph.start in covered:
                continue
            # "2. The further information asked for above be supplied": a numbered clause
            # of a resolution that lost its full stop reads as a heading.
            after_label = _AFTER_LABEL.match(text, paragraph.body, paragraph.end)
            body = after_label.end() if after_label else paragraph.body
            resolved = _resolution(text, body, paragraph.end)
            if resolved is not None:
                resolved.reference = paragraph.label
                candidates.append(resolved)
            continue
        if paragraph.start in covered:
            continue
        update = UPDATE_LINE.match(text, paragraph.body, paragraph.end)
        if update and candidates and candidates[-1].end <= paragraph.start:
            # "Update 18.01.22 – Complete" under the action it reports on.
            last = candidates[-1]
            last.updates.append((paragraph.body, paragraph.end))
            last.status = status_from_text(text[paragraph.body : paragraph.end]) or last.status
            last.end = paragraph.end
            continue
        inline = _inline_bullets(text, paragraph)
        if inline:
            candidates += inline
            continue
        reviewed = _inline_review(text, found, index, paragraph)
        if reviewed is not None:
            candidates += reviewed[0]
            index = reviewed[1]
            continue
        spans = list(sentences(text, paragraph.body, paragraph.end))
        last_sentence: tuple[int, int] | None = None
        for start, end in spans:
            if start in covered:
                last_sentence = (start, end)
                continue
            previous = (last_subject, last_sentence)
            tasks = decision.tasks(text, paragraph, start, end)
            if tasks:
                for task in tasks:
                    task.reference = paragraph.label
                candidates += tasks
                last_sentence = (start, end)
                continue
            candidate = _request(text, start, end)
            if candidate is None and narrative:
                candidate = _resolution(text, start, end)
            if candidate is None and narrative and paragraph.label and start == paragraph.body:
                candidate = _recommendation(text, start, end)
            if candidate is None and narrative and not _NOT_AN_ACTION.match(text, start, end):
                candidate = _narrative(text, start, end, previous)
                if candidate is not None:
                    said.add(id(candidate))
            elif candidate is None and not narrative and paragraph.start in unmarked:
                candidate = _personal_undertaking(text, start, end, last_subject)
            if candidate is None:
                following = next((p for p in found[index:] if not p.heading), None)
                candidate = _updated_undertaking(text, start, end, paragraph, following)
            if candidate is not None:
                candidate.reference = paragraph.label
                candidates.append(candidate)
            opening = leading_subject(text, start, end)
            last_subject = opening if opening and personal(opening) else last_subject
            last_sentence = (start, end)
        decision.leave(text, paragraph)
        listed = _listed(text, found, index, paragraph, spans)
        if listed:
            if candidates and spans and candidates[-1].start == spans[-1][0]:
                # "undertook to write to the Committee:" leads the actions, is none itself.
                candidates.pop()
            candidates += listed[0]
            index = listed[1]
    headings = [p.start for p in found if p.heading]
    return _without_repeated_undertakings(text, candidates, said, headings)


class _Decision:
    """What a reader of paragraphs in order knows of the decision it is in: whether a lead
    such as "RESOLVED that:" introduces the paragraph, and who the clause before it asked
    to act when that clause runs on into lettered tasks ("RESOLVED that the Clerk be asked
    to (a) write to ...; and (b) arrange ...")."""

    def __init__(self) -> None:
        self.resolving = False
        self.reviewing = False
        self.asked: str | None = None
        self._found = False

    def enter(self, text: str, paragraph: Paragraph) -> None:
        self._found = False
        if not paragraph.heading:
            return
        numbered = _NUMBER_LINE.fullmatch(text, paragraph.start, paragraph.end) is not None
        if not numbered:
            self.resolving, self.asked = False, None
        if is_review_heading(text[paragraph.start : paragraph.end]):
            self.reviewing = True
        elif numbered or paragraph.label is not None:
            # the next item; a sub-heading in a review ("RELOCATION OF MEMORIALS") is not
            self.reviewing = False

    def tasks(self, text: str, paragraph: Paragraph, start: int, end: int) -> list[Candidate]:
        tasks = resolution_tasks(text, start, end, resolving=self.resolving)
        if not tasks and self.reviewing and start == paragraph.body:
            # "Head of Estates look at shared front counters ...", carried under matters arising
            owner = bare_task(text, start, end)
            tasks = [Candidate(start, end, (start, end), owner=owner)] if owner else []
        if not tasks and self.asked and start == paragraph.body and paragraph.label:
            verb = _LEADING_VERB.match(text, start, end)
            if verb and verb.group("verb") in _DELIVER:
                tasks = [Candidate(start, end, (start, end), owner=self.asked)]
        self._found = self._found or bool(tasks)
        if tasks:
            self.asked = tasks[-1].owner if _RUNS_ON.search(text, start, end) else None
        return tasks

    def leave(self, text: str, paragraph: Paragraph) -> None:
        if decision_lead(text, paragraph.body, paragraph.end):
            self.resolving = True
        elif not (
            self._found
            or paragraph.label
            or paragraph.bullet
            or resolution_clause(text, paragraph.body, paragraph.end)
        ):
            self.resolving = False
        if not self._found and not paragraph.label:
            self.asked = None


_NUMBER_LINE = re.compile(r"\s*\d{1,3}(?:\.\d{1,2})*\.?\s*")
_LEADING_VERB = re.compile(r"(?P<verb>[a-z][a-z-]*)\s")
# A clause that the next lettered one continues: "... to (a) take the steps ...; and".
_RUNS_ON = re.compile(r"\(\s*[a-h]\s*\)|[;,:]\s*(?:and|or)?\s*$")


# Words too common in minutes to show that two sentences speak of the same task.
_COMMON_WORDS = _words(
    """that this with from would will they their them have been said also into than then
    there these those which when what should could panel committee board meeting members"""
)
_SHARED_WORDS = 4


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _COMMON_WORDS}


def _without_repeated_undertakings(
    text: str, candidates: list[Candidate], said: set[int], headings: list[int]
) -> list[Candidate]:
    """The candidates without an undertaking in the discussion that the item's resolution
    then records ("Mr Hale said he would share the survey results" before "Resolved: that
    the survey results be circulated"): one action, the resolution's, with the owner the
    discussion names when the resolution names none."""
    kept: list[Candidate] = []
    for position, candidate in enumerate(candidates):
        if id(candidate) not in said:
            kept.append(candidate)
            continue
        section = bisect_right(headings, candidate.start)
        words = _content_words(text[candidate.body[0] : candidate.body[1]])
        repeat = next(
            (
                other
                for other in candidates[position + 1 :]
                if id(other) not in said
                and other.start >= candidate.end
                and bisect_right(headings, other.start) == section
                and len(words & _content_words(text[other.body[0] : other.body[1]]))
                >= _SHARED_WORDS
            ),
            None,
        )
        if repeat is None:
            kept.append(candidate)
        elif repeat.owner is None:
            repeat.owner = candidate.owner
    return kept


def _inline_review(
    text: str, found: Sequence[Paragraph], index: int, paragraph: Paragraph
) -> tuple[list[Candidate], int] | None:
    """A review of actions whose title runs into its first entry ("Action updates:- Terms
    of reference see below.") and the bullets under it: each is an update on an action,
    owned by the one who reports it ("- SW said she had met the teams ...")."""
    lead = _INLINE_LEAD.match(text, paragraph.body, paragraph.end)
    if lead is None or not names_an_action_review(lead.group("title")):
        return None
    entries = [(lead.end(), paragraph.end)]
    listed = [p for p in _list_after(text, found, index, plain=False) if p.bullet or p.label]
    entries += [(p.body, p.end) for p in listed]
    candidates: list[Candidate] = []
    for start, end in entries:
        content = text[start:end]
        if len(content.split()) < 3 or any(
            cue.match(content) for cue in (_ON_THE_LOG, _NOT_AN_ACTION, _POINTER)
        ):
            continue
        said = _SAID.search(text, start, end)
        owner = subject_before(text, start, said.start()) if said else None
        owner = owner if owner and not is_group(owner) and owner.lower() not in PRONOUNS else None
        candidates.append(
            Candidate(start, end, (start, end), owner=owner, status=status_from_text(content))
        )
    return candidates, index + len(listed)


def _listed(
    text: str,
    found: Sequence[Paragraph],
    index: int,
    lead: Paragraph,
    spans: Sequence[tuple[int, int]],
) -> tuple[list[Candidate], int] | None:
    """The actions listed after a lead ("undertook to:", "the actions ... completed:")."""
    if not spans:
        return None
    start, end = spans[-1]
    undertaking = _LIST_LEAD.search(text, start, end)
    actions_lead = None if undertaking else _ACTIONS_LEAD.search(text, start, end)
    if undertaking is None and actions_lead is None:
        return None
    owner = subject_before(text, start, undertaking.start()) if undertaking else None
    owner = owner if owner and not is_group(owner) else None
    status = status_from_text(text[start:end]) if actions_lead else None
    listed = _list_after(text, found, index, plain=actions_lead is not None)
    if not listed:
        return None
    candidates = [
        Candidate(
            p.start,
            p.end,
            (p.body, p.end),
            reference=_entry_reference(text, p, lead),
            owner=_coded_owner(text, p) or owner,
            status=status,
        )
        for p in listed
    ]
    return candidates, index + len(listed)


def _about_an_action(text: str, start: int, end: int) -> bool:
    """Whether a paragraph under a review of actions reads as one: it names an owner, asks
    for something, promises something or states a status."""
    return bool(
        _OWNED.match(text, start, end)
        or _REQUEST.search(text, start, end)
        or _UNDERTOOK.search(text, start, end)
        or any(m.group("verb") in _PROMISE for m in _FUTURE.finditer(text, start, end))
        or status_from_text(text[start:end]) is not None
    )


def find_review_paragraphs(
    text: str, found: Sequence[Paragraph], taken: SpanSet
) -> list[Candidate]:
    """Each paragraph under a heading that reviews earlier actions, when nothing else in
    that section was read as an action: "When it met on 6 March the Panel had asked for a
    briefing on ... – the Commissioner advised that ..."."""
    candidates: list[Candidate] = []
    section: list[Paragraph] | None = None
    notes: dict[int, list[tuple[int, int]]] = {}
    agreed = False  # the heading names the actions this meeting agreed, not earlier ones

    def close() -> None:
        if not section:
            return
        marked = any(p.start in taken or (p.end - 1) in taken for p in section)
        for position, paragraph in enumerate(section):
            if paragraph.start in taken or (paragraph.end - 1) in taken:
                continue
            if marked and not agreed and not _OWNED.match(text, paragraph.body, paragraph.end):
                continue  # beside marked actions, only one that names its owner
            if agreed and _DECISION.match(text, paragraph.body, paragraph.end):
                continue  # "Recommended the Outline Business Case to the Authority ..."
            updates = notes.get(position, [])
            if (
                not agreed
                and not updates
                and not _about_an_action(text, paragraph.body, paragraph.end)
            ):
                continue  # "The Chair thanked officers for the progress made."
            said = _SAID.search(text, paragraph.body, paragraph.end)
            owner = subject_before(text, paragraph.body, said.start()) if said else None
            owner = owner if owner and not is_group(owner) else None
            status = None
            for start, end in [(paragraph.body, paragraph.end), *updates]:
                status = status_from_text(text[start:end]) or status
            status = None if agreed and not updates else status
            candidates.append(
                Candidate(
                    paragraph.start,
                    updates[-1][1] if updates else paragraph.end,
                    (paragraph.body, paragraph.end),
                    owner=owner,
                    status=status,
                    updates=list(updates),
                )
            )

    for paragraph in found:
        if paragraph.heading:
            close()
            heading = text[paragraph.start : paragraph.end]
            agreed = names_new_actions(heading)
            section = [] if agreed or names_an_action_review(heading) else None
            notes = {}
            continue
        if section is None:
            continue
        content = text[paragraph.body : paragraph.end]
        if section and UPDATE_LINE.match(content):
            notes.setdefault(len(section) - 1, []).append((paragraph.body, paragraph.end))
            continue
        if (
            _NOT_AN_ACTION.match(content)
            or _ON_THE_LOG.match(content)
            or _NOTHING_DONE.match(content)
            or _POINTER.match(content)
            or len(content.split()) < 4
            or content.rstrip().endswith(":")  # "Actions from that meeting were reviewed:"
        ):
            continue
        section.append(paragraph)
    close()
    return candidates


# Who reports on an action: "said", "reported", and "gave an update", "gave a verbal ...".
_REPORTED = re.compile(rf"{_SAID.pattern}|\bgave\s+(?:a|an|the|his|her|their)\b")


def owner_in(text: str, spans: Sequence[tuple[int, int]]) -> str | None:
    """Who the notes on a cited action name as acting on it: the one who undertook,
    agreed or will do something, else the one who reported on it ("The Assistant
    Commissioner said that ..."); never the meeting itself ("Members were told ...")."""
    reporter: str | None = None
    for span_start, span_end in spans:
        for start, end in sentences(text, span_start, span_end):
            for pattern in (_UNDERTOOK, _ASSURANCE, _FUTURE):
                for match in pattern.finditer(text, start, end):
                    verb = match.groupdict().get("verb")
                    if pattern is _UNDERTOOK and not _undertaking(text, start, match):
                        continue
                    if pattern is _FUTURE and verb not in _PROMISE:
                        continue
                    subject = subject_before(text, start, match.start())
                    if subject and not is_group(subject) and subject.lower() not in PRONOUNS:
                        return subject
            if reporter is None:
                for said in _REPORTED.finditer(text, start, end):
                    subject = subject_before(text, start, said.start())
                    if subject and not is_group(subject) and subject.lower() not in PRONOUNS:
                        reporter = subject
                        break
    return reporter
