"""Unit tests of lib.screening: every cut-off edge, labels by source, and no diagnoses."""

from __future__ import annotations

import math
import re

import pytest
import textstat
from hypothesis import given
from hypothesis import strategies as st

from lib import content, screening
from lib.screening import Flag, ScreenResult
from tests.conftest import CONTENT, LEDGER

SOURCES = content.load_sources(CONTENT / "sources.yaml")

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
    """The page's caption constant says plainly that this is screening."""
    assert screening.SCREENING_NOT_DIAGNOSIS == "Screening, not a diagnosis."


# --- 30-second chair stand ---------------------------------------------------------------


@pytest.mark.parametrize(("age", "sex", "stands", "flag", "fact_id"), CHAIR_STAND_EDGES)
def test_chair_stand_every_band_edge(age, sex, stands, flag, fact_id):
    """One stand under the threshold is below average; the threshold itself is not."""
    result = screening.chair_stand(stands, age, sex)
    assert result.flag is flag
    assert result.value == stands
    assert result.fact_ids == (fact_id,)


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
    result = screening.chair_stand(stands, age, sex)
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
    result = screening.chair_stand(10, age, sex)
    assert result.flag is NO_NORM
    assert result.value == 10
    assert "no norm" in result.meaning
    assert "does not guess" in result.meaning
    assert result.fact_ids == tuple(row[0] for row in NORMS)


@pytest.mark.parametrize("age", [60, 94])
def test_chair_stand_60_and_94_have_a_norm(age):
    """The first and last ages of the table are covered."""
    assert screening.chair_stand(10, age, "female").flag in {OK, CONCERN}


def test_chair_stand_zero_stands_is_a_valid_score():
    """Needing arms scores 0, which is a real (below-average) result."""
    assert screening.chair_stand(0, 90, "female").flag is CONCERN


def test_chair_stand_not_done():
    """Without a count the flag is NOT_DONE, and outside 60-94 the note says no norm exists."""
    in_range = screening.chair_stand(None, 72, "female")
    assert (in_range.flag, in_range.value) == (NOT_DONE, None)
    assert in_range.cutoff == "below 10 stands (women 70-74)"
    outside = screening.chair_stand(None, 50, "male")
    assert outside.flag is NOT_DONE
    assert "no norm" in outside.meaning


@pytest.mark.parametrize("stands", [-1, 61, 1000])
def test_chair_stand_out_of_range_raises(stands):
    """Counts outside 0-60 are refused."""
    with pytest.raises(ValueError, match="stands"):
        screening.chair_stand(stands, 72, "female")


def test_chair_stand_60_stands_is_accepted():
    """The top of the accepted range is scored."""
    assert screening.chair_stand(60, 72, "male").flag is OK


@pytest.mark.parametrize(
    ("function", "args"),
    [
        (screening.chair_stand, (10, 72, "other")),
        (screening.chair_stand, (None, 50, "")),
        (screening.chair_stand_norm, (72, "Female")),
        (screening.grip, (20, "men")),
        (screening.grip, (None, "")),
    ],
)
def test_unknown_sex_raises(function, args):
    """Only "female" and "male" have norms; anything else is refused, not guessed."""
    with pytest.raises(ValueError, match="sex"):
        function(*args)


def test_chair_stand_setup_covers_the_cdc_notes():
    """The set-up notes give the chair, arms, counting, arms-needed and safety rules."""
    text = " ".join(screening.CHAIR_STAND_SETUP)
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
    result = screening.sarc_f(*answers)
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
    result = screening.sarc_f(*answers)
    assert (result.value, result.flag) == (total, flag)
    assert unanswered in result.meaning


def test_sarc_f_nothing_answered_is_not_done():
    """With no answers there is no score."""
    result = screening.sarc_f(None, None, None, None, None)
    assert (result.value, result.flag) == (None, NOT_DONE)


@pytest.mark.parametrize("position", range(5))
@pytest.mark.parametrize("bad", [3, -1])
def test_sarc_f_answer_outside_0_to_2_raises(position, bad):
    """Each item scores 0, 1 or 2; a 3 or a negative answer on any item is refused."""
    answers: list[int | None] = [0, 0, 0, 0, 0]
    answers[position] = bad
    with pytest.raises(ValueError, match="SARC-F item"):
        screening.sarc_f(*answers)


def test_sarc_f_items_follow_the_questionnaire():
    """Five items, S-A-R-C-F, each with answers for 0, 1 and 2 points."""
    assert [item.key for item in screening.SARC_F_ITEMS] == ["s", "a", "r", "c", "f"]
    for item in screening.SARC_F_ITEMS:
        assert item.question.endswith("?")
        assert len(item.answers) == 3
        assert all(answer.strip() for answer in item.answers)
    assert "10 lb" in screening.SARC_F_ITEMS[0].question
    assert "10 stairs" in screening.SARC_F_ITEMS[3].question
    assert screening.SARC_F_ITEMS[4].answers[1:] == ("1 to 3 times", "4 or more times")


# --- 4-stage balance ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "flag"),
    [(0, CONCERN), (1, CONCERN), (2, CONCERN), (3, OK), (4, OK), (None, NOT_DONE)],
)
def test_balance_stages(stage, flag):
    """Holding the tandem stance (stage 3) for 10 s or more is OK; less is a concern (SC-40)."""
    result = screening.balance(stage)
    assert result.flag is flag
    assert result.value == stage


@pytest.mark.parametrize("stage", [-1, 5])
def test_balance_stage_out_of_range_raises(stage):
    """Only stages 0-4 exist."""
    with pytest.raises(ValueError, match="stage"):
        screening.balance(stage)


def test_balance_stages_are_the_four_cdc_positions():
    """Side by side, semi-tandem, tandem heel to toe, one foot, in that order."""
    stages = screening.BALANCE_STAGES
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
    results = screening.tug(seconds)
    assert [r.screen for r in results] == ["tug_falls", "tug_severity"]
    assert flags(results) == (falls, severity)


def test_tug_purposes_are_unmistakable():
    """The CDC reading is about falls; the EWGSOP2 one only grades confirmed sarcopenia."""
    falls, severity = screening.tug(25)
    assert "fall risk" in falls.name
    assert "fall risk" in falls.purpose
    assert "CDC" in falls.population
    assert "severity" in severity.name
    assert "not fall risk" in severity.purpose
    assert "EWGSOP2" in severity.population
    assert "once a clinician has confirmed it" in severity.meaning
    assert "once a clinician has confirmed it" in screening.tug(5)[1].meaning
    assert "once a clinician has confirmed it" in screening.tug(None)[1].meaning


@pytest.mark.parametrize("seconds", [0, -1, 600.01, math.nan, math.inf])
def test_tug_out_of_range_raises(seconds):
    """Times must be above 0 and at most 600 s."""
    with pytest.raises(ValueError, match="seconds"):
        screening.tug(seconds)


def test_tug_setup_follows_the_cdc_sheet():
    """The set-up walks 10 ft (3 m) and allows the usual walking aid."""
    text = " ".join(screening.TUG_SETUP)
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
    results = screening.sit_to_stand_5(seconds)
    assert [r.screen for r in results] == ["sts5_ewgsop2", "sts5_awgs"]
    assert flags(results) == (europe, asia)


def test_sit_to_stand_5_labels_each_population():
    """Each reading names its consensus group and region."""
    europe, asia = screening.sit_to_stand_5(13)
    assert europe.population == "European consensus, EWGSOP2"
    assert asia.population == "Asian consensus, AWGS 2019"
    assert "European" in europe.name
    assert "Asian" in asia.name


@pytest.mark.parametrize("seconds", [0, -0.1, 300.01, math.nan])
def test_sit_to_stand_5_out_of_range_raises(seconds):
    """Times must be above 0 and at most 300 s."""
    with pytest.raises(ValueError, match="seconds"):
        screening.sit_to_stand_5(seconds)


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
    results = screening.grip(kg, sex)
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
    europe, asia = screening.grip(None, sex)
    assert (europe.cutoff, asia.cutoff) == (europe_cutoff, asia_cutoff)


@pytest.mark.parametrize("kg", [-0.1, 150.1, math.nan])
def test_grip_out_of_range_raises(kg):
    """Grip must be 0-150 kg."""
    with pytest.raises(ValueError, match="kg"):
        screening.grip(kg, "female")


# --- summary -----------------------------------------------------------------------------


def test_summary_lines():
    """Each line reads "name: value unit - flag (population)", in the order given."""
    lines = screening.summary(
        [screening.chair_stand(9, 72, "female"), *screening.tug(12.5), screening.balance(None)]
    )
    assert lines == (
        "30-second chair stand: 9 stands - concern (adults aged 60-94, CDC STEADI)",
        "Timed Up and Go (fall risk): 12.5 seconds - concern (older adults, CDC STEADI)",
        "Timed Up and Go (sarcopenia severity): 12.5 seconds - ok (European consensus, EWGSOP2)",
        "4-stage balance test: not entered - not done (older adults, CDC STEADI)",
    )


def test_summary_of_nothing_is_empty():
    """No results give no lines."""
    assert screening.summary([]) == ()


# --- properties --------------------------------------------------------------------------

sexes = st.sampled_from(["female", "male"])
ages = st.integers(min_value=-5, max_value=130)
stands = st.integers(min_value=0, max_value=60)
item = st.none() | st.integers(min_value=0, max_value=2)


def seconds_up_to(high: float) -> st.SearchStrategy[float | None]:
    return st.none() | st.floats(min_value=0, max_value=high, exclude_min=True)


any_results = st.one_of(
    st.builds(lambda *a: (screening.sarc_f(*a),), item, item, item, item, item),
    st.builds(
        lambda n, age, sex: (screening.chair_stand(n, age, sex),), st.none() | stands, ages, sexes
    ),
    st.builds(lambda s: (screening.balance(s),), st.none() | st.integers(0, 4)),
    st.builds(screening.tug, seconds_up_to(600)),
    st.builds(screening.sit_to_stand_5, seconds_up_to(300)),
    st.builds(screening.grip, st.none() | st.floats(min_value=0, max_value=150), sexes),
)

FLAG_ORDER = {CONCERN: 0, OK: 1, NO_NORM: 2}


@given(ages, sexes, stands, stands)
def test_more_stands_never_turn_ok_into_concern(age, sex, first, second):
    """The chair-stand flag is monotonic: a higher count never rates worse."""
    low, high = sorted((first, second))
    worse = screening.chair_stand(low, age, sex).flag
    better = screening.chair_stand(high, age, sex).flag
    assert FLAG_ORDER[worse] <= FLAG_ORDER[better]
    assert (worse is NO_NORM) == (better is NO_NORM)


@given(any_results)
def test_every_result_is_complete_and_sourced(results):
    """Valid input never raises, and each result has its labels and known source ids."""
    for result in results:
        assert result.screen in SCREEN_KEYS
        for text in reader_texts(result):
            assert text.strip()
        assert result.fact_ids
        assert result.source_ids
        assert set(result.source_ids) <= set(SOURCES)
        if result.value is None:
            assert result.flag is NOT_DONE


@given(any_results)
def test_meanings_hedge_and_never_diagnose(results):
    """A rated result says "may" or "suggests" and never tells the reader what they have."""
    for result in results:
        lowered = result.meaning.lower()
        assert "you have" not in lowered
        assert "diagnos" not in lowered
        if result.flag in {CONCERN, OK}:
            assert "suggest" in lowered or "may" in lowered


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
    """The SARC-F items and the test set-up notes use only section 4's numbers."""
    texts = [
        *screening.CHAIR_STAND_SETUP,
        *screening.BALANCE_SETUP,
        *screening.TUG_SETUP,
        *(s.how for s in screening.BALANCE_STAGES),
        *(i.question for i in screening.SARC_F_ITEMS),
        *(a for i in screening.SARC_F_ITEMS for a in i.answers),
    ]
    allowed = numbers_in(section_4())
    for text in texts:
        assert numbers_in(text) <= allowed, text


@given(st.lists(any_results, max_size=6))
def test_summary_has_one_line_per_result(batches):
    """The summary has a line per result, in order, from its name to its population."""
    results = [r for batch in batches for r in batch]
    lines = screening.summary(results)
    assert len(lines) == len(results)
    for line, result in zip(lines, results, strict=True):
        assert line.startswith(f"{result.name}: ")
        assert line.endswith(f" - {result.flag.value} ({result.population})")
