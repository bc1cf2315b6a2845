"""The indicator import stores no CPR number, not even from the file name in its history."""

import pytest

from klynge.core.cpr import MASK
from klynge.indicators.loading import import_series
from klynge.indicators.models import Point

from .conftest import csv_bytes, months

pytestmark = pytest.mark.django_db


def test_a_cpr_number_in_the_file_name_is_masked_in_the_change_history(structure, indicators):
    data = csv_bytes([f"akutte-65,Testby Kommune,{m},{v}" for m, v in zip(months(2), [4, 5], strict=True)])
    import_series(data, "tal 010190-1234.csv")
    reasons = {h.history_change_reason for p in Point.objects.all() for h in p.history.all()}
    assert reasons == {f"Import fra tal {MASK}.csv"}
