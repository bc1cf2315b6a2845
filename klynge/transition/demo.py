"""Demo: one transition plan per demo region, clearly labelled DEMO, ready to dry-run and run.

The councils' names end in "(DEMO)" and each keeps its cluster's municipalities: an
illustration, not the official list, which comes from the region's own CSV.
"""

import datetime
from pathlib import Path

from klynge.core.demo import demo_builder
from klynge.organisation.models import Body, Organisation

from . import actions
from .models import TransitionPlan

DATA = Path(__file__).parent / "data"
PLANS = [
    ("DEMO: Randersklyngen bliver sundhedsråd", "Region Midtjylland", "demo-region-midtjylland.csv", "randersklyngen"),
    ("DEMO: Sundhedsklynge Lillebælt bliver sundhedsråd", "Region Syddanmark", "demo-region-syddanmark.csv",
     "sundhedsklynge-lillebaelt"),
]
NOTE = ("Demonstrationsplan med illustrative data: rådets navn og kommuner er klyngens egne og ikke den officielle "
        "liste, som kommer fra regionen.")


@demo_builder(order=90)
def build(out):
    for name, region_name, filename, cluster in PLANS:
        region = Organisation.objects.filter(name=region_name).first()
        if region is None or not Body.objects.filter(slug=cluster).exists():
            continue
        if TransitionPlan.objects.filter(name=name).exists():
            continue
        plan = actions.load_plan((DATA / filename).read_text(encoding="utf-8"), name=name,
                                 date=datetime.date(2027, 1, 1), region=region, is_demo=True)
        plan.note = NOTE
        plan.save()
        actions.dry_run(plan)
        out.write(f"Overgangsplan (demo): {name} – prøvekør med `klynge transition run {plan.pk} --dry-run`")
