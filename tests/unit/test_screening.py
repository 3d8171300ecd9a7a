"""Unit tests of lib.screening: every cut-off edge, labels by source, and no diagnoses."""

from __future__ import annotations

import math
import re

import pytest
import textstat
from hypothesis import given
from hypothesis import strategies as st

from lib import content, screening
from lib.content import ContentError
from lib.screening import Flag, ScreenResult
from tests.conftest import CONTENT, LEDGER

SOURCES = content.load_sources(CONTENT / "sources.yaml")
SCREENING_YAML = CONTENT / "screening.yaml"
TEXT = screening.load_text(SCREENING_YAML)
OLD = 70  # an age every cut-off is made for

CONCERN, OK, NO_NORM, NOT_DONE = Flag.CONCERN, Flag.OK, Flag.NO_NORM, Flag.NOT_DONE
# The house aim is US grade 8; above grade 9 fails, as for the articles.
MAX_GRADE = 9.0

# The CDC 30-second chair stand norms, copied by hand from the ledger 4d (SC-30..SC-36):
# fact id, age low, age high, men below average if under, women below average if under.
NORMS = [
    ("SC-30", 60, 64, 14, 12),
    ("SC-31", 65, 69, 12, 11),
    ("SC-32", 70, 74, 12, 10),
    ("SC-33", 75, 79, 11, 10),
    ("SC-34", 80, 84, 10, 9),
    ("SC-35", 85, 89, 8, 8),
    ("SC-36", 90, 94, 7, 4),
]

# Every row, both ends of its age band, both sexes, one stand under and at the threshold.
CHAIR_STAND_EDGES = [
    pytest.param(age, sex, stands, flag, fact_id, id=f"{sex}-{age}-{stands}")
    for fact_id, low, high, men, women in NORMS
    for age in (low, high)
    for sex, threshold in (("male", men), ("female", women))
    for stands, flag in ((threshold - 1, CONCERN), (threshold, OK))
]

SCREEN_KEYS = {
    "sarc_f",
    "chair_stand",
    "balance",
    "tug_falls",
    "tug_severity",
    "sts5_ewgsop2",
    "sts5_awgs",
    "grip_ewgsop2",
    "grip_awgs",
}


def flags(results: tuple[ScreenResult, ...]) -> tuple[Flag, ...]:
    return tuple(r.flag for r in results)


def fact_text(where: str) -> str:
    """A ledger section such as "4a" (its notes and facts), else the text of one fact."""
    if re.fullmatch(r"\d[a-z]", where):
        return LEDGER.section_text(where)
    return LEDGER.facts[where].text


def section_4() -> str:
    return LEDGER.section_text("4")


def numbers_in(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


def reader_texts(result: ScreenResult) -> tuple[str, ...]:
    return (
        result.name,
        result.unit,
        result.cutoff,
        result.meaning,
        result.next_step,
        result.purpose,
        result.population,
    )


# --- constants against the fact sheet ----------------------------------------------------

# Constant name, value, where the ledger states it (fact id, or "4d" for the CDC set-up notes),
# and a pattern for the figure as printed there.
CONSTANTS = [
    ("SARC_F_CUTOFF", 4, "SC-01", r"≥4"),
    ("SARC_F_CUTOFF", 4, "SC-21", r"≥4"),
    ("SARC_F_MAX", 10, "SC-01", r"total 0\D10\b"),
    ("SARC_F_ITEM_MAX", 2, "4a", r"\| 0 \| 1 \| 2 \|"),
    ("GRIP_EWGSOP2_MEN_KG", 27, "SC-12", r"<27 kg \| <16 kg"),
    ("GRIP_EWGSOP2_WOMEN_KG", 16, "SC-12", r"<27 kg \| <16 kg"),
    ("GRIP_AWGS_MEN_KG", 28, "SC-22", r"<28 kg \| <18 kg"),
    ("GRIP_AWGS_WOMEN_KG", 18, "SC-22", r"<28 kg \| <18 kg"),
    ("STS5_EWGSOP2_SECONDS", 15, "SC-13", r">15 s"),
    ("STS5_AWGS_SECONDS", 12, "SC-24", r"≥12 s"),
    ("STS5_RISES", 5, "SC-13", r"5 rises"),
    ("TUG_FALL_RISK_SECONDS", 12, "SC-41", r"taking ≥12 s is at risk of falling"),
    ("TUG_SEVERITY_SECONDS", 20, "SC-18", r"≥20 s"),
    ("BALANCE_HOLD_SECONDS", 10, "SC-40", r"tandem stance for ≥10 s"),
    ("BALANCE_TANDEM_STAGE", 3, "SC-40", r"\b3 tandem"),
    ("BALANCE_STAGE_COUNT", 4, "SC-40", r"four positions"),
    ("CHAIR_STAND_AGE_MIN", 60, "SC-30", r"\b60\D64\b"),
    ("CHAIR_STAND_AGE_MAX", 94, "SC-36", r"\b90\D94\b"),
    ("CHAIR_STAND_SECONDS", 30, "4d", r"Count full stands in 30 s"),
    ("CHAIR_SEAT_HEIGHT_IN", 17, "4d", r"about 17 in \(43 cm\)"),
    ("CHAIR_SEAT_HEIGHT_CM", 43, "4d", r"about 17 in \(43 cm\)"),
    ("TUG_WALK_FT", 10, "4d", r"walk 10 ft \(3 m\)"),
    ("TUG_WALK_M", 3, "4d", r"walk 10 ft \(3 m\)"),
]


@pytest.mark.parametrize(("name", "value", "where", "pattern"), CONSTANTS)
def test_constant_equals_its_fact_sheet_figure(name, value, where, pattern):
    """Each cut-off constant has the figure we copied from the ledger."""
    assert getattr(screening, name) == value


@pytest.mark.parametrize(("name", "value", "where", "pattern"), CONSTANTS)
def test_fact_sheet_prints_each_constant_where_cited(name, value, where, pattern):
    """the ledger still prints each constant's figure under the fact id its comment cites."""
    assert re.search(pattern, fact_text(where)), f"{name}={value}: {pattern!r} not in {where}"


def test_chair_stand_table_matches_the_fact_sheet_exactly():
    """The norms table is, row for row, the SC-30..SC-36 table of the ledger."""
    from_sheet = []
    for fact in LEDGER.facts.values():
        if fact.id.startswith("SC-3"):
            low, high = re.findall(r"\d+", fact.values["age"])
            men = fact.values["men_below_average_if"].lstrip("<")
            women = fact.values["women_below_average_if"].lstrip("<")
            from_sheet.append((fact.id, int(low), int(high), int(men), int(women)))
    assert from_sheet == NORMS


def test_chair_stand_norms_constant_is_the_table():
    """The typed table holds SC-30..SC-36 exactly, in age order."""
    as_built = [
        (n.fact_id, n.age_low, n.age_high, n.men_below, n.women_below)
        for n in screening.CHAIR_STAND_NORMS
    ]
    assert as_built == NORMS


def test_chair_stand_norm_table_is_the_table_for_charts():
    """The public table gives (age low, age high, men, women) for every band in age order."""
    assert screening.chair_stand_norm_table() == tuple(row[1:] for row in NORMS)


def test_screening_not_diagnosis_wording():
    """The content file's caption says plainly that this is screening."""
    assert TEXT.not_diagnosis == "Screening, not a diagnosis."


# --- 30-second chair stand ---------------------------------------------------------------


@pytest.mark.parametrize(("age", "sex", "stands", "flag", "fact_id"), CHAIR_STAND_EDGES)
def test_chair_stand_every_band_edge(age, sex, stands, flag, fact_id):
    """One stand under the threshold is below average; the threshold itself is not."""
    result = screening.chair_stand(stands, age, sex, text=TEXT)
    assert result.flag is flag
    assert result.value == stands
    assert result.fact_ids == (fact_id, "SC-53")


@pytest.mark.parametrize(
    ("stands", "age", "sex", "flag", "cutoff"),
    [
        (9, 72, "female", CONCERN, "below 10 stands (women 70-74)"),
        (10, 72, "female", OK, "below 10 stands (women 70-74)"),
        (11, 72, "male", CONCERN, "below 12 stands (men 70-74)"),
        (12, 72, "male", OK, "below 12 stands (men 70-74)"),
    ],
)
def test_chair_stand_worked_examples(stands, age, sex, flag, cutoff):
    """A woman of 72 needs 10 stands and a man of 72 needs 12 to be average or better."""
    result = screening.chair_stand(stands, age, sex, text=TEXT)
    assert (result.flag, result.cutoff) == (flag, cutoff)


@pytest.mark.parametrize(
    ("age", "men", "women"),
    [(age, men, women) for _, low, high, men, women in NORMS for age in (low, high)]
    + [(59, None, None), (95, None, None), (0, None, None), (-1, None, None), (120, None, None)],
)
def test_chair_stand_norm_by_age(age, men, women):
    """Each band edge (64/65, 69/70 ... 89/90) has its own row's norm; 59 and 95 have none."""
    assert screening.chair_stand_norm(age, "male") == men
    assert screening.chair_stand_norm(age, "female") == women


@pytest.mark.parametrize("age", [59, 95, 30, 110])
@pytest.mark.parametrize("sex", ["female", "male"])
def test_chair_stand_outside_60_to_94_has_no_norm(age, sex):
    """Outside the CDC age range the result says so and is never extrapolated."""
    result = screening.chair_stand(10, age, sex, text=TEXT)
    assert result.flag is NO_NORM
    assert result.value == 10
    assert "no norm" in result.meaning
    assert "does not guess" in result.meaning
    assert result.fact_ids == (*(row[0] for row in NORMS), "SC-53")


@pytest.mark.parametrize("age", [60, 94])
def test_chair_stand_60_and_94_have_a_norm(age):
    """The first and last ages of the table are covered."""
    assert screening.chair_stand(10, age, "female", text=TEXT).flag in {OK, CONCERN}


def test_chair_stand_zero_stands_is_a_valid_score():
    """Needing arms scores 0, which is a real (below-average) result."""
    assert screening.chair_stand(0, 90, "female", text=TEXT).flag is CONCERN


def test_chair_stand_not_done():
    """Without a count the flag is NOT_DONE, and outside 60-94 the note says no norm exists."""
    in_range = screening.chair_stand(None, 72, "female", text=TEXT)
    assert (in_range.flag, in_range.value) == (NOT_DONE, None)
    assert in_range.cutoff == "below 10 stands (women 70-74)"
    outside = screening.chair_stand(None, 50, "male", text=TEXT)
    assert outside.flag is NOT_DONE
    assert "no norm" in outside.meaning


@pytest.mark.parametrize("stands", [-1, 61, 1000])
def test_chair_stand_out_of_range_raises(stands):
    """Counts outside 0-60 are refused."""
    with pytest.raises(ValueError, match="stands"):
        screening.chair_stand(stands, 72, "female", text=TEXT)


def test_chair_stand_60_stands_is_accepted():
    """The top of the accepted range is scored."""
    assert screening.chair_stand(60, 72, "male", text=TEXT).flag is OK


@pytest.mark.parametrize(
    "call",
    [
        (lambda: screening.chair_stand(10, 72, "other", text=TEXT)),
        (lambda: screening.chair_stand(None, 50, "", text=TEXT)),
        (lambda: screening.chair_stand_norm(72, "Female")),
        (lambda: screening.grip(20, "men", age_years=OLD, text=TEXT)),
        (lambda: screening.grip(None, "", age_years=OLD, text=TEXT)),
        (lambda: screening.grip(20, "men", age_years=30, text=TEXT)),
    ],
)
def test_unknown_sex_raises(call):
    """Only "female" and "male" have norms; anything else is refused, not guessed."""
    with pytest.raises(ValueError, match="sex"):
        call()


def test_chair_stand_setup_covers_the_cdc_notes():
    """The set-up notes give the chair, arms, counting, arms-needed and safety rules."""
    text = " ".join(TEXT.setup["chair_stand"])
    for words in (
        "without arms",
        "17 in (43 cm)",
        "Cross your arms",
        "full stands",
        "more than halfway up",
        "The score is 0",
        "stand next to you",
    ):
        assert words in text


# --- SARC-F ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "total", "flag"),
    [
        ((0, 0, 0, 0, 0), 0, OK),
        ((1, 1, 1, 0, 0), 3, OK),
        ((0, 0, 0, 2, 1), 3, OK),
        ((1, 1, 1, 1, 0), 4, CONCERN),
        ((0, 0, 0, 2, 2), 4, CONCERN),
        ((2, 2, 2, 2, 2), 10, CONCERN),
    ],
)
def test_sarc_f_totals(answers, total, flag):
    """A total of 4 or more is a concern (SC-01); 3 or less is not."""
    result = screening.sarc_f(*answers, age_years=OLD, text=TEXT)
    assert (result.value, result.flag) == (total, flag)
    assert "unanswered" not in result.meaning


@pytest.mark.parametrize(
    ("answers", "total", "flag", "unanswered"),
    [
        ((1, 1, None, None, None), 2, NOT_DONE, "3 of the 5 questions are unanswered"),
        ((None, None, None, None, 2), 2, NOT_DONE, "4 of the 5 questions are unanswered"),
        ((1, 1, 1, 0, None), 3, NOT_DONE, "1 of the 5 questions is unanswered"),
        ((2, 2, None, None, None), 4, CONCERN, "3 of the 5 questions are unanswered"),
        ((None, 2, 1, 1, None), 4, CONCERN, "2 of the 5 questions are unanswered"),
    ],
)
def test_sarc_f_partial_answers(answers, total, flag, unanswered):
    """Answered items are scored; the flag waits for the rest unless 4 is already reached."""
    result = screening.sarc_f(*answers, age_years=OLD, text=TEXT)
    assert (result.value, result.flag) == (total, flag)
    assert unanswered in result.meaning


def test_sarc_f_nothing_answered_is_not_done():
    """With no answers there is no score."""
    result = screening.sarc_f(None, None, None, None, None, age_years=OLD, text=TEXT)
    assert (result.value, result.flag) == (None, NOT_DONE)


@pytest.mark.parametrize("position", range(5))
@pytest.mark.parametrize("bad", [3, -1])
def test_sarc_f_answer_outside_0_to_2_raises(position, bad):
    """Each item scores 0, 1 or 2; a 3 or a negative answer on any item is refused."""
    answers: list[int | None] = [0, 0, 0, 0, 0]
    answers[position] = bad
    with pytest.raises(ValueError, match="SARC-F item"):
        screening.sarc_f(*answers, age_years=OLD, text=TEXT)


def test_sarc_f_items_follow_the_questionnaire():
    """Five items, S-A-R-C-F, each with answers for 0, 1 and 2 points."""
    assert [item.key for item in TEXT.sarc_f_items] == ["s", "a", "r", "c", "f"]
    for item in TEXT.sarc_f_items:
        assert item.question.endswith("?")
        assert len(item.answers) == 3
        assert all(answer.strip() for answer in item.answers)
    assert "10 lb" in TEXT.sarc_f_items[0].question
    assert "10 stairs" in TEXT.sarc_f_items[3].question
    assert TEXT.sarc_f_items[4].answers[1:] == ("1 to 3 times", "4 or more times")


# --- 4-stage balance ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "flag"),
    [(0, CONCERN), (1, CONCERN), (2, CONCERN), (3, OK), (4, OK), (None, NOT_DONE)],
)
def test_balance_stages(stage, flag):
    """Holding the tandem stance (stage 3) for 10 s or more is OK; less is a concern (SC-40)."""
    result = screening.balance(stage, age_years=OLD, text=TEXT)
    assert result.flag is flag
    assert result.value == stage


@pytest.mark.parametrize("stage", [-1, 5])
def test_balance_stage_out_of_range_raises(stage):
    """Only stages 0-4 exist."""
    with pytest.raises(ValueError, match="stage"):
        screening.balance(stage, age_years=OLD, text=TEXT)


def test_balance_stages_are_the_four_cdc_positions():
    """Side by side, semi-tandem, tandem heel to toe, one foot, in that order."""
    stages = TEXT.balance_stages
    assert [s.number for s in stages] == [1, 2, 3, 4]
    assert "side by side" in stages[0].how
    assert "big toe" in stages[1].how
    assert "heel touching toe" in stages[2].how
    assert "one foot" in stages[3].how


# --- Timed Up and Go ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "falls", "severity"),
    [
        (11.9, OK, OK),
        (12, CONCERN, OK),
        (19.9, CONCERN, OK),
        (20, CONCERN, CONCERN),
        (None, NOT_DONE, NOT_DONE),
    ],
)
def test_tug_cut_offs(seconds, falls, severity):
    """12 s or more is a fall-risk concern (SC-41); 20 s or more grades severity (SC-18)."""
    results = screening.tug(seconds, age_years=OLD, text=TEXT)
    assert [r.screen for r in results] == ["tug_falls", "tug_severity"]
    assert flags(results) == (falls, severity)


def test_tug_purposes_are_unmistakable():
    """The CDC reading is about falls; the EWGSOP2 one only grades confirmed sarcopenia."""
    falls, severity = screening.tug(25, age_years=OLD, text=TEXT)
    assert "fall risk" in falls.name
    assert "fall risk" in falls.purpose
    assert "CDC" in falls.population
    assert "severity" in severity.name
    assert "not fall risk" in severity.purpose
    assert "EWGSOP2" in severity.population
    assert "once a clinician has confirmed it" in severity.meaning
    assert (
        "once a clinician has confirmed it" in screening.tug(5, age_years=OLD, text=TEXT)[1].meaning
    )
    assert (
        "once a clinician has confirmed it"
        in screening.tug(None, age_years=OLD, text=TEXT)[1].meaning
    )


@pytest.mark.parametrize("seconds", [0, -1, 600.01, math.nan, math.inf])
def test_tug_out_of_range_raises(seconds):
    """Times must be above 0 and at most 600 s."""
    with pytest.raises(ValueError, match="seconds"):
        screening.tug(seconds, age_years=OLD, text=TEXT)


def test_tug_setup_follows_the_cdc_sheet():
    """The set-up walks 10 ft (3 m) and allows the usual walking aid."""
    text = " ".join(TEXT.setup["tug"])
    assert "10 ft (3 m)" in text
    assert "walking aid" in text


# --- 5-times sit-to-stand ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "europe", "asia"),
    [
        (11.9, OK, OK),
        (12, OK, CONCERN),
        (15, OK, CONCERN),
        (15.1, CONCERN, CONCERN),
        (None, NOT_DONE, NOT_DONE),
    ],
)
def test_sit_to_stand_5_cut_offs(seconds, europe, asia):
    """EWGSOP2 flags more than 15 s (SC-13); AWGS flags 12 s or more (SC-24)."""
    results = screening.sit_to_stand_5(seconds, age_years=OLD, text=TEXT)
    assert [r.screen for r in results] == ["sts5_ewgsop2", "sts5_awgs"]
    assert flags(results) == (europe, asia)


def test_sit_to_stand_5_labels_each_population():
    """Each reading names its consensus group and region."""
    europe, asia = screening.sit_to_stand_5(13, age_years=OLD, text=TEXT)
    assert europe.population == "adults 65 and over (European consensus, EWGSOP2)"
    assert asia.population == "adults 65 and over in Asia (Asian consensus, AWGS 2019)"
    assert "European" in europe.name
    assert "Asian" in asia.name


@pytest.mark.parametrize("seconds", [0, -0.1, 300.01, math.nan])
def test_sit_to_stand_5_out_of_range_raises(seconds):
    """Times must be above 0 and at most 300 s."""
    with pytest.raises(ValueError, match="seconds"):
        screening.sit_to_stand_5(seconds, age_years=OLD, text=TEXT)


# --- grip strength -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kg", "sex", "europe", "asia"),
    [
        (26.9, "male", CONCERN, CONCERN),
        (27, "male", OK, CONCERN),
        (27.9, "male", OK, CONCERN),
        (28, "male", OK, OK),
        (15.9, "female", CONCERN, CONCERN),
        (16, "female", OK, CONCERN),
        (17.9, "female", OK, CONCERN),
        (18, "female", OK, OK),
        (0, "female", CONCERN, CONCERN),
        (150, "male", OK, OK),
        (None, "male", NOT_DONE, NOT_DONE),
    ],
)
def test_grip_cut_offs(kg, sex, europe, asia):
    """EWGSOP2: men under 27, women under 16 kg (SC-12); AWGS: under 28 and 18 kg (SC-22)."""
    results = screening.grip(kg, sex, age_years=OLD, text=TEXT)
    assert [r.screen for r in results] == ["grip_ewgsop2", "grip_awgs"]
    assert flags(results) == (europe, asia)


@pytest.mark.parametrize(
    ("sex", "europe_cutoff", "asia_cutoff"),
    [
        ("male", "below 27 kg (men)", "below 28 kg (men)"),
        ("female", "below 16 kg (women)", "below 18 kg (women)"),
    ],
)
def test_grip_cutoff_wording(sex, europe_cutoff, asia_cutoff):
    """The cut-off is written with its sign and the sex it applies to."""
    europe, asia = screening.grip(None, sex, age_years=OLD, text=TEXT)
    assert (europe.cutoff, asia.cutoff) == (europe_cutoff, asia_cutoff)


@pytest.mark.parametrize("kg", [-0.1, 150.1, math.nan])
def test_grip_out_of_range_raises(kg):
    """Grip must be 0-150 kg."""
    with pytest.raises(ValueError, match="kg"):
        screening.grip(kg, "female", age_years=OLD, text=TEXT)


# --- summary -----------------------------------------------------------------------------


def test_summary_lines():
    """Each line reads "name: value unit - verdict (cut-off for population)", in order."""
    lines = screening.summary(
        [
            screening.chair_stand(9, 72, "female", text=TEXT),
            *screening.tug(12.5, age_years=OLD, text=TEXT),
            screening.balance(None, age_years=OLD, text=TEXT),
            screening.grip(14, "female", age_years=30, text=TEXT)[0],
        ],
        TEXT,
    )
    assert lines == (
        "30-second chair stand: 9 stands - past the cut-off: worth a check "
        "(cut-off for adults aged 60-94 (CDC STEADI norms))",
        "Timed Up and Go (fall risk): 12.5 seconds - past the cut-off: worth a check "
        "(cut-off for adults 65 and over (CDC STEADI))",
        "Timed Up and Go (sarcopenia severity): 12.5 seconds - not past the cut-off (this "
        "cannot rule out a problem) (cut-off for adults 65 and over (European consensus, "
        "EWGSOP2))",
        "4-stage balance test: not entered - not done yet (cut-off for adults 65 and over "
        "(CDC STEADI))",
        "Grip strength (European cut-off): 14 kg - no verdict: this cut-off is not for your "
        "age (cut-off for adults 65 and over (European consensus, EWGSOP2))",
    )


def test_summary_of_nothing_is_empty():
    """No results give no lines."""
    assert screening.summary([], TEXT) == ()


# --- properties --------------------------------------------------------------------------

sexes = st.sampled_from(["female", "male"])
ages = st.integers(min_value=-5, max_value=130)
stands = st.integers(min_value=0, max_value=60)
item = st.none() | st.integers(min_value=0, max_value=2)


def seconds_up_to(high: float) -> st.SearchStrategy[float | None]:
    return st.none() | st.floats(min_value=0, max_value=high, exclude_min=True)


any_results = st.one_of(
    st.builds(
        lambda age, *a: (screening.sarc_f(*a, age_years=age, text=TEXT),),
        ages,
        item,
        item,
        item,
        item,
        item,
    ),
    st.builds(
        lambda n, age, sex: (screening.chair_stand(n, age, sex, text=TEXT),),
        st.none() | stands,
        ages,
        sexes,
    ),
    st.builds(
        lambda s, age: (screening.balance(s, age_years=age, text=TEXT),),
        st.none() | st.integers(0, 4),
        ages,
    ),
    st.builds(lambda s, age: screening.tug(s, age_years=age, text=TEXT), seconds_up_to(600), ages),
    st.builds(
        lambda s, age: screening.sit_to_stand_5(s, age_years=age, text=TEXT),
        seconds_up_to(300),
        ages,
    ),
    st.builds(
        lambda kg, sex, age: screening.grip(kg, sex, age_years=age, text=TEXT),
        st.none() | st.floats(min_value=0, max_value=150),
        sexes,
        ages,
    ),
)

# --- who each cut-off is for (SC-50..SC-53) ------------------------------------------------


def score(screen: str, age: int) -> ScreenResult:
    """One screen scored at `age` with a value that crosses its cut-off if it applies."""
    calls = {
        "sarc_f": lambda: screening.sarc_f(2, 2, 2, 2, 2, age_years=age, text=TEXT),
        "chair_stand": lambda: screening.chair_stand(0, age, "female", text=TEXT),
        "balance": lambda: screening.balance(0, age_years=age, text=TEXT),
        "tug_falls": lambda: screening.tug(30, age_years=age, text=TEXT)[0],
        "tug_severity": lambda: screening.tug(30, age_years=age, text=TEXT)[1],
        "sts5_ewgsop2": lambda: screening.sit_to_stand_5(30, age_years=age, text=TEXT)[0],
        "sts5_awgs": lambda: screening.sit_to_stand_5(30, age_years=age, text=TEXT)[1],
        "grip_ewgsop2": lambda: screening.grip(5, "female", age_years=age, text=TEXT)[0],
        "grip_awgs": lambda: screening.grip(5, "female", age_years=age, text=TEXT)[1],
    }
    result = calls[screen]()
    assert result.screen == screen
    return result


# Screen, the first and last age its cut-off is for (None: no upper limit), fact ids.
POPULATIONS = [
    ("sarc_f", 65, None, {"SC-50", "SC-51"}),
    ("chair_stand", 60, 94, {"SC-53"}),
    ("balance", 65, None, {"SC-52"}),
    ("tug_falls", 65, None, {"SC-52"}),
    ("tug_severity", 65, None, {"SC-50"}),
    ("sts5_ewgsop2", 65, None, {"SC-50"}),
    ("sts5_awgs", 65, None, {"SC-51"}),
    ("grip_ewgsop2", 65, None, {"SC-50"}),
    ("grip_awgs", 65, None, {"SC-51"}),
]
AGE_EDGES = [
    pytest.param(screen, age, flag, id=f"{screen}-{age}")
    for screen, low, high, _ in POPULATIONS
    for age, flag in (
        (18, NO_NORM),
        (30, NO_NORM),
        (low - 1, NO_NORM),
        (low, CONCERN),
        *(((high, CONCERN), (high + 1, NO_NORM)) if high else ((110, CONCERN),)),
    )
]


def test_every_screen_has_a_population_row():
    """The table below covers every screen lib scores."""
    assert {row[0] for row in POPULATIONS} == set(screening.SCREENS) == SCREEN_KEYS


@pytest.mark.parametrize(("screen", "age", "flag"), AGE_EDGES)
def test_cut_off_applies_only_inside_its_age_range(screen, age, flag):
    """One year under (or over) a cut-off's age range gives no verdict; its edge does."""
    result = score(screen, age)
    assert result.flag is flag
    assert result.value is not None
    assert screening.applies(screen, age) is (flag is CONCERN)


@pytest.mark.parametrize(("screen", "low", "high", "facts"), POPULATIONS)
def test_age_range_and_population_facts(screen, low, high, facts):
    """Each screen's age range is its population's, and it cites the population fact."""
    assert screening.age_range(screen) == (low, high)
    assert facts <= set(score(screen, 30).fact_ids)
    assert facts <= set(score(screen, low).fact_ids)


@pytest.mark.parametrize("screen", sorted(SCREEN_KEYS))
def test_result_outside_population_says_who_the_cut_off_is_for(screen):
    """A 30-year-old sees the measurement, who the cut-off is for, and no verdict."""
    result = score(screen, 30)
    assert result.flag is NO_NORM
    assert result.label == "no verdict: this cut-off is not for your age"
    assert result.population in result.meaning or "60 to 94" in result.meaning
    assert "no verdict" in result.meaning
    assert "talk to a doctor" in result.next_step
    lowered = f"{result.meaning} {result.next_step}".lower()
    for verdict in ("suggests low", "low grip", "higher chance of falling", "may be weak"):
        assert verdict not in lowered


def test_a_30_year_old_is_never_told_low_grip_strength():
    """The issue's example: 14 kg at 30 is shown, with no "low grip strength" verdict."""
    for result in screening.grip(14, "female", age_years=30, text=TEXT):
        assert result.flag is NO_NORM
        assert result.value == 14
        assert "low grip strength" not in result.meaning.lower()
        assert "older adults" in TEXT.age_note
        assert "65 and over" in result.population


def test_unknown_screen_has_no_age_range():
    """Asking for a screen that does not exist is an error, not a default."""
    with pytest.raises(ValueError, match="unknown screen"):
        screening.age_range("gait_speed")


# --- no false reassurance ----------------------------------------------------------------

REASSURING_WORDS = ("normal", "healthy", "no concern", "nothing to worry", "fine", "all clear")


@given(any_results)
def test_every_result_says_who_its_cut_off_is_for(results):
    """Every result names an age group in its population."""
    for result in results:
        assert re.search(r"\b(65 and over|60-94)\b", result.population), result.population


@given(any_results)
def test_within_a_cut_off_is_never_a_clean_bill_of_health(results):
    """An OK result says screening cannot rule out a problem and is never "normal"."""
    for result in results:
        lowered = f"{result.label} {result.meaning} {result.next_step}".lower()
        for word in REASSURING_WORDS:
            assert word not in lowered, (word, result.meaning)
        if result.flag is OK:
            assert result.meaning.endswith(TEXT.within_cutoff)
            assert "cannot rule out a problem" in result.meaning
            assert "cannot rule out a problem" in result.label
            assert "talk to a doctor" in result.next_step


# --- the content file --------------------------------------------------------------------


def test_wording_comes_from_the_content_file(content_copy):
    """A changed label in screening.yaml changes the result: nothing is hard-coded in lib."""
    path = content_copy / "screening.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'concern: "past the cut-off: worth a check"', 'concern: "CHANGED LABEL"'
        ),
        encoding="utf-8",
    )
    text = screening.load_text(path)
    assert screening.chair_stand(0, 72, "female", text=text).label == "CHANGED LABEL"


def test_every_digit_in_the_content_file_is_in_section_4():
    """Numbers come from lib's constants ({placeholders}); the file's own digits are sourced."""
    raw = SCREENING_YAML.read_text(encoding="utf-8")
    wording = "\n".join(
        line.split("#")[0] for line in raw.splitlines() if not line.startswith("reviewed:")
    )
    assert numbers_in(wording) <= numbers_in(section_4())


def broken(content_copy, old: str, new: str):
    path = content_copy / "screening.yaml"
    raw = path.read_text(encoding="utf-8")
    assert old in raw, old
    path.write_text(raw.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'not_diagnosis: "Screening, not a diagnosis."',
            'not_diagnosis: "A check."',
            "not a diagnosis",
        ),
        ('  ok: "not past the cut-off', '  okay: "not past the cut-off', "flag_labels"),
        (
            'cutoff: "{seconds} seconds or more"',
            'cutoff: "{secs} seconds or more"',
            "unknown placeholders ['secs']",
        ),
        (
            'name: "30-second chair stand"',
            'name: ""',
            "screens.chair_stand.name: must be non-empty",
        ),
        ("within_cutoff: >-", "within_cut: >-", "within_cutoff"),
        ("  - key: f\n", "  - key: x\n", "key must be 'f'"),
        ('    how: "Stand on one foot."\n', "    how: {oops\n", "not valid YAML"),
        ("outside_meaning: >-", 'outside_meaning: "{population} {age"\nunused: >-', "unknown keys"),
        ("reviewed: 2026-12-01", "reviewed: soon", "'reviewed' must be a date"),
    ],
)
def test_broken_screening_file_is_refused_naming_it(content_copy, old, new, message):
    """Each kind of mistake in screening.yaml raises ContentError naming the file."""
    path = broken(content_copy, old, new)
    with pytest.raises(ContentError, match=re.escape(message)) as info:
        screening.load_text(path)
    assert str(info.value).startswith("screening.yaml: ")


def test_missing_screening_file_is_refused(tmp_path):
    """No file: ContentError naming it, not a crash."""
    with pytest.raises(ContentError, match=r"screening.yaml: file not found"):
        screening.load_text(tmp_path / "screening.yaml")


def test_unclosed_placeholder_is_refused(content_copy):
    """A stray { in a text is caught when the file is read, not when a result is shown."""
    path = broken(content_copy, 'unit: "points"', 'unit: "points {"')
    with pytest.raises(ContentError, match="not closed"):
        screening.load_text(path)


FLAG_ORDER = {CONCERN: 0, OK: 1, NO_NORM: 2}


@given(ages, sexes, stands, stands)
def test_more_stands_never_turn_ok_into_concern(age, sex, first, second):
    """The chair-stand flag is monotonic: a higher count never rates worse."""
    low, high = sorted((first, second))
    worse = screening.chair_stand(low, age, sex, text=TEXT).flag
    better = screening.chair_stand(high, age, sex, text=TEXT).flag
    assert FLAG_ORDER[worse] <= FLAG_ORDER[better]
    assert (worse is NO_NORM) == (better is NO_NORM)


@given(st.sampled_from(sorted(SCREEN_KEYS)), ages)
def test_no_norm_exactly_when_age_is_outside_the_range(screen, age):
    """For every age, a measured result is NO_NORM if and only if the cut-off is not for it."""
    result = score(screen, age)
    assert (result.flag is NO_NORM) is (not screening.applies(screen, age))
    low, high = screening.age_range(screen)
    assert screening.applies(screen, age) is (age >= low and (high is None or age <= high))


@given(any_results)
def test_every_result_is_complete_and_sourced(results):
    """Valid input never raises, and each result has its labels and known source ids."""
    for result in results:
        assert result.screen in SCREEN_KEYS
        for text in reader_texts(result):
            assert text.strip()
        assert result.label == TEXT.flag_labels[result.flag]
        assert result.fact_ids
        assert result.source_ids
        assert set(result.source_ids) <= set(SOURCES)
        if result.value is None:
            assert result.flag is NOT_DONE


@given(any_results)
def test_meanings_hedge_and_never_diagnose(results):
    """A result past its cut-off says "may" or "suggests"; one within it says what it cannot
    rule out; neither tells the reader what they have."""
    for result in results:
        lowered = result.meaning.lower()
        assert "you have" not in lowered
        assert "diagnos" not in lowered
        if result.flag is CONCERN:
            assert "suggest" in lowered or "may" in lowered
        if result.flag is OK:
            assert "cannot rule out" in lowered
            assert "no extra fall risk" not in lowered  # read as an all-clear (clinical review)


@given(any_results)
def test_meanings_read_at_grade_9_or_below(results):
    """Each meaning with its next step reads at US grade 9 or below (Flesch-Kincaid)."""
    for result in results:
        grade = textstat.flesch_kincaid_grade(f"{result.meaning} {result.next_step}")
        assert grade <= MAX_GRADE, (grade, result.meaning)


@given(any_results)
def test_results_cite_fact_ids_from_the_fact_sheet(results):
    """Every fact id a result carries exists in the ledger."""
    known = set(LEDGER.facts)
    for result in results:
        assert set(result.fact_ids) <= known


@given(any_results)
def test_reader_text_holds_no_number_missing_from_section_4(results):
    """No label, cut-off or meaning shows a number that the ledger section 4 lacks."""
    allowed = numbers_in(section_4())
    for result in results:
        for text in reader_texts(result):
            assert numbers_in(text) <= allowed, text


def test_instructions_hold_no_number_missing_from_section_4():
    """The SARC-F items, the test set-up notes and the age note use only section 4's numbers."""
    texts = [
        *TEXT.setup["chair_stand"],
        *TEXT.setup["balance"],
        *TEXT.setup["tug"],
        TEXT.age_note,
        *(s.how for s in TEXT.balance_stages),
        *(i.question for i in TEXT.sarc_f_items),
        *(a for i in TEXT.sarc_f_items for a in i.answers),
    ]
    allowed = numbers_in(section_4())
    for text in texts:
        assert numbers_in(text) <= allowed, text


@given(st.lists(any_results, max_size=6))
def test_summary_has_one_line_per_result(batches):
    """The summary has a line per result, in order, from its name to its population."""
    results = [r for batch in batches for r in batch]
    lines = screening.summary(results, TEXT)
    assert len(lines) == len(results)
    for line, result in zip(lines, results, strict=True):
        assert line.startswith(f"{result.name}: ")
        assert line.endswith(f" - {result.label} (cut-off for {result.population})")
