"""What the form reads aloud: each question with its hint and answers, in the page's language.

The web page asks heard.readaloud for a pre-rendered clip of exactly these texts, so a phone
with no speech voice for the language can still read the form to a parent who cannot read.
"""

from __future__ import annotations

from heard.i18n import N_, gettext
from surveys.contact import METHOD_LABELS
from surveys.questionnaires import Question, all_questionnaires

INTRO = N_(
    "Tell us what you think of the child protection conference. It takes about two minutes. "
    "You do not have to give your name."
)
CONTACT_QUESTION = N_("Can someone from the conference team contact you about what you have said?")
THANKS = N_("Thank you. We have your feedback.")
DANGER = N_("If a child is in immediate danger, call 999.")


def question_text(language: str, question: Question) -> str:
    """The spoken form of QUESTION: the question, its hint, then each answer."""
    parts = [gettext(language, question.text)]
    if question.hint:
        parts.append(gettext(language, question.hint))
    parts += [gettext(language, option.label) for option in question.options]
    return " ... ".join(parts)


def contact_text(language: str) -> str:
    parts = [gettext(language, CONTACT_QUESTION), gettext(language, "Yes"), gettext(language, "No")]
    parts += [gettext(language, label) for label in METHOD_LABELS.values()]
    return " ... ".join(parts)


def page_texts(language: str) -> list[str]:
    """Every text the form offers to read aloud in LANGUAGE, without repeats."""
    texts = [
        gettext(language, INTRO),
        contact_text(language),
        gettext(language, THANKS) + " " + gettext(language, DANGER),
    ]
    for questionnaire in all_questionnaires():
        texts += [question_text(language, q) for q in questionnaire.questions]
    return list(dict.fromkeys(texts))
