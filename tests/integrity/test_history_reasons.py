"""A history record keeps its whole reason, however long: PostgreSQL enforces a column's length, SQLite does not."""

from django.apps import apps

from klynge.organisation.models import Person


def test_a_change_reason_longer_than_a_hundred_characters_is_kept_whole(db):
    reason = "Tilføjet trods advarsel: " + "§ 10: 2 praktiserende læger udpeget af PLO er allerede besat. " * 5
    person = Person(name="Lise Lauritsen")
    person._change_reason = reason
    person.save()

    assert person.history.latest().history_change_reason == reason


def test_every_history_table_stores_its_reason_as_text():
    history_models = [m for m in apps.get_models() if m.__name__.startswith("Historical")]
    assert history_models
    for model in history_models:
        field = model._meta.get_field("history_change_reason")
        assert field.get_internal_type() == "TextField", model.__name__
