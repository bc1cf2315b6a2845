"""Pure rules of a transition plan: CSV rows in, resolved plan or Danish errors out. No ORM.

The plan's rows are resolved against a ``World``: a plain snapshot of the bodies, kinds,
organisations, persons, successions and municipality areas that exist (built by
``planning.world()``). Every problem is reported with the row it comes from, and a plan
with any error moves nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field

# The CSV columns, in the order of the template (docs/transition.md).
COLUMNS = ["handling", "forgænger", "efterfølger", "ny_type", "region", "kommune", "person", "rolle",
           "part", "arkivadgang", "overtager", "indsatser"]
FIELD_BY_COLUMN = {
    "handling": "action", "forgænger": "predecessor", "efterfølger": "successor", "ny_type": "new_kind",
    "region": "region", "kommune": "municipality", "person": "person", "rolle": "role", "part": "party",
    "arkivadgang": "archive_access", "overtager": "takes_over", "indsatser": "initiatives",
}
SUCCESSION, MUNICIPALITY, MEMBER, PARTY = "afløsning", "kommune", "medlem", "part"
ACTIONS = (SUCCESSION, MUNICIPALITY, MEMBER, PARTY)
MOVE, STAY = "flyt", "bliv"
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]


def danish_date(value: datetime.date) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def key(text: str) -> str:
    """How names and slugs are compared: case and spacing do not matter."""
    return " ".join((text or "").split()).casefold()


@dataclass(frozen=True)
class Row:
    line: int
    action: str
    predecessor: str = ""
    successor: str = ""
    new_kind: str = ""
    region: str = ""
    municipality: str = ""
    person: str = ""
    role: str = ""
    party: str = ""
    archive_access: str = ""
    takes_over: str = ""
    initiatives: str = ""


@dataclass(frozen=True)
class PlanError:
    lines: tuple[int, ...]
    message: str

    def __str__(self):
        if not self.lines:
            return self.message
        if len(self.lines) == 1:
            return f"Række {self.lines[0]}: {self.message}"
        return "Række " + " og ".join(str(n) for n in self.lines) + f": {self.message}"


class CsvError(ValueError):
    def __init__(self, errors: list[PlanError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def parse_csv(text: str) -> list[Row]:
    """Rows from CSV text (semicolon or comma separated, header row first). Raises CsvError."""
    text = (text or "").lstrip("\ufeff")
    if not text.strip():
        raise CsvError([PlanError((), "Filen er tom.")])
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [key(h) for h in next(reader)]
    if "handling" not in header:
        raise CsvError([PlanError((1,), "Første række skal være overskrifter med mindst kolonnen »handling« "
                                         f"(kolonner: {', '.join(COLUMNS)}).")])
    unknown = [h for h in header if h and h not in FIELD_BY_COLUMN]
    if unknown:
        raise CsvError([PlanError((1,), f"Ukendt kolonne »{unknown[0]}«. Brug: {', '.join(COLUMNS)}.")])
    rows, errors = [], []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            errors.append(PlanError((number,), f"rækken har {len(values)} felter, men der er kun "
                                               f"{len(header)} overskrifter."))
            continue
        data = {FIELD_BY_COLUMN[h]: v.strip() for h, v in zip(header, values, strict=False) if h}
        data["action"] = key(data.get("action", ""))
        rows.append(Row(line=number, **data))
    if errors:
        raise CsvError(errors)
    if not rows:
        raise CsvError([PlanError((), "Filen har overskrifter, men ingen rækker.")])
    return rows


def rows_to_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, FIELD_BY_COLUMN[c]) for c in COLUMNS])
    return out.getvalue()


# --- the world the plan is checked against ------------------------------------------------

@dataclass(frozen=True)
class BodyInfo:
    id: int
    name: str
    slug: str
    active_from: datetime.date | None
    active_to: datetime.date | None
    first_meeting_on_or_after: datetime.date | None = None   # of the body or anything under it


@dataclass(frozen=True)
class OrgInfo:
    id: int
    name: str
    kind: str
    code: str = ""


@dataclass
class World:
    today: datetime.date
    bodies: list[BodyInfo] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)            # key(name) -> id
    organisations: list[OrgInfo] = field(default_factory=list)
    persons: dict[str, list[int]] = field(default_factory=dict)    # key(name or slug) -> ids
    successions: list[tuple[int, int]] = field(default_factory=list)       # (predecessor, successor) ids
    org_successions: list[tuple[int, int]] = field(default_factory=list)
    areas: list[tuple[int, int, datetime.date | None, datetime.date | None]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)            # key(Danish label or value) -> value

    def body(self, text: str) -> BodyInfo | None:
        k = key(text)
        for b in self.bodies:
            if key(b.slug) == k or key(b.name) == k:
                return b
        return None

    def organisation(self, text: str) -> OrgInfo | None:
        k = key(text)
        for o in self.organisations:
            if key(o.name) == k or (o.code and o.code == k):
                return o
        return None


# --- the resolved plan ----------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """A successor: an existing body (id) or one the plan creates (name, kind, region)."""

    name: str
    id: int | None = None
    kind_id: int | None = None
    region_id: int | None = None
    region_name: str = ""      # a region the plan itself creates (PARTY row)

    @property
    def ref(self) -> str:
        return f"body:{self.id}" if self.id else f"new:{key(self.name)}"


@dataclass(frozen=True)
class ResolvedSuccession:
    line: int
    predecessor: BodyInfo
    target: Target
    archive_access: bool
    takes_over: bool
    move_initiatives: bool


@dataclass(frozen=True)
class ResolvedMunicipality:
    line: int
    target: Target
    municipality: OrgInfo


@dataclass(frozen=True)
class ResolvedMember:
    line: int
    target: Target
    person_id: int
    person_name: str
    role: str
    party: OrgInfo | None


@dataclass(frozen=True)
class ResolvedParty:
    line: int
    predecessor: OrgInfo
    successor: OrgInfo | None      # None: created by the plan as a region
    successor_name: str


@dataclass
class Resolved:
    date: datetime.date
    successions: list[ResolvedSuccession] = field(default_factory=list)
    municipalities: list[ResolvedMunicipality] = field(default_factory=list)
    members: list[ResolvedMember] = field(default_factory=list)
    parties: list[ResolvedParty] = field(default_factory=list)

    def targets(self) -> list[Target]:
        seen, out = set(), []
        for s in self.successions:
            if s.target.ref not in seen:
                seen.add(s.target.ref)
                out.append(s.target)
        return out


def _yes_no(value: str, default: bool, column: str, line: int, errors: list) -> bool:
    v = key(value)
    if not v:
        return default
    if v in ("ja", "j", "x", "1"):
        return True
    if v in ("nej", "n", "0"):
        return False
    errors.append(PlanError((line,), f"»{value}« i kolonnen {column} skal være ja eller nej."))
    return default


def find_cycle(edges: list[tuple[str, str]]) -> list[str] | None:
    """A cycle in a directed graph (predecessor -> successor), as the nodes along it; None if none."""
    graph = defaultdict(list)
    for a, b in edges:
        graph[a].append(b)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in list(graph):
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None


def resolve(rows: list[Row], date: datetime.date | None, world: World) -> tuple[Resolved | None, list[PlanError]]:
    """Check every row against the world; the resolved plan, or None and every error found."""
    errors: list[PlanError] = []
    if date is None:
        return None, [PlanError((), "Planen mangler en overgangsdato.")]
    resolved = Resolved(date=date)
    day_before = date - datetime.timedelta(days=1)

    for row in rows:
        if row.action not in ACTIONS:
            errors.append(PlanError((row.line,), f"ukendt handling »{row.action}«; brug {', '.join(ACTIONS)}."))

    # Parties first: a new region may be the region of a new council.
    new_regions: dict[str, str] = {}
    for row in (r for r in rows if r.action == PARTY):
        old = world.organisation(row.predecessor)
        if not row.predecessor:
            errors.append(PlanError((row.line,), "angiv forgængeren (den part, der afløses)."))
            continue
        if old is None:
            errors.append(PlanError((row.line,), f"parten »{row.predecessor}« findes ikke."))
            continue
        new = world.organisation(row.successor)
        if not row.successor:
            errors.append(PlanError((row.line,), "angiv efterfølgeren (den part, der overtager)."))
            continue
        if new is None:
            if key(row.new_kind) != "region":
                errors.append(PlanError((row.line,), f"parten »{row.successor}« findes ikke; skriv »region« i "
                                                     "ny_type for at oprette den som ny region."))
                continue
            new_regions[key(row.successor)] = row.successor
        elif new.id == old.id:
            errors.append(PlanError((row.line,), f"{old.name} kan ikke afløse sig selv."))
            continue
        resolved.parties.append(ResolvedParty(row.line, old, new, new.name if new else row.successor))
    org_edges = [(f"org:{a}", f"org:{b}") for a, b in world.org_successions]
    org_edges += [(f"org:{p.predecessor.id}",
                   f"org:{p.successor.id}" if p.successor else f"neworg:{key(p.successor_name)}")
                  for p in resolved.parties]
    cycle = find_cycle(org_edges)
    if cycle:
        names = {f"org:{o.id}": o.name for o in world.organisations}
        lines = tuple(p.line for p in resolved.parties)
        errors.append(PlanError(lines, "afløsningerne af parter danner en ring: "
                                       + " → ".join(names.get(n, n) for n in cycle) + "."))

    def region_for(text: str, line: int) -> tuple[int | None, str]:
        if not text:
            return None, ""
        if key(text) in new_regions:
            return None, new_regions[key(text)]
        org = world.organisation(text)
        if org is None or org.kind != "region":
            errors.append(PlanError((line,), f"regionen »{text}« findes ikke."))
            return None, ""
        return org.id, ""

    # Successions: who ends, who takes over.
    targets: dict[str, Target] = {}
    by_predecessor: dict[int, list[tuple[Row, ResolvedSuccession]]] = defaultdict(list)
    succession_rows = [r for r in rows if r.action == SUCCESSION]
    if not succession_rows and not errors:
        errors.append(PlanError((), "Planen afløser ingen organer: tilføj mindst én række med handling "
                                    f"»{SUCCESSION}«."))
    pairs_seen: dict[tuple, int] = {}
    for row in succession_rows:
        line_errors = len(errors)
        if not row.predecessor:
            errors.append(PlanError((row.line,), "angiv forgængeren (det organ, der ophører)."))
        if not row.successor:
            errors.append(PlanError((row.line,), "angiv efterfølgeren (det organ, der overtager)."))
        if len(errors) > line_errors:
            continue
        old = world.body(row.predecessor)
        if old is None:
            errors.append(PlanError((row.line,), f"organet »{row.predecessor}« findes ikke."))
            continue
        existing = world.body(row.successor)
        if key(row.predecessor) == key(row.successor) or (existing is not None and existing.id == old.id):
            errors.append(PlanError((row.line,), f"{old.name} kan ikke afløse sig selv."))
            continue
        if existing is not None:
            if existing.active_to and existing.active_to < date:
                errors.append(PlanError((row.line,), f"efterfølgeren {existing.name} er ophørt "
                                                     f"{danish_date(existing.active_to)}."))
                continue
            target = Target(existing.name, id=existing.id)
        else:
            target = targets.get(f"new:{key(row.successor)}")
            if target is None:
                if not row.new_kind:
                    errors.append(PlanError((row.line,), f"organet »{row.successor}« findes ikke; angiv ny_type "
                                                         "(f.eks. Sundhedsråd) for at oprette det."))
                    continue
                kind_id = world.kinds.get(key(row.new_kind))
                if kind_id is None:
                    errors.append(PlanError((row.line,), f"organtypen »{row.new_kind}« findes ikke; opret den "
                                                         "først under Administration."))
                    continue
                region_id, region_name = region_for(row.region, row.line)
                target = Target(row.successor, kind_id=kind_id, region_id=region_id, region_name=region_name)
        targets[target.ref] = target
        if old.active_to and old.active_to < day_before:
            errors.append(PlanError((row.line,), f"{old.name} er allerede ophørt {danish_date(old.active_to)}."))
            continue
        if old.active_from and old.active_from >= date:
            errors.append(PlanError((row.line,), f"{old.name} begynder først {danish_date(old.active_from)}, "
                                                 "efter overgangsdatoen."))
            continue
        first = old.first_meeting_on_or_after
        if first is not None:
            if date <= world.today:
                errors.append(PlanError((row.line,), f"overgangsdatoen {danish_date(date)} ligger i fortiden, og "
                                                     f"{old.name} har holdt møder efter den (det første "
                                                     f"{danish_date(first)}). Vælg en senere dato."))
            else:
                errors.append(PlanError((row.line,), f"{old.name} har møder planlagt efter overgangsdatoen (det "
                                                     f"første {danish_date(first)}). Flyt dem til efterfølgeren "
                                                     "eller aflys dem først."))
            continue
        pair = (old.id, target.ref)
        if pair in pairs_seen:
            errors.append(PlanError((pairs_seen[pair], row.line), f"{target.name} afløser {old.name} to gange."))
            continue
        pairs_seen[pair] = row.line
        initiatives = key(row.initiatives) or MOVE
        if initiatives not in (MOVE, STAY):
            errors.append(PlanError((row.line,), f"»{row.initiatives}« i kolonnen indsatser skal være "
                                                 f"{MOVE} eller {STAY}."))
            continue
        archive = _yes_no(row.archive_access, False, "arkivadgang", row.line, errors)
        takes = _yes_no(row.takes_over, True, "overtager", row.line, errors) if row.takes_over else None
        item = ResolvedSuccession(row.line, old, target, archive, bool(takes), initiatives == MOVE)
        by_predecessor[old.id].append((row, item))
    for _old_id, entries in by_predecessor.items():
        explicit = [i for r, i in entries if r.takes_over]
        if len(entries) == 1:
            row, item = entries[0]
            if row.takes_over and not item.takes_over:
                errors.append(PlanError((row.line,), f"{item.predecessor.name} har kun én efterfølger, som "
                                                     "derfor skal overtage det åbne arbejde (overtager=ja)."))
            resolved.successions.append(ResolvedSuccession(item.line, item.predecessor, item.target,
                                                           item.archive_access, True, item.move_initiatives))
            continue
        takers = [i for i in explicit if i.takes_over]
        if len(takers) != 1:
            errors.append(PlanError(tuple(r.line for r, _ in entries),
                                    f"{entries[0][1].predecessor.name} deles mellem flere efterfølgere; markér "
                                    "præcis én med overtager=ja (den overtager åbne opgaver, sager og midler)."))
        for _r, item in entries:
            resolved.successions.append(ResolvedSuccession(item.line, item.predecessor, item.target,
                                                           item.archive_access,
                                                           item in takers and len(takers) == 1,
                                                           item.move_initiatives))

    # Cycles: existing successions plus the plan's.
    body_names = {f"body:{b.id}": b.name for b in world.bodies}
    edges = [(f"body:{a}", f"body:{b}") for a, b in world.successions]
    edges += [(f"body:{s.predecessor.id}", s.target.ref) for s in resolved.successions]
    cycle = find_cycle(edges)
    if cycle:
        members = set(cycle)
        lines = tuple(sorted(s.line for s in resolved.successions
                             if f"body:{s.predecessor.id}" in members and s.target.ref in members))
        errors.append(PlanError(lines, "afløsningerne danner en ring: "
                                       + " → ".join(body_names.get(n, n) for n in cycle) + "."))

    def target_for(text: str, line: int) -> Target | None:
        if not text:
            errors.append(PlanError((line,), "angiv efterfølgeren (rådet eller organet)."))
            return None
        existing = world.body(text)
        ref = f"body:{existing.id}" if existing else f"new:{key(text)}"
        if ref in targets:
            return targets[ref]
        if existing is not None:
            return Target(existing.name, id=existing.id)
        errors.append(PlanError((line,), f"organet »{text}« findes ikke og oprettes ikke af planen "
                                         f"(tilføj en række med handling »{SUCCESSION}«)."))
        return None

    # Municipalities: each in one council on the date.
    ending = {s.predecessor.id for s in resolved.successions}
    seen_municipality: dict[int, tuple[int, Target]] = {}
    for row in (r for r in rows if r.action == MUNICIPALITY):
        target = target_for(row.successor, row.line)
        org = world.organisation(row.municipality) if row.municipality else None
        if not row.municipality:
            errors.append(PlanError((row.line,), "angiv kommunen (navn eller kommunekode)."))
            continue
        if org is None or org.kind != "municipality":
            errors.append(PlanError((row.line,), f"kommunen »{row.municipality}« findes ikke."))
            continue
        if target is None:
            continue
        if org.id in seen_municipality:
            first_line, first_target = seen_municipality[org.id]
            if first_target.ref == target.ref:
                errors.append(PlanError((first_line, row.line), f"{org.name} står to gange i {target.name}."))
            else:
                errors.append(PlanError((first_line, row.line),
                                        f"{org.name} kan ikke høre til både {first_target.name} og {target.name} "
                                        f"den {danish_date(date)}."))
            continue
        seen_municipality[org.id] = (row.line, target)
        for body_id, municipality_id, start, end in world.areas:
            if municipality_id != org.id or body_id in ending or (target.id and body_id == target.id):
                continue
            if (start is None or start <= date) and (end is None or end >= date):
                errors.append(PlanError((row.line,), f"{org.name} hører allerede til "
                                                     f"{body_names.get(f'body:{body_id}', 'et andet organ')} "
                                                     f"den {danish_date(date)}."))
                break
        else:
            resolved.municipalities.append(ResolvedMunicipality(row.line, target, org))

    # Members carried over, the secretariat taking over included.
    for row in (r for r in rows if r.action == MEMBER):
        target = target_for(row.successor, row.line)
        if not row.person:
            errors.append(PlanError((row.line,), "angiv personen."))
            continue
        ids = world.persons.get(key(row.person), [])
        if not ids:
            errors.append(PlanError((row.line,), f"personen »{row.person}« findes ikke."))
            continue
        if len(ids) > 1:
            errors.append(PlanError((row.line,), f"der er flere personer, der hedder »{row.person}«; brug "
                                                 "personens kortnavn fra adressen i stedet."))
            continue
        role = world.roles.get(key(row.role or "medlem"))
        if role is None:
            errors.append(PlanError((row.line,), f"ukendt rolle »{row.role}«; brug f.eks. Medlem, Formand, "
                                                 "Medformand eller Sekretariat."))
            continue
        party = None
        if row.party:
            party = world.organisation(row.party)
            if party is None:
                errors.append(PlanError((row.line,), f"parten »{row.party}« findes ikke."))
                continue
        if target is not None:
            resolved.members.append(ResolvedMember(row.line, target, ids[0], row.person, role, party))

    return (None if errors else resolved), errors
