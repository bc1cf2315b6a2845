"""Signals of the core layer.

``bulk_changed``: sent by code that writes many rows without ``save()`` (bulk_create, bulk_update,
queryset.update), with ``sender`` the model class and ``instances`` the objects written, so apps
higher up (the search index) can follow without the writer depending on them.
"""

from django.dispatch import Signal

bulk_changed = Signal()
