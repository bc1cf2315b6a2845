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
from django.utils import timezone
from django.views.decorators.http import require_safe
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import NameObject, TextStringObject

from .. import timeplan, visibility
from ..models import Meeting
from .document import build_agenda, danish_date
from .links import absolute
from .pdf import CONTENT_TYPE, FONT, FONT_DIR, render_pdf

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


class _OverviewPDF(FPDF):
    def __init__(self, title: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(22, 20, 22)
        self.add_font(FONT, "", FONT_DIR / "IBMPlexSans-Regular.ttf")
        self.add_font(FONT, "B", FONT_DIR / "IBMPlexSans-Bold.ttf")
        self.set_title(title)
        self.set_lang("da")


def _overview(title: str, entries: list[PacketEntry]) -> bytes:
    pdf = _OverviewPDF(title)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, "Bilag i pakken", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, "", 10)
    if not entries:
        pdf.multi_cell(0, 5.5, "Mødet har ingen bilag, der kan lægges i denne pakke.", new_x="LMARGIN", new_y="NEXT")
    for entry in entries:
        where = f"side {entry.first_page}" if entry.pages else entry.note
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 5.5, f"Punkt {entry.item_number}: {entry.title}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(0, 5.5, where, new_x="LMARGIN", new_y="NEXT")
        if not entry.pages:
            pdf.set_text_color(0, 74, 124)
            pdf.multi_cell(0, 5.5, entry.url, link=entry.url, new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(26, 26, 26)
        pdf.ln(2)
    return bytes(pdf.output())


def _stamp(text: str, width_pt: float, height_pt: float) -> PdfReader:
    """A transparent page of the given size with ``text`` written diagonally and along the foot."""
    pdf = FPDF(unit="pt", format=(width_pt, height_pt))
    pdf.add_font(FONT, "", FONT_DIR / "IBMPlexSans-Regular.ttf")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_text_color(190, 40, 40)
    pdf.set_font(FONT, "", 8)
    pdf.set_xy(20, height_pt - 16)
    pdf.cell(width_pt - 40, 10, text, align="L")
    with pdf.local_context(fill_opacity=0.12, text_color=(160, 28, 28)):
        pdf.set_font(FONT, "", min(40, width_pt / (0.55 * max(len(text), 10)) * 1.3))
        with pdf.rotation(angle=35, x=width_pt / 2, y=height_pt / 2):
            pdf.set_xy(0, height_pt / 2 - 20)
            pdf.cell(width_pt, 40, text, align="C")
    return PdfReader(io.BytesIO(bytes(pdf.output())))


def build_packet(meeting: Meeting, user, *, members: bool, request=None) -> bytes:
    """The packet as bytes; ``members`` adds closed items and material and marks every page."""
    document = build_agenda(meeting, user, public=not members)
    agenda = PdfReader(io.BytesIO(render_pdf(document)))
    entries = _entries(meeting, user, members, request)
    title = f"Mødepakke {document.title} {document.date_label}"
    # The overview names the page each merged attachment starts on; it is drawn once to learn its
    # length, then again with the right numbers.
    overview_pages = len(PdfReader(io.BytesIO(_overview(title, entries))).pages)
    page = len(agenda.pages) + overview_pages + 1
    for entry in entries:
        if entry.pages:
            entry.first_page = page
            page += len(entry.pages)
    overview = PdfReader(io.BytesIO(_overview(title, entries)))

    writer = PdfWriter()
    writer.append(agenda)
    writer.append(overview, outline_item="Bilag i pakken")
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
                stamps[size] = _stamp(text, *size).pages[0]
            target.merge_page(stamps[size], over=True)
    writer.add_metadata({"/Title": title, "/Author": "Klynge", "/Creator": "Klynge"})
    writer._root_object[NameObject("/Lang")] = TextStringObject("da")
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

