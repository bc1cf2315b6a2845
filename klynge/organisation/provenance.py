"""Where an object came from, or went to, when the structure changed (e.g. the 2027 reform).

A small hook so pages below the transition app can say "overført fra Randersklyngen
1. januar 2027" without importing it: an app above registers a provider at start-up;
pages ask here. With no provider registered every answer is empty.

A provider is ``provider(objects) -> {(model label, pk): [Note, ...]}`` for a list of
model instances (one query per call, not per object).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    text: str            # "Overført fra Randersklyngen 1. januar 2027"
    url: str = ""        # the other side, when it has a page


_providers = []


def register(provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def notes_for(objects) -> dict[tuple[str, int], list[Note]]:
    objects = [o for o in objects if o is not None and getattr(o, "pk", None)]
    found: dict[tuple[str, int], list[Note]] = defaultdict(list)
    if not objects:
        return found
    for provider in _providers:
        for k, notes in provider(objects).items():
            found[k].extend(notes)
    return found


def ref(obj) -> tuple[str, int]:
    return (obj._meta.label_lower, obj.pk)


def notes(obj) -> list[Note]:
    return notes_for([obj]).get(ref(obj), [])


def attach(objects, attribute: str = "provenance") -> list:
    """Set ``obj.provenance`` (a list of notes) on every object, for templates."""
    objects = list(objects)
    found = notes_for(objects)
    for obj in objects:
        setattr(obj, attribute, found.get(ref(obj), []))
    return objects
