"""The meeting packet: the agenda and its attachments as one PDF.

- ``/moeder/<pk>/moedepakke.pdf``: the public agenda with every public attachment. Closed items and
  their attachments are left out for everybody (the file is the public one, whoever fetches it).
- ``/moeder/<pk>/medlemspakke.pdf``: for those who may see the body's members-only content
  (``visibility.can_see_closed``): the agenda as they may read it, with the attachments of closed
  items too, every page marked "Til <name>" so a copy that travels says whose it was. Never cached.

Attachments are taken in agenda order (the order of the items, then of the attachments). PDF
attachments are merged page by page (pypdf); any other file (Word, Excel, images) and a PDF that
cannot be read (damaged, encrypted) is listed on the overview page ("Bilag i pakken") with where
to find it. A file flagged as holding a CPR number is left out unless the reader may fetch it
(``visibility.can_download_attachment``): the same rule as the download link.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import DecodedStreamObject

from klynge.core.pdf import render_overlay
from klynge.core.pdf import render_pdf as render_html_pdf

from .. import timeplan, visibility
from ..models import Meeting
from .document import build_agenda, danish_date
from .links import absolute
from .pdf import CONTENT_TYPE, document_html

log = logging.getLogger(__name__)


@dataclass
class PacketEntry:
    item_number: int
    title: str
    url: str
    pages: list | None = None  # the PDF pages, when merged
    note: str = ""  # why it is only listed
    first_page: int = 0


def _entries(meeting: Meeting, user, members: bool, request) -> list[PacketEntry]:
    items = timeplan.order_items(list(meeting.items.prefetch_related("attachments").order_by("position", "pk")))
    allowed = members and visibility.can_see_closed(user, meeting)
    viewer = user if members else AnonymousUser()
    entries = []
    for item in items:
        if item.closed and not allowed:
            continue
        for attachment in sorted(item.attachments.all(), key=lambda a: (a.position, a.pk)):
            if not attachment.file or not visibility.can_download_attachment(viewer, attachment):
                continue
            entry = PacketEntry(item.number, attachment.title,
                                absolute(attachment.get_absolute_url(), request))
            if attachment.file.name.lower().endswith(".pdf"):
                try:
                    with attachment.file.open("rb") as handle:
                        reader = PdfReader(io.BytesIO(handle.read()))
                        if reader.is_encrypted:
                            raise PdfReadError("encrypted")
                        entry.pages = list(reader.pages)
                except (PdfReadError, OSError, ValueError) as error:
                    log.warning("Bilag %s kunne ikke lægges i mødepakken: %s", attachment.pk, error)
                    entry.note = ("Kunne ikke lægges ind i pakken (filen kan ikke læses som PDF). "
                                  "Hent den på mødets side.")
            else:
                extension = attachment.file.name.rsplit(".", 1)[-1].upper()
                entry.note = f"{extension}-fil: hent den på mødets side."
            entries.append(entry)
    return entries


def _overview_html(document, entries: list[PacketEntry], pages_before: int, own_pages: int) -> str:
    """The overview page ("Bilag i pakken"), laid out after the agenda: it names the page each merged
    attachment starts on, counted from the pages before it and its own."""
    page = pages_before + own_pages + 1
    for entry in entries:
        if entry.pages:
            entry.first_page = page
            page += len(entry.pages)
    return render_to_string("meetings/pdf/packet_overview.html", {"document": document, "entries": entries})


def _artifact_stamp(text: str, width_pt: float, height_pt: float):
    """A page of the given size with ``text`` along the foot and large and light across it, its
    content marked as a watermark artifact (not part of what a screen reader reads)."""
    size = min(40, width_pt / (0.55 * max(len(text), 10)) * 1.3)
    html = render_to_string("meetings/pdf/stamp.html", {
        "text": text, "width": width_pt, "height": height_pt, "size": size, "top": (height_pt - size) / 2})
    page = PdfWriter(clone_from=io.BytesIO(render_overlay(html))).pages[0]
    content = page.get_contents()
    data = content.get_data() if content is not None else b""
    stream = DecodedStreamObject()
    stream.set_data(b"/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n" + data + b"\nEMC\n")
    page.replace_contents(stream)
    return page


def build_packet(meeting: Meeting, user, *, members: bool, request=None) -> bytes:
    """The packet as bytes; ``members`` adds closed items and material and marks every page."""
    document = build_agenda(meeting, user, public=not members)
    entries = _entries(meeting, user, members, request)
    title = f"Mødepakke {document.title} {document.date_label}"
    merged = any(entry.pages for entry in entries)
    # The agenda and the overview are one tagged document; merged attachments keep their own pages
    # (and whatever tagging they had is lost), so a packet with them does not claim PDF/UA.
    own = render_html_pdf(document_html(document), title, subject=document.body_name, identify_ua=not merged,
                          follow=lambda before, pages: _overview_html(document, entries, before, pages))
    writer = PdfWriter(clone_from=io.BytesIO(own))
    for entry in entries:
        if entry.pages:
            start = len(writer.pages)
            for source in entry.pages:
                writer.add_page(source)
            writer.add_outline_item(title=f"Punkt {entry.item_number}: {entry.title}", page_number=start)
    if members:
        person = getattr(user, "person", None)
        name = person.name if person else user.get_username()
        text = f"Til {name} · {danish_date(timezone.localdate())} · må ikke videregives"
        stamps = {}
        for target in writer.pages:
            size = (round(float(target.mediabox.width), 1), round(float(target.mediabox.height), 1))
            if size not in stamps:
                stamps[size] = _artifact_stamp(text, *size)
            target.merge_page(stamps[size], over=True)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _response(content: bytes, filename: str, personal: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store" if personal else "private, max-age=0"
    return response


def _meeting(request, pk) -> Meeting:
    meeting = Meeting.objects.select_related("body").filter(pk=pk).first()
    if meeting is None or not visibility.can_see_agenda(request.user, meeting):
        raise Http404("Mødepakken findes ikke.")
    return meeting


@require_safe
def packet_pdf(request, pk: int):
    meeting = _meeting(request, pk)
    document_title = f"moedepakke-{meeting.date:%Y-%m-%d}.pdf"
    return _response(build_packet(meeting, request.user, members=False, request=request), document_title, False)


@require_safe
def members_packet_pdf(request, pk: int):
    meeting = _meeting(request, pk)
    if not request.user.is_authenticated or not visibility.can_see_closed(request.user, meeting):
        raise Http404("Medlemspakken findes ikke.")
    return _response(build_packet(meeting, request.user, members=True, request=request),
                     f"medlemspakke-{meeting.date:%Y-%m-%d}.pdf", True)

