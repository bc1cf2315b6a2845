from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ row.by_party|get_item:party }}"""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
