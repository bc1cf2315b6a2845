"""Questions asked when a secretariat sets something up (a sub-body, a funds initiative).

A small hook, like ``provenance``: an app above (involvement) registers a question at start-up, so the
forms below it ask "are patient representatives invited?" without importing it. With nothing
registered, no question is asked.

A question is ``question(data, *, scope_body, what) -> form | None``: a Django form (prefixed, so
its fields do not clash with the main form's) with ``save_answer(obj, user)``; ``what`` names what is
set up ("underorgan", "indsats").
"""

from __future__ import annotations

_questions = []


def register(question) -> None:
    if question not in _questions:
        _questions.append(question)


def forms_for(data, *, scope_body, what: str) -> list:
    return [f for f in (q(data, scope_body=scope_body, what=what) for q in _questions) if f is not None]


def all_valid(forms) -> bool:
    return all([f.is_valid() for f in forms])  # a list, so every form shows its errors


def save_all(forms, obj, user) -> None:
    for f in forms:
        f.save_answer(obj, user)
