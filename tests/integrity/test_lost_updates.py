"""Point 8 of issue 9: no lost update on any edit form of a governance record.

For every form: two secretariat users load it (each gets the version in a hidden field), both
save, the second is refused with the Danish conflict message and the database holds the first
save. The forms are posted with what the page gave each user, changed in one field.
"""

import datetime

import pytest
from django import forms
from django.test import Client

from klynge.core.models import TrackedModel
from klynge.core.versioning import CONFLICT_MESSAGE, StaleEditError, VersionedFormMixin, VersionedModel
from klynge.funds.models import BudgetLine, Grant, Initiative
from klynge.meetings.choices import MeetingStatus, ProposalStatus
from klynge.meetings.models import AgendaItem, Meeting, Proposal, Task
from klynge.organisation.choices import Role
from klynge.organisation.models import Mandate, Membership, Person
from tests.conftest import make_persona
from tests.meetings.factories import make_item, make_meeting

D = datetime.date


def loaded_data(response, form_key="form") -> dict:
    """The POST a browser would send for the form as the page rendered it."""
    assert response.status_code == 200, response.status_code
    form = response.context[form_key]
    data = {}
    for name, field in form.fields.items():
        if isinstance(field.widget, forms.FileInput):
            continue
        value = form[name].value()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [str(v.pk if hasattr(v, "pk") else v) for v in value]
            continue
        if isinstance(value, datetime.time):
            value = value.strftime("%H:%M")
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        elif hasattr(value, "pk"):
            value = value.pk
        data[name] = "" if value is None else field.prepare_value(value) if isinstance(value, int) else value
    assert "loaded_version" in data, f"{response.request['PATH_INFO']} carries no loaded version"
    return data


@pytest.fixture
def two_editors(structure, secretariat_user):
    second = make_persona("sekretariat-a-to", structure.cluster, Role.SECRETARIAT, structure.region)
    first_client, second_client = Client(), Client()
    first_client.force_login(secretariat_user)
    second_client.force_login(second)
    return first_client, second_client


def _meeting(s):
    meeting = make_meeting(s.political)
    return (f"/moeder/{meeting.pk}/rediger/", {"title": "Første titel"}, {"title": "Anden titel"},
            lambda: Meeting.objects.get(pk=meeting.pk).title == "Første titel")


def _item(s):
    item = make_item(make_meeting(s.political), title="Oprindelig")
    return (f"/punkter/{item.pk}/rediger/", {"title": "Første titel"}, {"title": "Anden titel"},
            lambda: AgendaItem.objects.get(pk=item.pk).title == "Første titel")


def _minutes(s):
    item = make_item(make_meeting(s.political, status=MeetingStatus.MINUTES_DRAFT))
    return (f"/punkter/{item.pk}/referat/", {"minutes": "Først"}, {"minutes": "Sidst"},
            lambda: AgendaItem.objects.get(pk=item.pk).minutes == "Først")


def _membership(s):
    membership = Membership.objects.create(person=Person.objects.create(name="Går Af"), body=s.political,
                                           role=Role.MEMBER, start=D(2022, 7, 1))
    return (f"/medlemskaber/{membership.pk}/afslut/", {"end": "2024-03-31"}, {"end": "2024-06-30"},
            lambda: Membership.objects.get(pk=membership.pk).end == D(2024, 3, 31))


def _mandate(s):
    Mandate.objects.create(body=s.political, title="Gammelt", text="Gammel", valid_from=D(2022, 7, 1))
    new = {"text": "Ny tekst"}
    return (f"/organer/{s.political.slug}/kommissorium/ny/", {**new, "title": "Første", "valid_from": "2024-02-01"},
            {**new, "title": "Anden", "valid_from": "2024-03-01"},
            lambda: list(Mandate.objects.order_by("valid_from").values_list("title", flat=True))
            == ["Gammelt", "Første"])


def _initiative(s):
    Initiative.objects.create(cluster=s.cluster, number="7", title="Oprindelig")
    return ("/klyngemidler/klynge-a/indsatser/7/ret/", {"title": "Første titel", "reason": "Første"},
            {"title": "Anden titel", "reason": "Anden"},
            lambda: Initiative.objects.get(number="7").title == "Første titel")


def _budget_line(s):
    initiative = Initiative.objects.create(cluster=s.cluster, number="7", title="Indsats")
    line = BudgetLine.objects.create(initiative=initiative, year=2023, party=s.region, amount=100)
    return (f"/klyngemidler/klynge-a/indsatser/7/budget/{line.pk}/ret/", {"amount": "200", "reason": "Første"},
            {"amount": "300", "reason": "Anden"}, lambda: BudgetLine.objects.get(pk=line.pk).amount == 200)


def _grant(s):
    grant = Grant.objects.create(cluster=s.cluster, year=2023, party=s.region, amount=100)
    return (f"/klyngemidler/klynge-a/bevillinger/{grant.pk}/ret/", {"amount": "200", "reason": "Første"},
            {"amount": "300", "reason": "Anden"}, lambda: Grant.objects.get(pk=grant.pk).amount == 200)


def _task(s):
    item = make_item(make_meeting(s.political, status=MeetingStatus.MINUTES_PUBLISHED))
    task = Task.objects.create(item=item, description="Skriv notat")
    return (f"/opgaver/{task.pk}/afslut/", {"status": "done", "closed_note": "Først"},
            {"status": "cancelled", "closed_note": "Sidst"},
            lambda: Task.objects.get(pk=task.pk).closed_note == "Først")


@pytest.mark.parametrize("case", [_meeting, _item, _minutes, _membership, _mandate, _initiative, _budget_line,
                                  _grant, _task], ids=lambda c: c.__name__.strip("_"))
def test_the_second_of_two_saves_from_the_same_version_is_refused(structure, two_editors, case):
    first, second = two_editors
    url, first_change, second_change, holds_first_save = case(structure)
    first_data, second_data = loaded_data(first.get(url)), loaded_data(second.get(url))
    assert first_data["loaded_version"] == second_data["loaded_version"]
    saved = first.post(url, {**first_data, **first_change})
    assert saved.status_code == 302, saved.context["form"].errors if saved.context else saved
    refused = second.post(url, {**second_data, **second_change})
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Dine ændringer er ikke gemt" in page and CONFLICT_MESSAGE in page
    assert holds_first_save()


def test_after_a_refused_save_the_next_save_goes_on_top_of_the_newest_version(structure, two_editors):
    first, second = two_editors
    url, first_change, second_change, _ = _meeting(structure)
    first_data, second_data = loaded_data(first.get(url)), loaded_data(second.get(url))
    first.post(url, {**first_data, **first_change})
    refused = second.post(url, {**second_data, **second_change})
    again = loaded_data(refused)  # the form as shown after the refusal
    assert again["title"] == "Anden titel"
    assert second.post(url, again).status_code == 302
    assert Meeting.objects.get().title == "Anden titel"


def test_a_decision_on_a_proposal_made_from_a_stale_page_is_refused(structure, two_editors):
    first, second = two_editors
    target = make_meeting(structure.political, date=datetime.date.today() + datetime.timedelta(days=30))
    proposal = Proposal.objects.create(target_body=structure.political, title="Forslag")
    url = f"/forslag/{proposal.pk}/"
    accept = loaded_data(first.get(url), "accept")
    decline = loaded_data(second.get(url), "decline")
    assert first.post(url, {**accept, "accept": "1", "meeting": target.pk}).status_code == 302
    refused = second.post(url, {**decline, "decline": "1", "reason": "Hører til et andet forum"})
    assert CONFLICT_MESSAGE in refused.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and not proposal.decline_reason


def test_a_save_without_the_loaded_version_is_refused_with_a_danish_message(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    client = login(secretariat_user)
    data = loaded_data(client.get(f"/moeder/{meeting.pk}/rediger/"))
    del data["loaded_version"]
    response = client.post(f"/moeder/{meeting.pk}/rediger/", {**data, "title": "Uden version"})
    assert "Genindlæs siden" in response.content.decode()
    assert Meeting.objects.get().title == ""


def test_a_save_that_loses_the_race_after_validation_gets_a_danish_409(structure, login, secretariat_user):
    meeting = make_meeting(structure.political)
    client = login(secretariat_user)
    data = loaded_data(client.get(f"/moeder/{meeting.pk}/rediger/"))
    from klynge.meetings.forms import MeetingForm

    original_clean = MeetingForm.clean

    def clean_then_someone_else_saves(form):
        cleaned = original_clean(form)
        Meeting.objects.filter(pk=meeting.pk).update(version=99, title="Den andens titel")
        return cleaned

    MeetingForm.clean = clean_then_someone_else_saves
    try:
        response = client.post(f"/moeder/{meeting.pk}/rediger/", {**data, "title": "Min titel"})
    finally:
        MeetingForm.clean = original_clean
    assert response.status_code == 409
    assert "Dine ændringer er ikke gemt" in response.content.decode()
    assert Meeting.objects.get().title != "Min titel"


def test_a_stale_instance_cannot_be_saved_over_a_newer_row(structure):
    meeting = make_meeting(structure.political)
    first, second = Meeting.objects.get(), Meeting.objects.get()
    first.save_versioned(first.version)
    second._loaded_version = second.version
    with pytest.raises(StaleEditError):
        second.save()
    assert Meeting.objects.get().version == meeting.version + 1


def test_every_save_of_an_existing_row_bumps_the_version(structure):
    grant = Grant.objects.create(cluster=structure.cluster, year=2023, party=structure.region, amount=1)
    assert grant.version == 1
    grant.amount = 2
    grant.save()
    assert grant.version == 2 and Grant.objects.get().version == 2


# Models whose rows forms only create, never edit: no version needed.
CREATE_ONLY = {
    "Attachment",  # replaced by a new upload; deletion after publication is a reasoned revision
    "Attendance",  # rows are added and deleted, not edited
    "Body",  # SubBodyForm creates; bodies are edited in the admin
    "Transfer", "Spending", "OtherFunding", "BudgetApproval",  # funds entries are added, not edited
    "ContactPerson",  # an agreement's contact persons are added (a new person is a new row), not edited
    "DelegatedDecision",  # a decision under a delegation is registered, not edited
    "CompositionVersion", "SeatRule",  # a change of composition is a new dated version; rules are added or deleted
}


def _model_forms():
    """Every form class of the project, wherever it is defined (the URL configuration imports them all)."""
    import klynge.urls  # noqa: F401

    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("klynge."):
            found.append(cls)
    return found


def test_every_form_of_the_project_refuses_a_stale_save_by_itself():
    found = list(_model_forms())
    assert len(found) > 15
    for form_class in found:
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        if model is None:
            continue
        assert issubclass(form_class, VersionedFormMixin), f"{form_class.__name__} is not on DkfdsFormMixin"
        if not issubclass(model, TrackedModel):
            continue
        assert issubclass(model, VersionedModel) or model.__name__ in CREATE_ONLY, (
            f"{form_class.__name__} edits {model.__name__}, which has no version: extend VersionedModel"
        )


def test_two_corrections_of_approved_minutes_from_the_same_page_keep_the_first(structure, two_editors):
    first, second = two_editors
    meeting = make_meeting(structure.political, status=MeetingStatus.MINUTES_PUBLISHED)
    item = make_item(meeting, minutes="Oprindelig tekst")
    url = f"/moeder/{meeting.pk}/ret-referat/"
    first_data = loaded_data(first.get(url, {"punkt": item.pk}))
    second_data = loaded_data(second.get(url, {"punkt": item.pk}))
    change = {"item": item.pk}
    saved = first.post(url, {**first_data, **change, "minutes": "Første rettelse", "reason": "Stavefejl"})
    assert saved.status_code == 302
    refused = second.post(url, {**second_data, **change, "minutes": "Anden rettelse", "reason": "Andet"})
    assert CONFLICT_MESSAGE in refused.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).minutes == "Første rettelse"


def test_two_changes_of_a_distribution_key_from_the_same_page_keep_the_first(structure, two_editors):
    first, second = two_editors
    initiative = Initiative.objects.create(cluster=structure.cluster, number="7", title="Indsats")
    url = "/klyngemidler/klynge-a/indsatser/7/fordelingsnoegle/"
    first_data, second_data = loaded_data(first.get(url)), loaded_data(second.get(url))
    region, municipality = f"party_{structure.region.pk}", f"party_{structure.municipality.pk}"
    saved = first.post(url, {**first_data, region: "60", municipality: "40", "reason": "Aftalt"})
    assert saved.status_code == 302
    refused = second.post(url, {**second_data, region: "10", municipality: "90", "reason": "Andet"})
    assert CONFLICT_MESSAGE in refused.content.decode()
    weights = dict(initiative.distribution_shares.values_list("party_id", "weight"))
    assert weights == {structure.region.pk: 60, structure.municipality.pk: 40}
