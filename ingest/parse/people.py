"""People as minutes name them: a name, perhaps a title, a capacity and its abbreviation.

``split_person("Jackie Irvin Senior Policy Manager, OPCC")`` gives the name "Jackie Irvin"
and the capacity "Senior Policy Manager, OPCC"; ``split_person("John Smith (PCC) - Chair")``
gives "John Smith", "Police and Crime Commissioner", "PCC" and marks the chair.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ingest.parse.roles import (
    ROLE_NAMES_LONGEST_FIRST,
    ROLES,
    abbreviation_for,
    expand_abbreviation,
    role_for_abbreviation,
)


@dataclass(frozen=True)
class Person:
    name: str
    capacity: str | None = None
    abbreviation: str | None = None
    is_chair: bool = False
    is_minute_taker: bool = False


_HONORIFICS = (
    r"(?:the\s+)?(?:rt\.?\s+)?hon|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|baroness|"
    r"baron|cllr|councillor|cty|county\s+councillor|alderman|ald|bailie|depute|provost|rev|revd|"
    r"reverend|canon|pastor|bishop|archdeacon|"
    r"(?:group\s+)?captain|major|colonel|the\s+right\s+worshipful"
)
_RANKS = (
    r"(?:[a-z]{1,2}/){0,2}(?:cmdr|commander|cmsr|commr|det|detective|temp|"
    r"ch\s+supt|chief\s+supt|supt|superintendent|ch\s+insp|insp|inspector|sgt|sergeant|"
    r"dcs|dci|di|ds|dc|pc|ps|pcso|governor)|t/|a/|d/|c/"
)
_TITLE = re.compile(rf"^(?:(?:{_HONORIFICS}|{_RANKS})\.?\s+)+", re.IGNORECASE)
_HONORIFIC_PREFIX = re.compile(rf"^(?:(?:{_HONORIFICS})\.?\s+)+", re.IGNORECASE)
# "Deputy" before a name is a City of London title ("Deputy Caroline Meath"), before a
# role it is part of the role ("Deputy Chief Constable").
_DEPUTY = re.compile(r"^deputy\s+(?=[A-Z])", re.IGNORECASE)
# One part of a surname: "Hale", "O'Hara", "D’Arcy", "McKenna", "MacLeod"; a surname may
# join several with hyphens ("Whiteside-O'Hara", "Smith-McLean").
_NAME_PART = r"(?:Ma?c[A-Z][a-zà-ÿ]+|[A-ZÀ-ÖØ-Þ][a-zà-ÿ]*(?:['’][A-ZÀ-ÖØ-Þ]?[a-zà-ÿ]+)?)"
_NAME_TOKEN = re.compile(
    rf"^(?:{_NAME_PART}(?:[-–]{_NAME_PART})*"
    r"|[A-Z]\.?|(?:[A-Z]\.){2,3}|[A-Z][a-z]+[A-Z][a-z]+)$"
)
# "St" after a given name opens a surname ("Philippa St John-Hughes", "Jo St Clair").
_SAINT = frozenset(("St", "St."))
_PLACE_PREFIXES = {
    "north",
    "south",
    "east",
    "west",
    "mid",
    "upper",
    "lower",
    "central",
    "greater",
    "st",
    "northern",
    "southern",
    "eastern",
    "western",
}  # "St Helens", "St Albans", "Northern Ireland" are places
# (Irish surnames: "Ciarán Ó Duibhir", "Áine Ní Bhriain")
_PARTICLES = {
    "van", "von", "de", "da", "di", "del", "della", "la", "le", "du", "bin", "al", "ap", "ó", "ní",
    "nic", "uí", "mac",
}  # fmt: skip

# Words that appear in roles, organisations and headings but not in people's names.
_NOT_NAME_WORDS = {
    word.lower()
    for role in ROLES
    for phrase in (role.name, role.abbreviation, *role.aliases)
    for word in re.split(r"[\s,/]+", phrase)
    if len(word) > 2 and word.lower() not in {"and", "the", "for", "of"}
} | {
    "chief", "deputy", "assistant", "senior", "head", "director", "manager", "officer", "officers",
    "executive", "commissioner", "constable", "superintendent", "inspector", "sergeant", "policy",
    "staff", "finance", "financial", "treasurer", "secretary", "clerk", "lead", "analyst",
    "adviser", "advisor", "coordinator", "co-ordinator", "member", "members", "chair", "chairman",
    "vice", "office", "force", "team", "unit", "board", "meeting", "panel", "committee", "council",
    "service", "services", "department", "constabulary", "headquarters", "room", "minutes",
    "notes", "apologies", "present", "attendance", "agenda", "item", "action", "actions", "date",
    "time", "venue", "none", "business", "matters", "governance", "performance", "partnership",
    "partnerships", "professional", "standards", "public", "protection", "local", "policing",
    "operations", "communications", "corporate", "development", "strategy", "strategic",
    "support", "safety", "community", "contact", "management", "control", "people", "resources",
    "legal", "assurance", "criminal", "justice", "victims", "commissioning", "temporary", "acting",
    "interim", "independent", "audit", "police", "crime", "opcc", "pcc", "all", "guest", "guests",
    "observer", "observers", "representative", "engagement", "officer's", "welcome", "other",
    "any", "next", "crown", "prosecution", "general", "national", "regional", "county", "city",
    "borough", "university", "health", "fire", "rescue", "trust", "nhs", "group", "manager's",
    "programme", "project", "workforce", "planning", "estates", "ict", "digital", "data",
    "information", "finance,", "virtual", "teams", "microsoft", "zoom", "via", "insp", "supt",
    "sgt", "det", "detective", "commander", "external", "internal", "auditor", "auditors",
    "democratic", "scrutiny", "mayor", "mayor's", "combined", "authority", "district",
    "councillor", "councillors", "cllr", "cllrs", "alderman", "co-opted", "officials",
    "secretariat", "substitute", "substitutes", "apology", "programmes", "administration",
    "communication", "portfolio", "membership",
    "minute", "book", "no", "copies", "documents", "page", "appendix", "report", "reports",
    "chair's", "chairman's", "announcements", "part", "description", "decision", "decisions",
    # words of organisations' names, which runs without separators leave beside people's
    "company", "limited", "ltd", "plc", "college", "school", "society", "association",
    "foundation", "agency", "commission", "institute", "centre", "center", "network",
    "forum", "alliance", "federation", "hospital", "rehabilitation", "probation", "housing",
    "ambulance", "prison", "prisons", "youth", "education", "children", "social", "care",
    "victim", "principal", "personal", "accountant", "compliance", "invitee", "government",
    "union", "parliament", "ministry",
    # words of a venue's address ("The Ainsty Meeting Room, West Offices, Station Rise")
    "the", "road", "street", "avenue", "offices", "building", "chambers", "rise",
    # a ModernGov agenda's furniture, read as a line of its own ("Public Document Pack")
    "document", "pack",
    # words of a resolution before its subject ("RESOLVED – That Mr Jo Hale be appointed")
    "that", "this", "these", "those",
    # a place's last word ("Test Valley Borough Council"), a web page's link ("View Profile"),
    # an item's title ("Pecuniary and Non-Pecuniary Interests")
    "valley", "view", "profile", "interest", "interests", "pecuniary", "non-pecuniary",
    # a police force's parts, named after a rank ("C/Supt Jo Hale, Urban Region")
    "region", "division", "directorate", "registrar",
    # a profession named after a name ("Mr Jo Hale Solicitor took the Chair")
    "solicitor", "barrister", "lawyer", "counsel",
    # a title left without its name by extraction ("apologies from the Rt Hon , Ms Jo Hale")
    "rt", "hon",
    # a table's headings ("Agenda Item and Discussion Points")
    "discussion", "points", "point",
    # an academic's post, not a title before a name ("Associate Professor Criminology")
    "associate", "emeritus",
    # words of a post that a name runs into with no separator ("Jo Hale Senior Consultant")
    "partner", "partners", "consultant", "specialist", "engineer", "lecturer", "researcher",
    "administrator", "caseworker", "volunteer", "trainee", "apprentice", "practitioner",
    "facilitator", "organiser", "organizer",
    # a group's heading in a list of members ("Representing Rye Council")
    "representing",
    # words of public bodies' names and offices of government, written beside people's names
    # ("Mr Jo Hale, Criminal Justice Inspection Northern Ireland", "Rye Voluntary Action: Ms
    # Ann Bell", "First Minister (Chair)")
    "inspection", "inspectorate", "voluntary", "minister", "ministers",
    # words of businesses' names, whose staff sit on neighbourhood panels ("Ravi Mistry (RM)
    # Lloyds Pharmacy", "Caffe Bianco")
    "pharmacy", "cafe", "café", "caffe", "hotel", "restaurant", "supermarket",
    # words of an item's furniture and of a post's subject, which a flattened page leaves
    # beside people's names ("Key Updates (speakers):", "Items Of Business", "Ms Jo Hale,
    # Equal Opportunities Officer", "Director, Major Investigations"), and the weekday before
    # a date ("Minutes: Wednesday May 26 2021")
    "key", "update", "updates", "items", "of", "opportunities", "investigation",
    "investigations", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
}  # fmt: skip

# Common given names, to find where one person ends and the next begins in a run that
# extraction left without separators ("Bolton Andrew Pilling Bury Helen Rothwell"): a given
# name followed by a surname starts a person. Names not listed are still read wherever a
# title, a comma or a dash marks them; this list only parts runs that have no such marks.
_GIVEN_NAME_TEXT = (
    "Aaron Abbie Abdul Abena Abid Abigail Adam Ade Adebayo Adeel Adele Adeline Adnan Adrian "
    "Adrienne Aftab Afzal Agatha Agnes Ahmed Aidan Aileen Ailsa Aine Aisha Ajay Akhtar Akram "
    "Alan Alana Alasdair Alastair Albert Aled Alex Alexander Alexandra Alexis Alfie Alfred Ali "
    "Alia Alice Alicia Alison Alistair Allan Alun Alys Amanda Amandeep Amara Amber Ambrose "
    "Amelia Amina Amir Amit Amjad Amrit Amy Andrea Andrew Andy Angela Angharad Angus Anil "
    "Anita Anjali Ann Anna Annabel Anne Annette Annie Annmarie Anthony Antonia Antony Anwar "
    "Anwen Aoife Arnold Arshad Arthur Arun Arwel Asad Asha Ashleigh Ashley Ashok Asif Asma "
    "Atif Aubrey Audrey Ayesha Azhar Aziz Bal Balbir Barbara Barney Barrie Barry Bashir "
    "Beatrice Becky Ben Benedict Benjamin Bernadette Bernard Bernice Bernie Beryl Beth Bethan "
    "Bethany Betty Bev Beverley Bilal Billy Bob Bobby Bradley Brenda Brendan Brett Brian Brid "
    "Bridget Bronagh Bronwen Bruce Bryan Bryn Brynmor Bryony Caitlin Callum Catrin Calum Cameron "
    "Carl Carla Carmel Carol Caroline Carolyn Carwyn Carys Cathal Catherine Cathy Catriona Cecilia "
    "Cedric Celia Ceri Cerys Charlene Charles Charlie Charlotte Cheryl Chidi Chinedu Chloe "
    "Chris Christian Christina Christine Christopher Ciara Ciaran Claire Clara Clare Clarissa "
    "Claudia Clifford Clive Clodagh Colette Colin Colleen Colm Conor Constance Corinne Cormac "
    "Cornelius Craig Cynthia Cyril Dafydd Dai Daisy Damian Damien Dan Daniel Danielle Daphne "
    "Darius Darrell Darren Darryl Dave David Dawn Dean Debbie Deborah Declan Deepak Deirdre "
    "Delia Della Delroy Delyth Denis Denise Dennis Derek Dermot Desmond Dewi Diana Diane "
    "Dilwyn Dilys Dionne Dominic Donal Donald Donna Doreen Dorian Dorothy Douglas Duncan Dylan "
    "Eamon Eamonn Ed Eddie Edgar Edith Edmund Edward Edwin Eifion Eileen Eilidh Eimear Eirian "
    "Eirlys Elaine Eleanor Eleri Elfed Elin Elizabeth Ella Ellen Elliot Eloise Elspeth Elwyn "
    "Emeka Emily Emlyn Emma Emrys Emyr Enid Eoghan Eoin Eric Erica Erin Ernest Errol Esme "
    "Esther Ethan Eunice Eve Evelyn Ewan Ewen Faisal Farah Farhan Farida Farooq Fatima "
    "Felicity Felix Femi Fergal Fergus Fintan Fiona Fionnuala Florence Fran Frances Francesca "
    "Francis Frank Fraser Frederick Freya Funmi Gabriel Gabrielle Gail Gareth Gary Gavin "
    "Gaynor Gemma Geoff Geoffrey George Georgina Geraint Gerald Geraldine Gerard Gerry Gerwyn "
    "Gethin Gilbert Gill Gillian Gina Glenda Gloria Glyn Glynis Gordon Grace Graeme Graham "
    "Grainne Greg Gregory Gurdeep Gurpreet Guy Gwen Gwilym Gwyneth Gwynfor Hamish Hana Hannah "
    "Hardeep Harinder Harjit Harold Harpreet Harriet Harry Harvey Hassan Hayley Hazel Heather "
    "Hector Heidi Heledd Helen Helena Henry Herbert Hilary Hollie Holly Horace Howard Hubert "
    "Hugh Hugo Humera Huw Hywel Iain Ian Idris Iestyn Ieuan Ifan Ifeoma Ifor Imelda Imogen "
    "Imran Imtiaz Ingrid Ioan Iqbal Irene Iris Isaac Isabel Isabella Isla Ivan Ivor Iwan Jack "
    "Jackie Jacob Jacqueline Jade Jake James Jamie Jan Jane Janet Janice Janine Jas Jasdeep "
    "Jasmine Jason Jasper Jaswinder Javed Jean Jeanette Jeff Jeffrey Jemma Jennifer Jenny "
    "Jeremy Jessica Jill Jim Joan Joanna Joanne Jocelyn Jodie Joel John Jon Jonathan Jonathon "
    "Jordan Joseph Josephine Josh Joshua Josie Joyce Jude Judith Judy Julia Julian Julie "
    "Juliet Juliette June Justin Kamal Kamran Karen Karl Kashif Kate Kath Katherine Kathleen "
    "Kathryn Katie Katrina Kay Keira Keith Kelly Kelvin Kenneth Kenny Kerry Kevin Khalid "
    "Kieran Kim Kiran Kirk Kirsty Kofi Kris Kumar Kwame Lachlan Lara Laura Lauren Laurence "
    "Lawrence Leah Leanne Lee Lena Leo Leon Leonard Leonie Lesley Leslie Lewis Liam Lilian "
    "Lily Linda Lindsay Lindsey Lionel Lisa Liz Lloyd Lois Lorna Lorraine Louis Louise Lowri "
    "Lucas Lucinda Lucy Luke Lydia Lynda Lyndon Lynn Lynne Mabel Madeleine Maeve Maggie "
    "Mahmood Mahmud Mairead Malachy Malcolm Mandy Manjit Manoj Mansoor Marcia Marcus Margaret "
    "Margo Maria Marian Marianne Marie Marilyn Marion Marjorie Mark Martin Martina Martyn Mary "
    "Matt Matthew Maura Maureen Maurice Maxine Meera Megan Meirion Melanie Melissa Melvyn "
    "Menna Merfyn Mervyn Mhairi Mia Michael Michaela Michele Michelle Mick Mike Mildred Miles "
    "Miriam Mitchell Mohammad Mohammed Moira Molly Monica Morag Mostyn Muhammad Mukesh Murdo "
    "Muriel Myfanwy Nadeem Nadia Nadine Nana Naomi Nasreen Natalie Natasha Nathan Naveed Naz "
    "Nazir Neal Neelam Neil Nerys Neville Ngozi Nia Niall Niamh Nicholas Nick Nicky Nicola "
    "Nicolas Nicole Nigel Nina Nisha Noel Nora Norma Norman Nuala Oisin Oliver Olivia Olu "
    "Olufemi Oluwaseun Olwen Omar Oonagh Orla Oscar Osian Oswald Owain Owen Paddy Padraig "
    "Pamela Parminder Parveen Patricia Patrick Paul Paula Pauline Penny Percy Peter Phil "
    "Philip Philippa Phillip Phoebe Phyllis Piers Pippa Polly Pradeep Preeti Priya Quentin "
    "Rachael Rachel Rahul Raj Rajesh Rakesh Ralph Ramesh Rani Rashid Ravi Raymond Rebecca "
    "Reginald Rehana Rekha Reza Rhian Rhiannon Rhoda Rhodri Rhona Rhydian Rhys Richard Rita "
    "Rizwan Rob Robert Robin Robyn Roderick Rodney Roger Roisin Roland Ronald Ronan Ronnie "
    "Rory Rosa Rosalind Rosalyn Rosemary Rosie Ross Rowan Rowena Roxanne Roy Rubina Ruby Rufus "
    "Rukhsana Rupert Russell Ruth Ryan Sabina Sabrina Sadiq Saima Sajid Sally Salma Sam "
    "Samantha Samina Samuel Sandeep Sandra Sanjay Sara Sarah Scott Seamus Sean Sebastian "
    "Selina Seth Shabana Shahid Shane Sharon Shaun Shazia Sheila Shelley Shirley Shona Sian "
    "Sidney Simon Sinead Siobhan Sioned Sonia Sonya Sophie Sorcha Spencer Stacey Stacy Stan "
    "Stanley Stella Stephanie Stephen Steve Steven Stewart Stuart Sue Sukhdev Sunil Sunita "
    "Suresh Susan Suzanne Sybil Syed Sylvia Tahir Tamsin Tanya Tara Tariq Ted Tegwen Terence "
    "Teresa Terry Tessa Thelma Theo Theresa Thomas Tim Timothy Tina Tobias Toby Tola Tom "
    "Tomasz Tomos Tony Tracey Tracy Trefor Trevor Tristan Trudy Tunde Una Ursula Usman Valerie "
    "Vanessa Vera Vernon Veronica Victor Vijay Vikki Vincent Vivienne Walter Waqar Warren "
    "Wasim Wayne Wendy Wilfred William Winston Yasmeen Yasmin Yemi Yolanda Yusuf Yvette Yvonne "
    "Zachary Zahid Zainab Zara Zoe Zubair "
    # more given names of the generations that sit on panels and boards
    "Alec Archie Arlene Basil Belinda Beverly Bill Billie Carole Cecil Charmaine Christa Conrad "
    "Cora Debra Denzil Derrick Dianne Dominique Doris Dwayne Edna Elsie Ethel Eugene Faye Flora "
    "Garry Georgia Glen Glenn Greta Hamid Hilda Ida Isobel Jacky Jacqui Jessie Joy Justine "
    "Katharine Kirsteen Kirsten Kirstie Lynette Madeline Margery Marguerite Marina Marlene "
    "Martha Mavis Meg Melvin Myra Norah Noreen Olga Olive Pat Patsy Penelope Phillipa Primrose "
    "Reece Rex Rosamund Sadie Simone Vicky Victoria Violet Vivian Winifred Jo Viv Val Jen Pam "
    # Welsh given names
    "Mair Ffion Elen Manon Gwion Eurig Llinos Meleri Nerys Rhun Aneurin Elfyn Eluned Glenys "
    "Gwenllian Gwyn Iolo Meinir Morwenna "
    # Scottish and Irish given names
    "Euan Gregor Iona Ishbel Jillian Morven Ruairi Ruari Ruaridh Seonaid Struan Torquil Caoimhe "
    "Dervla "
)
GIVEN_NAMES = frozenset(_GIVEN_NAME_TEXT.split())

_CHAIR_WORD = r"(?:chair(?:man|person|woman)?|conven[eo]r|in the chair)"
# "Jo Hale – NPCC Chair", "Jo Hale, Panel Chair": the body's initials or kind before it.
_BODY_BEFORE_CHAIR = r"(?:(?-i:(?!VICE\b|CO\b)[A-Z]{2,6})\s+|(?:committee|panel|board|council)\s+)?"
# Who chairs this meeting in another's stead, or chairs only the meeting: "Jo Hale (Acting
# Chair)", "Jo Hale (JH) (Meeting Chair)".
_CHAIR_FOR_NOW = r"(?:(?:acting|interim|temporary|meeting)\s+)?"
_CHAIR_MARK = re.compile(
    rf"\(\s*{_CHAIR_FOR_NOW}{_CHAIR_WORD}\s*\)"
    rf"|(?:\s*,|\s+[/–—-])\s*{_CHAIR_WORD}\s*(?=\))"
    rf"|(?:\s*,|\s+[-–—])\s*{_BODY_BEFORE_CHAIR}{_CHAIR_WORD}\s*$"
    # the office after a post, joined by a slash: "Jo Hale Director General/Chair" (not a
    # vice-chair's "V/Chair")
    rf"|(?<=\w\w)/{_CHAIR_WORD}\s*$"
    r"|\s+in the chair\s*$",
    re.IGNORECASE,
)
# "Chair", "Chairman presiding", and the office of a board's chair appointed from outside
# it, which is kept as the capacity: "Jo Hale, Independent Chair".
_CHAIR_CAPACITY = re.compile(
    rf"^(?P<office>independent\s+)?{_CHAIR_WORD}(?:\s+presiding)?$", re.IGNORECASE
)
# "Jo Hale (JH) Chair – Police & Crime Commissioner", "Jo Hale (JH) Co-Chair – ...", "Jo
# Hale - Chair / Rye Trust" (a flattened table's cells), and with no separator: "Jo Hale
# (JH) Chair Police and Crime Commissioner".
_LEADING_CHAIR = re.compile(
    r"^(?:co-?)?chair(?:man|person|woman)?(?:\s*[-–—,;/]\s*|\s+(?-i:(?=[A-Z])))", re.IGNORECASE
)
_MINUTES_MARK = re.compile(
    r"\(\s*(?:minutes?|minute[- ]taker|note[- ]?taker|notes|secretariat)\s*\)"
    r"|(?:\s*,|\s+[/–—-])\s*(?:minutes?|minute[- ]taker|note[- ]?taker|taking minutes)\s*(?=\))"
    r"|\s*[-–—,]\s*(?:minutes?|minute[- ]taker|note[- ]?taker|notes|taking minutes)\s*$",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
# Honours and letters after a name, also written with stops ("Cllr Jo Hale O.B.E").
_POSTNOMINALS = re.compile(
    r"(?<=\w)(?:,?\s+(?:QPM|KPM|OBE|MBE|CBE|KBE|DBE|BEM|DL|JP|TD|MP|AM|MLA|MSP|CPFA|FCA|ACA|FCCA|"
    r"PhD|MA|MSc|BA|[OMCKD]\.B\.E|Q\.P\.M|J\.P|B\.E\.M)\b)+"
    r"\.?"
)


def strip_postnominals(text: str) -> str:
    """``text`` without honours and letters after names ("Rennard JP" -> "Rennard")."""
    return _POSTNOMINALS.sub("", text)


_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z]{0,4}[/.]?(?:\s?[A-Z/&][A-Za-z/&.]{0,5}){0,3}$")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|:|\s[-–—]\s|\t)\s*")
_LAST_DASH = re.compile(r"\s[-–—]\s(?!.*\s[-–—]\s)")
_LEADING_SEPARATORS = " ,;:-–—"
# A given name run into the surname by extraction ("Councillor CorneliusAshby-Waring MA"):
# a listed given name directly followed by a capital starts a surname. Only listed given
# names part a word, so "MacDonald" or "DeSouza" stay whole.
_GLUED_GIVEN = re.compile(r"\b([A-Z][a-z]{2,})(?=[A-Z][a-z])")


# "Jo Hale (JHa) Associate Partner, Rye LLP": the person's own initials in brackets end the
# name, where no separator parts it from the post after it.
_INITIALS_THEN_POST = re.compile(
    r"^(?P<head>[^()]{3,60}?)\s*\((?P<initials>[A-Z][A-Za-z]{0,2}[A-Z]?[a-z]?)\)\s+(?=[A-Z])"
)


def _initials_end_name(match: re.Match[str]) -> str:
    words = [w for w in strip_titles(match["head"]).replace("-", " ").split() if w[:1].isupper()]
    initials = match["initials"]
    agree = len(words) >= 2 and initials[0] == words[0][0] and words[-1][0] in initials[1:]
    return f"{match['head']} ({initials}) – " if agree else match.group()


# "CC Jo HaleNPCC Chair", "Ann BellOBE": a surname run into the initials after it.
_GLUED_ACRONYM = re.compile(r"(?<=[a-z]{3})(?=[A-Z]{2,6}\b)")


# "Ann BellTreasurer", "Roy TappClerk to the Panel": a surname run into the first word of an
# office. Only a word of an office parts it: "MacDonald", "FitzRoy" stay whole.
_GLUED_WORD = re.compile(r"(?<=[a-z]{2})(?P<word>[A-Z][a-z]{2,})")


def unglue_office(text: str) -> str:
    """The text with a space before each word of an office run into the word before it."""
    return _GLUED_WORD.sub(
        lambda match: f" {match['word']}" if is_role_word(match["word"]) else match["word"], text
    )


# "P.K.Lassen", "Cllr J.R.Williams": initials with stops run into the surname.
_GLUED_STOPPED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.){1,3})(?=[A-Z][a-z]{2,})")


# "Jo Hale– Chief Constable": a dash glued to the name before it (not a hyphen, which joins
# a double-barrelled surname).
_GLUED_DASH = re.compile(r"(?<=[a-z])[–—](?=\s)")


def _unglue_given(match: re.Match[str]) -> str:
    return f"{match[1]} " if match[1] in GIVEN_NAMES else match[0]


def strip_titles(name: str) -> str:
    """ "Mr John Smith" -> "John Smith"; "Supt Jane Doe" -> "Jane Doe"."""
    bare = _TITLE.sub("", name.strip()).strip()
    deputy = _DEPUTY.match(bare)
    if deputy is not None and is_name_token(bare[deputy.end() :].split(" ", 1)[0]):
        bare = bare[deputy.end() :]
    return bare


def _rank_before(text: str, bare: str) -> str:
    """The rank among the titles ``strip_titles`` took off ``text`` ("Det Supt" of
    "Mr Det Supt Jo Hale"), which belongs in the capacity; honorifics are left out."""
    removed = text.strip()[: len(text.strip()) - len(bare)]
    rank = _HONORIFIC_PREFIX.sub("", removed).strip(" .")
    return expand_abbreviation(rank) or rank


def is_abbreviation(text: str) -> bool:
    """ "PCC", "CEx", "ACC LP", "Det Supt SOC", "JA": short, capitals, not a word like "Chair"."""
    text = text.strip()
    if not text or len(text) > 16 or not _ABBREVIATION.match(text):
        return False
    return sum(ch.isupper() for ch in text) >= 2 or role_for_abbreviation(text) is not None


def is_name_token(token: str) -> bool:
    lowered = token.lower().strip(".")
    if lowered in _NOT_NAME_WORDS or any(part in _NOT_NAME_WORDS for part in lowered.split("-")):
        return False
    if len(lowered) > _MIN_PLURAL and lowered.endswith("s") and lowered[:-1] in _NOT_NAME_WORDS:
        return False  # an office's word in the plural ("... Crime Commissioners Jo Hale")
    return bool(_NAME_TOKEN.match(token)) or token.lower() in _PARTICLES


_MIN_PLURAL = 5


def looks_like_name(text: str, *, single_token: bool = False) -> bool:
    """Two to five capitalised name tokens (initials and particles allowed), no role words."""
    tokens = text.replace(",", " ").split()
    if not tokens or len(tokens) > 5 or (len(tokens) < 2 and not single_token):
        return False
    if not tokens[0][:1].isupper() or tokens[0].lower() in _PLACE_PREFIXES:
        return False  # "West Norfolk", "North East Lincolnshire" are places
    if not all(is_name_token(token) for token in tokens):
        return False
    return any(len(token.strip(".")) > 1 for token in tokens)


def _names_a_role(text: str) -> bool:
    """Whether a capacity is written in English role words ("Governance Officer")."""
    return abbreviation_for(text) is not None or any(
        word.lower().strip(",.") in _NOT_NAME_WORDS for word in text.split()
    )


def parse_capacity(text: str | None) -> tuple[str | None, str | None]:
    """(capacity, abbreviation) from "Police and Crime Commissioner (PCC)" or "PCC"."""
    if text is None:
        return None, None
    # "the Chief Constable"; "/ Victim Support", a flattened table's cell
    capacity = re.sub(r"^the\s+(?=[A-Z])", "", text.strip(" \t,;.-–—/"))
    abbreviation: str | None = None
    for inner in _PARENTHESIS.findall(capacity):
        repeated = re.fullmatch(r"[A-Z][a-z]{2,14}", inner) and capacity.startswith(inner)
        if is_abbreviation(inner) or repeated:
            abbreviation = inner.strip()
            capacity = capacity.replace(f"({inner})", " ")
    capacity = re.sub(r"\s+", " ", capacity).strip(" ,;-–—/")
    other_language, slash, english = capacity.partition(" / ")
    if slash and _names_a_role(english) and not _names_a_role(other_language):
        capacity = english.strip()  # "Prif Gwnstabl / Chief Constable"
    if capacity and is_abbreviation(capacity):
        return expand_abbreviation(capacity), abbreviation or capacity
    if not capacity:
        if abbreviation is None:
            return None, None
        return expand_abbreviation(abbreviation), abbreviation
    return capacity, abbreviation or abbreviation_for(capacity)


def _roles_by_first_word() -> dict[str, tuple[str, ...]]:
    """The role names, longest first, by their first word in lower case."""
    by_word: dict[str, list[str]] = {}
    for role in ROLE_NAMES_LONGEST_FIRST:
        by_word.setdefault(role.split(" ", 1)[0].lower(), []).append(role)
    return {word: tuple(names) for word, names in by_word.items()}


_ROLES_BY_FIRST_WORD = _roles_by_first_word()


def _leading_role(text: str) -> tuple[str, str] | None:
    """("PCC", "John Campion") for "PCC John Campion"; None when no role leads the text."""
    lowered = text.lower()
    for role in _ROLES_BY_FIRST_WORD.get(lowered.split(" ", 1)[0], ()):
        if lowered.startswith(role.lower() + " "):
            return text[: len(role)], text[len(role) :].strip(_LEADING_SEPARATORS)
    first, _, rest = text.partition(" ")
    if rest and role_for_abbreviation(first) is not None and first.isupper():
        return first, rest.strip(_LEADING_SEPARATORS)
    return None


def role_then_name(text: str) -> tuple[str, str] | None:
    """("Colin Padgett", "Chief Executive, OPCC") for "Chief Executive, OPCC – Colin Padgett":
    a capacity, a dash and a name (markers such as "(Chair)" after it are allowed)."""
    dash = _LAST_DASH.search(text)
    if dash is None:
        return None
    capacity = text[: dash.start()].strip()
    name = strip_titles(_PARENTHESIS.sub(" ", strip_markers(text[dash.end() :])[0])).strip()
    if not capacity or not looks_like_name(name) or looks_like_name(capacity):
        return None
    if any(_leading_role(part.strip()) for part in capacity.split(",")):
        return None  # "PCC – Donna Jeffers, CC – Amrit Basra": a list of several people
    return name, capacity


def trailing_name(text: str) -> tuple[str, str] | None:
    """("Laura Kinnear", "Head International Programmes") for a capacity written before the
    name without a separator; the words before the name must name a role."""
    tokens = text.split()
    taken = 0
    while taken < min(4, len(tokens) - 1) and is_name_token(tokens[-1 - taken]):
        taken += 1
    # The longest name whose words before it read as a post: "Head of Estates and
    # Facilities Sam Orr" is "Sam Orr", not "Facilities Sam Orr" after a post ending "and".
    for count in range(taken, 1, -1):
        found = _name_after_post(tokens, count)
        if found is not None:
            return found
    return None


def _name_after_post(tokens: list[str], taken: int) -> tuple[str, str] | None:
    """(name, capacity) when the last ``taken`` tokens are a name and the ones before a post."""
    # A title among the words taken is not part of the name ("... That Mr Jo Hale").
    name = strip_titles(" ".join(tokens[-taken:]))
    capacity = " ".join(tokens[:-taken])
    if ":" in capacity:
        return None  # "Contact: Jane Doe" is a field of the header
    capacity = capacity.strip(_LEADING_SEPARATORS)
    if not capacity or not looks_like_name(name):
        return None
    words = capacity.split()
    if not any(is_role_word(word) for word in words) or words[-1].lower() in _CAPACITY_LINKS:
        return None  # "the Police and Crime Commissioner for West Yorkshire"
    lower = [w for w in words if w[:1].islower() and w not in _CAPACITY_LINKS]
    if len(lower) > 1 or any(_VERB.match(w) for w in lower):
        return None  # "Copies of all documents considered are in the Minute Book"
    return name, capacity


def is_role_word(word: str) -> bool:
    """A word of a capacity: a role word, a rank with a slash ("Ch/Supt") or an acronym."""
    bare = word.strip(" ,;:-–—().")
    return (
        bare.lower() in _NOT_NAME_WORDS
        or "/" in bare
        or (2 <= len(bare) <= 6 and bare.isupper())
        or role_for_abbreviation(bare) is not None
    )


# A word in lower case that may be a surname a typist left uncapitalised: not a small word
# nor a verb ("Cllr Hale attending", "Cllr Hale apologised").
_LOWER_SURNAME = re.compile(
    r"^(?!(?:and|of|the|for|to|in|on|at|by|with|was|were|had|has|is|are|be|as|who|also|"
    r"said|sent|gave|took|told|will|would|only|then|present|absent|chair|chairman|that|this|"
    r"these|those|than|then|there|their|them|they|from|into|upon|when|where|which|while|whom|"
    r"whose|what|after|before|since|until|unless|because|whether|being|been|have|both|each|"
    r"must|shall|should|could|might|made|again|about|once)$)"
    r"(?![a-z]+(?:ed|ing|s)$)[a-z][a-z'’-]{3,}$"
)


def _split_name(text: str) -> tuple[str, str] | None:
    parts = _NAME_SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2:
        left = strip_titles(parts[0])
        if looks_like_name(left, single_token=left != parts[0].strip()):
            rank = _rank_before(parts[0], left)
            if left == parts[0].strip() and _group_word_first(left.split()):
                group, _, left = left.partition(" ")  # "Norfolk Jo Hale, Inspector"
                return left, f"{group}, {parts[1]}"
            return left, f"{rank}, {parts[1]}" if rank else parts[1]
        trailing = trailing_name(parts[0])
        if trailing is not None:  # "Mayor Karen Stead, Mayor of West Yorkshire"
            return trailing[0], f"{trailing[1]}, {parts[1]}"
        surname = _surname_like_a_word(parts[0])
        if surname is not None:  # "Councillor Senior - City of Wakefield MDC"
            return surname, parts[1]
    leading = _leading_role(text)
    if leading is not None:
        role, rest = leading
        name = strip_titles(rest)
        if looks_like_name(name, single_token=True):
            return name, role
        tokens = name.split()[:2]  # "Deputy Chief Constable Peter McVeigh Head of ..."
        if len(tokens) == 2 and all(is_name_token(t) for t in tokens):
            named = " ".join(tokens)
            if looks_like_name(named):
                return named, f"{role}, {name[len(named) :].strip(_LEADING_SEPARATORS)}"
    bare = strip_titles(text)
    titled = bare != text.strip()
    tokens = bare.split()
    taken: list[str] = []
    words = 0
    particles = 0
    # "M Dodds Neighbourhood Services Manager": a name that starts with initials ends at the
    # surname after them, as a titled one does.
    initial_first = bool(tokens) and bool(re.fullmatch(r"[A-Z]\.?", tokens[0]))
    for token in tokens:
        if not is_name_token(token):
            break
        if taken and (token.lower() in _PARTICLES or (token in _SAINT and words == 1)):
            particles += 1  # part of the surname after it: neither a word nor an initial
            taken.append(token)
            continue
        words += len(token.strip(".")) > 1 and "." not in token.rstrip(".")
        initials = len(taken) - particles - (words - 1) if taken else 0
        # "Mr Graham Pegg Norfolk County Council": the name ends at the surname, unless the
        # entry's last word is a second surname ("Cllr A Pugh Jones")
        last = len(taken) == len(tokens) - 1
        second = last and initials > 0 and _second_surname(taken[-1], token)
        ends = (titled and words > 2) or ((titled or initial_first) and words > 1 and initials > 0)
        # (a middle initial is followed by the surname: "Cllr Robert J Wynne")
        ends = ends and not (taken and words == 2 and re.fullmatch(r"[A-Z]\.?", taken[-1]))
        if ends and not second and not (last and _middle_name_before(taken, token, words)):
            break
        taken.append(token)
    if _office_word_taken(taken, tokens, titled=titled or initial_first):
        taken.pop()  # "Keith Tolley Media Adviser": the office's first word ends the name
    if len(taken) > 2 and tokens[len(taken) : len(taken) + 1] == ["&"]:
        taken.pop()  # "Kwame Sarpong Ernst & Young": the word before "&" starts a firm's name
    # "Councillor Jo hale": a surname printed in lower case
    lower_surname = len(tokens) == 2 and bool(_LOWER_SURNAME.match(tokens[1]))
    if titled and len(taken) == 1 and lower_surname and is_name_token(taken[0]):
        return f"{taken[0]} {tokens[1]}", _rank_before(text, bare)
    name = " ".join(taken[:5])
    if not titled and _group_word_first(taken):
        # "Suffolk Darren Fulcher (Chief Inspector East)": a group's word before the name
        group, name = taken[0], " ".join(taken[1:])
        rest = bare[len(group) + 1 + len(name) :].strip(" ,;-–—")
        return name, f"{group}, {rest}" if rest else group
    if looks_like_name(name, single_token=titled):
        rest = bare[len(name) :].strip(" ,;-–—")
        rank = _rank_before(text, bare)
        return name, f"{rank}, {rest}" if rank and rest else rank or rest
    found = role_then_name(text) or trailing_name(text)
    if found is None and (surname := _surname_like_a_word(text)) is not None:
        return surname, ""  # "Mrs Page"
    return found


# Surnames that are also words of offices, places or documents, which the name's rules read
# as no name: after an honorific alone, they are the surname ("Councillor Senior").
_WORD_SURNAMES = frozenset(("Senior", "Head", "Page", "Street", "Chambers", "Lead", "Book"))


def _surname_like_a_word(text: str) -> str | None:
    """The surname after an honorific when it is a word that also names offices or things
    ("Councillor Senior", "Mrs Page", "Mr Head"); not any such word ("Councillor District",
    left by "District Councillors ...")."""
    title = _HONORIFIC_PREFIX.match(text.strip())
    if title is None:
        return None
    word = text.strip()[title.end() :].strip()
    return word if word in _WORD_SURNAMES else None


def _office_word_taken(taken: list[str], tokens: list[str], *, titled: bool) -> bool:
    """Whether the third word of an untitled name is the first of the office after it: a
    given name and a surname, then a word that is neither, then a word of an office, or "and"
    and the rest of an office's name ("Jo Hale Inclusion and Public Confidence Officer")."""
    return (
        not titled
        and len(taken) == 3
        and len(tokens) > 3
        and taken[0] in GIVEN_NAMES
        and all(len(word.strip(".")) > 1 for word in taken)
        and taken[1] not in GIVEN_NAMES
        and taken[2] not in GIVEN_NAMES
        and taken[2] not in _SECOND_SURNAMES
        and (is_role_word(tokens[3]) or _office_after_and(tokens[3:]))
    )


_OFFICE_AFTER_AND_WORDS = 4


def _office_after_and(tokens: list[str]) -> bool:
    """Whether the words open with "and" and go on, in capitals and naming nobody, to a word
    of an office within a few words ("and Public Confidence Officer")."""
    if not tokens or tokens[0] not in ("and", "&"):
        return False
    for token in tokens[1 : 1 + _OFFICE_AFTER_AND_WORDS]:
        word = token.strip(",;")
        if not word[:1].isupper() or word in GIVEN_NAMES:
            return False
        if is_role_word(word):
            return True
    return False


# The commonest Welsh patronymic surnames, the usual second word of a surname of two words
# written without a hyphen ("Cllr A Pugh Jones", "Mrs E Wyn Davies").
_SECOND_SURNAME_TEXT = (
    "Jones Davies Davis Williams Evans Thomas Roberts Hughes Lewis Morgan Griffiths Owen Owens "
    "Price Rees Edwards James Phillips Parry Lloyd Jenkins Powell Pritchard Bowen Howells"
)
_SECOND_SURNAMES = frozenset(_SECOND_SURNAME_TEXT.split())


# Words that stand between a given name and the surname in Welsh names ("Alun Wyn Daniel",
# "Aled Prys Evans", "Siôn Elis Roberts"), besides the given names listed.
_MIDDLE_NAME_TEXT = (
    "Wyn Wynne Prys Rhys Elis Ellis Gwyn Gwynfor Glyn Emlyn Merfyn Tudur Llyr Llŷr Eifion "
    "Arfon Hefin Tecwyn Islwyn Gerallt Dafydd Iorwerth"
)
_MIDDLE_NAMES = frozenset(_MIDDLE_NAME_TEXT.split())


# Middle names that are also given names, besides the Welsh ones ("Nkem Grace Okafor").
_COMMON_MIDDLE_NAME_TEXT = (
    "Ann Anne Jane Marie Louise Lee Kay Lynn Grace Rose May Kumar Singh Kaur Devi"
)
_COMMON_MIDDLE_NAMES = _MIDDLE_NAMES | frozenset(_COMMON_MIDDLE_NAME_TEXT.split())


def _group_word_first(taken: list[str]) -> bool:
    """Whether the first of three name words is the name of the group a person belongs to,
    set before the name as a flattened column leaves it ("Suffolk Darren Fulcher"): a word
    that is no given name before a listed given name and a surname, neither of which is
    known as the middle or second part of a longer name ("Gruffydd Rhys Thomas", "Eirlys
    Morgan Jones", "Nkem Grace Okafor" stay whole)."""
    if len(taken) != 3 or not all(len(word) > 1 and word.isalpha() for word in taken[:2]):
        return False
    first, given, surname = taken
    return (
        first not in GIVEN_NAMES
        and first not in _MIDDLE_NAMES
        and given in GIVEN_NAMES
        and given not in _COMMON_MIDDLE_NAMES
        and surname not in GIVEN_NAMES
        and surname not in _SECOND_SURNAMES
    )


# The second half of double given names ("Sarah Jane", "Mary Ann"), which are no surnames.
_SECOND_GIVEN = frozenset(("Ann", "Anne", "Jane", "Marie", "Louise"))


def _middle_name_before(taken: list[str], word: str, words: int) -> bool:
    """Whether the entry's last word, after a titled name of two words or an initial and a
    word ("Cllr Dai Rhys Jones", "Cllr Anne Parry Jones", "J Emlyn Baines"), ends a name of
    three rather than starting a place or an office: the word before it is a Welsh middle
    name (after an initial, any listed given name), or it is a second surname. ("Cllr Jo Hale
    Wigan" and "Cllr Farida Akhtar Rochdale", whose given names are also surnames, stay
    names of two words.)"""
    if words > 3 or is_role_word(word) or word.lower() in _PLACE_PREFIXES:
        return False
    middle = taken[-1].strip(".")
    if words == 2:  # after an initial, a listed given name is the one the person goes by
        return middle in GIVEN_NAMES or middle in _MIDDLE_NAMES
    return middle in _MIDDLE_NAMES or middle in _SECOND_GIVEN or _second_surname(middle, word)


def _second_surname(surname: str, word: str) -> bool:
    """Whether the entry's last word, after initials and a surname, is the second of a
    surname of two words ("Cllr A Pugh Jones") rather than a place or an office."""
    return word in _SECOND_SURNAMES and not is_role_word(surname)


def is_prose(capacity: str | None) -> bool:
    """Whether what follows a name is a sentence ("told the Panel that ...", "sent apologies")
    rather than a capacity: it starts with a verb, or is long and starts in lower case."""
    if not capacity:
        return False
    words = capacity.split()
    first = words[0]
    if not first[:1].islower() or first in _CAPACITY_LINKS:
        return False
    return bool(_VERB.match(first)) or len(words) >= 10


_VERB = re.compile(
    r"^(?:\w+ed|is|was|were|had|has|have|will|would|could|should|may|might|can|did|does|do|"
    r"told|said|sent|gave|took|paid|undertook|made|also|then|who|which|that|but|as|if|when|"
    r"asks|says|thanks|notes|welcomes|explains|reports|agrees|confirms)$"
)
_CAPACITY_LINKS = frozenset(("of", "for", "to", "and", "at", "in", "on", "from", "the", "&"))


# "ASHWORTH, Professor L", "DENBY, Councillor F – in the Chair": a roll that prints the surname
# first, in capitals, then a comma and the title with the initials or given name.
_SURNAME_FIRST = re.compile(
    r"^(?P<surname>[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?),\s+"
    r"(?P<title>(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Cllr|Councillor|"
    r"County\s+Councillor|Alderman|Rev|Revd|Reverend|Canon)\.?\s+)+)"
    r"(?P<given>(?:[A-Z]\.?\s?){1,3}(?![\w'’])|[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w'’]))"
)


# Words in capitals before a comma that are labels, not surnames ("PRESENT, Mr Jo Hale").
_NOT_SURNAMES_FIRST = frozenset((
    "present", "apologies", "attendance", "attendees", "absent", "chair", "chairman", "members",
    "officers", "also", "observers", "substitutes", "in", "note", "minutes", "vice",
))  # fmt: skip
_SURNAME_FIRST_IN_RUN = re.compile(rf"(?<![\w'’-]){_SURNAME_FIRST.pattern[1:]}")


def surname_first(text: str) -> str:
    """A run whose entries print the surname first in capitals ("ASHWORTH, Professor L
    DENBY, Councillor F") written as names are, each after a comma ("Professor L Ashworth,
    Councillor F Denby"); any other text unchanged."""

    def name(match: re.Match[str]) -> str:
        surname = match["surname"]
        if (
            surname.lower() in _NOT_SURNAMES_FIRST
            or not re.search(r"[AEIOUY]", surname)
            or _POSTNOMINALS.fullmatch(f"x {surname}", 1)  # ("Jo Hale OBE, Cllr Roy Tapp")
        ):
            return match.group()
        before = text[: match.start()].rstrip()
        comma = ", " if before and not before.endswith((",", ";", ":", "(")) else ""
        return f"{comma}{match['title']}{match['given'].strip()} {match['surname'].title()}"

    return _SURNAME_FIRST_IN_RUN.sub(name, text)


def strip_markers(text: str) -> tuple[str, bool, bool]:
    """(text without "(Chair)"/"- minutes" marks, is chair, is minute taker)."""
    is_chair = bool(_CHAIR_MARK.search(text))
    text = _CHAIR_MARK.sub("", text).strip()
    is_minute_taker = bool(_MINUTES_MARK.search(text))
    return _MINUTES_MARK.sub("", text).strip(" ,;-–—"), is_chair, is_minute_taker


@functools.lru_cache(maxsize=4096)
def split_person(text: str) -> Person | None:
    """A person from an attendance entry or a header value, or None if no name is found.

    Lists ask for the same entry several times (to part a run, then to read it): the
    answers, which never change, are kept for the latest few thousand entries.
    """
    entry = re.sub(r"\s+", " ", re.sub(r"\t|\s*\|\s*", " , ", text)).strip(" ,;:-–—•*·")
    entry = surname_first(entry)
    entry = _GLUED_DASH.sub(" –", entry)
    entry = _dot_leader(entry)
    entry = _GLUED_GIVEN.sub(_unglue_given, entry)
    entry = _GLUED_STOPPED_INITIALS.sub(r"\1 ", entry)
    entry = _GLUED_ACRONYM.sub(" ", entry)
    entry = unglue_office(entry)
    entry = strip_postnominals(entry)
    entry, is_chair, is_minute_taker = strip_markers(re.sub(r"\.$", "", entry))
    entry = _INITIALS_THEN_POST.sub(_initials_end_name, entry, count=1)
    role_in_brackets: str | None = None
    abbreviation: str | None = None
    for inner in _PARENTHESIS.findall(entry):
        if is_abbreviation(inner):
            abbreviation = inner.strip()
        elif role_in_brackets is None and inner.strip():
            role_in_brackets = inner.strip()
    lone = _LONE_NAME.fullmatch(entry)
    entry = re.sub(r"\s+", " ", _PARENTHESIS.sub(" ", entry)).strip(" ,;-–—")
    split = _split_name(entry)
    if split is None and lone is not None and _lone_name(lone):
        # "Mirela (M)": one name only, as a list of "Name (INITIALS)" prints it
        initials = lone["initials"]
        return Person(lone["name"], None, initials if len(initials) > 1 else None)
    if split is None:
        return None
    name, rest = split
    if _GROUP_WORD.fullmatch(rest.strip(" ,;:-–—")):
        return None  # "Added Members", "Co-opted Members": a group's name inside a list
    if _COUNCIL_KIND.fullmatch(rest) and entry == f"{name} {rest}":
        # "Tor Vale District Council" names a council, not a person; "Jo Hale Tor Vale
        # District Council", a person and the council after the name.
        words = name.split()
        if len(words) < 3:
            return None
        initials = next(
            (i for i, w in enumerate(words) if not re.fullmatch(r"[A-Z]\.?", w)), len(words)
        )
        taken = initials + 1 if initials else 2  # ("J A Hale Rye Council")
        if taken >= len(words):
            return None
        name, rest = " ".join(words[:taken]), f"{' '.join(words[taken:])} {rest}"
    capacity_text = rest.strip(" ,;:-–—") or role_in_brackets
    chair_office = _CHAIR_CAPACITY.match(capacity_text or "")
    if chair_office is not None:
        is_chair = True
        capacity_text = capacity_text if chair_office["office"] else role_in_brackets
    if capacity_text and role_in_brackets and capacity_text != role_in_brackets:
        capacity_text = f"{capacity_text} ({role_in_brackets})"
    if abbreviation is not None:
        capacity_text = f"{capacity_text} ({abbreviation})" if capacity_text else abbreviation
    leading_chair = _LEADING_CHAIR.match(capacity_text or "")
    if leading_chair is not None:  # "Jane Doe (JD) Chair – Police & Crime Commissioner"
        is_chair, capacity_text = True, (capacity_text or "")[leading_chair.end() :] or None
    capacity, abbreviation = parse_capacity(capacity_text)
    bare = rest.strip(" ,;:-–—")
    if capacity is None and bare and is_abbreviation(bare):
        capacity = bare  # an organisation's initials after the name: "Gary Ellis - AWYA"
    return Person(name, capacity, abbreviation, is_chair, is_minute_taker)


# A name of one word and its initials in brackets: "Mirela (M)", "Tariq (TM)".
_LONE_NAME = re.compile(r"(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2,})\s*\((?P<initials>[A-Z]{1,3})\)")


def _lone_name(match: re.Match[str]) -> bool:
    """Whether one word and its initials name a person: the initials open with the word's
    letter and the word is no word of an office or a thing ("Chair (C)")."""
    name = match["name"]
    return match["initials"][0] == name[0] and is_name_token(name) and not is_role_word(name)


# The kind of council after a place's name, with nothing between: "Tor District Council".
_COUNCIL_KIND = re.compile(
    r"(?:(?:City|County|Borough|District|Metropolitan|Parish|Town|Unitary|Community)\s+)*"
    r"Council"
)


# "Chairman…………… Mr T Penhaligon", "Jo Hale ........ Treasurer": an office and a name
# joined by a leader of dots, as a printed front sheet sets them in two columns.
_DOT_LEADER = re.compile(r"\s*(?:\.{3,}|…+\.*)[.…\s]*")


def has_dot_leader(text: str) -> bool:
    """Whether a line joins two columns with a leader of dots."""
    return bool(_DOT_LEADER.search(text))


def _dot_leader(entry: str) -> str:
    """The entry with its dot leader made a separator, the name first: an office before the
    leader goes into brackets after the name."""
    parts = _DOT_LEADER.split(entry, maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return entry
    left, right = parts
    if looks_like_name(strip_titles(right), single_token=strip_titles(right) != right) and not (
        looks_like_name(strip_titles(left))
    ):
        return f"{right} ({left})"
    return f"{left} – {right}"


_GROUP_WORD = re.compile(r"members|officers|councillors|representatives", re.IGNORECASE)


def _name_key(name: str) -> list[str]:
    return strip_titles(name).lower().split()


def same_person(a: str, b: str) -> bool:
    """Names equal ignoring case, spacing and titles, or one is the other's surname/initial form."""
    first = _name_key(a)
    second = _name_key(b)
    if not first or not second:
        return False
    if first == second:
        return True
    if first[-1] != second[-1]:
        return False
    if len(first) == 1 or len(second) == 1:
        return True  # "Doyle" (as in "ACC Doyle") and "Kate Doyle"
    return first[0][0] == second[0][0] and (len(first[0]) <= 2 or len(second[0]) <= 2)


@dataclass
class _Surname:
    """The names sharing one last word, by what ``same_person`` compares after it."""

    first: int
    single: int | None = None
    """The first name of one word (it matches any name with this last word)."""
    by_initial: dict[str, int] = field(default_factory=dict)
    """The first name of two or more words per initial."""
    short_by_initial: dict[str, int] = field(default_factory=dict)
    """The first name of two or more words per initial whose first word has 1 or 2 letters."""


class NameIndex:
    """Names in the order they were added, to find the first one ``same_person`` as another.

    Only names with the same last word can be the same person, and among those the rules of
    ``same_person`` need the first name of one word, the first name with the same initial
    (the first one whose first word is an initial, when the new name's is not) or the first
    equal name: each is kept, so a lookup costs the same however many names came before.
    """

    def __init__(self) -> None:
        self._count = 0
        self._equal: dict[tuple[str, ...], int] = {}
        self._surnames: dict[str, _Surname] = {}

    def first_match(self, name: str) -> int | None:
        """The position of the first name added that is ``same_person`` as ``name``."""
        words = _name_key(name)
        if not words:
            return None
        surname = self._surnames.get(words[-1])
        if surname is None:
            return None
        if len(words) == 1:
            return surname.first
        initials = surname.by_initial if len(words[0]) <= 2 else surname.short_by_initial
        found = [
            position
            for position in (
                self._equal.get(tuple(words)),
                surname.single,
                initials.get(words[0][0]),
            )
            if position is not None
        ]
        return min(found, default=None)

    def add(self, name: str) -> int:
        """Add a name; returns its position."""
        position = self._count
        self._count += 1
        words = _name_key(name)
        if not words:
            return position
        self._equal.setdefault(tuple(words), position)
        surname = self._surnames.setdefault(words[-1], _Surname(position))
        if len(words) == 1:
            if surname.single is None:
                surname.single = position
            return position
        surname.by_initial.setdefault(words[0][0], position)
        if len(words[0]) <= 2:
            surname.short_by_initial.setdefault(words[0][0], position)
        return position
