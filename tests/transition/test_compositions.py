"""Compositions at the reform: not carried to the council, ended with the bodies they belong to."""

import datetime

from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import CompositionVersion, SeatRule
from klynge.transition import actions

from .conftest import council


def test_the_ending_bodies_compositions_end_the_day_before_and_the_council_gets_none(reform, load):
    s = reform.s
    version = CompositionVersion.objects.create(body=s.political, valid_from=datetime.date(2022, 7, 1))
    SeatRule.objects.create(version=version, label="borgmester", seats=1, per_municipality=True,
                            party_kind=OrganisationKind.MUNICIPALITY, source_text="1 borgmester pr. kommune")
    actions.run(load(), reason="Reformen")
    version.refresh_from_db()
    assert version.valid_to == reform.date - datetime.timedelta(days=1)
    assert version.rules.count() == 1  # the archive keeps the rules as they were
    assert not CompositionVersion.objects.filter(body=council()).exists()
    assert version.history.first().history_change_reason.startswith("Overgang")
