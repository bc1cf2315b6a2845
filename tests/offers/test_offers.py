import pytest
from django.core.exceptions import ValidationError

from klynge.offers.models import Offer, TargetGroup
from klynge.organisation.choices import OrganisationKind
from klynge.organisation.models import Organisation


def _offer(structure, **kw):
    fields = {"cluster": structure.cluster, "provider": structure.municipality, "title": "Ung i trivsel",
              "theme": "Børn og unge i mistrivsel", "target_group": TargetGroup.CHILDREN,
              "description": "Samtaleforløb for unge 12-17 år.", "entry_point": "Henvisning via WebPatient.",
              "contact": "Ungeteamet, 70 10 20 30"}
    fields.update(kw)
    return Offer.objects.create(**fields)


FORM = {"cluster": None, "provider": None, "title": "Rygestop", "theme": "Sundhed og forebyggelse",
        "target_group": "adults", "description": "Holdforløb.", "entry_point": "Ring.", "contact": "70 00 00 00",
        "url": "", "active": "on"}


def test_the_public_finds_offers_by_word_municipality_and_target_group_and_exports_them(client, structure):
    _offer(structure)
    _offer(structure, title="Rygestop for voksne", theme="Sundhed og forebyggelse", target_group=TargetGroup.ADULTS,
           provider=structure.region, description="Holdforløb for rygere.")
    page = client.get("/tilbud/?q=samtaleforløb").content.decode()
    assert "Ung i trivsel" in page and "Rygestop" not in page
    page = client.get("/tilbud/?maalgruppe=adults").content.decode()
    assert "Rygestop for voksne" in page and "Ung i trivsel" not in page
    page = client.get(f"/tilbud/?kommune={structure.municipality.slug}&maalgruppe=ukendt").content.decode()
    assert "Ung i trivsel" in page and "Rygestop" not in page
    export = client.get("/tilbud/tilbud.csv?maalgruppe=children")
    text = export.content.decode("utf-8")
    assert text.startswith("\ufeffKlynge;Kommune/region;Område;Målgruppe;Tilbud")
    assert "Børn og unge;Ung i trivsel" in text and "Rygestop" not in text


def test_an_offer_without_a_municipality_is_refused_with_a_danish_message(client, login, structure,
                                                                         secretariat_user):
    login(secretariat_user)
    response = client.post("/tilbud/ny/", {**FORM, "cluster": structure.cluster.pk, "provider": ""})
    assert response.status_code == 200
    assert "Vælg den kommune eller region, der giver tilbuddet." in response.content.decode()
    assert not Offer.objects.exists()
    response = client.post("/tilbud/ny/", {**FORM, "cluster": structure.cluster.pk,
                                           "provider": structure.municipality.pk})
    assert response.status_code == 302 and Offer.objects.get().title == "Rygestop"


def test_a_municipality_from_another_region_is_refused(structure):
    elsewhere = Organisation.objects.create(name="Region Andetsted", kind=OrganisationKind.REGION)
    far = Organisation.objects.create(name="Fjernby Kommune", kind=OrganisationKind.MUNICIPALITY, region=elsewhere)
    offer = Offer(cluster=structure.cluster, provider=far, title="X", theme="Y", target_group=TargetGroup.ALL,
                  description="Z", entry_point="W", contact="V")
    with pytest.raises(ValidationError, match="ligger ikke i klyngens region"):
        offer.full_clean()


def test_only_the_clusters_secretariat_edits_its_offers(client, login, structure, member_user, other_cluster_user,
                                                        secretariat_user):
    offer = _offer(structure)
    for user in (member_user, other_cluster_user):
        login(user)
        assert client.get(f"/tilbud/{offer.pk}/rediger/").status_code == 403
        assert client.get("/tilbud/ny/").status_code == 403
    login(secretariat_user)
    response = client.post(f"/tilbud/{offer.pk}/rediger/", {
        **FORM, "cluster": structure.cluster.pk, "provider": structure.municipality.pk, "title": "Ung i trivsel 2",
        "loaded_version": offer.version})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Ung i trivsel 2"
