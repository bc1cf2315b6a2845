from django.apps import AppConfig


class TransitionConfig(AppConfig):
    name = "klynge.transition"
    label = "transition"
    verbose_name = "Overgang til sundhedsråd"

    def ready(self):
        from klynge.organisation import provenance

        from . import notes

        provenance.register(notes.provider)
