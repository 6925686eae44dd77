"""Attendance as the parser reads it from a text: the helpers the attendance tests share."""

from ingest.parse.attendance import Attendance, parse_attendance
from ingest.parse.lines import split_lines
from records.enums import AttendanceStatus

PRESENT = AttendanceStatus.PRESENT
APOLOGIES = AttendanceStatus.APOLOGIES
IN_ATTENDANCE = AttendanceStatus.IN_ATTENDANCE


def attendance_of(text: str) -> Attendance:
    return parse_attendance(text, split_lines(text))


def people(text: str) -> list[tuple[str, AttendanceStatus]]:
    """(name, status) of everyone the text's attendance names, in order."""
    return [(a.name, a.status) for a in attendance_of(text).attendees]
