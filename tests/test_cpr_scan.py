"""`klynge cpr-scan` finds CPR numbers stored before the guard (rows and history) and masks them."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import models

from klynge.core.cpr import MASK
from klynge.organisation.models import Person

pytestmark = pytest.mark.django_db


def written_before_the_guard(queryset, **values):
    """An UPDATE as it was before the guard existed: Django's own, not the guarded QuerySet's."""
    return models.QuerySet.update(queryset, **values)


def test_cpr_scan_reports_old_cpr_numbers_without_showing_them_and_masks_them(db):
    person = Person.objects.create(name="Hans Hansen", title="Konsulent")
    # a row written before the guard existed
    written_before_the_guard(Person.objects.filter(pk=person.pk), title="Konsulent 020290 4321")
    Person.history.filter(id=person.pk).update(title="Konsulent 020290 4321")
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 CPR-nummer/-numre fundet"):
        call_command("cpr-scan", stdout=out)
    assert f"organisation.Person {person.pk} “titel”: 1 CPR-nummer" in out.getvalue()
    assert "4321" not in out.getvalue()
    call_command("cpr-scan", "--mask", stdout=io.StringIO())
    assert Person.objects.get(pk=person.pk).title == f"Konsulent {MASK}"
    assert Person.history.get(id=person.pk).title == f"Konsulent {MASK}"
    out = io.StringIO()
    call_command("cpr-scan", stdout=out)
    assert "Ingen CPR-numre fundet." in out.getvalue()


def test_cpr_scan_reports_a_number_hidden_in_html_for_fixing_by_hand(structure):
    from tests.meetings.factories import make_item, make_meeting

    item = make_item(make_meeting(structure.political))
    written_before_the_guard(type(item).objects.filter(pk=item.pk), description="<p>Borger 010190&nbsp;1234</p>")
    out = io.StringIO()
    with pytest.raises(CommandError, match="skal rettes i hånden"):
        call_command("cpr-scan", "--mask", stdout=out)
    assert "1 CPR-nummer i HTML" in out.getvalue() and "1234" not in out.getvalue()
