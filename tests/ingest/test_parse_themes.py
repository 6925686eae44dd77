import pytest

from ingest.clean import clean_text
from ingest.draft import GlossaryEntry, ItemDraft, Span
from ingest.parse.items import parse_items
from ingest.parse.lines import split_lines
from ingest.parse.themes import (
    acronym_letters_fit,
    assign_themes,
    find_acronym_definitions,
    load_base_glossary,
    parse_glossary_csv,
)
from tests.conftest import SEED

# --- acronym definitions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "acronym", "long_form"),
    [
        ("Officers now wear Body Worn Video (BWV) at every incident.", "BWV", "Body Worn Video"),
        ("Footage from BWV (Body Worn Video) was reviewed.", "BWV", "Body Worn Video"),
        (
            "Feedback from Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services "
            "(HMICFRS) was positive.",
            "HMICFRS",
            "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
        ),
        (
            "The PCC asked if Learning and Development (L&D) had capacity.",
            "L&D",
            "Learning and Development",
        ),
        ("In addition the new Single Online Home (SOH) will help.", "SOH", "Single Online Home"),
        ("commenting that domestic abuse (DA) had featured", "DA", "domestic abuse"),
        (
            "John Campion\tPolice and Crime Commissioner (PCC)",
            "PCC",
            "Police and Crime Commissioner",
        ),
        (
            "Rape and Serious Sexual Offences (RASSO) investigations",
            "RASSO",
            "Rape and Serious Sexual Offences",
        ),
        ("rising Anti-Social Behaviour (ASB) in the town", "ASB", "Anti-Social Behaviour"),
        (
            "the Multi-Agency Risk Assessment Conference (MARAC) met",
            "MARAC",
            "Multi-Agency Risk Assessment Conference",
        ),
        (
            "scored with the Management of Risk in Law Enforcement (MoRiLE) model",
            "MoRiLE",
            "Management of Risk in Law Enforcement",
        ),
        (
            "the National Police Chiefs' Council (NPCC) framework",
            "NPCC",
            "National Police Chiefs' Council",
        ),
        ("Sian Pritchard\tDirector of Finance (DoF)", "DoF", "Director of Finance"),
    ],
)
def test_definitions_whose_long_form_spells_the_acronym(
    text: str, acronym: str, long_form: str
) -> None:
    assert find_acronym_definitions(text)[acronym] == long_form


def test_a_plural_acronym_defines_the_singular() -> None:
    found = find_acronym_definitions(
        "The force issued 212 Domestic Violence Protection Notices (DVPNs) and asked "
        "Chief Officers (CO's) to review them."
    )
    assert found["DVPN"] == "Domestic Violence Protection Notice"
    assert found["CO"] == "Chief Officer"


def test_glossary_lines_define_acronyms() -> None:
    text = (
        "Glossary\nASB – Anti-social behaviour\nOCG: Organised Crime Group\nCC\tChief Constable\n"
    )
    assert find_acronym_definitions(text) == {
        "ASB": "Anti-social behaviour",
        "OCG": "Organised Crime Group",
        "CC": "Chief Constable",
    }


@pytest.mark.parametrize(
    "text",
    [
        "the new cameras (BWV) were issued",
        "the budget was agreed (paper A)",
        "Joanne Ashworth\tChief Constable (JA)",
        "AUTHOR = author",
        "see the report (Appendix 2)",
    ],
)
def test_no_definition_when_the_letters_do_not_fit(text: str) -> None:
    assert find_acronym_definitions(text) == {}


def test_the_first_definition_of_an_acronym_wins() -> None:
    text = "domestic abuse (DA) featured. 1.2 Actions following a report of domestic abuser (DA)"
    assert find_acronym_definitions(text)["DA"] == "domestic abuse"


def test_letters_may_come_from_inside_a_word_or_a_small_word() -> None:
    assert acronym_letters_fit("CCTV", ["Closed", "Circuit", "Television"])
    assert acronym_letters_fit("DoF", ["Director", "of", "Finance"])
    assert not acronym_letters_fit("DA", ["the", "domestic", "abuse"])
    assert not acronym_letters_fit("SOC", ["Serious", "Crime"], strict=True)
    assert acronym_letters_fit("SOC", ["Serious", "and", "Organised", "Crime"], strict=True)


# --- glossary --------------------------------------------------------------------------------


def test_base_glossary_is_curated_and_consistent() -> None:
    entries = load_base_glossary()
    codes = [e.code for e in entries]
    assert 60 <= len(entries) <= 110
    assert len(codes) == len(set(codes))
    themes = {e.code for e in entries if e.is_theme}
    assert {"DA", "SOC", "VAWG", "CSE", "ASB", "RASSO", "HATE", "KNIFE", "ROADS", "CYBER"} <= themes
    assert {"MH", "MISPER", "SNS", "CONTACT", "NHP", "WORKFORCE", "FINANCE", "VICTIMS"} <= themes
    for entry in entries:
        assert entry.code == entry.code.strip() and entry.name == entry.name.strip()
        assert entry.theme_code is None or entry.theme_code in themes
        assert not (entry.is_theme and entry.theme_code)
        if entry.is_theme:
            assert entry.code.isupper()


def test_base_glossary_links_acronyms_to_themes() -> None:
    by_code = {e.code: e for e in load_base_glossary()}
    assert "domestic violence" in by_code["DA"].aliases
    assert "domestic abuser" in by_code["DA"].aliases
    assert {"999", "101", "call handling"} <= set(by_code["CONTACT"].aliases)
    assert {"uplift", "recruitment"} <= set(by_code["WORKFORCE"].aliases)
    assert {"budget", "precept"} <= set(by_code["FINANCE"].aliases)
    for acronym, theme in [
        ("MARAC", "DA"), ("DASH", "DA"), ("DVPN", "DA"), ("DVPO", "DA"), ("IDVA", "DA"),
        ("ISVA", "RASSO"), ("OCG", "SOC"), ("CSAE", "CSE"),
    ]:  # fmt: skip
        assert by_code[acronym].theme_code == theme
    assert by_code["HMICFRS"].theme_code is None
    assert by_code["BWV"].name == "Body Worn Video"
    assert by_code["L&D"].name == "Learning and Development"


def test_glossary_csv_reads_flags_and_aliases() -> None:
    entries = parse_glossary_csv(
        "code,name,is_theme,theme_code,aliases\n"
        "DA,Domestic Abuse,true,,domestic violence|domestic abuser\n"
        "MARAC,Multi-Agency Risk Assessment Conference,false,DA,\n"
        ",missing code,false,,\n"
    )
    assert entries == [
        GlossaryEntry("DA", "Domestic Abuse", True, None, ("domestic violence", "domestic abuser")),
        GlossaryEntry("MARAC", "Multi-Agency Risk Assessment Conference", False, "DA", ()),
    ]


# --- themes ----------------------------------------------------------------------------------

GLOSSARY = [
    GlossaryEntry("DA", "Domestic Abuse", True, aliases=("domestic violence", "domestic abuser")),
    GlossaryEntry("SOC", "Serious and Organised Crime", True, aliases=("organised crime",)),
    GlossaryEntry("FINANCE", "Finance", True, aliases=("budget", "precept")),
    GlossaryEntry("ASB", "Anti-Social Behaviour", True),
    GlossaryEntry("MARAC", "Multi-Agency Risk Assessment Conference", theme_code="DA"),
    GlossaryEntry("OCG", "Organised Crime Group", theme_code="SOC"),
    GlossaryEntry("BWV", "Body Worn Video"),
]


def items_from(text: str, *titles: str) -> list[ItemDraft]:
    """Flat items, one per title, each from its title to the next one."""
    starts = [text.index(title) for title in titles]
    ends = [*starts[1:], len(text)]
    return [
        ItemDraft(str(n), title, text[s:e], Span(s, e))
        for n, (title, s, e) in enumerate(zip(titles, starts, ends, strict=True), start=1)
    ]


def test_items_take_themes_by_code_name_alias_and_linked_acronym() -> None:
    text = (
        "Referrals\nMARAC referrals rose. The MARAC chair was appointed.\n"
        "Budget\nThe precept was agreed and the budget balanced.\n"
        "Crime groups\nThe force is disrupting 34 OCGs linked to organised crime.\n"
        "Violence at home\nDomestic violence reports and DA arrests were discussed.\n"
    )
    items = items_from(text, "Referrals", "Budget", "Crime groups", "Violence at home")
    themes = assign_themes(items, text, GLOSSARY, {})
    assert [item.themes for item in items] == [["DA"], ["FINANCE"], ["SOC"], ["DA"]]
    assert themes == ["DA", "FINANCE", "SOC"]


def test_an_acronym_defined_in_the_text_counts_for_the_theme_it_names() -> None:
    text = (
        "Training\nThe Domestic Abuse Matters (DAM) course ran. DAM is now mandatory. DAM works.\n"
    )
    items = items_from(text, "Training")
    acronyms = find_acronym_definitions(text)
    assign_themes(items, text, GLOSSARY, acronyms)
    assert items[0].themes == ["DA"]


def test_a_title_outweighs_passing_mentions_and_themes_are_ordered_by_strength() -> None:
    body = " ".join(["The force reviewed the case files in detail."] * 30)
    text = f"Anti-Social Behaviour\n{body} The budget was noted. The budget was noted again.\n"
    items = items_from(text, "Anti-Social Behaviour")
    assign_themes(items, text, GLOSSARY, {})
    assert items[0].themes == ["ASB", "FINANCE"]


def test_one_passing_mention_tags_a_short_item_but_not_a_long_one() -> None:
    long_body = " ".join(["Officers discussed the rota for the coming months."] * 30)
    text = f"Short\nThe budget was noted.\nLong\n{long_body} The budget was noted.\n"
    items = items_from(text, "Short", "Long")
    assign_themes(items, text, GLOSSARY, {})
    assert items[0].themes == ["FINANCE"]
    assert items[1].themes == []


def test_long_form_with_acronym_counts_once_and_case_matters_for_codes() -> None:
    long_body = " ".join(["Officers discussed the rota for the coming months."] * 30)
    text = f"Item\n{long_body} Domestic abuse (DA) was raised; the da bus stop moved.\n"
    items = items_from(text, "Item")
    themes = assign_themes(items, text, GLOSSARY, {})
    assert items[0].themes == []
    assert themes == []


def test_job_titles_are_not_theme_mentions() -> None:
    text = (
        "Welcome\nApologies from the Chief Finance Officer and the Director of Finance (DoF).\n"
        "DoF to circulate the paper.\n"
    )
    items = items_from(text, "Welcome")
    assert assign_themes(items, text, GLOSSARY, find_acronym_definitions(text)) == []
    assert items[0].themes == []


def test_seed_meeting_is_about_domestic_abuse() -> None:
    text = clean_text(SEED.read_text(encoding="utf-8")).text
    items = parse_items(text, split_lines(text))
    themes = assign_themes(items, text, load_base_glossary(), find_acronym_definitions(text))
    assert themes[0] == "DA"
    by_number = {item.number: item for item in items}
    assert by_number["1"].themes[0] == "DA"
    assert "DA" in by_number["1.2"].themes
    assert "VICTIMS" in by_number["1.4"].themes
    assert "DA" in by_number["1.4"].themes  # MARAC
