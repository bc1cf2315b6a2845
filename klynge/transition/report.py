"""The dry-run (and run) report: plain JSON, stored on the plan, printed by the CLI, shown on the page."""

from __future__ import annotations

from klynge.funds.calculations import format_kroner

from . import rules

SECTIONS = [
    ("body", "Nye organer"),
    ("organisation", "Parter, der afløses"),
    ("succession", "Afløsninger"),
    ("end", "Organer, der ophører"),
    ("task", "Åbne opgaver, der overtages"),
    ("proposal", "Forslag til punkter, der overtages"),
    ("matter", "Sager, hvor efterfølgeren bliver ejer (sagens forløb bevares)"),
    ("initiative", "Indsatser, der flyttes med budget, låse, fordelingsnøgle og fakturering"),
    ("balance", "Restmidler, der overføres pr. part"),
    ("membership", "Medlemskaber, der ophører"),
    ("member", "Medlemmer og roller, der videreføres"),
    ("mandate", "Kommissorier"),
    ("area_end", "Kommuner, der forlader forgængerens område"),
    ("area", "Kommuner i de nye områder"),
]


def build(plan, result, done: bool = False) -> dict:
    """{'errors': [...], 'sections': [{'kind', 'title', 'count', 'rows': [[what, from, to], ...]}], ...}"""
    data = {"plan": plan.name, "date": plan.date.isoformat(), "date_label": rules.danish_date(plan.date),
            "demo": plan.is_demo, "done": done, "errors": [], "sections": []}
    if isinstance(result, list):
        data["errors"] = [str(e) for e in result]
        return data
    for kind, title in SECTIONS:
        moves = result.by_kind(kind)
        if not moves:
            continue
        rows = []
        for m in moves:
            what = m.label
            if kind == "balance":
                what = f"{m.label}: {format_kroner(m.amount)}"
            if kind == "initiative" and m.extra.get("number") and not m.label.startswith(f"{m.extra['number']}."):
                what = f"{m.label} (nyt nummer {m.extra['number']})"
            rows.append([what, result.body_names.get(m.from_body, "") if m.from_body else "", result.name_of(m.to)])
        section = {"kind": kind, "title": title, "count": len(moves), "rows": rows}
        if kind == "balance":
            section["total"] = format_kroner(sum(m.amount for m in moves))
        data["sections"].append(section)
    return data


def as_text(data: dict) -> str:
    lines = [("DEMO – " if data.get("demo") else "") + f"Overgangsplan: {data['plan']} ({data['date_label']})"]
    if data["errors"]:
        lines.append("Planen kan ikke gennemføres:")
        lines += [f"  - {e}" for e in data["errors"]]
        return "\n".join(lines)
    lines.append("Gennemført:" if data.get("done") else "Prøvekørsel – intet er ændret endnu. Dette vil ske:")
    for section in data["sections"]:
        lines.append("")
        lines.append(f"{section['title']} ({section['count']})" + (f", i alt {section['total']}"
                                                                   if section.get("total") else ""))
        for what, source, target in section["rows"]:
            arrow = f" [{source}" + (f" → {target}]" if target else "]") if source else (f" [→ {target}]"
                                                                                         if target else "")
            lines.append(f"  - {what}{arrow}")
    return "\n".join(lines)
