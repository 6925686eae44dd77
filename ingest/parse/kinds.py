"""The kind of a meeting from its title or a phrase ("Thematic on Serious and Organised Crime")."""

from __future__ import annotations

import re

from records.enums import MeetingKind

_KIND_PATTERNS: tuple[tuple[MeetingKind, re.Pattern[str]], ...] = (
    (
        MeetingKind.AUDIT_COMMITTEE,
        re.compile(
            r"\baudit\b[\w ,&]*\bcommittee\b|\bjoint audit\b|\baudit,? (?:and|&) "
            r"(?:risk|standards|ethics|assurance)\b|(?-i:\bJAC\b|\bJARAC\b|\bJIAC\b)",
            re.IGNORECASE,
        ),
    ),
    (
        MeetingKind.POLICE_AND_CRIME_PANEL,
        re.compile(
            r"\bpolice,? (?:fire )?(?:and|&) crime panel\b|\bcrime panel\b|(?-i:\bPCP\b)", re.I
        ),
    ),
    (
        MeetingKind.STRATEGIC_BOARD,
        re.compile(
            r"\bstrategic\b[\w ,&]{0,40}?\bboard\b|\bstrategic policing\b|\bpolicing board\b",
            re.IGNORECASE,
        ),
    ),
    (
        MeetingKind.ACCOUNTABILITY_BOARD,
        re.compile(
            r"\baccountability\b|\bholding (?:the chief constable )?to account\b[\w ]{0,20}?"
            r"\b(?:board|meeting|forum|session)\b|\bhold(?:ing)? to account (?:board|meeting)\b",
            re.IGNORECASE,
        ),
    ),
    (MeetingKind.THEMATIC, re.compile(r"\bthematic\b|\bdeep[- ]dive\b", re.IGNORECASE)),
    (
        MeetingKind.MONTHLY_ASSURANCE,
        re.compile(r"\bmonthly assurance\b|\bassurance (?:meeting|board|session)\b", re.I),
    ),
    (MeetingKind.PERFORMANCE, re.compile(r"\bperformance\b", re.IGNORECASE)),
    (MeetingKind.MONTHLY_ASSURANCE, re.compile(r"\bassurance\b", re.IGNORECASE)),
)


def find_meeting_kind(text: str) -> MeetingKind | None:
    """The kind a title or phrase names, or None when it names none."""
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def meeting_kind(*texts: str) -> MeetingKind:
    """The kind named by the first of ``texts`` that names one, else ``OTHER``."""
    for text in texts:
        kind = find_meeting_kind(text)
        if kind is not None:
            return kind
    return MeetingKind.OTHER
