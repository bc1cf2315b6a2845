from django import forms
from django.db.models import Q
from django.utils import timezone

from klynge.core.cpr import contains_cpr, mask
from klynge.core.text import danish_sort_key
from klynge.core.uploads import check_upload
from klynge.organisation.forms import DATE_INPUT, DkfdsFormMixin
from klynge.organisation.models import Body, Organisation, Person

from . import rules
from .choices import AttendanceStatus, ItemKind, MeetingStatus, Outcome, TaskOwnerKind, TaskStatus
from .models import AgendaItem, Attachment, Attendance, MailPreference, Meeting, Proposal, Recommendation, Task
from .models.items import ATTACHMENT_EXTENSIONS

TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingForm(DkfdsFormMixin, forms.ModelForm):
    reason = forms.CharField(
        label="Begrundelse for ændringen", required=False, max_length=300,
        help_text="Kræves, når dagsordenen er offentliggjort og dato, tid eller sted ændres. "
                  "Begrundelsen gemmes i mødets historik.",
    )

    class Meta:
        model = Meeting
        fields = ["title", "date", "start", "end", "place_kind", "address", "online_link", "co_hosts"]
        widgets = {"date": DATE_INPUT, "start": TIME_INPUT, "end": TIME_INPUT,
                   "co_hosts": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.before = {name: getattr(self.instance, name) for name in rules.SCHEDULE_FIELDS}
        # Required or not by the meeting form (Meeting.clean), so neither is labelled "(valgfri)".
        self.fields["address"].show_optional = False
        self.fields["address"].help_text = "Skal udfyldes ved fysisk møde og ved fysisk og virtuelt møde."
        self.fields["online_link"].show_optional = False
        self.fields["online_link"].help_text = "Skal udfyldes ved virtuelt møde, hvis der ikke er et mødested."
        if not (self.instance.pk and rules.schedule_change_needs_reason(self.instance.status)):
            del self.fields["reason"]
        co_hosts = self.fields["co_hosts"]
        co_hosts.required = False
        co_hosts.queryset = Body.objects.active().exclude(pk=self.instance.body_id).order_by("name")
        if self.instance.pk:  # a co-host that has ended since stays chosen
            co_hosts.queryset = (co_hosts.queryset | Body.objects.filter(pk__in=self.instance.co_hosts.all())
                                 .exclude(pk=self.instance.body_id)).distinct().order_by("name")
        co_hosts.help_text = ("Et fællesmøde: organer, der holder mødet sammen med dette organ, med én dagsorden og "
                              "ét referat. Mødet vises i hvert organs kalender og arkiv. Hold Ctrl nede for at "
                              "vælge flere.")

    def schedule_changes(self) -> list[dict]:
        return rules.schedule_changes(self.before, {name: self.cleaned_data.get(name, self.before[name])
                                                    for name in rules.SCHEDULE_FIELDS})

    def clean_co_hosts(self):
        chosen = list(self.cleaned_data.get("co_hosts") or [])
        day = self.cleaned_data.get("date")
        before = set(self.instance.co_hosts.values_list("pk", flat=True)) if self.instance.pk else set()
        for body in chosen:
            if body.pk not in before and day and not body.is_active(day):
                raise forms.ValidationError(
                    body.forward_text(day) or f"{body} er ikke aktivt på mødets dato og kan ikke holde mødet med.")
        return chosen

    def clean(self):
        cleaned = super().clean()
        if "reason" in self.fields and not cleaned.get("reason", "").strip() and self.schedule_changes():
            self.add_error("reason", "Dagsordenen er offentliggjort. Skriv en begrundelse for at ændre "
                                     f"{', '.join(c['label'] for c in self.schedule_changes())}.")
        return cleaned


class AgendaItemForm(DkfdsFormMixin, forms.ModelForm):
    recommendations_text = forms.CharField(
        label="Indstilling", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Én indstilling pr. linje; de nummereres automatisk. Skriv uden “at” i starten, hvis du vil.",
    )

    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "presenters", "duration_minutes", "summary", "description", "case_number",
                  "closed"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "description": forms.Textarea(attrs={"rows": 8}),
                   "presenters": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenters"].queryset = Person.objects.order_by("name")
        self.fields["presenters"].required = False
        self.fields["presenters"].help_text = "Hold Ctrl nede for at vælge flere."
        if self.instance.pk:
            self.initial["recommendations_text"] = "\n".join(r.text for r in self.instance.recommendations.all())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == ItemKind.WRITTEN_BRIEFING:
            cleaned["duration_minutes"] = 0
        return cleaned

    def recommendation_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("recommendations_text", "").splitlines()
                if line.strip()]


class MinutesForm(DkfdsFormMixin, forms.ModelForm):
    """Minutes of one item: text, overall decision and an outcome per recommendation."""

    class Meta:
        model = AgendaItem
        fields = ["minutes", "decision"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 5}), "decision": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendations = list(self.instance.recommendations.all())
        for rec in self.recommendations:
            self.fields[f"outcome_{rec.pk}"] = forms.ChoiceField(
                label=f"Udfald for indstilling {rec.number}", choices=[("", "Vælg udfald"), *Outcome.choices],
                required=False, initial=rec.outcome, help_text=rec.text,
            )
            self.fields[f"decision_{rec.pk}"] = forms.CharField(
                label=f"Beslutning for indstilling {rec.number}", required=False, initial=rec.decision_text,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            for name in (f"outcome_{rec.pk}", f"decision_{rec.pk}"):
                widget = self.fields[name].widget
                widget.attrs.setdefault("class", "form-select" if isinstance(widget, forms.Select) else "form-input")

    def save_recommendations(self):
        changed = []
        for rec in self.recommendations:
            outcome = self.cleaned_data.get(f"outcome_{rec.pk}", "")
            text = self.cleaned_data.get(f"decision_{rec.pk}", "")
            if (rec.outcome, rec.decision_text) != (outcome, text):
                rec.outcome, rec.decision_text = outcome, text
                rec.save()
                changed.append(rec)
        return changed


class RevisionReasonMixin(forms.Form):
    """A change to approved or published minutes is a revision: it needs a reason, kept in the history."""

    reason = forms.CharField(label="Begrundelse for rettelsen", widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Referatet er godkendt. Begrundelsen vises i referatets historik.")

    def __init__(self, *args, locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not locked:
            del self.fields["reason"]


class AttachmentForm(DkfdsFormMixin, RevisionReasonMixin, forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = True
        self.fields["title"].required = False
        self.fields["title"].help_text = "Udfyldes med filnavnet, hvis feltet er tomt."
        self.name_had_cpr = False

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in ATTACHMENT_EXTENSIONS:
            raise forms.ValidationError(
                f"Filtypen “.{extension}” er ikke tilladt for bilag. Tilladt: {', '.join(ATTACHMENT_EXTENSIONS)}."
            )
        # a CPR number in the file name is masked (name, stored name and the title taken from it);
        # the view flags the attachment (see klynge.documents.scan)
        self.name_had_cpr = contains_cpr(upload.name)
        upload.name = mask(upload.name)
        return check_upload(upload)


class AttendanceForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["person", "status", "organisation", "title", "on_behalf_of", "item"]

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.order_by("name")
        self.fields["person"].queryset = people
        self.fields["on_behalf_of"].queryset = people
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["item"].queryset = meeting.items.order_by("position") if meeting else AgendaItem.objects.none()
        self.fields["status"].choices = AttendanceStatus.choices

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError as error:
            self.add_error(None, error)


class TaskForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Task
        fields = ["description", "recommendation", "owner_kind", "owner_person", "owner_organisation", "due",
                  "recur_months"]
        widgets = {"due": DATE_INPUT, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = self.instance.item.recommendations.all()
        self.fields["owner_person"].queryset = Person.objects.order_by("name")
        self.fields["owner_organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["owner_kind"].choices = TaskOwnerKind.choices
        self.fields["recur_months"].choices = [("", "Gentages ikke"), *self.fields["recur_months"].choices[1:]]
        if self.instance.parent_id:
            del self.fields["recur_months"]


class CloseTaskForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Task
        fields = ["status", "closed_note"]
        widgets = {"closed_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(TaskStatus.DONE, TaskStatus.DONE.label),
                                         (TaskStatus.CANCELLED, TaskStatus.CANCELLED.label)]
        self.fields["closed_note"].required = True

    def save(self, commit=True):
        self.instance.closed_at = timezone.now()
        return super().save(commit)


class ProposalForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["target_body", "title", "summary", "description", "case_number", "closed"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_body"].queryset = Body.objects.select_related("kind").order_by("name")
        source = self.instance.source_item
        if source is not None and source.closed:
            # A proposal from a closed item stays closed wherever it goes; the proposer cannot open it.
            self.instance.closed = True
            self.initial["closed"] = True
            self.fields["closed"].disabled = True
            self.fields["closed"].help_text = (
                "Punktet, du foreslår ud fra, er lukket. Forslaget er derfor også lukket: det vises kun for "
                "modtagerens sekretariat og for dem, der må se lukkede punkter her, og det optages som et "
                "lukket punkt."
            )


class AttachmentDeleteForm(DkfdsFormMixin, RevisionReasonMixin):
    """Deleting an attachment of approved minutes: a confirmation with the reason."""


class DeclineProposalForm(DkfdsFormMixin, forms.Form):
    reason = forms.CharField(label="Begrundelse", widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Forslagsstilleren kan se begrundelsen.")


class AcceptProposalForm(DkfdsFormMixin, forms.Form):
    meeting = forms.ModelChoiceField(label="Optag på dagsordenen til", queryset=Meeting.objects.none())

    def __init__(self, *args, body=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            body=body, date__gte=timezone.localdate(), status__in=["planned", "agenda_published"]
        ).order_by("date")


class RevisionForm(DkfdsFormMixin, forms.Form):
    """A correction of one item of approved minutes: the current texts and outcomes prefilled, so only
    what is wrong is changed. A field left out of the posted data is left as it is."""

    item = forms.ModelChoiceField(label="Punkt", queryset=AgendaItem.objects.none(), widget=forms.HiddenInput)
    minutes = forms.CharField(label="Referat", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    decision = forms.CharField(label="Beslutning", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(label="Begrundelse for rettelsen", widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Vises i referatets historik og som note i det offentliggjorte referat.")

    def __init__(self, *args, meeting=None, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.items.exclude(kind=ItemKind.BREAK).order_by("position")
        self.recommendations = list(item.recommendations.all()) if item else []
        if item is not None:
            self.fields["item"].initial = item.pk
            self.fields["minutes"].initial = item.minutes
            self.fields["decision"].initial = item.decision
        for rec in self.recommendations:
            self.fields[f"outcome_{rec.pk}"] = forms.ChoiceField(
                label=f"Udfald for indstilling {rec.number}", choices=[("", "Vælg udfald"), *Outcome.choices],
                required=False, initial=rec.outcome, help_text=rec.text,
                widget=forms.Select(attrs={"class": "form-select"}))
            self.fields[f"decision_{rec.pk}"] = forms.CharField(
                label=f"Beslutning for indstilling {rec.number}", required=False, initial=rec.decision_text,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-input"}))
        self.order_fields(["item", "minutes", "decision",
                           *[f"{kind}_{rec.pk}" for rec in self.recommendations for kind in ("outcome", "decision")],
                           "reason"])

    def changes(self) -> list[dict]:
        """What changes: one entry (item, field, label, before, after) per posted value that differs."""
        item, data, out = self.cleaned_data["item"], self.cleaned_data, []
        for name, label in (("minutes", "referat"), ("decision", "beslutning")):
            if name in self.data and data.get(name, "") != getattr(item, name):
                out.append({"item": item.number, "item_pk": item.pk, "field": name, "label": label,
                            "before": getattr(item, name), "after": data.get(name, "")})
        for rec in item.recommendations.all():
            for name, attr, label in ((f"outcome_{rec.pk}", "outcome", f"udfald for indstilling {rec.number}"),
                                      (f"decision_{rec.pk}", "decision_text",
                                       f"beslutning for indstilling {rec.number}")):
                if name in self.data and data.get(name, "") != getattr(rec, attr):
                    out.append({"item": item.number, "item_pk": item.pk, "recommendation_pk": rec.pk,
                                "field": attr, "label": label, "before": getattr(rec, attr),
                                "after": data.get(name, "")})
        return out

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("item") is not None and not self.errors and not self.changes():
            raise forms.ValidationError("Du har ikke ændret noget. Ret teksten eller et udfald, før du gemmer.")
        return cleaned


ROSTER_CHOICES = [("", "Ikke registreret"), (AttendanceStatus.PRESENT, "Deltog"),
                  (AttendanceStatus.APOLOGIES, "Afbud"), (AttendanceStatus.SUBSTITUTE, "Afbud, stedfortræder deltog")]


class AttendanceRosterForm(DkfdsFormMixin, forms.Form):
    """Attendance in one form: the body's members on the meeting day, each with their party, marked
    present / apologies / apologies with a substitute (named); guests added by name, one a line."""

    guests = forms.CharField(label="Gæster", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Én gæst pr. linje, fx “Mette Hansen, Randers Kommune”.")

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        from klynge.organisation.models import Membership

        # A joint meeting: the members of every host (lead body and co-hosts), each person once.
        # A person seated in several hosts is listed once, with the seat in the lead body first.
        memberships = sorted(Membership.objects.active(meeting.date).filter(body_id__in=meeting.host_ids())
                             .select_related("person", "organisation", "body"),
                             key=lambda m: (danish_sort_key(m.person.name), m.body_id != meeting.body_id, m.pk))
        existing = {a.person_id: a for a in meeting.attendance.all()}
        substitutes = {a.on_behalf_of_id: a for a in existing.values() if a.on_behalf_of_id}
        self.members, seen = [], set()
        for membership in memberships:
            person = membership.person
            if person.pk in seen:
                continue
            seen.add(person.pk)
            self.members.append(membership)
            current = existing.get(person.pk)
            status = current.status if current and current.status != AttendanceStatus.GUEST else ""
            substitute = substitutes.get(person.pk)
            if substitute:
                status = AttendanceStatus.SUBSTITUTE
            where = [str(membership.organisation)] if membership.organisation_id else []
            if membership.body_id != meeting.body_id:  # a co-host's member at a joint meeting
                where.append(membership.body.short_name or membership.body.name)
            party = f" ({', '.join(where)})" if where else ""
            self.fields[f"status_{person.pk}"] = forms.ChoiceField(
                label=f"{person.name}{party}", choices=ROSTER_CHOICES, required=False, initial=status,
                widget=forms.RadioSelect(attrs={"class": "form-radio"}))
            self.fields[f"substitute_{person.pk}"] = forms.CharField(
                label=f"Stedfortræder for {person.name}", required=False, max_length=200,
                initial=substitute.person.name if substitute else "",
                widget=forms.TextInput(attrs={"class": "form-input", "autocomplete": "off"}))
        self.order_fields([*[n for m in self.members for n in (f"status_{m.person_id}", f"substitute_{m.person_id}")],
                           "guests"])

    def clean(self):
        cleaned = super().clean()
        for membership in self.members:
            pk = membership.person_id
            if cleaned.get(f"status_{pk}") == AttendanceStatus.SUBSTITUTE and not cleaned.get(f"substitute_{pk}",
                                                                                            "").strip():
                self.add_error(f"substitute_{pk}", f"Skriv navnet på stedfortræderen for {membership.person.name}.")
        return cleaned

    def guest_lines(self) -> list[tuple[str, str]]:
        """(name, party text) per guest line."""
        out = []
        for line in self.cleaned_data.get("guests", "").splitlines():
            name, _, party = line.partition(",")
            if name.strip():
                out.append((name.strip()[:200], party.strip()[:200]))
        return out


class TaskEditForm(TaskForm):
    """Editing a task: its text, owner, due date, the body that follows it up, and open / in progress."""

    class Meta(TaskForm.Meta):
        fields = [*TaskForm.Meta.fields, "owner_body", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.owner_body_id
        self.fields["owner_body"].queryset = Body.objects.filter(
            Q(pk__in=Body.objects.active().values("pk")) | Q(pk=current)).order_by("name")
        self.fields["owner_body"].empty_label = "Organet, hvis møde gav opgaven"
        self.fields["status"].choices = [(TaskStatus.OPEN, TaskStatus.OPEN.label),
                                         (TaskStatus.IN_PROGRESS, TaskStatus.IN_PROGRESS.label)]
        self.fields["status"].help_text = "Afslut opgaven med knappen “Afslut” og en note."


class ApologiesForm(DkfdsFormMixin, forms.Form):
    """A member's apologies for a coming meeting, with an optional substitute."""

    substitute = forms.ModelChoiceField(
        label="Stedfortræder", queryset=Person.objects.none(), required=False,
        empty_label="Ingen stedfortræder",
        error_messages={"invalid_choice": "Vælg en stedfortræder fra listen: en person fra den part, "
                                          "du repræsenterer."},
        help_text="Personer fra den part, du repræsenterer. Mangler stedfortræderen, så skriv til sekretariatet.",
    )

    def __init__(self, *args, person=None, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.meeting = meeting
        self.fields["substitute"].queryset = substitute_choices(person, meeting)


def substitute_choices(person, meeting):
    """Who may stand in: people affiliated with the party the member represents in the meeting's body or,
    at a joint meeting, a co-host (today),
    else people affiliated with any party the member is affiliated with; never the member."""
    from klynge.organisation.models import Membership

    if person is None or meeting is None:
        return Person.objects.none()
    parties = set(Membership.objects.active().filter(person=person, body_id__in=meeting.host_ids())
                  .exclude(organisation__isnull=True).values_list("organisation_id", flat=True))
    if not parties:
        parties = set(person.affiliations.values_list("organisation_id", flat=True))
    return (Person.objects.filter(affiliations__organisation_id__in=parties).exclude(pk=person.pk)
            .distinct().order_by("name"))


class MailPreferenceForm(DkfdsFormMixin, forms.ModelForm):
    class Meta:
        model = MailPreference
        fields = list(MailPreference.KINDS)


class FanOutForm(DkfdsFormMixin, forms.Form):
    """Give an assignment to clusters: every one offered is ticked by default."""

    bodies = forms.ModelMultipleChoiceField(
        label="Klynger", queryset=Body.objects.none(), widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Hver valgt klynge får sin egen del af opgaven, som klyngens sekretariat følger op på.",
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bodies"].queryset = Body.objects.filter(pk__in=[b.pk for b in targets]).order_by("name")
        if not self.is_bound:
            self.initial["bodies"] = [b.pk for b in targets]

    def clean_bodies(self):
        bodies = self.cleaned_data["bodies"]
        if not bodies:
            raise forms.ValidationError("Vælg mindst én klynge, opgaven skal fordeles til.")
        return list(bodies)


class PartStatusForm(DkfdsFormMixin, forms.Form):
    """A receiving body's secretariat records its part: status, a note and the date it holds for."""

    status = forms.ChoiceField(label="Status", choices=TaskStatus.choices)
    progress_note = forms.CharField(label="Statusnote", required=False, max_length=2000,
                                    widget=forms.Textarea(attrs={"rows": 3}),
                                    help_text="Kræves, når delen meldes løst eller annulleret.")
    progress_on = forms.DateField(label="Status pr.", required=False, widget=DATE_INPUT,
                                  help_text="Tom: i dag.")

    def clean(self):
        data = super().clean()
        if data.get("status") in (TaskStatus.DONE, TaskStatus.CANCELLED) and not data.get("progress_note", "").strip():
            self.add_error("progress_note", "Skriv en kort note, når delen meldes løst eller annulleret.")
        on = data.get("progress_on")
        if on and on > timezone.localdate():
            self.add_error("progress_on", "Datoen for status kan ikke ligge i fremtiden.")
        return data


class EscalateForm(DkfdsFormMixin, forms.Form):
    to_body = forms.ModelChoiceField(label="Flyt til", queryset=Body.objects.none(), empty_label=None,
                                     error_messages={"invalid_choice": "Vælg et af de organer, der står på listen."})
    reason = forms.CharField(label="Begrundelse", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"required": "Skriv en begrundelse for, hvorfor sagen flyttes."},
                             help_text="Vises på sagens side sammen med flytningen.")

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_body"].queryset = Body.objects.filter(pk__in=[b.pk for b in targets])
        self.fields["to_body"].choices = [(b.pk, b.name) for b in targets]

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Skriv en begrundelse for, hvorfor sagen flyttes.")
        return reason
class MeetingRolesForm(forms.Form):
    """The meeting's chair (mødeleder/ordstyrer) and minute-takers (referenter)."""

    chair = forms.ModelChoiceField(label="Mødeleder (ordstyrer)", queryset=Person.objects.none(), required=False,
                                   empty_label="Ingen mødeleder valgt")
    minute_takers = forms.ModelMultipleChoiceField(
        label="Referenter", queryset=Person.objects.none(), required=False,
        help_text="Hold Ctrl (Cmd på Mac) nede for at vælge flere.",
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = [meeting.body, *meeting.body.ancestors()]
        on = meeting.date
        people = Person.objects.filter(
            Q(memberships__body__in=bodies) & Q(memberships__start__lte=on)
            & (Q(memberships__end__isnull=True) | Q(memberships__end__gte=on))
        ) | Person.objects.filter(meeting_roles__meeting=meeting)
        people = people.distinct().order_by("name")
        self.fields["chair"].queryset = people
        self.fields["minute_takers"].queryset = people
        self.fields["chair"].widget.attrs["class"] = "form-select"
        self.fields["minute_takers"].widget.attrs.update({"class": "form-select", "size": 8})

    def clean(self):
        cleaned = super().clean()
        chair, takers = cleaned.get("chair"), cleaned.get("minute_takers") or []
        if chair is None and not takers:
            return cleaned
        if len(takers) > 6:
            self.add_error("minute_takers", "Vælg højst seks referenter.")
        return cleaned


class CompositionApprovalForm(DkfdsFormMixin, forms.Form):
    """Link a version of a body's composition to the decided item that approved it.

    The items offered are the decided items (a decision, or a recommendation with an outcome) of the
    meetings held by the body or its parent (as lead host or co-host). An item the user may not see in
    full is offered by its meeting and number only, as "Lukket punkt": its title never reaches them."""

    item = forms.ModelChoiceField(
        label="Besluttet på punkt", queryset=AgendaItem.objects.none(), empty_label="Vælg punktet",
        widget=forms.Select(attrs={"class": "form-select input-width-xl"}),
        error_messages={"required": "Vælg det punkt, hvor ændringen af sammensætningen blev godkendt.",
                        "invalid_choice": "Vælg et besluttet punkt fra organets eller det overordnede organs "
                                          "møder."},
        help_text="Besluttede punkter fra organets og det overordnede organs møder, nyeste først.")
    recommendation_number = forms.IntegerField(
        label="Indstilling nr.", required=False, min_value=1,
        widget=forms.NumberInput(attrs={"class": "form-input input-width-xs"}),
        error_messages={"min_value": "Indstillingens nummer er 1 eller mere.",
                        "invalid": "Skriv indstillingens nummer som et tal."},
        help_text="Hvis godkendelsen var én bestemt indstilling på punktet.")

    def __init__(self, *args, user, body, **kwargs):
        super().__init__(*args, **kwargs)
        from . import visibility

        hosts = [body.pk, *([body.parent_id] if body.parent_id else [])]
        decided = Q(decision__gt="") | Q(pk__in=Recommendation.objects.exclude(outcome="").values("item_id"))
        items = (AgendaItem.objects.filter(visibility.hosted_q("meeting__", hosts)).filter(decided)
                 .exclude(number=None).exclude(meeting__status=MeetingStatus.CANCELLED)
                 .select_related("meeting__body").order_by("-meeting__date", "position"))
        self.fields["item"].queryset = items
        seen = set(items.filter(visibility.visible_items_q(user)).values_list("pk", flat=True))
        self.fields["item"].label_from_instance = lambda item: approval_item_label(item, item.pk in seen)

    def clean(self):
        cleaned = super().clean()
        item, number = cleaned.get("item"), cleaned.get("recommendation_number")
        cleaned["recommendation"] = None
        if item is not None and number:
            cleaned["recommendation"] = item.recommendations.filter(number=number).first()
            if cleaned["recommendation"] is None:
                self.add_error("recommendation_number", f"Punkt {item.number} har ingen indstilling {number}.")
        return cleaned


def approval_item_label(item, visible: bool) -> str:
    from klynge.core import formats

    from .visibility import CLOSED_ITEM_TITLE

    title = item.title if visible else CLOSED_ITEM_TITLE
    meeting = item.meeting
    return f"{meeting.body.short_name or meeting.body} {formats.date(meeting.date)}, punkt {item.number}: {title}"[:200]
