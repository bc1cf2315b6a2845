"""Demo: the delegation Fagligt strategisk niveau in Sundhedsklynge Lillebælt recommended on 7 December 2022
(the corpus, item "Proces for godkendelse af initiativer": "at det politiske formandskab gives bemyndigelse
til at godkende forslag til initiativer"). The political decision and its date are invented for the demo
and labelled so."""

import datetime

from klynge.core.demo import demo_builder
from klynge.organisation.models import Body

from .models import Delegation

AUTHORITY = ("at godkende forslag til initiativer fra Fagligt strategisk niveau, så beslutninger ikke skal "
             "afvente de halvårlige politiske møder")


@demo_builder(order=60)
def build_delegations(out):
    body = Body.objects.filter(slug="lillebaelt-politisk-niveau").first()
    if body is None or Delegation.objects.filter(body=body, delegate="det politiske formandskab").exists():
        return
    Delegation.objects.create(
        body=body, delegate="det politiske formandskab", authority=AUTHORITY,
        valid_from=datetime.date(2023, 1, 26), valid_to=datetime.date(2026, 12, 31),
        note="DEMO: indstillet af Fagligt strategisk niveau 7. december 2022. Den politiske beslutning og "
             "datoen 26. januar 2023 er opfundet til demoen.")
    out.write("\nDelegationer: 1 (DEMO, Sundhedsklynge Lillebælt)")
