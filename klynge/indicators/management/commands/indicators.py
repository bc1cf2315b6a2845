"""`klynge indicators ...`: signals for a CSV of series, and import into the database.

    klynge indicators signals FILE.csv [--json]
    klynge indicators import FILE.csv|FILE.xlsx [--klynge SLUG]
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klynge.indicators.choices import ARROW_SYMBOL
from klynge.indicators.cli_signals import SignalsInputError, signals_for_file
from klynge.indicators.formatting import danish_number
from klynge.indicators.loading import ImportFailed, import_series
from klynge.indicators.permissions import cluster_targets


class Command(BaseCommand):
    help = "Indikatorer: beregn signaler for serier i en CSV-fil, eller indlæs serier i databasen."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{signals,import}")
        signals = sub.add_parser(
            "signals", help="Pil, median, længste forløb og krydsninger for hver indikator og område.",
            description="CSV med kolonnerne indicator,area,period,value,desired (period som ÅÅÅÅ-MM, "
                        "desired som up, down eller none). Median, forløb og krydsninger over de seneste 24 "
                        "punkter.",
        )
        signals.add_argument("file", help="CSV-fil")
        signals.add_argument("--json", action="store_true", help="Skriv resultatet som JSON.")
        imp = sub.add_parser("import", help="Indlæs serier fra CSV eller Excel (.xlsx); alt eller intet.")
        imp.add_argument("file", help="CSV- eller .xlsx-fil")
        imp.add_argument("--klynge", dest="cluster", help="Tillad kun klyngen (kortnavn) og dens kommuner.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Filen {path} findes ikke.")
        data = path.read_bytes()
        if options["action"] == "signals":
            self._signals(data, path.name, options["json"])
        else:
            self._import(data, path.name, options.get("cluster"))

    def _signals(self, data, name, as_json):
        try:
            results = signals_for_file(data, name)
        except SignalsInputError as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        if as_json:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
            return
        for r in results:
            median = danish_number(r["median"], 1) if r["median"] is not None else "–"
            signal = "signal" if r["runs_signal"] else "intet signal"
            self.stdout.write(
                f"{r['indicator']} · {r['area']}: seneste {danish_number(r['latest'], 1)}, median {median}, "
                f"pil {ARROW_SYMBOL[r['arrow']]} ({r['arrow']}, {r['colour']}), længste forløb {r['longest_run']} "
                f"(grænse {r['longest_run_limit']}), krydsninger {r['crossings']} (grænse {r['crossings_limit']}): "
                f"{signal}"
            )

    def _import(self, data, name, cluster_slug):
        from klynge.organisation.models import Body

        allowed = scope = None
        if cluster_slug:
            cluster = Body.objects.filter(slug=cluster_slug, kind__groups_bodies=True).first()
            if cluster is None:
                raise CommandError(f"Der findes ingen klynge med kortnavnet “{cluster_slug}”.")
            allowed = cluster_targets(cluster)
            scope = f"{cluster.name} og klyngens kommuner"
        try:
            result = import_series(data, name, allowed=allowed, scope_name=scope or "")
        except ImportFailed as exc:
            raise CommandError("Intet er indlæst.\n" + "\n".join(exc.errors)) from exc
        self.stdout.write(
            f"{name} er indlæst: {result.created} nye målinger, {result.updated} rettede og "
            f"{result.unchanged} uændrede i {len(result.series)} serier."
        )
