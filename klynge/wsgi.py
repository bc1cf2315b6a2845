import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")
application = get_wsgi_application()


def freeze_loaded_objects() -> None:
    """Moves the objects alive after start-up (Django, the apps, their modules: some 220,000) out of
    the garbage collector's reach. Without it every full collection walks them all: a page that
    builds many objects (a matter of 240 appearances) triggers one every few requests, and each
    took 150-170 ms, which made the p95 of the heaviest pages (issue 16). See ``gc.freeze``."""
    gc.collect()
    gc.freeze()


freeze_loaded_objects()
