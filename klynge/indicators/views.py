
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from klynge.core.params import query_params

from . import queries, rules
from .charts import build_chart
from .choices import Unit
from .formatting import danish_number, format_value
from .forms import ImportForm
from .loading import ImportFailed, import_series
from .models import Area, Indicator, Series
from .periods import period_label, period_long
from .permissions import can_import, import_targets


def index(request):
    areas = queries.dashboard_areas()
    return render(request, "indicators/index.html", {
        "areas": areas,
        "indicators": Indicator.objects.prefetch_related("goals").order_by("sort_order", "name"),
        "can_import": can_import(request.user),
        "any_synthetic": Series.objects.filter(synthetic=True).exists(),
    })


def definitions(request):
    return render(request, "indicators/definitions.html", {
        "indicators": Indicator.objects.prefetch_related("goals").order_by("sort_order", "name"),
    })


def _area_or_404(slug):
    return get_object_or_404(Area.objects.select_related("organisation", "body", "region"), slug=slug)


def dashboard(request, slug):
    area = _area_or_404(slug)
    readings = queries.readings_for_area(area)
    windows = {r.window_text for r in readings if r.development}
    return render(request, "indicators/dashboard.html", {
        "area": area,
        "readings": readings,
        "window_text": windows.pop() if len(windows) == 1 else "",
        "any_synthetic": any(r.series.synthetic for r in readings),
        "clusters": Area.objects.filter(region=area.organisation, level="cluster", series__isnull=False)
        .distinct().order_by("name") if area.level == "region" else [],
        "has_benchmark": area.level != "municipality" and bool(queries.benchmark_indicators(area)),
        "can_import": can_import(request.user),
    })


def series_detail(request, pk):
    series = get_object_or_404(Series, pk=pk)
    reading = queries.reading_for_series(series.pk)
    indicator = reading.indicator
    unit, frequency = indicator.unit, indicator.frequency
    window = reading.window
    labels = [period_label(p.period, frequency) for p in window]
    assessed = reading.development is not None and reading.development.arrow != rules.INSUFFICIENT
    recent_from = len(window) - rules.RECENT_WINDOW if assessed else None
    chart = None
    if window:
        chart = build_chart(
            labels, [p.value for p in window], centre=reading.runs.centre,
            signals=set(reading.runs.signal_points), fmt=lambda v: format_value(v, unit),
            recent_from=recent_from,
        )
    p_chart = p_chart_geometry = None
    if reading.has_fraction and unit == Unit.PERCENT:
        p_chart = rules.p_chart([p.numerator for p in window], [p.denominator for p in window])
        p_chart_geometry = build_chart(
            labels, [pt.proportion * 100 for pt in p_chart.points], centre=p_chart.centre * 100,
            signals={i for i, pt in enumerate(p_chart.points) if pt.outside},
            limits=[(pt.lower * 100, pt.upper * 100) for pt in p_chart.points],
            fmt=lambda v: f"{danish_number(v, 1)} %", floor=0, ceiling=100,
        )
    rows = []
    signal_points = set(reading.runs.signal_points)
    offset = len(reading.points) - len(window)
    for i, point in enumerate(reading.points):
        j = i - offset
        rows.append({
            "point": point,
            "label": period_long(point.period, frequency),
            "value": format_value(point.value, unit),
            "in_window": j >= 0,
            "signal": j in signal_points,
            "outside": bool(p_chart and j >= 0 and p_chart.points[j].outside),
        })
    return render(request, "indicators/series.html", {
        "series": series, "reading": reading, "indicator": indicator, "chart": chart,
        "p_chart": p_chart, "p_chart_geometry": p_chart_geometry,
        "p_centre_text": f"{danish_number(p_chart.centre * 100, 1)} %" if p_chart else "",
        "median_text": format_value(reading.runs.centre, unit) if reading.runs.centre is not None else "–",
        "rows": list(reversed(rows)),
        "area": series.area,
    })


def benchmark(request, slug):
    area = _area_or_404(slug)
    indicators = queries.benchmark_indicators(area)
    if not indicators:
        return render(request, "indicators/benchmark.html", {"area": area, "indicators": [], "bm": None})
    chosen = next((i for i in indicators if i.slug == request.GET.get("indikator")), indicators[0])
    period = query_params(request).date("periode", label="Perioden")
    bm = queries.benchmark(area, chosen, period)
    return render(request, "indicators/benchmark.html", {
        "area": area, "indicators": indicators, "chosen": chosen, "bm": bm,
        "periods": queries.period_choices(bm),
    })


@login_required
def upload(request):
    if not can_import(request.user):
        raise PermissionDenied("Kun klyngens sekretariat og administratorer kan indlæse indikatortal.")
    errors, result = [], None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            cluster = form.cleaned_data["cluster"]
            upload_file = form.cleaned_data["file"]
            try:
                targets = import_targets(request.user, cluster)
            except PermissionError as exc:
                raise PermissionDenied(str(exc)) from exc
            scope = f"{cluster.name} og klyngens kommuner" if cluster else ""
            try:
                result = import_series(upload_file.read(), upload_file.name, user=request.user,
                                       allowed=targets, scope_name=scope)
            except ImportFailed as exc:
                errors = exc.errors
            else:
                messages.success(
                    request,
                    f"{upload_file.name} er indlæst: {result.created} nye målinger, {result.updated} rettede og "
                    f"{result.unchanged} uændrede i {len(result.series)} serier.",
                )
                first = result.series[0].area if result.series else None
                return redirect(first.get_absolute_url() if first else reverse("indicators:index"))
    else:
        form = ImportForm(user=request.user)
    return render(request, "indicators/upload.html", {"form": form, "errors": errors})


def template_csv(request):
    """A CSV skeleton to fill in, with the column names the import reads."""
    lines = [
        "indicator,area,period,value,numerator,denominator,age_band",
        "akutte-indlaeggelser-65,Randers Kommune,2024-01,412,,,",
        "genindlaeggelser-30-dage-65,Randers Kommune,2024-01,,61,402,",
        "indlaeggelsesdage-pr-1000-aeldre,Randers Kommune,2024-01,,2010,5120,80+",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="indikatorer-skabelon.csv"'
    return response
