"""The quiz: popular myths against the facts, each answer explained with its source."""

import streamlit as st

from lib import linkparams as lp
from lib import quiz
from lib.content import ContentError
from ui import require_router
from ui.content import load_quiz, show_content_error
from ui.inputs import url_choice
from ui.present import presenting
from ui.quiz import ask, present_quiz, reset_button, session_seed, show_score

require_router()
in_class = presenting()
st.title("Quiz: myths and facts about leg muscle", anchor=False)
if not in_class:
    st.caption(
        "Pick an answer to see why it is right or wrong, with its source. Your answers stay "
        "in this browser tab: they are never stored or sent anywhere."
    )

try:
    questions = load_quiz()
except ContentError as err:
    show_content_error(err)
    questions = ()

if questions and in_class:
    present_quiz(questions)
elif questions:
    st.page_link(
        "pages/quiz.py",
        label="In class: one question per screen, vote, then reveal",
        icon=":material/slideshow:",
        query_params={"present": "1"},
    )
    order = url_choice(lp.ORDER)
    shown = quiz.ordered(questions, None if order == "fixed" else session_seed())
    answers = {q.id: ask(number, q) for number, q in enumerate(shown, start=1)}
    show_score(quiz.score(questions, answers))
    reset_button(questions)
