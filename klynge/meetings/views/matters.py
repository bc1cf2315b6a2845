from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from .. import matters as matter_queries
from ..models import Matter


def matter_list(request):
    q = request.GET.get("q", "").strip()
    matters = Matter.objects.annotate(treatments=Count("items")).order_by("-modified")
    if q:
        matters = matters.filter(Q(case_number__icontains=q) | Q(title__icontains=q))
    return render(request, "meetings/matters.html", {"matters": matters[:200], "q": q})


def matter_detail(request, pk):
    matter = get_object_or_404(Matter, pk=pk)
    path = matter_queries.matter_path(matter, request.user)
    return render(request, "meetings/matter.html", {"matter": matter, **path})
