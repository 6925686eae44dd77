"""A deterministic synthetic corpus of police governance minutes, with ground truth.

Each generated meeting is a realistic minutes document for one of ~40 fictional force
areas between 2014 and 2025, together with what a perfect parser would extract from it
(date, kind, numbered items, actions with their owners, figures). The same seed always
gives the same bytes, so benchmarks and tests can compare runs and check parser output.

    python -m bench.corpus OUT_DIR --meetings 300 [--seed 7] [--formats txt,md,docx]

Documents are built as a list of blocks (title lines, fields, an attendance table,
headed items, paragraphs, bullets, action lines) and rendered as plain text in one of
several house styles (tab-indented, plain, hard-wrapped with page footers ...), as
markdown, or as a Word file. Prose is drawn from weighted phrase banks whose weights fall
off with rank (Zipf-like), so a few policing phrases and acronyms dominate as they do in
real minutes.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import functools
import io
import itertools
import random
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from records.enums import ActionStatus, AttendanceStatus, MeetingKind, MetricKind, MetricUnit

T = TypeVar("T")

FORMATS = ("txt", "md", "docx")
FIRST_DATE = dt.date(2014, 1, 6)
LAST_DATE = dt.date(2025, 12, 19)


class Bank(Generic[T]):
    """Items drawn at random, the r-th (from 1) with weight ``1 / r ** exponent`` unless given."""

    def __init__(
        self,
        items: Sequence[T],
        exponent: float = 1.0,
        weights: Sequence[float] | None = None,
    ) -> None:
        if not items:
            raise ValueError("a bank needs at least one item")
        self.items = tuple(items)
        chosen = weights or [1.0 / rank**exponent for rank in range(1, len(items) + 1)]
        cumulative = list(itertools.accumulate(chosen))
        self._cumulative = [c / cumulative[-1] for c in cumulative]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect.bisect(self._cumulative, rng.random())]

    def picker(self, rng: random.Random) -> Callable[[], T]:
        """``pick`` bound to ``rng``, for hot loops."""
        items, cumulative, draw, find = self.items, self._cumulative, rng.random, bisect.bisect

        def pick() -> T:
            return items[find(cumulative, draw())]

        return pick


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Force:
    """A fictional police force area and the town its headquarters is in."""

    area: str
    town: str

    @property
    def slug(self) -> str:
        return _slug(self.area)


FORCES: tuple[Force, ...] = tuple(
    Force(area, town)
    for area, town in (
        ("Northshire", "Dunmere"),
        ("Eastmoor", "Harnford"),
        ("Wealdham", "Wealdbridge"),
        ("Southmere", "Portlow"),
        ("Westvale", "Carrowby"),
        ("Harrowdale", "Stenbury"),
        ("Brackenshire", "Fernholt"),
        ("Fenmarsh", "Fenstow"),
        ("Highcombe", "Aldercombe"),
        ("Larkhaven", "Larkport"),
        ("Marlowshire", "Tollmarsh"),
        ("Oakmere", "Oakminster"),
        ("Pennmoor", "Pennbridge"),
        ("Quarrydale", "Slatebury"),
        ("Redmarsh", "Redhithe"),
        ("Saltcombe", "Saltmouth"),
        ("Thornvale", "Thornhurst"),
        ("Upperdale", "Dalehead"),
        ("Vennshire", "Vennbridge"),
        ("Wyrmouth", "Wyrmouth"),
        ("Ashcombe", "Emberton"),
        ("Birchmoor", "Birchley"),
        ("Coldmere", "Coldbrook"),
        ("Elmshire", "Elmbury"),
        ("Foxdale", "Foxholme"),
        ("Greyholm", "Greyport"),
        ("Hollowmere", "Hollowby"),
        ("Ironvale", "Ironstow"),
        ("Kingsmoor", "Kingsreach"),
        ("Lowfield", "Lowmarket"),
        ("Mossvale", "Mossbridge"),
        ("Nethershire", "Netherstow"),
        ("Orchardvale", "Pippinford"),
        ("Pinewold", "Pinewick"),
        ("Ravensmoor", "Ravensholt"),
        ("Stoneshire", "Stonemarket"),
        ("Tidewater", "Tidemouth"),
        ("Yarrowdale", "Yarrowby"),
        ("Westmarch", "Marchbury"),
        ("Reedmoor", "Reedwick"),
        ("Cinderfell", "Cinderbridge"),
        ("Gorseland", "Gorsebury"),
    )
)

STREETS = (
    "Carrow Lane", "Saltings Road", "Abbey Street", "Station Road", "Mill Lane", "Castle Street",
    "Market Place", "Bridge Street", "Church Road", "Victoria Road", "Riverside Way", "Park Road",
    "Kings Road", "Quay Street", "Tanners Row", "Orchard Way", "Priory Road", "Wharf Lane",
)  # fmt: skip
DISTRICTS = (
    "Eastbridge", "Saltmarsh", "Marshfield", "Kelsby", "Hollins", "Brookmere", "Ashwell",
    "Granby", "Tilford", "Winsham", "Copley", "Fairholme", "Langmoor", "Rushden Vale",
    "Stanway", "Oxley", "Merrow", "Hatherby",
)  # fmt: skip

FIRST_NAMES = (
    "Sarah", "David", "Rachel", "Fiona", "Owen", "Martin", "Imran", "Clare", "Graham", "Paul",
    "Amira", "Joanne", "Helen", "Deborah", "Marcus", "Sian", "Colin", "Tom", "Richard", "Neil",
    "Priya", "Gareth", "Stuart", "Karen", "Leah", "Hannah", "Lee", "Kamal", "Angela", "Rhys",
    "Margaret", "Peter", "Jas", "Tony", "Ruth", "Nigel", "Ann", "Julia", "Andrew", "Emma",
    "James", "Catherine", "Michael", "Louise", "Simon", "Nadia", "Christopher", "Joanna",
    "Mark", "Alison", "Darren", "Victoria", "Steven", "Elaine", "Matthew", "Gemma", "Adrian",
    "Lisa", "Robert", "Nicola", "Jonathan", "Claire", "Ian", "Bethan", "Kevin", "Yasmin",
    "Philip", "Wendy", "Craig", "Sophie", "Dominic", "Rebecca", "Alan", "Farah", "Gavin",
    "Samantha", "Hugh", "Tessa", "Benjamin", "Aisha", "Duncan", "Harriet", "Oliver", "Megan",
    "Ravi", "Kirsty", "Patrick", "Zoe", "Edward", "Lucy", "Vikram", "Abigail", "Callum",
    "Esther", "Declan", "Grace", "Mohammed", "Bridget", "Wayne", "Shona", "Tariq", "Eleanor",
    "Glyn", "Maureen", "Ifeoma", "Rory", "Daniel", "Chloe", "Ahmed", "Frances", "Keith",
    "Naomi", "Barry", "Anita", "Stephen", "Jennifer", "Gordon", "Pauline", "Hamish", "Irene",
    "Lewis", "Carys", "Usha", "Terence", "Sunita", "Malcolm", "Rosalind", "Kwame", "Judith",
)  # fmt: skip
SURNAMES = (
    "Linton", "Penhallow", "Dunmore", "Strachan", "Ridley", "Oyelaran", "Sadiq", "Hobbs",
    "Oakes", "Kettering", "Kaur", "Ashworth", "Varga", "Quayle", "Belling", "Pritchard",
    "Marsh", "Eckersley", "Halloran", "Mottram", "Raman", "Lowe", "Fenwick", "Oduya",
    "Whitcombe", "Greer", "Danvers", "Hussain", "Rourke", "Calloway", "Ives", "Stanhope",
    "Bains", "Froggatt", "Rudd", "Aldous", "Crabtree", "Whitlow", "Hartley", "Okafor",
    "Pennington", "Ashby", "Caldwell", "Drummond", "Ellery", "Fairbairn", "Garside",
    "Holroyd", "Ingham", "Jessop", "Kendrick", "Lomax", "McAllister", "Naylor", "Ormerod",
    "Pryce", "Quinlan", "Rowntree", "Sheridan", "Thackeray", "Underwood", "Villiers",
    "Wadsworth", "Yeoman", "Abbott", "Brereton", "Cartwright", "Dewhurst", "Eastwood",
    "Fothergill", "Gillespie", "Hargreaves", "Illingworth", "Jowett", "Kilburn", "Lockwood",
    "Mercer", "Nuttall", "Oldroyd", "Pickering", "Radcliffe", "Sutcliffe", "Tillotson",
    "Ullah", "Verity", "Whiteley", "Ackroyd", "Blamires", "Crowther", "Dobson", "Entwistle",
    "Farrar", "Greenwood", "Haigh", "Iqbal", "Jagger", "Kershaw", "Lister", "Midgley",
    "Nowell", "Oates", "Pollard", "Ramsden", "Shackleton", "Townend", "Uttley", "Waddington",
    "Appleyard", "Barraclough", "Chadwick", "Denby", "Emsley", "Firth", "Gaunt", "Hirst",
    "Ibbotson", "Jebson", "Kitching", "Laycock", "Mallinson", "Normington", "Ogden",
    "Priestley", "Rushworth", "Stansfield", "Thwaite", "Umpleby", "Varley", "Wormald",
    "Chowdhury", "Adeyemi", "Mensah", "Nowak", "Kowalski", "Rahman", "Begum", "Patel",
    "Sharma", "Gill", "Mistry", "Osei", "Boateng", "Campbell", "MacLeod", "Fraser", "Murray",
    "Llewellyn", "Pugh", "Vaughan", "Gwynne", "Bevan", "Prosser", "Delaney", "Brennan",
    "Fitzgerald", "Quigley", "Nolan", "Doherty", "Costello", "Moreno", "Rossi", "Conti",
)  # fmt: skip


# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Role:
    capacity: str
    abbreviation: str
    # Abbreviations any reader of minutes knows without an attendance list to say so.
    standard: bool = False


ROLES: dict[str, Role] = {
    "pcc": Role("Police and Crime Commissioner", "PCC", standard=True),
    "dpcc": Role("Deputy Police and Crime Commissioner", "DPCC", standard=True),
    "cex": Role("Chief Executive, OPCC", "CEx"),
    "cfo": Role("Chief Finance Officer, OPCC", "CFO"),
    "hpa": Role("Head of Performance and Assurance, OPCC", "HPA"),
    "spo": Role("Senior Policy Officer, OPCC", "SPO"),
    "go": Role("Governance Officer, OPCC", "GO"),
    "cc": Role("Chief Constable", "CC", standard=True),
    "dcc": Role("Deputy Chief Constable", "DCC", standard=True),
    "acc_lp": Role("Assistant Chief Constable, Local Policing", "ACC LP"),
    "acc_cpp": Role("Assistant Chief Constable, Crime and Public Protection", "ACC CPP"),
    "dof": Role("Director of Finance", "DoF"),
    "dop": Role("Director of People", "DoP"),
    "dcs_pp": Role("Detective Chief Superintendent, Head of Public Protection", "DCS PP"),
    "hcm": Role("Chief Superintendent, Head of Contact Management", "HCM"),
    "so": Role("Staff Officer", "SO"),
    "pso": Role("Panel Support Officer", "PSO"),
}
PANEL_SEATS = tuple(f"member{n}" for n in range(1, 9))
# PCCs are elected in May of these years; a new one may take office after each election.
ELECTIONS = (dt.date(2016, 5, 5), dt.date(2021, 5, 6), dt.date(2024, 5, 2))


@dataclass(frozen=True)
class Attendee:
    """Someone on the attendance list, as the document names them."""

    name: str
    capacity: str
    abbreviation: str | None
    status: AttendanceStatus
    role: str

    @property
    def initials(self) -> str:
        return _initials(self.name)


def _member_name(member: Attendee, *, surname: bool = False) -> str:
    """How minutes name a panel member: councillors as "Cllr", co-opted members plainly."""
    name = member.name.split()[-1] if surname else member.name
    if member.capacity.startswith("Independent"):
        return member.name if surname else name
    return f"Cllr {name}"


@functools.lru_cache(maxsize=65_536)
def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split() if part[0].isupper())


# --------------------------------------------------------------------------- truth


@dataclass(frozen=True)
class ItemTruth:
    """A numbered agenda item (a heading: "2. Domestic Abuse", "2.1 Outcomes").

    Numbered paragraphs of prose ("2.1 The PCC asked ...") are paragraph numbering inside
    their item, not items; ``GeneratedMeeting.paragraphs`` lists their numbers.
    """

    number: str
    title: str
    parent: str | None


@dataclass(frozen=True)
class ActionTruth:
    """An action as the minutes state it; carried actions name their original meeting."""

    reference: str | None
    text: str
    owner_text: str | None
    owners: tuple[str, ...]
    item: str | None
    due_date: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    origin_title: str | None = None
    origin_date: dt.date | None = None

    @property
    def carried(self) -> bool:
        return self.origin_date is not None


@dataclass(frozen=True)
class MetricTruth:
    value: float
    unit: MetricUnit
    kind: MetricKind
    text: str
    item: str | None


@dataclass(frozen=True)
class NextMeetingTruth:
    kind: MeetingKind
    date: dt.date
    start_time: dt.time


# --------------------------------------------------------------------------- blocks
# The parts a document is built from. Named tuples: a corpus holds millions of them.


class Title(NamedTuple):
    text: str


class Field(NamedTuple):
    label: str
    value: str


class Table(NamedTuple):
    header: tuple[str, str]
    rows: tuple[tuple[str, str], ...]
    lead: str | None = None


class Line(NamedTuple):
    """A line of its own; ``listed`` lines are entries of a list (names under "Present:")."""

    text: str
    listed: bool = False


class Heading(NamedTuple):
    number: str
    title: str
    level: int = 1


class Para(NamedTuple):
    text: str
    number: str | None = None


class Bullet(NamedTuple):
    text: str


class ActionLine(NamedTuple):
    label: str
    text: str


Block = Title | Field | Table | Line | Heading | Para | Bullet | ActionLine


@dataclass(frozen=True)
class GeneratedMeeting:
    """One synthetic minutes document and everything a perfect parser would get from it."""

    index: int
    file_name: str
    force: str
    body: str
    kind: MeetingKind
    theme: str | None
    title: str
    date: dt.date
    start_time: dt.time
    venue: str
    chair: str
    minute_taker: str
    attendees: tuple[Attendee, ...]
    items: tuple[ItemTruth, ...]
    paragraphs: tuple[str, ...]
    actions: tuple[ActionTruth, ...]
    metrics: tuple[MetricTruth, ...]
    next_meeting: NextMeetingTruth
    acronyms: tuple[tuple[str, str], ...]
    style: str
    blocks: tuple[Block, ...]
    text: str
    cast: tuple[tuple[str, str], ...] = field(repr=False)

    @property
    def stem(self) -> str:
        return self.file_name.rsplit(".", 1)[0]

    @property
    def item_numbers(self) -> tuple[str, ...]:
        return tuple(item.number for item in self.items)

    @property
    def present(self) -> tuple[Attendee, ...]:
        return tuple(a for a in self.attendees if a.status != AttendanceStatus.APOLOGIES)

    def render(self, fmt: str) -> bytes:
        """The file's bytes in ``fmt`` (txt, md or docx)."""
        if fmt == "txt":
            return self.text.encode("utf-8")
        if fmt == "md":
            return render_markdown(self.blocks).encode("utf-8")
        if fmt == "docx":
            return render_docx(self.blocks, title=self.title, date=self.date)
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


# --------------------------------------------------------------------------- vocabulary

# Acronyms and their long forms (singular, plural); HMIC/HMICFRS is written by date.
ACRONYMS: dict[str, tuple[str, str]] = {
    "DA": ("domestic abuse", "domestic abuse"),
    "SOC": ("Serious and Organised Crime", "Serious and Organised Crime"),
    "VAWG": ("Violence Against Women and Girls", "Violence Against Women and Girls"),
    "MARAC": (
        "Multi-Agency Risk Assessment Conference",
        "Multi-Agency Risk Assessment Conferences",
    ),
    "DASH": (
        "Domestic Abuse, Stalking and Harassment and Honour Based Violence",
        "Domestic Abuse, Stalking and Harassment and Honour Based Violence",
    ),
    "BWV": ("body worn video", "body worn video"),
    "DVPN": ("Domestic Violence Protection Notice", "Domestic Violence Protection Notices"),
    "DVPO": ("Domestic Violence Protection Order", "Domestic Violence Protection Orders"),
    "IDVA": ("Independent Domestic Violence Advisor", "Independent Domestic Violence Advisors"),
    "ISVA": ("Independent Sexual Violence Advisor", "Independent Sexual Violence Advisors"),
    "ASB": ("anti-social behaviour", "anti-social behaviour"),
    "CSE": ("Child Sexual Exploitation", "Child Sexual Exploitation"),
    "OCG": ("Organised Crime Group", "Organised Crime Groups"),
    "PCSO": ("Police Community Support Officer", "Police Community Support Officers"),
    "FCR": ("Force Control Room", "Force Control Room"),
    "RASSO": ("Rape and Serious Sexual Offences", "Rape and Serious Sexual Offences"),
    "CPS": ("Crown Prosecution Service", "Crown Prosecution Service"),
    "MASH": ("Multi-Agency Safeguarding Hub", "Multi-Agency Safeguarding Hubs"),
    "VRU": ("Violence Reduction Unit", "Violence Reduction Units"),
    "NRM": ("National Referral Mechanism", "National Referral Mechanism"),
    "ROCU": ("Regional Organised Crime Unit", "Regional Organised Crime Unit"),
    "PUP": ("Police Uplift Programme", "Police Uplift Programme"),
    "PEEL": (
        "Police Effectiveness, Efficiency and Legitimacy",
        "Police Effectiveness, Efficiency and Legitimacy",
    ),
    "CSP": ("Community Safety Partnership", "Community Safety Partnerships"),
    "OPCC": ("Office of the Police and Crime Commissioner", "Office of the PCC"),
}
_HMIC = "Her Majesty's Inspectorate of Constabulary"
_HMICFRS_FORMED = dt.date(2017, 7, 19)
_HIS_MAJESTY_FROM = dt.date(2022, 9, 8)
_ACRONYM_TOKEN = re.compile(r"\[([A-Z]+)(\+s)?\]")


TokenParts = tuple[tuple[str, str, bool], ...]


def _split_tokens(phrase: str) -> TokenParts:
    """``"the [DA] plan"`` -> ``(("the ", "DA", False), (" plan", "", False))``."""
    parts: list[tuple[str, str, bool]] = []
    position = 0
    for match in _ACRONYM_TOKEN.finditer(phrase):
        parts.append((phrase[position : match.start()], match.group(1), bool(match.group(2))))
        position = match.end()
    parts.append((phrase[position:], "", False))
    return tuple(parts)


# Split phrases of the fixed phrase banks (bounded: the banks are fixed).
_TOKEN_PARTS: dict[str, TokenParts] = {}


@dataclass(frozen=True)
class Topic:
    """An agenda subject: its title, sub-item titles and the phrases its prose draws on."""

    title: str
    theme: str | None
    subtopics: tuple[str, ...]
    objects: tuple[str, ...]
    counts: tuple[tuple[str, str], ...]
    percents: tuple[str, ...]
    since: dt.date = FIRST_DATE
    until: dt.date = LAST_DATE


TOPICS: tuple[Topic, ...] = (
    Topic(
        "Domestic Abuse",
        "DA",
        (
            "Prevention and awareness",
            "Actions following a report of domestic abuse",
            "Outcomes",
            "Repeat victims and offenders",
            "Protective orders",
            "Risk assessment",
        ),
        (
            "the response to [DA]",
            "the quality of [DASH] risk assessments",
            "referrals to [MARAC]",
            "the use of [DVPN+s]",
            "support from [IDVA+s]",
            "repeat victimisation",
            "evidence-led prosecutions",
            "the [DA] delivery plan",
            "training for frontline officers on coercive control",
            "the [DA] profiles produced with partners",
        ),
        (
            ("victims", "could not be contacted safely"),
            ("[MARAC] referrals", "had been made in the quarter"),
            ("[DVPN+s]", "had been issued in the year"),
            ("[DA] incidents", "had been recorded in the twelve months"),
            ("high-risk cases", "had been heard"),
        ),
        (
            "of cases had no supervisory input",
            "of [DA] incidents had a completed [DASH] risk assessment",
            "of victims supported a prosecution",
            "of [MARAC] cases were repeat cases",
            "of arrests were made within a day",
        ),
    ),
    Topic(
        "Serious and Organised Crime",
        "SOC",
        (
            "County lines",
            "Organised crime groups",
            "Exploitation of children",
            "Disruption activity",
            "Asset recovery",
        ),
        (
            "the [SOC] strategy",
            "disruption of [OCG+s]",
            "county lines activity",
            "joint operations with the [ROCU]",
            "referrals to the [NRM]",
            "the exploitation of vulnerable adults",
            "asset recovery under the Proceeds of Crime Act",
            "the [SOC] local profile",
        ),
        (
            ("[OCG+s]", "were being mapped"),
            ("county lines", "had been closed"),
            ("children", "had been referred to the [NRM]"),
            ("disruptions", "had been recorded"),
        ),
        (
            "of [OCG+s] were involved in drug supply",
            "of disruptions were rated as major",
            "of referrals received a positive decision",
        ),
    ),
    Topic(
        "Violence Against Women and Girls",
        "VAWG",
        (
            "Stalking and harassment",
            "Public spaces",
            "Misconduct and vetting",
            "The [VAWG] delivery plan",
            "Engagement with women and girls",
        ),
        (
            "the [VAWG] delivery plan",
            "the use of Stalking Protection Orders",
            "safety in the night-time economy",
            "the vetting of officers and staff",
            "misconduct cases involving sexual misconduct",
            "the national [VAWG] framework",
        ),
        (
            ("Stalking Protection Orders", "had been obtained"),
            ("misconduct cases", "were open"),
            ("reports of stalking", "had been received"),
        ),
        (
            "of stalking reports led to an arrest",
            "of women surveyed felt safe in the town centre at night",
            "of officers had completed the training",
        ),
        since=dt.date(2018, 1, 1),
    ),
    Topic(
        "Child Sexual Exploitation",
        "CSE",
        (
            "Missing children",
            "Return home interviews",
            "Partnership working",
            "Online exploitation",
        ),
        (
            "the response to [CSE]",
            "return home interviews",
            "the work of the [MASH]",
            "disruption of perpetrators",
            "information sharing with children's services",
        ),
        (
            ("children", "were open to the exploitation panel"),
            ("missing episodes", "had been recorded"),
        ),
        (
            "of return home interviews were completed within three days",
            "of children had a safety plan",
        ),
    ),
    Topic(
        "Anti-Social Behaviour",
        "ASB",
        (
            "Repeat callers",
            "Use of powers",
            "Community Trigger",
            "Hotspot patrols",
        ),
        (
            "[ASB] hotspots",
            "the Community Trigger",
            "problem-solving with the [CSP+s]",
            "Community Protection Notices",
            "youth diversion",
            "off-road motorbikes",
        ),
        (
            ("Community Protection Notices", "had been issued"),
            ("repeat callers", "had been identified"),
            ("[PCSO+s]", "had been moved into neighbourhood roles"),
        ),
        (
            "of [ASB] victims were satisfied with being kept informed",
            "of callers were flagged for a vulnerability assessment",
        ),
    ),
    Topic(
        "Contact management – 999 and 101 call handling",
        None,
        (
            "Emergency calls",
            "The non-emergency line",
            "Online reporting",
            "Staffing in the [FCR]",
        ),
        (
            "performance in the [FCR]",
            "the call-back facility",
            "online reporting",
            "call handler vacancies",
            "the identification of vulnerability among callers",
        ),
        (
            ("call handlers", "had been recruited"),
            ("vacancies", "were carried in the [FCR]"),
            ("online reports", "were received each month"),
        ),
        (
            "of emergency calls were answered within ten seconds",
            "of non-emergency calls were abandoned",
        ),
    ),
    Topic(
        "Workforce and the Police Uplift Programme",
        None,
        (
            "Recruitment",
            "Attrition",
            "Diversity of the workforce",
            "Tutoring and supervision",
        ),
        (
            "recruitment through the [PUP]",
            "the attrition rate for student officers",
            "the diversity of new recruits",
            "tutor capacity",
            "the workforce plan",
        ),
        (
            ("officers", "were in post"),
            ("student officers", "had joined in the year"),
            ("tutor constables", "were available"),
        ),
        (
            "of new recruits were women",
            "of student officers had left before completing the programme",
        ),
        since=dt.date(2019, 9, 1),
    ),
    Topic(
        "Finance and budget monitoring",
        None,
        ("Revenue budget", "Capital programme", "Reserves", "Overtime"),
        (
            "the revenue budget",
            "the capital programme",
            "the reserves strategy",
            "overtime spending",
            "the Medium Term Financial Plan",
            "the savings plan",
        ),
        (("posts", "were held vacant"),),
        ("of the savings plan had been delivered",),
    ),
    Topic(
        "Rape and serious sexual offences",
        "RASSO",
        ("Investigations", "Victim support", "Charging decisions"),
        (
            "the [RASSO] improvement plan",
            "support from [ISVA+s]",
            "the time taken to reach a charging decision",
            "joint working with the [CPS]",
        ),
        (
            ("investigations", "were open"),
            ("cases", "had been referred to the [CPS]"),
        ),
        ("of victims withdrew support for a prosecution",),
    ),
    Topic(
        "Stop and search",
        None,
        ("Use of the power", "Scrutiny panel findings", "Disproportionality"),
        (
            "the use of stop and search",
            "the findings of the scrutiny panel",
            "the recording of grounds",
            "[BWV] footage of searches",
        ),
        (("searches", "had been carried out in the quarter"),),
        ("of searches found what was searched for",),
    ),
    Topic(
        "Body Worn Video",
        None,
        ("Use at incidents", "Upload of footage", "Audit findings"),
        (
            "the use of [BWV]",
            "the upload of [BWV] footage",
            "the [BWV] policy",
            "the replacement of [BWV] cameras",
        ),
        (("cameras", "were now issued"),),
        (
            "of [BWV] evidence had been uploaded",
            "of [DA] incidents attended had footage recorded",
        ),
    ),
    Topic(
        "Inspection findings",
        None,
        ("[PEEL] inspection", "Areas for improvement", "Causes of concern"),
        (
            "the recommendations of the [HMICFRS] report",
            "the [HMICFRS] areas for improvement",
            "the [PEEL] action plan",
            "the hot debrief from the [HMICFRS] inspection",
        ),
        (("areas for improvement", "remained open"),),
        ("of recommendations had been closed",),
    ),
    Topic(
        "Neighbourhood policing",
        None,
        ("Visibility", "Problem solving", "Community engagement"),
        (
            "neighbourhood policing",
            "the visibility of officers and [PCSO+s]",
            "problem-solving hubs",
            "engagement with rural communities",
        ),
        (("neighbourhood officers and [PCSO+s]", "were in post"),),
        ("of residents agreed that police were dealing with local concerns",),
    ),
    Topic(
        "Victim services and the Victims' Code",
        None,
        ("Compliance with the Victims' Code", "Victim satisfaction", "Commissioned services"),
        (
            "compliance with the Victims' Code",
            "victim satisfaction",
            "the victim care hub",
            "commissioned support services",
        ),
        (("victims", "had been referred to support services"),),
        ("of victims were satisfied with the service",),
    ),
    Topic(
        "Professional standards and complaints",
        None,
        ("Complaint handling", "Misconduct", "Vetting"),
        (
            "the handling of complaints",
            "the timeliness of misconduct investigations",
            "vetting renewals",
            "learning from complaints",
        ),
        (("complaints", "had been recorded"),),
        ("of complaints were logged within ten working days",),
    ),
    Topic(
        "Serious violence and knife crime",
        None,
        ("The serious violence duty", "Knife crime", "Youth diversion"),
        (
            "the serious violence duty",
            "knife crime",
            "the work of the [VRU]",
            "youth diversion schemes",
        ),
        (("knives", "had been surrendered"), ("young people", "had been diverted")),
        ("of knife crime offences involved a victim under the age of twenty-five",),
    ),
    Topic(
        "Mental health and policing",
        None,
        ("Detentions under the Mental Health Act", "Right Care, Right Person", "Street triage"),
        (
            "demand relating to mental health",
            "street triage",
            "detentions under the Mental Health Act",
            "the Right Care, Right Person approach",
        ),
        (("officer hours", "were spent in hospital settings each month"),),
        ("of incidents involved a mental health concern",),
    ),
    Topic(
        "Road safety",
        None,
        ("Enforcement", "Fatal and serious collisions", "Community speed watch"),
        (
            "road safety enforcement",
            "fatal and serious collisions",
            "community speed watch",
            "drink and drug driving",
        ),
        (("people", "had been killed or seriously injured on the roads"),),
        ("of drivers tested positive",),
    ),
    Topic(
        "Hate crime",
        None,
        ("Reporting", "Outcomes for victims", "Third party reporting centres"),
        (
            "the response to hate crime",
            "third party reporting centres",
            "outcomes for victims of hate crime",
        ),
        (("hate crimes", "had been recorded"),),
        ("of hate crimes resulted in a positive outcome",),
    ),
    Topic(
        "Fraud and cyber crime",
        None,
        ("Protect advice", "Investigations", "Support for vulnerable victims"),
        (
            "the response to fraud",
            "protect advice for older people",
            "cyber crime investigations",
        ),
        (("fraud victims", "had been visited"),),
        ("of fraud victims were repeat victims",),
    ),
    Topic(
        "Crime recording and outcomes",
        None,
        ("Crime data integrity", "Positive outcomes", "Investigation standards"),
        (
            "crime data integrity",
            "the positive outcome rate",
            "the investigation standard",
            "crimes closed without a suspect",
        ),
        (("crimes", "had been recorded in the year"),),
        ("of crimes closed without a suspect were closed within a day",),
    ),
    Topic(
        "Policing the pandemic",
        None,
        ("Enforcement of the regulations", "Staff absence", "Demand"),
        (
            "enforcement of the coronavirus regulations",
            "staff absence",
            "demand during lockdown",
            "the use of Fixed Penalty Notices",
        ),
        (("Fixed Penalty Notices", "had been issued"),),
        ("of staff were absent",),
        since=dt.date(2020, 3, 23),
        until=dt.date(2021, 12, 31),
    ),
)
TOPIC_BANK = Bank(TOPICS, exponent=0.6)
THEMATIC_TOPICS = tuple(t for t in TOPICS if t.theme)
THEME_NAMES = {
    "DA": "Domestic Abuse",
    "SOC": "Serious and Organised Crime",
    "VAWG": "Violence Against Women and Girls",
    "CSE": "Child Sexual Exploitation",
    "ASB": "Anti-Social Behaviour",
    "RASSO": "Rape and Serious Sexual Offences",
}
THEMATIC_SUBTITLES = Bank(
    (
        "Strategic assessment",
        "Prevention",
        "Outcomes",
        "Partnership working",
        "Victim care",
        "Training",
        "Performance data",
        "Governance",
        "Learning from reviews",
    ),
    exponent=0.5,
)

SUBJECTS = Bank(
    (
        "the force",
        "officers",
        "supervisors",
        "partners",
        "neighbourhood teams",
        "the delivery group",
        "the [OPCC]",
        "investigators",
        "the Public Protection Unit",
        "local policing areas",
        "the [CSP+s]",
        "frontline staff",
        "the [VRU]",
        "the Local Criminal Justice Board",
        "the [CPS]",
    ),
    exponent=1.1,
)
VERBS = Bank(
    (
        "had improved",
        "was reviewing",
        "needed to strengthen",
        "continued to monitor",
        "had invested in",
        "was not yet consistent in",
        "had seen a rise in",
        "had prioritised",
        "was working with partners on",
        "had been asked to review",
        "had completed an audit of",
        "was developing",
        "had commissioned a review of",
        "was piloting a new approach to",
        "would evaluate",
        "had redesigned",
    ),
    exponent=0.9,
)
GENERIC_OBJECTS = Bank(
    (
        "the quality of supervision",
        "partnership working",
        "victim satisfaction",
        "the delivery plan",
        "the data in the performance report",
        "training for frontline officers",
        "the briefing note prepared for the meeting",
        "the recommendations of the [HMICFRS] report",
        "the use of [BWV] footage",
        "the force management statement",
        "the response to [DA]",
        "[ASB] in town centres",
        "the reality testing",
        "the [SOC] strategy",
        "referrals to [MARAC]",
        "the [VAWG] delivery plan",
    ),
    exponent=1.0,
)
TAILS = Bank(
    (
        "",
        " since the last meeting",
        " across all local policing areas",
        " over the previous year",
        " as part of the delivery plan",
        " in line with national guidance",
        " following the inspection",
        " at a strategic level",
        " at a tactical level",
        " with the support of the [OPCC]",
    ),
    exponent=0.7,
)
ACTION_VERBS = Bank(
    (
        "provide details of",
        "share the outcome of",
        "report back on",
        "provide a breakdown of",
        "present a paper on",
        "confirm the timescale for",
        "set out the plan for",
        "circulate the findings on",
        "bring an update on",
        "review",
    ),
    exponent=0.8,
)
ACTION_TAILS = Bank(
    (
        "",
        " with the PCC's office",
        " to the next meeting",
        " to the PCC",
        " before the next meeting",
    ),
    exponent=0.8,
)
STATUS_WORDS: dict[ActionStatus, tuple[str, ...]] = {
    ActionStatus.COMPLETED: ("Completed", "Complete", "Closed"),
    ActionStatus.OPEN: ("Open", "Remains open"),
    ActionStatus.IN_PROGRESS: ("In progress", "Ongoing"),
    ActionStatus.DEFERRED: ("Deferred",),
}
STATUS_BANK = Bank(
    (ActionStatus.COMPLETED, ActionStatus.IN_PROGRESS, ActionStatus.OPEN, ActionStatus.DEFERRED),
    weights=(0.55, 0.2, 0.15, 0.1),
)
STATUS_NOTES: dict[ActionStatus, tuple[str, ...]] = {
    ActionStatus.COMPLETED: (
        "The information had been circulated to members.",
        "The paper was received by the OPCC and the action was closed.",
        "The update was provided in the briefing note.",
    ),
    ActionStatus.OPEN: (
        "The work had not yet started.",
        "The action remains open until the full report is received.",
    ),
    ActionStatus.IN_PROGRESS: (
        "An interim update was given at the meeting.",
        "Work is under way and will be reported at the next meeting.",
    ),
    ActionStatus.DEFERRED: (
        "The item was deferred to the next meeting.",
        "The lead officer had been on leave and the update was deferred.",
    ),
}

KINDS = Bank(
    (
        MeetingKind.MONTHLY_ASSURANCE,
        MeetingKind.THEMATIC,
        MeetingKind.PERFORMANCE,
        MeetingKind.ACCOUNTABILITY_BOARD,
        MeetingKind.POLICE_AND_CRIME_PANEL,
    ),
    weights=(0.32, 0.24, 0.2, 0.14, 0.1),
)
KIND_NAMES = {
    MeetingKind.MONTHLY_ASSURANCE: "Monthly Assurance Meeting",
    MeetingKind.THEMATIC: "Thematic Meeting",
    MeetingKind.PERFORMANCE: "Performance Meeting",
    MeetingKind.ACCOUNTABILITY_BOARD: "Accountability Board",
    MeetingKind.POLICE_AND_CRIME_PANEL: "Police and Crime Panel",
}
KIND_SLUGS = {
    MeetingKind.MONTHLY_ASSURANCE: "monthly-assurance",
    MeetingKind.THEMATIC: "thematic",
    MeetingKind.PERFORMANCE: "performance",
    MeetingKind.ACCOUNTABILITY_BOARD: "accountability-board",
    MeetingKind.POLICE_AND_CRIME_PANEL: "police-and-crime-panel",
}
SUB_ITEM_FORMS = Bank(("headed", "paragraphs", "none"), weights=(0.45, 0.35, 0.2))
METRIC_UNITS = Bank(
    (MetricUnit.PERCENT, MetricUnit.COUNT, MetricUnit.MONEY, MetricUnit.RATE),
    weights=(0.45, 0.35, 0.12, 0.08),
)
# Roles that attend each kind of meeting (beyond chair and minute taker), most likely first.
ATTENDING: dict[MeetingKind, tuple[tuple[str, float], ...]] = {
    MeetingKind.MONTHLY_ASSURANCE: (
        ("cc", 0.9),
        ("dcc", 0.85),
        ("cex", 0.7),
        ("acc_lp", 0.5),
        ("acc_cpp", 0.4),
        ("cfo", 0.3),
        ("so", 0.3),
        ("hcm", 0.2),
    ),
    MeetingKind.THEMATIC: (
        ("cc", 0.6),
        ("dcc", 0.8),
        ("cex", 0.6),
        ("acc_cpp", 0.8),
        ("dcs_pp", 0.7),
        ("hpa", 0.3),
    ),
    MeetingKind.PERFORMANCE: (
        ("dpcc", 0.5),
        ("cex", 0.8),
        ("hpa", 0.9),
        ("cc", 0.85),
        ("dcc", 0.85),
        ("acc_lp", 0.6),
        ("hcm", 0.4),
        ("dof", 0.3),
    ),
    MeetingKind.ACCOUNTABILITY_BOARD: (
        ("dpcc", 0.5),
        ("cex", 0.9),
        ("cfo", 0.9),
        ("cc", 0.9),
        ("dcc", 0.8),
        ("dof", 0.85),
        ("dop", 0.7),
    ),
    MeetingKind.POLICE_AND_CRIME_PANEL: (("pcc", 1.0), ("cex", 0.9), ("cfo", 0.6)),
}
# Items of a Police and Crime Panel, and the topic whose phrases their prose draws on.
PANEL_ITEMS = (
    ("Proposed police precept", "Finance and budget monitoring"),
    ("Police and Crime Plan delivery report", None),
    ("PCC's annual report", None),
    ("Complaints against the PCC", "Professional standards and complaints"),
    ("Commissioning of victim services", "Victim services and the Victims' Code"),
    ("Estates strategy", "Finance and budget monitoring"),
)
PLURAL_SUBJECTS = frozenset(
    (
        "officers",
        "supervisors",
        "partners",
        "neighbourhood teams",
        "investigators",
        "local policing areas",
        "the [CSP+s]",
        "frontline staff",
    )
)

# --------------------------------------------------------------------------- text styles


@dataclass(frozen=True)
class TextStyle:
    """How a house style lays out blocks as plain text."""

    name: str
    indent: str
    heading: str
    sub_heading: str
    numbered: str
    field: str
    bullet: str
    blank_before_heading: bool
    wrap: int = 0
    footer: bool = False


TEXT_STYLES: dict[str, TextStyle] = {
    s.name: s
    for s in (
        TextStyle("tabbed", "\t", "{n}.\t{t}", "{n}\t{t}", "{n}\t{x}", "- {l}: {v}", "• ", False),
        TextStyle("ruled", "\t", "{n}.\t{t}", "{n}\t{t}", "{n}\t{x}", "{l}:\t{v}", "• ", True),
        TextStyle("plain", "", "{n}. {t}", "{n} {t}", "{n} {x}", "{l}: {v}", "- ", True),
        TextStyle("paren", "", "{n}) {t}", "{n} {t}", "{n} {x}", "{l}: {v}", "- ", True),
        TextStyle(
            "wrapped", "", "{n}. {t}", "{n} {t}", "{n} {x}", "{l}: {v}", "• ", True, 92, True
        ),
        TextStyle("panel", "", "Item {n}\t{t}", "{n}\t{t}", "{n}\t{x}", "{l}: {v}", "• ", True),
    )
}
HOUSE_STYLES = Bank(("tabbed", "ruled", "plain", "paren", "wrapped"), exponent=0.4)

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _kind_label(kind: MeetingKind, theme: str | None) -> str:
    """``Performance Meeting``, ``Thematic Meeting: Domestic Abuse``."""
    if kind == MeetingKind.THEMATIC and theme:
        return f"Thematic Meeting: {THEME_NAMES[theme]}"
    return KIND_NAMES[kind]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def long_date(day: dt.date) -> str:
    """``26 February 2021``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _date_phrase(rng: random.Random, day: dt.date, *, weekday: bool | None = None) -> str:
    with_weekday = rng.random() < 0.6 if weekday is None else weekday
    prefix = f"{WEEKDAYS[day.weekday()]} " if with_weekday else ""
    day_text = _ordinal(day.day) if rng.random() < 0.2 else str(day.day)
    return f"{prefix}{day_text} {MONTHS[day.month - 1]} {day.year}"


def _time_phrase(rng: random.Random, at: dt.time) -> str:
    hour12 = at.hour % 12 or 12
    suffix = "am" if at.hour < 12 else "pm"
    form = rng.randrange(5)
    if form == 0:
        return f"{at.hour:02d}:{at.minute:02d}"
    if form == 1:
        return f"{hour12}.{at.minute:02d}{suffix}"
    if form == 2:
        return f"{hour12}:{at.minute:02d} {suffix}"
    if form == 3 and at.minute == 0:
        return f"{hour12}{suffix}"
    return f"{hour12}.{at.minute:02d}{suffix}"


def _twelve_hour(at: dt.time) -> str:
    return f"{at.hour % 12 or 12}.{at.minute:02d}{'am' if at.hour < 12 else 'pm'}"


def _time_range(rng: random.Random, start: dt.time) -> str:
    minutes = start.hour * 60 + start.minute + rng.choice((90, 120, 135, 150, 180))
    end = dt.time(minutes // 60, minutes % 60)
    if rng.random() < 0.5:
        return f"{start.hour:02d}:{start.minute:02d} – {end.hour:02d}:{end.minute:02d}"
    return f"{_twelve_hour(start)} – {_twelve_hour(end)}"


# --------------------------------------------------------------------------- schedule


@dataclass(frozen=True)
class Slot:
    """When and where a meeting is held, decided before its content."""

    force: Force
    kind: MeetingKind
    date: dt.date
    theme: str | None = None


_WEEKDAY_WEIGHTS = Bank((1, 2, 3, 0, 4), weights=(0.25, 0.3, 0.25, 0.12, 0.08))
_SPAN_DAYS = (LAST_DATE - FIRST_DATE).days


def _random_meeting_day(rng: random.Random) -> dt.date:
    start = FIRST_DATE + dt.timedelta(days=rng.randrange(_SPAN_DAYS - 7))
    monday = start - dt.timedelta(days=start.weekday())
    return monday + dt.timedelta(days=_WEEKDAY_WEIGHTS.pick(rng))


def _draw_kind(rng: random.Random) -> tuple[MeetingKind, str | None]:
    kind = KINDS.pick(rng)
    theme = rng.choice(THEMATIC_TOPICS).theme if kind == MeetingKind.THEMATIC else None
    return kind, theme


def plan_schedule(rng: random.Random, meetings: int) -> list[Slot]:
    """Slots for ``meetings`` meetings in date order.

    Forces take turns (so a few hundred meetings cover every force) and dates are
    spread over the whole period. No force holds two meetings of one kind on one
    day, and (while days remain) no two meetings share a kind and a day, so a
    meeting is identified by its kind and date even where its body is not read.
    """
    order = list(FORCES)
    rng.shuffle(order)
    taken_kind_day: set[tuple[MeetingKind, dt.date]] = set()
    taken: set[tuple[str, MeetingKind, dt.date]] = set()
    slots: list[Slot] = []
    for index in range(meetings):
        force = order[index % len(order)]
        kind, theme = _draw_kind(rng)
        day = _random_meeting_day(rng)
        for _ in range(40):
            if (kind, day) not in taken_kind_day:
                break
            day = _random_meeting_day(rng)
        while (force.area, kind, day) in taken:
            day = _random_meeting_day(rng)
        taken_kind_day.add((kind, day))
        taken.add((force.area, kind, day))
        slots.append(Slot(force, kind, day, theme))
    slots.sort(key=lambda s: (s.date, s.force.area, s.kind.value))
    return slots


# --------------------------------------------------------------------------- cast


# Initials that would read as a role, an acronym or a word ("CC to provide ...").
RESERVED_INITIALS = frozenset(
    {role.abbreviation.upper() for role in ROLES.values()}
    | set(ACRONYMS)
    | {"AM", "PM", "AN", "AS", "AT", "BY", "IF", "IN", "IS", "IT", "NO", "OF", "ON", "OR", "TO"}
    | {"UP", "US", "WE", "HO", "OK", "ACC", "DCS", "DPCC", "CEX", "DOF", "DOP"}
)


def _new_name(rng: random.Random, taken_initials: set[str], taken_names: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        initials = _initials(name)
        if (
            initials not in taken_initials
            and initials.upper() not in RESERVED_INITIALS
            and name not in taken_names
        ):
            return name


def _cast_for(
    rng: random.Random, day: dt.date, previous: GeneratedMeeting | None
) -> dict[str, str]:
    """Who holds each role on ``day``: the previous meeting's cast with some turnover."""
    cast = dict(previous.cast) if previous else {}
    roles = (*ROLES, *PANEL_SEATS)
    if previous is not None:
        elected = any(previous.date < e <= day for e in ELECTIONS)
        for role in roles:
            leaves = rng.random() < (0.5 if role in ("pcc", "dpcc") and elected else 0.02)
            if leaves:
                cast.pop(role, None)
    missing = [role for role in roles if role not in cast]
    if not missing:
        return cast
    names = set(cast.values())
    initials = {_initials(n) for n in names}
    for role in missing:
        cast[role] = _new_name(rng, initials, names)
        names.add(cast[role])
        initials.add(_initials(cast[role]))
    return cast


# --------------------------------------------------------------------------- writing
# (House, object banks and clause pools are built on first use and are the same for every seed.)


@dataclass(frozen=True)
class House:
    """What stays the same in one force's documents whatever the seed: style, names, places."""

    style: str
    force_name: str
    street: str
    councils: tuple[str, ...]


_HOUSES: dict[str, House] = {}


def _house(force: Force) -> House:
    house = _HOUSES.get(force.area)
    if house is None:
        rng = random.Random(force.area)
        style = HOUSE_STYLES.pick(rng)
        force_name = f"{force.area} {'Police' if rng.random() < 0.6 else 'Constabulary'}"
        councils = (
            f"{force.area} County Council",
            f"{force.town} Borough Council",
            *(f"{d} District Council" for d in rng.sample(DISTRICTS, 3)),
        )
        house = House(style, force_name, rng.choice(STREETS), councils)
        _HOUSES[force.area] = house
    return house


def _zipf_weights(count: int, exponent: float, total: float) -> list[float]:
    raw = [1.0 / rank**exponent for rank in range(1, count + 1)]
    scale = total / sum(raw)
    return [w * scale for w in raw]


def _subject_verb_bank() -> Bank[tuple[str, str]]:
    """Subjects and verbs drawn together (weights multiply), with the verb agreeing."""
    pairs: list[tuple[str, str]] = []
    weights: list[float] = []
    subject_weights = _zipf_weights(len(SUBJECTS.items), 1.1, 1.0)
    verb_weights = _zipf_weights(len(VERBS.items), 0.9, 1.0)
    for subject, subject_weight in zip(SUBJECTS.items, subject_weights, strict=True):
        for verb, verb_weight in zip(VERBS.items, verb_weights, strict=True):
            if subject in PLURAL_SUBJECTS and verb.startswith("was "):
                verb = "were " + verb[4:]
            pairs.append((subject, verb))
            weights.append(subject_weight * verb_weight)
    return Bank(pairs, weights=weights)


SUBJECT_VERBS = _subject_verb_bank()
_OBJECT_BANKS: dict[str, Bank[str]] = {}
_CLAUSE_POOLS: dict[str, tuple[str | TokenParts, ...]] = {}
CLAUSE_POOL_SIZE = 4096


def _topic_objects(topic: Topic) -> Bank[str]:
    """A topic's own phrases (70% of draws) and the phrases every topic shares (30%)."""
    bank = _OBJECT_BANKS.get(topic.title)
    if bank is None:
        own = _zipf_weights(len(topic.objects), 0.8, 0.7)
        shared = _zipf_weights(len(GENERIC_OBJECTS.items), 1.0, 0.3)
        bank = Bank((*topic.objects, *GENERIC_OBJECTS.items), weights=own + shared)
        _OBJECT_BANKS[topic.title] = bank
    return bank


def _clause_pool(topic: Topic) -> tuple[str | TokenParts, ...]:
    """Clauses ("subject verb object tail") for a topic, drawn once from the weighted banks.

    A sentence takes its clause from the pool, which keeps the banks' Zipf-like
    frequencies at a fraction of the cost of drawing every part anew.
    """
    pool = _CLAUSE_POOLS.get(topic.title)
    if pool is None:
        rng = random.Random(f"clauses/{topic.title}")
        subject_verb = SUBJECT_VERBS.picker(rng)
        phrase = _topic_objects(topic).picker(rng)
        tail = TAILS.picker(rng)
        clauses = (
            f"{subject} {verb} {phrase()}{tail()}"
            for subject, verb in (subject_verb() for _ in range(CLAUSE_POOL_SIZE))
        )
        # Clauses with acronym tokens are kept split, ready to expand.
        pool = tuple(_split_tokens(c) if "[" in c else c for c in clauses)
        _CLAUSE_POOLS[topic.title] = pool
    return pool


class _Writer:
    """Builds one meeting's blocks and ground truth, in document order."""

    def __init__(
        self, rng: random.Random, index: int, slot: Slot, previous: GeneratedMeeting | None
    ) -> None:
        self.rng = rng
        self.random = rng.random
        self.index = index
        self.slot = slot
        self.previous = previous
        self.day = slot.date
        self.cast = _cast_for(rng, slot.date, previous)
        self.blocks: list[Block] = []
        self.items: list[ItemTruth] = []
        self.paragraphs: list[str] = []
        self.actions: list[ActionTruth] = []
        self.metrics: list[MetricTruth] = []
        self.introduced: dict[str, str] = {}
        self._used_codes: set[str] = set()
        self._expanded: dict[str, str] = {}
        self.sentences: set[str] = set()
        self.action_count = 0
        self._pick_tail = TAILS.picker(rng)
        self._pick_action_verb = ACTION_VERBS.picker(rng)
        self._pick_action_tail = ACTION_TAILS.picker(rng)
        self._object_pickers: dict[str, Callable[[], str]] = {}
        house = _house(slot.force)
        self.style = house.style if rng.random() < 0.85 else HOUSE_STYLES.pick(rng)
        if slot.kind == MeetingKind.POLICE_AND_CRIME_PANEL and rng.random() < 0.6:
            self.style = "panel"
        self.numbered_actions = rng.random() < 0.75
        # "headed": 2.1 Title; "paragraphs": 2.1 The PCC asked ...; "none": no sub-items.
        self.sub_items = SUB_ITEM_FORMS.pick(rng)
        self.force_name = house.force_name
        self.street = house.street
        self.councils = house.councils

    # ---- vocabulary helpers

    def expand(self, phrase: str) -> str:
        """Replace ``[CODE]`` / ``[CODE+s]`` tokens by the acronym, or its long form on first use.

        Each code's form is decided at its first use in the document: the long form with the
        acronym in brackets (the acronym is then defined), the long form alone, or the bare
        acronym; later uses are the bare acronym, so a phrase expands the same way from then on.
        """
        if "[" not in phrase:
            return phrase
        cached = self._expanded.get(phrase)
        if cached is not None:
            return cached
        parts = _TOKEN_PARTS.get(phrase)
        if parts is None:
            parts = _TOKEN_PARTS[phrase] = _split_tokens(phrase)
        settled = all(code in self._used_codes for _, code, _ in parts if code)
        text = self.expand_parts(parts)
        if settled:
            self._expanded[phrase] = text
        return text

    def expand_parts(self, parts: TokenParts) -> str:
        out: list[str] = []
        for literal, code, plural in parts:
            out.append(literal)
            if code:
                out.append(self._acronym(code, plural))
        return "".join(out)

    def _acronym(self, code: str, plural: bool) -> str:
        long_form = ACRONYMS[code][1 if plural else 0] if code in ACRONYMS else code
        if code == "HMICFRS":
            if self.day < _HMICFRS_FORMED:
                code, long_form = "HMIC", _HMIC
            else:
                crown = "His" if self.day >= _HIS_MAJESTY_FROM else "Her"
                long_form = (
                    f"{crown} Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
                )
        short = f"{code}s" if plural else code
        if code in self._used_codes:
            return short
        self._used_codes.add(code)
        if code == "HMIC":
            self._used_codes.add("HMICFRS")
        roll = self.random()
        if roll < 0.45:
            self.introduced[code] = ACRONYMS[code][0] if code in ACRONYMS else long_form
            return f"{long_form} ({short})"
        return long_form if roll < 0.55 else short

    def person(self, role: str) -> str:
        return self.cast[role]

    # ---- top level

    def write(self) -> GeneratedMeeting:
        slot = self.slot
        kind = slot.kind
        self.start = self.rng.choice((dt.time(10), dt.time(10), dt.time(9, 30), dt.time(14)))
        if kind == MeetingKind.POLICE_AND_CRIME_PANEL:
            self.start = self.rng.choice((dt.time(10, 30), dt.time(14), dt.time(18)))
        self.venue = self._venue()
        self._choose_attendance()
        self._references()
        self.title = self._title()
        self.body = (
            f"{slot.force.area} Police and Crime Panel"
            if kind == MeetingKind.POLICE_AND_CRIME_PANEL
            else self.rng.choice(
                (
                    f"Office of the Police and Crime Commissioner for {slot.force.area}",
                    f"{slot.force.area} Police and Crime Commissioner",
                )
            )
        )
        self._header()
        self._agenda()
        style = TEXT_STYLES[self.style]
        text = render_text(self.blocks, style, footer=self._footer() if style.footer else None)
        file_name = f"{slot.force.slug}-{self._kind_slug()}-{self.day.isoformat()}.txt"
        return GeneratedMeeting(
            index=self.index,
            file_name=file_name,
            force=slot.force.area,
            body=self.body,
            kind=kind,
            theme=slot.theme,
            title=self.title,
            date=self.day,
            start_time=self.start,
            venue=self.venue,
            chair=self.chair.name,
            minute_taker=self.minute_taker.name,
            attendees=tuple(self.attendees),
            items=tuple(self.items),
            paragraphs=tuple(self.paragraphs),
            actions=tuple(self.actions),
            metrics=tuple(self.metrics),
            next_meeting=self.next_meeting,
            acronyms=tuple(sorted(self.introduced.items())),
            style=self.style,
            blocks=tuple(self.blocks),
            text=text,
            cast=tuple(sorted(self.cast.items())),
        )

    def _kind_slug(self) -> str:
        if self.slot.theme:
            return f"thematic-{_slug(THEME_NAMES[self.slot.theme])}"
        return KIND_SLUGS[self.slot.kind]

    def _footer(self) -> str:
        label = _kind_label(self.slot.kind, self.slot.theme)
        return f"{self.slot.force.area} OPCC | {label} | {long_date(self.day)} | OFFICIAL"

    def _venue(self) -> str:
        force, rng = self.slot.force, self.rng
        if dt.date(2020, 3, 23) <= self.day <= dt.date(2021, 6, 30) and rng.random() < 0.8:
            return rng.choice(("Virtual (Microsoft Teams)", "Virtual", "Virtual meeting"))
        if self.slot.kind == MeetingKind.POLICE_AND_CRIME_PANEL:
            return f"County Hall, {force.town}"
        return rng.choice(
            (
                f"Committee Room {rng.randint(1, 4)}, {self.force_name} Headquarters, "
                f"{self.street}, {force.town}",
                f"Conference Room, OPCC Offices, {rng.randint(2, 40)} {self.street}, {force.town}",
                f"Boardroom, {self.force_name} Headquarters, {force.town}",
            )
        )

    def _title(self) -> str:
        kind, rng = self.slot.kind, self.rng
        month_year = f"{MONTHS[self.day.month - 1]} {self.day.year}"
        if kind == MeetingKind.THEMATIC:
            theme = THEME_NAMES[self.slot.theme or "DA"]
            return rng.choice(
                (
                    f"Thematic Meeting: {theme} – {month_year}",
                    f"Thematic Assurance Meeting – {theme} – {month_year}",
                    f"{theme} Thematic Meeting {month_year}",
                )
            )
        if kind == MeetingKind.POLICE_AND_CRIME_PANEL:
            return f"{self.slot.force.area} Police and Crime Panel – {month_year}"
        name = KIND_NAMES[kind]
        if kind == MeetingKind.PERFORMANCE and rng.random() < 0.3:
            name = "Quarterly Performance Meeting"
        if kind == MeetingKind.ACCOUNTABILITY_BOARD and rng.random() < 0.4:
            name = "Police Accountability Board"
        return rng.choice(
            (
                f"{name} {month_year} – Meeting Notes",
                f"{name} – {month_year}",
                f"{name} – Minutes – {month_year}",
            )
        )

    # ---- attendance

    def _choose_attendance(self) -> None:
        rng, kind = self.rng, self.slot.kind
        panel = kind == MeetingKind.POLICE_AND_CRIME_PANEL
        self.show_abbreviations = rng.random() < 0.75
        attendees: list[Attendee] = []
        apologies: list[Attendee] = []

        def add(role: str, status: AttendanceStatus, capacity: str | None = None) -> Attendee:
            spec = ROLES.get(role)
            attendee = Attendee(
                name=self.person(role),
                capacity=capacity or (spec.capacity if spec else ""),
                abbreviation=spec.abbreviation if spec and self.show_abbreviations else None,
                status=status,
                role=role,
            )
            (apologies if status == AttendanceStatus.APOLOGIES else attendees).append(attendee)
            return attendee

        if panel:
            seats = PANEL_SEATS[: rng.randint(5, 8)]
            for n, seat in enumerate(seats):
                council = self.councils[n % len(self.councils)]
                if n == len(seats) - 1:
                    council = "Independent Co-opted Member"
                label = "Chair" if n == 0 else ("Vice-Chair" if n == 1 else "")
                capacity = f"{label}, {council}" if label else council
                add(seat, AttendanceStatus.PRESENT, capacity)
            self.chair = attendees[0]
            for role, chance in ATTENDING[kind]:
                if rng.random() < chance:
                    add(role, AttendanceStatus.IN_ATTENDANCE)
            self.minute_taker = add("pso", AttendanceStatus.IN_ATTENDANCE)
        else:
            chair_role = "dpcc" if rng.random() < 0.08 else "pcc"
            self.chair = add(chair_role, AttendanceStatus.PRESENT)
            taker_role = rng.choice(("spo", "go"))
            for role, chance in ATTENDING[kind]:
                if role == chair_role:
                    continue
                roll = rng.random()
                if roll < chance:
                    add(role, AttendanceStatus.PRESENT)
                elif roll < chance + 0.12 and len(apologies) < 2:
                    add(role, AttendanceStatus.APOLOGIES)
            self.minute_taker = add(taker_role, AttendanceStatus.PRESENT)
            # A chief officer answers for the force at every meeting.
            if not any(a.role in ("cc", "dcc") for a in attendees):
                away = {a.role for a in apologies}
                stand_in = next((r for r in ("dcc", "cc") if r not in away), None)
                if stand_in:
                    add(stand_in, AttendanceStatus.PRESENT)
        self.attendees = attendees + apologies
        self.present = attendees
        askers = ("pso",) if panel else ("pcc", "dpcc", "spo", "go")
        self.responders = [
            a
            for a in attendees
            if a.role not in askers and a is not self.chair and not a.role.startswith("member")
        ] or [self.chair]

    def _written_capacity(self, person: Attendee) -> str:
        if person.abbreviation:
            return f"{person.capacity} ({person.abbreviation})"
        return person.capacity

    def _header(self) -> None:
        rng, kind = self.rng, self.slot.kind
        if kind == MeetingKind.POLICE_AND_CRIME_PANEL:
            self._panel_header()
            return
        form = rng.choice(("seed", "fields", "present", "minutes-of", "fields"))
        if self.style == "tabbed" and rng.random() < 0.6:
            form = "seed"
        blocks = self.blocks
        taker_label = rng.choice(("Minutes", "Minute taker", "Notes"))
        if form == "seed":
            blocks.append(Title(self.title))
            # Minutes of this kind often give the date without a year (the title has it).
            day = _date_phrase(rng, self.day, weekday=True)
            if rng.random() < 0.4:
                day = day.rsplit(" ", 1)[0]
            blocks.append(Field("Date", f"{day}, {_time_phrase(rng, self.start)}"))
            blocks.append(Field("Chair", self.chair.name))
            blocks.append(
                Field(taker_label, f"{self.minute_taker.name}, {self.minute_taker.capacity}")
            )
            blocks.append(Field("Venue", self.venue))
            self._attendance_table(lead=rng.random() < 0.7)
        elif form == "fields":
            blocks.append(Title(self.body))
            blocks.append(Title(self.title))
            date_text = (
                f"{self.day.day:02d}/{self.day.month:02d}/{self.day.year}"
                if rng.random() < 0.25
                else _date_phrase(rng, self.day)
            )
            blocks.append(Field("Date", date_text))
            blocks.append(Field("Time", _time_range(rng, self.start)))
            blocks.append(Field("Venue", self.venue))
            blocks.append(Field("Chair", f"{self.chair.name}, {self.chair.capacity}"))
            blocks.append(
                Field(taker_label, f"{self.minute_taker.name}, {self.minute_taker.capacity}")
            )
            self._attendance_table(lead=False)
        elif form == "minutes-of":
            blocks.append(Title(f"{self.body} – {self.title}"))
            blocks.append(
                Line(
                    f"Minutes of the meeting held on {_date_phrase(rng, self.day, weekday=True)}"
                    f" at {_time_phrase(rng, self.start)}"
                )
            )
            blocks.append(Field("Venue", self.venue))
            blocks.append(Field("Chair", f"{self.chair.name}, {self.chair.capacity}"))
            blocks.append(Field(taker_label, self.minute_taker.name))
            self._attendance_table(lead=False)
        else:
            upper = rng.random() < 0.5
            blocks.append(Title(self.body.upper() if upper else self.body))
            blocks.append(Title(self.title.upper() if upper else self.title))
            blocks.append(
                Line(
                    f"{_date_phrase(rng, self.day, weekday=True)}, {_time_phrase(rng, self.start)}"
                )
            )
            blocks.append(Line(self.venue))
            self._attendance_lists()

    def _panel_header(self) -> None:
        rng = self.rng
        area = self.slot.force.area
        self.blocks.append(Title(f"{area.upper()} POLICE AND CRIME PANEL"))
        self.blocks.append(Title(self.title))
        self.blocks.append(
            Line(
                f"Minutes of the meeting of the {area} Police and Crime Panel held at {self.venue}"
                f" on {_date_phrase(rng, self.day, weekday=True)}"
                f" at {_time_phrase(rng, self.start)}"
            )
        )
        self._attendance_lists()

    def _attendance_table(self, *, lead: bool) -> None:
        header = ("Name:", "Capacity:") if self.rng.random() < 0.5 else ("Name", "Capacity")
        rows = tuple((a.name, self._written_capacity(a)) for a in self.present)
        self.blocks.append(Table(header, rows, "Attendance:" if lead else None))
        self._apologies_line()

    def _apologies_line(self) -> None:
        away = [a for a in self.attendees if a.status == AttendanceStatus.APOLOGIES]
        if away:
            names = "; ".join(f"{a.name}, {a.capacity}" for a in away)
            self.blocks.append(Line(f"Apologies: {names}"))

    def _attendance_lists(self) -> None:
        panel = self.slot.kind == MeetingKind.POLICE_AND_CRIME_PANEL
        present = [a for a in self.present if a.status == AttendanceStatus.PRESENT]
        attending = [a for a in self.present if a.status == AttendanceStatus.IN_ATTENDANCE]
        if not panel and self.rng.random() < 0.5:
            # Officers and staff below chief officer rank are "in attendance".
            attending = [
                a for a in present if a.role in ("hpa", "hcm", "so", "spo", "go", "dcs_pp")
            ]
            present = [a for a in present if a not in attending]

        def entry(a: Attendee) -> str:
            if panel and a.role.startswith("member"):
                parts = a.capacity.split(", ")
                marker = f" ({parts[0]})" if len(parts) > 1 else ""
                return f"{_member_name(a)}{marker} – {parts[-1]}"
            if a.abbreviation:
                text = f"{a.name}, {self._written_capacity(a)}"
                marks = {self.chair.name: " – Chair", self.minute_taker.name: " – minutes"}
            else:
                text = f"{a.name} ({a.capacity})"
                marks = {self.chair.name: " (Chair)", self.minute_taker.name: " – minutes"}
            return text + marks.get(a.name, "")

        self.blocks.append(Line("Present:"))
        self.blocks.extend(Line(entry(a), listed=True) for a in present)
        if attending:
            self.blocks.append(Line("In attendance:"))
            self.blocks.extend(Line(entry(a), listed=True) for a in attending)
        away = [a for a in self.attendees if a.status == AttendanceStatus.APOLOGIES]
        if away:
            self.blocks.append(Line("Apologies:"))
            self.blocks.extend(Line(f"{a.name} ({a.capacity})", listed=True) for a in away)

    # ---- agenda

    def _agenda(self) -> None:
        rng = self.rng
        target = rng.randint(4, 9)
        procedural_start: list[Callable[[str], None]] = []
        if rng.random() < 0.45:
            procedural_start.append(self._welcome_item)
        if self.previous is not None and rng.random() < 0.85:
            procedural_start.append(self._matters_arising_item)
        closing: list[Callable[[str], None]] = []
        if rng.random() < 0.8:
            closing.append(self._aob_item)
        numbered_next = rng.random() < 0.35
        if numbered_next:
            closing.append(self._next_meeting_item)
        topics = max(2, target - len(procedural_start) - len(closing))
        number = 0
        for write_item in procedural_start:
            number += 1
            write_item(str(number))
        for topic, title in self._topics(topics):
            number += 1
            self._topic_item(str(number), topic, title)
        for write_item in closing:
            number += 1
            write_item(str(number))
        if not numbered_next:
            self._next_meeting_line()

    def _topics(self, count: int) -> list[tuple[Topic, str]]:
        rng, slot = self.rng, self.slot
        if slot.kind == MeetingKind.THEMATIC:
            topic = next(t for t in THEMATIC_TOPICS if t.theme == slot.theme)
            titles = list(topic.subtopics)
            rng.shuffle(titles)
            first = f"Holding to account – {THEME_NAMES[topic.theme or 'DA']}"
            chosen = [first, *titles][:count]
            while len(chosen) < count:
                extra = THEMATIC_SUBTITLES.pick(rng)
                if extra not in chosen:
                    chosen.append(extra)
            return [(topic, title) for title in chosen]
        if slot.kind == MeetingKind.POLICE_AND_CRIME_PANEL:
            chosen_panel = rng.sample(PANEL_ITEMS, min(count, len(PANEL_ITEMS)))
            result = []
            for title, topic_title in chosen_panel:
                topic = next((t for t in TOPICS if t.title == topic_title), None) or (
                    TOPIC_BANK.pick(rng)
                )
                if title == "Proposed police precept":
                    title = f"{title} {self.day.year}/{(self.day.year + 1) % 100:02d}"
                result.append((topic, title))
            return result
        seen: set[str] = set()
        picked: list[tuple[Topic, str]] = []
        while len(picked) < count:
            topic = TOPIC_BANK.pick(rng)
            if topic.title in seen or not topic.since <= self.day <= topic.until:
                continue
            seen.add(topic.title)
            picked.append((topic, topic.title))
        return picked

    def _add_item(self, number: str, title: str, parent: str | None) -> None:
        self.items.append(ItemTruth(number, title, parent))

    def _heading(self, number: str, title: str) -> None:
        self.blocks.append(Heading(number, title, 1))
        self._add_item(number, title, None)

    def _welcome_item(self, number: str) -> None:
        rng = self.rng
        title = rng.choice(("Welcome and apologies", "Welcome and introductions", "Apologies"))
        self._heading(number, title)
        chair = "The Chair" if self.slot.kind == MeetingKind.POLICE_AND_CRIME_PANEL else "The PCC"
        text = f"{chair} welcomed everyone to the meeting."
        away = [a for a in self.attendees if a.status == AttendanceStatus.APOLOGIES]
        if away:
            text += f" Apologies were received from {away[0].name}."
        else:
            text += " There were no apologies."
        self.blocks.append(Para(text))

    def _matters_arising_item(self, number: str) -> None:
        rng = self.rng
        previous = self.previous
        assert previous is not None
        title = rng.choice(
            (
                "Matters arising",
                "Outstanding Matters / Matters arising",
                "Minutes and actions of the last meeting",
                "Action log and matters arising",
            )
        )
        self._heading(number, title)
        prev_name = _kind_label(previous.kind, previous.theme)
        self.blocks.append(
            Para(
                f"The minutes of the {prev_name} held on {long_date(previous.date)} were agreed"
                " as an accurate record. Actions from that meeting were reviewed:"
            )
        )
        carried = [a for a in previous.actions if not a.carried and self._resolves(a)][:4]
        # As sub-items (the action as heading, the update below it) or as plain action lines.
        headed = self.sub_items == "headed" and rng.random() < 0.5
        for position, action in enumerate(carried, start=1):
            status = STATUS_BANK.pick(rng)
            label = f"Action {action.reference}:" if action.reference else "ACTION:"
            update = f"{rng.choice(STATUS_WORDS[status])}."
            if rng.random() < 0.6:
                update += " " + rng.choice(STATUS_NOTES[status])
            item = number
            if headed:
                item = f"{number}.{position}"
                heading = f"{label} {action.owner_text} to {action.text}"
                self.blocks.append(Heading(item, heading, 2))
                self._add_item(item, heading, number)
                self.blocks.append(Para(f"Update: {update}"))
            else:
                self.blocks.append(
                    ActionLine(label, f"{action.owner_text} to {action.text} – {update}")
                )
            self.actions.append(
                ActionTruth(
                    reference=action.reference,
                    text=action.text,
                    owner_text=action.owner_text,
                    owners=action.owners,
                    item=item,
                    due_date=action.due_date,
                    status=status,
                    origin_title=previous.title,
                    origin_date=previous.date,
                )
            )
        if not carried:
            self.blocks.append(Para("There were no outstanding actions."))

    def _aob_item(self, number: str) -> None:
        title = self.rng.choice(("Any other business", "AOB", "Any Other Business"))
        self._heading(number, title)
        self.blocks.append(Para(self.rng.choice(("None.", "There was no other business."))))

    def _next_meeting(self) -> NextMeetingTruth:
        if not hasattr(self, "next_meeting"):
            rng = self.rng
            gap = rng.choice((28, 28, 35, 42, 56, 84))
            day = self.day + dt.timedelta(days=gap)
            day -= dt.timedelta(days=max(0, day.weekday() - 4))
            kind = self.slot.kind if rng.random() < 0.7 else KINDS.pick(rng)
            self.next_meeting = NextMeetingTruth(kind, day, self.start)
        return self.next_meeting

    def _next_kind_phrase(self, truth: NextMeetingTruth) -> str:
        if truth.kind == MeetingKind.THEMATIC:
            topic = self.rng.choice(THEMATIC_TOPICS)
            return f"Thematic on {THEME_NAMES[topic.theme or 'DA']}"
        return KIND_NAMES[truth.kind]

    def _next_meeting_item(self, number: str) -> None:
        truth = self._next_meeting()
        self._heading(number, "Confirmation of next meeting type / date / time / venue:")
        self.blocks.append(Para(self._next_kind_phrase(truth)))
        self.blocks.append(
            Para(f"{long_date(truth.date)} at {_time_phrase(self.rng, truth.start_time)}")
        )

    def _next_meeting_line(self) -> None:
        truth = self._next_meeting()
        rng = self.rng
        when = f"{_date_phrase(rng, truth.date, weekday=True)}"
        at = _time_phrase(rng, truth.start_time)
        if rng.random() < 0.5:
            self.blocks.append(Line(f"Date of next meeting: {when}, {at}"))
        else:
            self.blocks.append(
                Line(f"Next meeting: {self._next_kind_phrase(truth)} on {when} at {at}.")
            )

    # ---- topic items and prose

    def _topic_item(self, number: str, topic: Topic, title: str) -> None:
        rng = self.rng
        self._heading(number, self.expand(title))
        subs = rng.randint(0, 3) if self.sub_items != "none" else 0
        if subs == 0:
            for _ in range(rng.randint(1, 2)):
                self._paragraph(topic, number, None)
            self._maybe_bullets(topic, number)
            self._actions(topic, number)
            return
        if self.sub_items == "paragraphs":
            for position in range(1, subs + 1):
                sub = f"{number}.{position}"
                self.paragraphs.append(sub)
                self._paragraph(topic, number, sub)
                if self.random() < 0.3:
                    self._paragraph(topic, number, None)
                self._maybe_bullets(topic, number)
                self._actions(topic, number)
            return
        if self.random() < 0.4:
            self._paragraph(topic, number, None)
        # Thematic meetings take their items from the theme's subtopics, so their
        # sub-items are facets of each subtopic instead.
        facets = self.slot.kind == MeetingKind.THEMATIC
        titles = [
            t for t in (THEMATIC_SUBTITLES.items if facets else topic.subtopics) if t != title
        ]
        rng.shuffle(titles)
        for position in range(1, subs + 1):
            sub = f"{number}.{position}"
            sub_title = self.expand(
                titles[position - 1] if position <= len(titles) else THEMATIC_SUBTITLES.pick(rng)
            )
            self.blocks.append(Heading(sub, sub_title, 2))
            self._add_item(sub, sub_title, number)
            self._paragraph(topic, sub, None)
            if self.random() < 0.35:
                self._paragraph(topic, sub, None)
            self._maybe_bullets(topic, sub)
            self._actions(topic, sub)

    def _paragraph(self, topic: Topic, item: str, number: str | None) -> None:
        count = 2 + int(self.random() * 3)
        text = " ".join([self._fresh_sentence(topic, item) for _ in range(count)])
        self.blocks.append(Para(text, number))

    def _maybe_bullets(self, topic: Topic, item: str) -> None:
        if self.random() < 0.2:
            for _ in range(2 + int(self.random() * 3)):
                self.blocks.append(Bullet(self._fresh_sentence(topic, item)))

    def _object_picker(self, topic: Topic) -> Callable[[], str]:
        pick = self._object_pickers.get(topic.title)
        if pick is None:
            pick = self._object_pickers[topic.title] = _topic_objects(topic).picker(self.rng)
        return pick

    def _object(self, topic: Topic) -> str:
        phrase = self._object_picker(topic)()
        return self.expand(phrase) if "[" in phrase else phrase

    def _clause(self, pool: Sequence[str | TokenParts]) -> str:
        clause = pool[int(self.random() * len(pool))]
        return clause if isinstance(clause, str) else self.expand_parts(clause)

    @property
    def owner_candidates(self) -> list[Attendee]:
        """Who can be given an action: anyone present but the minute taker."""
        if not hasattr(self, "_owner_candidates"):
            present = [a for a in self.present if a is not self.minute_taker]
            self._owner_candidates = present or list(self.present)
        return self._owner_candidates

    def _resolves(self, action: ActionTruth) -> bool:
        """Whether this meeting's attendance list names the owners the action text refers to."""
        if not action.owner_text:
            return False
        references = re.split(r" and | / ", action.owner_text)
        return tuple(self.owner_names.get(r) for r in references) == action.owners

    def _references(self) -> None:
        """How the minutes refer to the chair's side (askers), those who answer, and owners."""
        self.owner_names: dict[str, str] = {}
        for person in self.present:
            self.owner_names[person.initials] = person.name
            spec = ROLES.get(person.role)
            if spec and (person.abbreviation or spec.standard):
                self.owner_names[spec.abbreviation] = person.name
        if self.slot.kind == MeetingKind.POLICE_AND_CRIME_PANEL:
            members = [a for a in self.present if a.role.startswith("member")]
            self.askers = [_member_name(a, surname=True) for a in members] + ["The Chair"]
        else:
            self.askers = ["The DPCC" if self.chair.role == "dpcc" else "The PCC"]
        refs: list[str] = []
        for person in self.responders:
            spec = ROLES.get(person.role)
            if person.abbreviation:
                refs += [f"The {person.abbreviation}"] * 4
            elif spec and spec.standard:
                refs += [f"The {spec.abbreviation}"] * 4
            refs.append(
                person.initials if self.random() < 0.5 else f"The {person.capacity.split(',')[0]}"
            )
        self.responder_refs = [(r, "the" + r[3:] if r.startswith("The ") else r) for r in refs]

    def _fresh_sentence(self, topic: Topic, item: str) -> str:
        """A sentence not yet used in this document (minutes rarely repeat one word for word)."""
        for _ in range(8):
            metrics = len(self.metrics)
            sentence = self._sentence(topic, item)
            if sentence not in self.sentences:
                break
            del self.metrics[metrics:]  # a figure in a discarded sentence is not in the text
        self.sentences.add(sentence)
        return sentence

    def _sentence(self, topic: Topic, item: str) -> str:
        random_ = self.random
        if random_() < 0.22:
            return self._metric_sentence(topic, item)
        askers = self.askers
        asker = askers[int(random_() * len(askers))]
        refs = self.responder_refs
        responder, lowered = refs[int(random_() * len(refs))]
        pool = _clause_pool(topic)
        clause = self._clause
        form = int(random_() * 11)
        if form == 0:
            return f"{asker} asked {lowered} whether {clause(pool)}."
        if form == 1:
            return f"{responder} responded that {clause(pool)}."
        if form == 2:
            return f"{responder} said that {clause(pool)}."
        if form == 3:
            return f"{asker} commented that {clause(pool)} and asked how {clause(pool)}."
        if form == 4:
            return (
                f"{asker} referred to {self._object(topic)} and asked for reassurance that "
                f"{clause(pool)}."
            )
        if form == 5:
            return f"{responder} added that {clause(pool)}."
        if form == 6:
            return f"It was agreed that {clause(pool)}."
        if form == 7:
            return f"{asker} welcomed {self._object(topic)} but noted that {clause(pool)}."
        if form == 8:
            return f"{responder} accepted that {self._object(topic)} was not where it needed to be."
        if form == 9:
            tail = self._pick_tail()
            return (
                f"There was a better understanding now of {self._object(topic)}, which had seen "
                f"more of a focus{self.expand(tail)}."
            )
        return f"{responder} explained that {clause(pool)}."

    def _metric(
        self, value: float, unit: MetricUnit, kind: MetricKind, text: str, item: str
    ) -> str:
        self.metrics.append(MetricTruth(value, unit, kind, text, item))
        return text

    def _metric_sentence(self, topic: Topic, item: str) -> str:
        rng = self.rng
        random_ = self.random
        responder = self.responder_refs[int(random_() * len(self.responder_refs))][0]
        unit = METRIC_UNITS.pick(rng)
        if unit == MetricUnit.PERCENT:
            value = 3 + int(random_() * 95)
            written = f"{value}%" if random_() < 0.75 else f"{value} per cent"
            percents = topic.percents
            phrase = self.expand(percents[int(random_() * len(percents))])
            text = self._metric(value, unit, MetricKind.OBSERVED, written, item)
            sentence = f"{responder} said that {text} {phrase}"
            if random_() < 0.3:
                target = min(99, value + 3 + int(random_() * 28))
                target_text = self._metric(target, unit, MetricKind.TARGET, f"{target}%", item)
                sentence += rng.choice(
                    (
                        f", against a target of {target_text}",
                        f", and that a {target_text} level should be achievable",
                    )
                )
            return sentence + "."
        if unit == MetricUnit.COUNT:
            value = min(int(rng.paretovariate(0.6) * 8), 48_000)
            noun, predicate = topic.counts[int(random_() * len(topic.counts))]
            text = self._metric(value, unit, MetricKind.OBSERVED, f"{value:,}", item)
            return f"{responder} said that {text} {self.expand(noun)} {self.expand(predicate)}."
        if unit == MetricUnit.MONEY:
            if rng.random() < 0.5:
                amount = round(rng.uniform(1.0, 9.9), 1)
                written, money = f"£{amount}m", amount * 1_000_000
            else:
                thousands = rng.randint(12, 950) * 1000
                written, money = f"£{thousands:,}", float(thousands)
            text = self._metric(money, unit, MetricKind.OBSERVED, written, item)
            spent_on = self._object(topic)
            return rng.choice(
                (
                    f"{responder} reported a forecast underspend of {text} on {spent_on}.",
                    f"{responder} said that an investment of {text} in {spent_on} had been agreed.",
                    f"{responder} said that overtime of {text} had been spent on {spent_on}.",
                )
            )
        rate = round(rng.uniform(0.5, 95.0), 1)
        text = self._metric(rate, MetricUnit.RATE, MetricKind.OBSERVED, f"{rate}", item)
        noun = rng.choice(("crimes", "incidents", "[ASB] incidents", "victims"))
        return (
            f"{responder} said that the rate was {text} {self.expand(noun)} per 1,000 population."
        )

    # ---- actions

    def _owner_ref(self, person: Attendee) -> str:
        spec = ROLES.get(person.role)
        if spec and (person.abbreviation or spec.standard) and self.rng.random() < 0.65:
            return spec.abbreviation
        return person.initials

    def _actions(self, topic: Topic, item: str) -> None:
        random_ = self.random
        roll = random_()
        if roll < 0.55:
            return
        candidates = self.owner_candidates
        n = len(candidates)
        for _ in range(1 if roll < 0.88 else 2):
            self.action_count += 1
            owners = [candidates[int(random_() * n)]]
            if n > 1 and random_() < 0.15:
                second = candidates[int(random_() * (n - 1))]
                owners.append(candidates[n - 1] if second is owners[0] else second)
            refs = [self._owner_ref(o) for o in owners]
            owner_text = " and ".join(refs) if random_() < 0.7 else " / ".join(refs)
            tail = self._pick_action_tail()
            if "PCC" in tail and any(o.role in ("pcc", "dpcc") for o in owners):
                tail = ""  # the PCC does not report to the PCC
            text = f"{self._pick_action_verb()} {self._object(topic)}{tail}"
            due: dt.date | None = None
            if random_() < 0.3:
                due = self.day + dt.timedelta(days=14 + int(random_() * 77))
                text += f", by {long_date(due)}"
            reference = str(self.action_count) if self.numbered_actions else None
            label = f"Action {reference}:" if reference else "ACTION:"
            self.blocks.append(ActionLine(label, f"{owner_text} to {text}."))
            self.actions.append(
                ActionTruth(
                    reference=reference,
                    text=text,
                    owner_text=owner_text,
                    owners=tuple(o.name for o in owners),
                    item=item,
                    due_date=due,
                )
            )


# --------------------------------------------------------------------------- renderers


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Greedy word wrap (much faster than ``textwrap`` for plain prose)."""
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split(" "):
        if current and length + 1 + len(word) > width:
            lines.append(indent + " ".join(current))
            current, length = [], 0
        current.append(word)
        length += len(word) + (1 if length else 0)
    if current:
        lines.append(indent + " ".join(current))
    return lines


def render_text(blocks: Sequence[Block], style: TextStyle, *, footer: str | None = None) -> str:
    """Blocks as a plain-text file in one house style."""
    out: list[str] = []
    ind = style.indent
    wrap = style.wrap
    previous: type | None = None
    for block in blocks:  # most frequent first
        if isinstance(block, Para):
            if block.number:
                text = style.numbered.format(n=block.number, x=block.text)
            else:
                text = ind + block.text
            if wrap:
                out.extend(_wrap(text, wrap))
            else:
                out.append(text)
        elif isinstance(block, ActionLine):
            text = f"{ind}{block.label} {block.text}"
            out.extend(_wrap(text, wrap) if wrap else (text,))
        elif isinstance(block, Bullet):
            text = f"{ind}{style.bullet}{block.text}"
            out.extend(_wrap(text, wrap) if wrap else (text,))
        elif isinstance(block, Heading):
            if style.blank_before_heading or previous not in (Heading, Para, Bullet, ActionLine):
                out.append("")
            template = style.heading if block.level == 1 else style.sub_heading
            out.append(template.format(n=block.number, t=block.title))
        elif isinstance(block, Line):
            if not block.listed and previous not in (Line, Title):
                out.append("")
            out.append(block.text)
        elif isinstance(block, Field):
            if previous is Title:
                out.append("")
            out.append(style.field.format(l=block.label, v=block.value))
        elif isinstance(block, Title):
            if previous is None and style.name == "tabbed":
                out.extend(("", "", ""))  # text extracted from a PDF often starts so
            out.append(block.text)
        else:
            out.append("")
            if block.lead:
                out.append(f"\t{block.header[0]}\t{block.header[1]}")
                for position, (name, capacity) in enumerate(block.rows):
                    lead = block.lead if position == 0 else ""
                    out.append(f"{lead}\t{name}\t{capacity}")
            else:
                out.append(f"{block.header[0]}\t{block.header[1]}")
                out.extend(f"{name}\t{capacity}" for name, capacity in block.rows)
        previous = type(block)
    if footer:
        out = _paginate(out, footer)
    return "\n".join(out) + "\n"


def _paginate(lines: list[str], footer: str, page_length: int = 52) -> list[str]:
    """Insert a running footer and page number every ``page_length`` lines (as PDF text does)."""
    paged: list[str] = []
    for page, start in enumerate(range(0, len(lines), page_length), start=1):
        paged.extend(lines[start : start + page_length])
        paged.extend(["", footer, str(page), ""])
    return paged


def render_markdown(blocks: Sequence[Block]) -> str:
    """Blocks as a markdown file."""
    out: list[str] = []
    first_title = True
    in_list = False
    for block in blocks:
        listed = (isinstance(block, Line) and block.listed) or isinstance(block, Bullet)
        if not listed and (in_list or out):
            out.append("")
        in_list = listed
        if isinstance(block, Title):
            out.append(f"# {block.text}" if first_title else f"**{block.text}**")
            first_title = False
        elif isinstance(block, Field):
            out.append(f"**{block.label}:** {block.value}")
        elif isinstance(block, Table):
            out.append(f"| {block.header[0].rstrip(':')} | {block.header[1].rstrip(':')} |")
            out.append("|------|----------|")
            out.extend(f"| {name} | {capacity} |" for name, capacity in block.rows)
        elif isinstance(block, Line):
            if block.listed:
                out.append(f"- {block.text}")
            elif block.text.endswith(":"):
                out.append(f"**{block.text}**")
            else:
                out.append(block.text)
        elif isinstance(block, Heading):
            marks = "##" if block.level == 1 else "###"
            number = f"{block.number}." if block.level == 1 else f"{block.number}"
            out.append(f"{marks} {number} {block.title}")
        elif isinstance(block, Para):
            out.append(f"{block.number} {block.text}" if block.number else block.text)
        elif isinstance(block, Bullet):
            out.append(f"- {block.text}")
        else:
            out.append(f"**{block.label}** {block.text}")
    return "\n".join(out) + "\n"


_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def render_docx(blocks: Sequence[Block], *, title: str, date: dt.date) -> bytes:
    """Blocks as a Word file, byte for byte the same on every run."""
    from docx import Document

    document = Document()
    first_title = True
    for block in blocks:
        if isinstance(block, Title):
            if first_title:
                document.add_heading(block.text, level=1)
                first_title = False
            else:
                document.add_paragraph().add_run(block.text).bold = True
        elif isinstance(block, Field):
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{block.label}:").bold = True
            paragraph.add_run(f" {block.value}")
        elif isinstance(block, Table):
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.rows[0].cells[0].text = block.header[0]
            table.rows[0].cells[1].text = block.header[1]
            for name, capacity in block.rows:
                cells = table.add_row().cells
                cells[0].text = name
                cells[1].text = capacity
        elif isinstance(block, Line):
            if block.listed:
                document.add_paragraph(block.text, style="List Bullet")
            else:
                document.add_paragraph(block.text)
        elif isinstance(block, Heading):
            number = f"{block.number}." if block.level == 1 else f"{block.number}"
            document.add_heading(f"{number} {block.title}", level=2 if block.level == 1 else 3)
        elif isinstance(block, Para):
            document.add_paragraph(f"{block.number} {block.text}" if block.number else block.text)
        elif isinstance(block, Bullet):
            document.add_paragraph(block.text, style="List Bullet")
        else:
            paragraph = document.add_paragraph()
            paragraph.add_run(block.label).bold = True
            paragraph.add_run(f" {block.text}")
    properties = document.core_properties
    stamp = dt.datetime(date.year, date.month, date.day, 12, 0, 0)
    properties.title = title
    properties.author = ""
    properties.last_modified_by = ""
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with a fixed timestamp on every member, so equal content is equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- public API


def _slot_for(rng: random.Random, index: int) -> Slot:
    kind, theme = _draw_kind(rng)
    return Slot(FORCES[index % len(FORCES)], kind, _random_meeting_day(rng), theme)


def generate_meeting(
    rng: random.Random,
    index: int,
    *,
    slot: Slot | None = None,
    previous: GeneratedMeeting | None = None,
) -> GeneratedMeeting:
    """One meeting's minutes and ground truth.

    Without ``slot`` the force is chosen by ``index`` and the kind and date by ``rng``.
    ``previous`` (the last meeting of the same force) supplies the people, who mostly
    stay in post, and the actions that come back as matters arising.
    """
    chosen = slot or _slot_for(rng, index)
    return _Writer(rng, index, chosen, previous).write()


def iter_meetings(meetings: int, *, seed: int = 7) -> Iterator[GeneratedMeeting]:
    """``meetings`` meetings in date order; each force's meetings follow on from each other."""
    rng = random.Random(seed)
    last: dict[str, GeneratedMeeting] = {}
    for index, slot in enumerate(plan_schedule(rng, meetings)):
        meeting = generate_meeting(rng, index, slot=slot, previous=last.get(slot.force.area))
        last[slot.force.area] = meeting
        yield meeting


def format_for(index: int, formats: Sequence[str]) -> str:
    """The format meeting ``index`` is written in: the formats are taken in turn."""
    return formats[index % len(formats)]


def write_meetings(
    out_dir: Path, meetings: Iterable[GeneratedMeeting], formats: Sequence[str] = ("txt",)
) -> list[Path]:
    """Write each meeting as a file under ``out_dir`` (created if missing); return the paths."""
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise ValueError(f"formats must be among {', '.join(FORMATS)}; got {list(formats)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for meeting in meetings:
        fmt = format_for(meeting.index, formats)
        path = out_dir / f"{meeting.stem}.{fmt}"
        path.write_bytes(meeting.render(fmt))
        paths.append(path)
    return paths


def write_corpus(
    out_dir: Path, meetings: int, *, seed: int = 7, formats: Sequence[str] = ("txt",)
) -> list[Path]:
    """Generate ``meetings`` minutes files into ``out_dir``; same seed, same bytes."""
    return write_meetings(out_dir, iter_meetings(meetings, seed=seed), formats)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description="Write a synthetic corpus of minutes files."
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--formats", default="txt", help="comma-separated: txt,md,docx")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    paths = write_corpus(args.out_dir, args.meetings, seed=args.seed, formats=formats)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files ({size / 1_000_000:.1f} MB) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
