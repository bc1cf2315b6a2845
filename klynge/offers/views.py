import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from klynge.organisation import permissions
from klynge.organisation.models import Body, Organisation

from .forms import OfferForm
from .models import PROVIDER_KINDS, Offer, TargetGroup

CSV_COLUMNS = [("Klynge", "cluster"), ("Kommune/region", "provider"), ("Område", "theme"),
               ("Målgruppe", "target_group"), ("Tilbud", "title"), ("Beskrivelse", "description"),
               ("Sådan henviser du", "entry_point"), ("Kontakt", "contact"), ("Læs mere", "url")]


def _filtered(request):
    """Active offers matching the page's filters (unknown filter values are ignored)."""
    offers = Offer.objects.filter(active=True).select_related("cluster", "provider")
    query = request.GET.get("q", "").strip()[:200]
    if query:
        for word in query.split():
            offers = offers.filter(Q(title__icontains=word) | Q(description__icontains=word)
                                   | Q(theme__icontains=word) | Q(provider__name__icontains=word))
    chosen = {"q": query, "klynge": request.GET.get("klynge", ""), "kommune": request.GET.get("kommune", ""),
              "maalgruppe": request.GET.get("maalgruppe", "")}
    if chosen["klynge"]:
        offers = offers.filter(cluster__slug=chosen["klynge"])
    if chosen["kommune"]:
        offers = offers.filter(provider__slug=chosen["kommune"])
    if chosen["maalgruppe"] in TargetGroup.values:
        offers = offers.filter(target_group=chosen["maalgruppe"])
    return offers, chosen


def index(request):
    """The public overview: searchable, filtered by cluster, municipality or region, and target group."""
    offers, chosen = _filtered(request)
    offer_ids = Offer.objects.filter(active=True)
    return render(request, "offers/index.html", {
        "offers": offers.order_by("theme", "title"), "chosen": chosen, "target_groups": TargetGroup.choices,
        "clusters": Body.objects.filter(pk__in=offer_ids.values("cluster_id")).order_by("name"),
        "providers": Organisation.objects.filter(pk__in=offer_ids.values("provider_id"), kind__in=PROVIDER_KINDS)
        .order_by("name"),
        "can_add": request.user.is_authenticated and permissions.editable_bodies(request.user)
        .filter(kind__groups_bodies=True).exists(),
        "editable_clusters": set(permissions.editable_bodies(request.user).values_list("pk", flat=True))
        if request.user.is_authenticated else set(),
    })


def export_csv(request):
    offers, _chosen = _filtered(request)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([label for label, _ in CSV_COLUMNS])
    for offer in offers.order_by("theme", "title"):
        values = {"cluster": offer.cluster.name, "provider": offer.provider.name,
                  "target_group": offer.get_target_group_display()}
        writer.writerow([values.get(name, getattr(offer, name)) for _, name in CSV_COLUMNS])
    # UTF-8 with BOM, semicolons: what Danish Excel opens without an import dialog.
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tilbud-til-almen-praksis.csv"'
    return response


@login_required
def offer_add(request):
    if not permissions.editable_bodies(request.user).filter(kind__groups_bodies=True).exists():
        raise PermissionDenied
    form = OfferForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        offer = form.save()
        messages.success(request, f"Tilbuddet “{offer.title}” er oprettet.")
        return redirect("offers:index")
    return render(request, "offers/form.html", {"form": form, "title": "Nyt tilbud til almen praksis"})


@login_required
def offer_edit(request, pk):
    offer = get_object_or_404(Offer.objects.select_related("cluster"), pk=pk)
    if not permissions.can_edit_body(request.user, offer.cluster):
        raise PermissionDenied
    form = OfferForm(request.POST or None, instance=offer, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Tilbuddet “{offer.title}” er gemt.")
        return redirect("offers:index")
    return render(request, "offers/form.html", {"form": form, "title": f"Ret tilbud: {offer.title}"})
