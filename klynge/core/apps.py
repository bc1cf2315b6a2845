from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "klynge.core"
    label = "core"
    verbose_name = "Fælles"

    def ready(self):
        from django.db.models.signals import pre_save

        from .cpr import refuse_cpr_on_save

        # The one CPR guard: every save of every model of the klynge apps (history tables included).
        pre_save.connect(refuse_cpr_on_save, dispatch_uid="klynge.core.cpr.guard")
