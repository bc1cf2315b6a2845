"""Template filters of the Danish formatting layer (klynge.core.formats): {% load klynge %}."""

from django import template

from klynge.core import formats

register = template.Library()


@register.filter
def kroner(value):
    """1022190 -> '1.022.190 kr.'"""
    return formats.kroner(value)


@register.filter
def tal(value):
    """3168 -> '3.168' (not for years)."""
    return formats.number(value)


@register.filter
def aar(value):
    """2023 -> '2023', never '2.023'."""
    return formats.year(value)


@register.filter
def dato(value, weekday=""):
    """'7. juni 2023'; {{ d|dato:"ugedag" }} gives 'onsdag 7. juni 2023'."""
    return formats.date(value, weekday=bool(weekday))


@register.filter
def dato_tid(value):
    """'7. juni 2023 kl. 14:00'."""
    return formats.date_time(value)


@register.filter
def klokken(value):
    """'14:00'."""
    return formats.time(value)


@register.simple_tag
def periode(start, end):
    """{% periode start end %} -> '1. oktober – 31. december 2026'."""
    return formats.period(start, end)
