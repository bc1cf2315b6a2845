"""`klynge funds import FILE.csv --cluster NAME [--create]` and
`klynge funds balance --cluster NAME [--years 2022,2023] [--json]`."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klynge.funds import calculations as calc
from klynge.funds.importing import FundsImportError, find_cluster, import_csv
from klynge.funds.queries import cluster_overview, parse_years


def balance_payload(view) -> dict:
    """The JSON shape of `klynge funds balance --json` (also documented in docs/funds.md)."""
    o = view.overview
    return {
        "cluster": view.cluster.name,
        "years": o.years,
        "parties": [{"party": b.party, "funds": b.funds, "committed": b.committed, "balance": b.balance}
                    for b in o.balances],
        "total": {"funds": o.total_funds, "committed": o.total_committed, "balance": o.total_balance},
        "initiatives": [{"number": r.initiative, "title": view.initiatives[r.initiative].title,
                         "by_party": dict(r.by_party), "total": r.total} for r in o.rows],
    }


class Command(BaseCommand):
    help = "Klyngemidler: importér bevillinger og budgetter fra CSV, eller vis saldo pr. part."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{import,balance}")
        imp = sub.add_parser("import", help="Importér bevillinger og budgetlinjer fra en CSV-fil.")
        imp.add_argument("file", metavar="FILE.csv")
        imp.add_argument("--cluster", required=True, metavar="NAME", help="Klyngens navn (eller kortnavn i adresser).")
        imp.add_argument("--create", action="store_true",
                         help="Opret en manglende klynge og manglende parter (type udledes af navnet).")
        bal = sub.add_parser("balance", help="Vis midler, disponeret og saldo pr. part.")
        bal.add_argument("--cluster", required=True, metavar="NAME")
        bal.add_argument("--years", metavar="2022,2023", help="Kommasepareret liste af år (standard: alle år).")
        bal.add_argument("--json", action="store_true", help="Udskriv som JSON.")

    def handle(self, *args, **options):
        if options["action"] == "import":
            return self._import(options)
        return self._balance(options)

    def _import(self, options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Filen {path} findes ikke.")
        try:
            result = import_csv(path.read_bytes(), options["cluster"], create=options["create"],
                                source=f"{path.name} (kommandolinje)")
        except FundsImportError as exc:
            raise CommandError("Intet er importeret:\n" + "\n".join(exc.errors)) from None
        self.stdout.write(result.summary())

    def _balance(self, options):
        cluster = find_cluster(options["cluster"])
        if cluster is None:
            raise CommandError(f"Klyngen “{options['cluster']}” findes ikke.")
        years = None
        if options["years"]:
            years = parse_years(options["years"])
            if years is None or len(years) != len([y for y in options["years"].split(",") if y.strip()]):
                raise CommandError(
                    f"--years skal være årstal adskilt af komma, f.eks. 2022,2023 (fik “{options['years']}”)."
                )
        view = cluster_overview(cluster, years)
        payload = balance_payload(view)
        if options["json"]:
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{payload['cluster']} – år: {', '.join(map(str, payload['years'])) or 'ingen'}")
        width = max([len(p["party"]) for p in payload["parties"]] + [10])
        self.stdout.write(f"{'Part':<{width}}  {'Midler':>16}  {'Disponeret':>16}  {'Saldo':>16}")
        for p in [*payload["parties"], {"party": "I alt", **payload["total"]}]:
            self.stdout.write(f"{p['party']:<{width}}  {calc.format_kroner(p['funds']):>16}  "
                              f"{calc.format_kroner(p['committed']):>16}  {calc.format_kroner(p['balance']):>16}")
        if view.overview.redistribution:
            self.stdout.write(f"Til omfordeling mellem parterne: {calc.format_kroner(view.overview.redistribution)}")
