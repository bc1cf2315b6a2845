"""`klynge transition load FILE.csv --name NAME --date 2027-01-01 [--region NAME]`,
`klynge transition list`, `klynge transition run PLAN --dry-run` and
`klynge transition run PLAN --reason TEXT [--by NAME]` (PLAN: number or name)."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klynge.organisation.models import Organisation
from klynge.transition import actions, report, rules
from klynge.transition.models import TransitionPlan


def find_plan(text: str) -> TransitionPlan:
    plans = TransitionPlan.objects.filter(pk=int(text)) if text.isdigit() else \
        TransitionPlan.objects.filter(name__iexact=text.strip())
    plans = list(plans[:2])
    if not plans:
        raise CommandError(f"Planen »{text}« findes ikke. Se `klynge transition list`.")
    if len(plans) > 1:
        raise CommandError(f"Der er flere planer, der hedder »{text}«; brug planens nummer.")
    return plans[0]


class Command(BaseCommand):
    help = "Overgang til sundhedsråd: indlæs en plan fra CSV, prøvekør den, og gennemfør den."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{load,list,run}")
        load = sub.add_parser("load", help="Indlæs en plan fra en CSV-fil (se docs/transition.md).")
        load.add_argument("file", metavar="FILE.csv")
        load.add_argument("--name", help="Planens navn (standard: filens navn).")
        load.add_argument("--date", default="2027-01-01", help="Overgangsdatoen, ÅÅÅÅ-MM-DD (standard 2027-01-01).")
        load.add_argument("--region", help="Regionen, planen gælder.")
        sub.add_parser("list", help="Vis planerne.")
        run = sub.add_parser("run", help="Prøvekør (--dry-run) eller gennemfør en plan.")
        run.add_argument("plan", metavar="PLAN", help="Planens nummer eller navn.")
        run.add_argument("--dry-run", action="store_true", help="Vis alt, der vil blive flyttet; ændr intet.")
        run.add_argument("--reason", default="", help="Begrundelse (kræves for at gennemføre).")
        run.add_argument("--by", default="", help="Hvem der gennemfører (navn; gemmes med planen).")
        run.add_argument("--json", action="store_true", help="Udskriv rapporten som JSON.")

    def handle(self, *args, **options):
        return getattr(self, f"_{options['action']}")(options)

    def _load(self, options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Filen {path} findes ikke.")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_bytes().decode("cp1252")
        try:
            date = datetime.date.fromisoformat(options["date"])
        except ValueError as error:
            raise CommandError(f"Datoen »{options['date']}« skal skrives ÅÅÅÅ-MM-DD, f.eks. 2027-01-01.") from error
        region = None
        if options["region"]:
            region = Organisation.objects.filter(name__iexact=options["region"], kind="region").first()
            if region is None:
                raise CommandError(f"Regionen »{options['region']}« findes ikke.")
        try:
            plan = actions.load_plan(text, name=options["name"] or path.stem, date=date, region=region)
        except rules.CsvError as error:
            raise CommandError(f"{path.name}: " + "\n".join(str(e) for e in error.errors)) from error
        data = actions.dry_run(plan)
        self.stdout.write(f"Plan {plan.pk} »{plan.name}« indlæst med {plan.rows.count()} rækker.")
        if data["errors"]:
            self.stdout.write(report.as_text(data))
            raise CommandError("Planen har fejl; ret filen og indlæs den igen. Intet er flyttet.")
        self.stdout.write(f"Planen er kontrolleret. Prøvekør: klynge transition run {plan.pk} --dry-run")

    def _list(self, options):
        for plan in TransitionPlan.objects.order_by("pk"):
            self.stdout.write(f"{plan.pk}\t{plan}\t{plan.date}\t{plan.get_status_display()}")

    def _run(self, options):
        plan = find_plan(options["plan"])
        if options["dry_run"]:
            if plan.has_run:
                raise CommandError(actions.already_run_message(plan))
            data = actions.dry_run(plan)
            self._print(data, options)
            if data["errors"]:
                raise CommandError("Planen har fejl; intet er flyttet.")
            return
        try:
            data = actions.run(plan, by_name=options["by"], reason=options["reason"])
        except actions.PlanRefused as error:
            raise CommandError("\n".join(error.messages) + "\nIntet er flyttet.") from error
        self._print(data, options)

    def _print(self, data, options):
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report.as_text(data))
