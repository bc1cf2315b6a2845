"""Parsed dataclasses -> meetings, items, attendance, recommendations and tasks, in ONE transaction.

Persons are matched by name and organisation to existing ones and never duplicated;
organisations are only matched, never invented. The original file is kept byte for byte.
"""

from __future__ import annotations

import datetime
import html
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from klynge.core import formats
from klynge.core.cpr import MASK, find_cpr, mask, mask_all
from klynge.core.signals import bulk_changed
from klynge.documents.models import SourceDocument
from klynge.meetings.actions import link_item_to_matter, renumber
from klynge.meetings.choices import AttendanceStatus, MeetingStatus, Outcome, PlaceKind, TaskOwnerKind
from klynge.meetings.models import AgendaItem, Attachment, Attendance, Meeting, Recommendation, Task
from klynge.organisation.models import Affiliation, Body, Organisation, Person

from .parse import DATE_MISSING_MESSAGE, ParsedDocument, ParsedItem

URL = re.compile(r"https?://\S+")
VIRTUAL = re.compile(r"virtuel|teams|online|zoom|skype|video", re.I)


def _norm(value: str | None) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*[-–—]\s*", " - ", (value or "").casefold())).strip()


# --- bodies ---------------------------------------------------------------------------------

def match_bodies(doc: ParsedDocument, bodies=None) -> list[Body]:
    """Bodies that the document's title names; one entry means an unambiguous match."""
    bodies = list(bodies if bodies is not None else Body.objects.select_related("parent", "kind"))
    cluster, body = _norm(doc.cluster), _norm(doc.body)

    def names(b: Body) -> set[str]:
        return {n for n in (_norm(b.name), _norm(b.short_name)) if n}

    def in_cluster(b: Body) -> bool:
        top = b.cluster()
        return top is not None and bool(names(top) & {cluster}) or cluster in _norm(b.name)

    if cluster and body:
        found = [b for b in bodies if _norm(b.name) in {f"{cluster} - {body}", f"{cluster}, {body}"}]
        if not found:
            found = [b for b in bodies if b.cluster() is not None and b.cluster().pk != b.pk and in_cluster(b)
                     and (body in names(b) or _norm(b.name).endswith(f" - {body}"))]
        if found:
            return found
    if cluster and not body:
        found = [b for b in bodies if cluster in names(b)]
        if found:
            return found
    if body:
        found = [b for b in bodies if body in names(b)]
        if len(found) == 1:
            return found
    return []


# --- people and parties -----------------------------------------------------------------------

class People:
    """Finds or creates persons and finds organisations, memoised for one import."""

    def __init__(self):
        self._orgs: dict[str, Organisation | None] = {}
        self._persons: dict[tuple[str, int | None], Person] = {}
        self.created: list[Person] = []

    def organisation(self, name: str | None) -> Organisation | None:
        if not name:
            return None
        key = _norm(name).replace(" - ", "-")
        if key not in self._orgs:
            found = None
            orgs = list(Organisation.objects.all())
            for org in orgs:
                if key in {_norm(org.name).replace(" - ", "-"), _norm(org.short_name).replace(" - ", "-")}:
                    found = org
                    break
            if found is None:
                # "Psykiatrien Region Midtjylland" belongs to the known "Region Midtjylland"
                inside = [o for o in orgs if re.search(rf"(?<!\w){re.escape(_norm(o.name))}(?!\w)", key)]
                found = max(inside, key=lambda o: len(o.name), default=None)
            self._orgs[key] = found
        return self._orgs[key]

    def person(self, name: str, organisation: Organisation | None = None, title: str | None = None) -> Person:
        key = (name.casefold(), organisation.pk if organisation else None)
        if key in self._persons:
            return self._persons[key]
        candidates = list(Person.objects.filter(name__iexact=name.strip()))
        chosen = None
        if organisation is not None and candidates:
            linked = [p for p in candidates if p.affiliations.filter(organisation=organisation).exists()
                      or p.memberships.filter(organisation=organisation).exists()]
            unlinked = [p for p in candidates if not p.affiliations.exists() and not p.memberships.filter(
                organisation__isnull=False).exists()]
            chosen = (linked or unlinked or [None])[0]
        elif candidates:
            chosen = candidates[0]
        if chosen is None:
            chosen = Person.objects.create(name=name.strip()[:200], title=(title or "")[:200])
            self.created.append(chosen)
            if organisation is not None:
                Affiliation.objects.create(person=chosen, organisation=organisation, title=(title or "")[:200])
        self._persons[key] = chosen
        return chosen


# --- text to HTML ---------------------------------------------------------------------------

def text_to_html(text: str) -> str:
    """Plain section text -> the small HTML the item pages show (paragraphs, lists, tables)."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [ln for ln in paragraph.split("\n") if ln.strip()]
        if not lines:
            continue
        if all("\t" in ln for ln in lines) and len(lines) >= 2:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in ln.split("\t")) + "</tr>"
                           for ln in lines)
            blocks.append(f"<table><tbody>{rows}</tbody></table>")
            continue
        out, open_list = [], None
        for ln in lines:
            bullet = re.match(r"^\s*-\s+(.*)$", ln)
            number = re.match(r"^\s*\d{1,2}[.)]\s+(.*)$", ln)
            kind = "ul" if bullet else "ol" if number else None
            if kind != open_list:
                if open_list:
                    out.append(f"</{open_list}>")
                if kind:
                    out.append(f"<{kind}>")
                open_list = kind
            if kind:
                out.append(f"<li>{html.escape((bullet or number).group(1))}</li>")
            else:
                out.append(f"<p>{html.escape(ln.strip())}</p>")
        if open_list:
            out.append(f"</{open_list}>")
        blocks.append("".join(out))
    return "".join(blocks)


# --- outcomes ---------------------------------------------------------------------------------

def classify(text: str) -> str:
    t = text.lower()
    if re.search(r"ikke godkend|afvist|afviste|forkastede", t):
        return Outcome.NOT_APPROVED
    if re.search(r"\budsat|\budskudt|\budsætte", t):
        return Outcome.POSTPONED
    if re.search(r"med (?:de |følgende |enkelte )?(?:ændringer|justeringer|tilføjelser|rettelser)", t):
        return Outcome.APPROVED_WITH_CHANGES
    if re.search(r"godkend|vedtog|vedtaget|besluttede|beslutte|fastholdt|tiltrådte|indstillede|nedsætte", t):
        return Outcome.APPROVED
    if "efterretning" in t:
        return Outcome.NOTED
    if re.search(r"drøftede|drøftet|drøftelse", t):
        return Outcome.DISCUSSED
    return ""


def outcomes(item: ParsedItem) -> list[tuple[str, str]]:
    """(outcome, decision text) for each recommendation, read from the decision (or minutes)."""
    text = item.decision or item.minutes
    n = len(item.recommendations)
    result = [("", "") for _ in range(n)]
    if not text or not n:
        return result
    numbered: dict[int, str] = {}
    current = None
    general: list[str] = []
    for line in text.split("\n"):
        m = re.match(r"^\s*(\d{1,2})[.)]\s+(.*)$", line)
        if m and 1 <= int(m.group(1)) <= n:
            current = int(m.group(1))
            numbered[current] = m.group(2).strip()
        elif line.strip():
            if current is not None and not re.match(r"^\s*-", line) and not line.strip()[0].isupper():
                numbered[current] += " " + line.strip()
            elif not line.strip().startswith("-"):
                general.append(line.strip())
                current = None
    general_text = " ".join(general)
    covered: set[int] = set()
    m = re.search(r"godkendte indstilling(?:en|erne)? til (?:punkt|indstilling|nr\.?)\s*([\d ,og]+)",
                  general_text, re.I)
    if m:
        covered = {int(x) for x in re.findall(r"\d+", m.group(1)) if 1 <= int(x) <= n}
    general_outcome = (Outcome.APPROVED if re.search(r"godkendte indstilling(?:en|erne)?\s*(?:,|\.|og|$)",
                                                     general_text, re.I) else classify(general_text))
    for k in range(1, n + 1):
        if k in numbered:
            outcome = classify(numbered[k]) or general_outcome
            result[k - 1] = (outcome, numbered[k])
        elif covered:
            result[k - 1] = (Outcome.APPROVED if k in covered else "", "")
        else:
            result[k - 1] = (general_outcome, "")
    return result


# --- the load ---------------------------------------------------------------------------------

def _duration(item: ParsedItem) -> int:
    if item.start and item.end and item.end > item.start:
        delta = datetime.datetime.combine(datetime.date.min, item.end) - datetime.datetime.combine(
            datetime.date.min, item.start)
        return int(delta.total_seconds() // 60)
    return 0


def meeting_times(doc: ParsedDocument) -> tuple[datetime.time, datetime.time, list[str]]:
    notes = []
    starts = [i.start for i in doc.items if i.start]
    ends = [i.end for i in doc.items if i.end]
    start = doc.start or (min(starts) if starts else None)
    if start is None:
        start = datetime.time(0, 0)
        notes.append("Mødets starttid fremgår ikke af dokumentet og er sat til 00:00.")
    end = doc.end or (max(ends) if ends else None)
    if end is None or end <= start:
        guess = (datetime.datetime.combine(doc.date, start) + datetime.timedelta(hours=2))
        end = guess.time() if guess.date() == doc.date else datetime.time(23, 59)
        notes.append(f"Mødets sluttid fremgår ikke af dokumentet og er sat til kl. {end:%H:%M}.")
    return start, end, notes


@transaction.atomic
def load(doc: ParsedDocument, body: Body, *, filename: str, data: bytes, content_type: str = "",
         user=None) -> tuple[Meeting, list[str]]:
    """Write the document into ``body``. Returns the meeting and notes for the report."""
    if doc.date is None:  # a meeting needs its date; the caller asks the user for it (nothing is written)
        raise ValidationError(DATE_MISSING_MESSAGE)
    notes: list[str] = []
    sha = SourceDocument.digest(data)
    mask_document(doc)
    in_name = len(find_cpr(filename))
    filename = mask(filename)
    if doc.cpr_found or in_name:
        where = "i teksten" if doc.cpr_found else "i filnavnet"
        if doc.cpr_found and in_name:
            where = "i teksten og filnavnet"
        notes.append(f"{doc.cpr_found + in_name} CPR-nummer/-numre {where} er erstattet med {MASK}; originalfilen "
                     "er markeret og vises kun for sekretariatet.")
    source = SourceDocument(original_name=filename[:300], sha256=sha, size=len(data), content_type=content_type[:100],
                            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
                            contains_cpr=bool(doc.cpr_found or in_name))
    source.file.save(re.sub(r"[^\w.\- ]", "_", filename.rsplit("/", 1)[-1])[:200] or "dokument", ContentFile(data),
                     save=False)
    try:
        source.save()
        meeting = _write(doc, body, source, notes, user)
    except BaseException:
        source.file.delete(save=False)
        raise
    return meeting, notes


def mask_document(doc: ParsedDocument, raw_text: str = "") -> int:
    """Mask CPR numbers in every text of the parsed document (place, attendees, titles, items,
    attachments, tasks, tables, warnings: every string field, also ones added later) and record on
    ``doc.cpr_found`` how many the file held, counting the extracted ``raw_text`` too."""
    _, masked = mask_all(doc)
    if raw_text:  # count the numbers in the file, not the parsed places they were copied to
        doc.cpr_found = max(len(find_cpr(raw_text)), 1 if masked else 0)
    else:
        doc.cpr_found = max(doc.cpr_found, masked)
    return masked


AGENDA_STAGES = [MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD]


def agenda_to_complete(doc: ParsedDocument, body: Body) -> Meeting | None:
    """Minutes for a body and date whose agenda is already in Klynge complete that meeting."""
    if doc.kind != "minutes":
        return None
    return Meeting.objects.filter(body=body, date=doc.date, status__in=AGENDA_STAGES).order_by("pk").first()


def _same_item(parsed: ParsedItem, item: AgendaItem) -> bool:
    from .layout import fuzzy_same

    if parsed.number is not None and item.number == parsed.number:
        return True
    return fuzzy_same(parsed.title, item.title)


def _merge_minutes(doc: ParsedDocument, meeting: Meeting, source: SourceDocument, notes: list[str]) -> Meeting:
    """The minutes add attendance, decisions and outcomes to the meeting their agenda created: one meeting."""
    now = timezone.now()
    start, end, _ = meeting_times(doc)
    if doc.start:
        meeting.start = start
    if doc.end:
        meeting.end = end
    if doc.place and not meeting.address:
        meeting.address = URL.sub("", doc.place).strip(" ,;:-–")[:300]
    meeting.status = MeetingStatus.MINUTES_PUBLISHED
    meeting.minutes_approved_at = meeting.minutes_published_at = now
    meeting.minutes_note = (f"{meeting.minutes_note}\n" if meeting.minutes_note else "") + \
        f"Referatet er importeret fra {source.original_name}."
    meeting.source_document = source
    meeting.save()
    notes.append(f"Referatet er lagt på mødet {meeting.date:%d.%m.%Y}, som dagsordenen allerede havde oprettet "
                 "(ét møde, ikke to).")
    people = People()
    existing = list(meeting.items.all())
    pairs: list[tuple[ParsedItem, AgendaItem]] = []
    for parsed in doc.items:
        item = next((i for i in existing if _same_item(parsed, i)), None)
        if item is None:
            item = _write_item(doc, meeting, parsed, len(existing) + len(pairs), people, notes)
            pairs.append((parsed, item))
            continue
        existing.remove(item)
        item.minutes, item.decision = parsed.minutes or item.minutes, parsed.decision or item.decision
        item.closed = item.closed or parsed.closed  # closed in the minutes (or their review): never published
        item.save()
        recs = {r.number: r for r in item.recommendations.all()}
        for number, (text, (outcome, decision_text)) in enumerate(
                zip(parsed.recommendations, outcomes(parsed), strict=True), start=1):
            rec = recs.get(number)
            if rec is None:
                Recommendation.objects.create(item=item, number=number, text=text, outcome=outcome,
                                              decision_text=decision_text)
            else:
                rec.outcome, rec.decision_text = outcome, decision_text
                rec.save()
        pairs.append((parsed, item))
    _write_attendance(doc, meeting, people, pairs)
    renumber(meeting)
    return meeting


def _write(doc: ParsedDocument, body: Body, source: SourceDocument, notes: list[str], user) -> Meeting:
    agenda = agenda_to_complete(doc, body)
    if agenda is not None:
        return _merge_minutes(doc, agenda, source, notes)
    start, end, time_notes = meeting_times(doc)
    notes.extend(time_notes)
    place = doc.place or ""
    link = URL.search(place)
    if place and VIRTUAL.search(place):
        place_kind = PlaceKind.HYBRID if re.search(r"\d{4}\s+\w|\bvej\b|gade\b|\d+,", place) else PlaceKind.VIRTUAL
    else:
        place_kind = PlaceKind.PHYSICAL
    now = timezone.now()
    minutes = doc.kind == "minutes"
    meeting = Meeting.objects.create(
        # The link goes to online_link only: the address is public, the link is for members
        # (meetings.visibility.can_see_online_link).
        body=body, date=doc.date, start=start, end=end, place_kind=place_kind,
        address=URL.sub("", place).strip(" ,;:-–")[:300],
        online_link=link.group(0)[:200] if link else "",
        status=MeetingStatus.MINUTES_PUBLISHED if minutes else MeetingStatus.AGENDA_PUBLISHED,
        agenda_published_at=now, minutes_approved_at=now if minutes else None,
        minutes_published_at=now if minutes else None,
        minutes_note=f"Importeret fra {source.original_name}.", source_document=source,
    )
    if not body.is_active(doc.date):
        notes.append(f"{body} var ikke aktivt den {formats.date(doc.date)} ifølge strukturen; "
                     "mødet er importeret alligevel.")
    people = People()
    items: list[tuple[ParsedItem, AgendaItem]] = []
    for position, parsed in enumerate(doc.items):
        items.append((parsed, _write_item(doc, meeting, parsed, position, people, notes)))
    _write_attendance(doc, meeting, people, items)
    renumber(meeting)
    return meeting


def _write_item(doc: ParsedDocument, meeting: Meeting, parsed: ParsedItem, position: int, people: People,
                notes: list[str]) -> AgendaItem:
    item = AgendaItem.objects.create(
        meeting=meeting, position=position, title=parsed.title[:300] or "–",
        number=0 if parsed.kind == "break" else parsed.number or position + 1,
        kind=parsed.kind, duration_minutes=_duration(parsed), summary=parsed.summary,
        description=text_to_html(parsed.description), closed=parsed.closed,
        case_number=(parsed.case_number or "")[:60], minutes=parsed.minutes, decision=parsed.decision,
    )
    if parsed.presenter:
        for name in re.split(r"\s*(?:,|\bog\b|&)\s*", parsed.presenter):
            if len(name.split()) >= 2:
                item.presenters.add(people.person(name))
    recs = []
    for number, (text, (outcome, decision_text)) in enumerate(zip(parsed.recommendations, outcomes(parsed),
                                                                   strict=True), start=1):
        recs.append(Recommendation(item=item, number=number, text=text, outcome=outcome,
                                   decision_text=decision_text))
    Recommendation.objects.bulk_create(recs)
    bulk_changed.send(Recommendation, instances=recs)  # the search indexes the item with them
    by_number = {r.number: r for r in item.recommendations.all()}
    for pos, title in enumerate(parsed.attachments):
        Attachment.objects.create(item=item, title=title[:300], position=pos)
    for task in parsed.tasks:
        owner_person = owner_org = None
        kind = TaskOwnerKind.SECRETARIAT
        if task.owner_kind == "person" and task.owner_name:
            owner_person, kind = people.person(task.owner_name), TaskOwnerKind.PERSON
        elif task.owner_kind == "organisation":
            owner_org = people.organisation(task.owner_name)
            if owner_org is None:
                notes.append(f"Opgaven “{task.description[:60]}…” er ikke oprettet: parten "
                             f"“{task.owner_name}” findes ikke i Klynge.")
                continue
            kind = TaskOwnerKind.ORGANISATION
        due = task.due if task.due and task.due >= doc.date else None
        Task.objects.create(item=item, recommendation=by_number.get(task.recommendation),
                            description=task.description, owner_kind=kind, owner_person=owner_person,
                            owner_organisation=owner_org, due=due)
    if item.case_number:
        link_item_to_matter(item)

    return item


def _write_attendance(doc: ParsedDocument, meeting: Meeting, people: People,
                      items: list[tuple[ParsedItem, AgendaItem]]) -> None:
    recorded: dict[int, Attendance] = {a.person_id: a for a in meeting.attendance.all()}

    def attend(person: Person, status: str, **extra):
        if person.pk in recorded:
            return
        recorded[person.pk] = Attendance.objects.create(meeting=meeting, person=person, status=status, **extra)

    substitutes = {sub.casefold(): behalf for sub, behalf in doc.substitutes}
    for p in doc.attendees:
        org = people.organisation(p.organisation)
        title = p.title or ""
        if p.organisation and (org is None or _norm(org.name) != _norm(p.organisation)):
            title = f"{title}, {p.organisation}".strip(", ")
        person = people.person(p.name, org, p.title)
        behalf = substitutes.get(p.name.casefold())
        if behalf:
            attend(person, AttendanceStatus.SUBSTITUTE, organisation=org, title=title[:200],
                   on_behalf_of=people.person(behalf))
        else:
            attend(person, AttendanceStatus.PRESENT, organisation=org, title=title[:200])
    for name in doc.absent:
        attend(people.person(name), AttendanceStatus.APOLOGIES)
    guest_item = {}
    for parsed, item in items:
        for g in parsed.guests:
            guest_item.setdefault(g.name.casefold(), item)
    for g in doc.guests:
        org = people.organisation(g.organisation)
        title = g.title or ""
        if g.organisation and (org is None or _norm(org.name) != _norm(g.organisation)):
            title = f"{title}, {g.organisation}".strip(", ")
        attend(people.person(g.name, org, g.title), AttendanceStatus.GUEST, organisation=org, title=title[:200],
               item=guest_item.get(g.name.casefold()))
