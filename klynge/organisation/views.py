import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from klynge.core import formats

from . import composition, creation_hooks, permissions, provenance, queries
from .actions import add_mandate_version
from .forms import EndMembershipForm, MandateForm, MembershipForm, NewPersonForm, SubBodyForm
from .models import Body, Mandate, Membership, Organisation, Person


def chosen_date(request):
    """(date, error): ``?dato=2026-12-31`` shows the structure as it was that day; default today.

    A bad date falls back to today with the shared Danish notice (core/params.py); ``error`` is
    kept empty for the templates' own notice.
    """
    from klynge.core.params import query_params

    today = timezone.localdate()
    return query_params(request).date("dato", label="Datoen", default=today,
                                      minimum=datetime.date(1900, 1, 1), maximum=datetime.date(2100, 12, 31)), ""


def front(request):
    on, date_error = chosen_date(request)
    return render(request, "organisation/front.html", {
        "regions": queries.regions_with_bodies(on), "on": on, "date_error": date_error,
        "is_today": on == timezone.localdate(),
        "can_transition": permissions.can_use_transition(request.user),
    })


def _body_or_404(slug):
    return get_object_or_404(Body.objects.select_related("kind", "level", "parent", "region"), slug=slug)


def body_detail(request, slug):
    body = _body_or_404(slug)
    today, date_error = chosen_date(request)
    mandates = list(body.mandates.select_related("approved_by").order_by("-valid_from"))
    current_mandate = body.current_mandate(today)
    context = {
        "body": body,
        "breadcrumbs": list(reversed(body.ancestors())),
        "region": body.effective_region(),
        "current_mandate": current_mandate,
        "mandate_history": mandates,
        "members_by_party": queries.members_grouped_by_party(body, today),
        "former_members": queries.former_members(body, today),
        "children": body.children.select_related("kind", "level").order_by("level__rank", "name"),
        "member_organisations": body.member_organisations.order_by("name"),
        "successions_in": body.successions_in.filter(Q(date__isnull=True) | Q(date__lte=today))
        .select_related("predecessor").order_by("predecessor__name"),
        "successions_out": body.successions_out.select_related("successor").order_by("successor__name"),
        "forward": body.forward(today),
        "areas": body.areas.active(today).select_related("municipality").order_by("municipality__name"),
        "provenance": provenance.notes(body),
        "date_error": date_error,
        "is_today": today == timezone.localdate(),
        "can_edit": permissions.can_edit_body(request.user, body),
        "show_contact": permissions.can_see_contact_details(request.user),
        "show_history": permissions.can_see_members_only(request.user, body),
        "today": today,
        "composition": composition.status(body, today),
        # Joint meetings included; through the reverse relation, so organisation does not import meetings.
        "upcoming": body.meetings.model.objects.for_bodies([body.pk]).filter(date__gte=today)
        .exclude(status="cancelled").order_by("date").first(),
    }
    return render(request, "organisation/body.html", context)


def body_chairs(request, slug):
    body = _body_or_404(slug)
    terms, rotations = queries.chair_terms(body)
    return render(request, "organisation/chairs.html", {
        "body": body, "terms": terms, "rotations": rotations, "today": timezone.localdate(),
        "breadcrumbs": [*reversed(body.ancestors()), body],
        "can_edit": permissions.can_edit_body(request.user, body),
    })


def body_history(request, slug):
    """The change history of a body, its memberships and mandates, for those inside the collaboration."""
    body = _body_or_404(slug)
    if not permissions.can_see_members_only(request.user, body):
        raise PermissionDenied("Ændringshistorikken er for organets medlemmer og sekretariat.")
    return render(request, "organisation/history.html", {
        "body": body, "entries": queries.change_history(body),
        "breadcrumbs": [*reversed(body.ancestors()), body],
    })


def person_detail(request, slug):
    person = get_object_or_404(Person, slug=slug)
    memberships = (
        person.memberships.select_related("body", "organisation", "body__kind")
        .order_by("-start")
    )
    return render(request, "organisation/person.html", {
        "person": person,
        "memberships": memberships,
        "affiliations": person.affiliations.select_related("organisation").order_by("-start"),
        "show_contact": permissions.can_see_contact_details(request.user),
        "today": timezone.localdate(),
    })


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.select_related("parent", "region"), slug=slug)
    today = timezone.localdate()
    return render(request, "organisation/organisation.html", {
        "organisation": organisation,
        "children": organisation.children.order_by("name"),
        "bodies": organisation.member_of_bodies.select_related("kind").order_by("name"),
        "representatives": Membership.objects.active(today).filter(organisation=organisation)
        .select_related("person", "body").order_by("body__name", "person__name"),
        "today": today,
        "successions_in": organisation.successions_in.select_related("predecessor").order_by("predecessor__name"),
        "successions_out": organisation.successions_out.select_related("successor").order_by("successor__name"),
        "areas": organisation.body_areas.select_related("body").order_by("start", "body__name"),
    })


def person_search(request):
    """A plain list of persons, filterable by name (for finding someone quickly)."""
    q = request.GET.get("q", "").strip()
    persons = Person.objects.order_by("name")
    if q:
        persons = persons.filter(Q(name__icontains=q) | Q(title__icontains=q))
    return render(request, "organisation/persons.html", {"persons": persons[:500], "q": q})


# --- edits -------------------------------------------------------------------------------

def _require_edit(request, body):
    if not permissions.can_edit_body(request.user, body):
        raise PermissionDenied("Du har ikke ret til at redigere dette organ.")


@login_required
def membership_add(request, slug):
    body = _body_or_404(slug)
    _require_edit(request, body)
    form = MembershipForm(request.POST or None, instance=Membership(body=body))
    warnings = []
    if request.method == "POST" and form.is_valid():
        # A membership that breaks the composition is a warning the secretariat may confirm, never a refusal:
        # real bodies run over-filled for a while (a transition, a seat being handed over).
        warnings = composition.warnings_for(form.instance)
        if not warnings or form.cleaned_data.get("confirm_composition"):
            if warnings:
                form.instance._change_reason = "Tilføjet trods advarsel: " + " ".join(warnings)
            membership = form.save()
            messages.success(request, f"{membership.person} er tilføjet som {membership.get_role_display().lower()}.")
            if warnings:
                messages.warning(request, "Medlemskabet fraviger sammensætningen: " + " ".join(warnings))
            return redirect(body)
    if not warnings:
        form.fields.pop("confirm_composition")
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "title": f"Tilføj medlem til {body}", "submit": "Tilføj medlem",
        "warnings": warnings,
    })


@login_required
def person_add(request, slug):
    """A secretariat creates a person in one of the bodies it serves, without the Django admin, and may
    invite them as a user (an account without a password and an e-mail with a link to choose one)."""
    from django.contrib.auth import get_user_model

    from klynge.core.accounts import send_invitation

    from .models import Affiliation

    body = _body_or_404(slug)
    _require_edit(request, body)
    refused = refuse_for_ended_body(request, body, "nye medlemmer")
    if refused:
        return refused
    form = NewPersonForm(request.POST or None, initial={"start": timezone.localdate(), "role": "member"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        email = data["email"].strip()
        person = Person(name=data["name"].strip(), title=data["title"].strip(), email=email)
        person.full_clean(exclude=["slug"])  # the slug is made from the name on save
        person.save()
        if data["organisation"]:
            Affiliation.objects.create(person=person, organisation=data["organisation"], title=data["title"].strip(),
                                       start=data["start"])
        membership = Membership(person=person, body=body, role=data["role"], organisation=data["organisation"],
                                title=data["title"].strip(), start=data["start"])
        membership.full_clean()
        warnings = composition.warnings_for(membership)
        if warnings:
            membership._change_reason = "Tilføjet trods advarsel: " + " ".join(warnings)
        membership.save()
        if warnings:
            messages.warning(request, "Medlemskabet fraviger sammensætningen: " + " ".join(warnings))
        text = f"{person.name} er oprettet og tilføjet til {body} som {membership.get_role_display().lower()}."
        if data["invite"]:
            user = get_user_model().objects.create_user(username=email.lower(), email=email)
            user.set_unusable_password()
            user.save()
            person.user = user
            person.save()
            inviter = getattr(request.user, "person", None)
            send_invitation(user, name=person.name, email=email, bodies=body.name, body_obj=body,
                            invited_by=inviter.name if inviter else "Sekretariatet")
            text += f" En invitation er sendt til {email}."
        messages.success(request, text)
        return redirect(body)
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "title": f"Opret person i {body}", "submit": "Opret person",
    })


@login_required
def membership_end(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("body", "person"), pk=pk)
    _require_edit(request, membership.body)
    form = EndMembershipForm(request.POST or None, instance=membership,
                             initial={"end": membership.end or timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        form.instance._change_reason = "Medlemskab afsluttet"
        form.save()
        messages.success(request, f"Medlemskabet for {membership.person} slutter {formats.date(membership.end)}.")
        return redirect(membership.body)
    return render(request, "organisation/form.html", {
        "form": form, "body": membership.body, "submit": "Afslut medlemskab",
        "title": f"Afslut medlemskab: {membership.person}, {membership.get_role_display().lower()}",
    })


@login_required
def mandate_add(request, slug):
    body = _body_or_404(slug)
    _require_edit(request, body)
    # Adding a version edits the current one (it ends): the form carries the version it was loaded at.
    current = body.mandates.filter(valid_to__isnull=True).order_by("-valid_from").first()
    form = MandateForm(request.POST or None, request.FILES or None, instance=Mandate(body=body),
                       versioned_record=current)
    if request.method == "POST" and form.is_valid():
        add_mandate_version(form.instance, replaces=current)
        messages.success(request, "Den nye version af kommissoriet er gemt.")
        return redirect(body)
    return render(request, "organisation/form.html", {
        "form": form, "body": body, "title": f"Ny version af kommissoriet for {body}",
        "submit": "Gem kommissorium", "multipart": True,
    })


@login_required
def subbody_add(request, slug):
    parent = _body_or_404(slug)
    _require_edit(request, parent)
    form = SubBodyForm(request.POST or None, instance=Body(parent=parent))
    questions = creation_hooks.forms_for(request.POST or None, scope_body=parent, what="underorgan")
    if request.method == "POST" and creation_hooks.all_valid(questions) & form.is_valid():
        body = form.save()
        creation_hooks.save_all(questions, body, request.user)
        messages.success(request, f"{body} er oprettet under {parent}.")
        return redirect(body)
    return render(request, "organisation/form.html", {
        "form": form, "body": parent, "title": f"Opret underorgan under {parent}", "submit": "Opret organ",
        "questions": questions,
    })


def mandate_file(request, pk):
    """Mandate files are public documents; served through a view so storage stays private."""
    from django.http import FileResponse, Http404

    mandate = get_object_or_404(Mandate, pk=pk)
    if not mandate.file:
        raise Http404("Kommissoriet har ingen fil.")
    return FileResponse(mandate.file.open("rb"), as_attachment=True, filename=mandate.file.name.rsplit("/", 1)[-1])


def refuse_for_ended_body(request, body, what: str, action_url_name: str = ""):
    """A Danish refusal naming the successor (with a link), when ``body`` (or a body above it) has ended.

    None while the body is active. ``what`` is e.g. "et møde"; ``action_url_name`` is the same
    action on the successor (e.g. "meetings:meeting_add"), or the successor's page when empty.
    """
    if not body.forward():
        return None
    message = body.forward_text()
    return render(request, "organisation/ended.html", {
        "title": f"{body} kan ikke få {what}", "message": message, "forward": body.forward(), "body": body,
        "action_url_name": action_url_name,
    }, status=409)
