from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def kroner(value):
    """1022190 -> '1.022.190 kr.'"""
    if value is None or value == "":
        return ""
    return f"{number_format(int(value), force_grouping=True)} kr."
