from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "klynge.organisation"
    label = "organisation"
    verbose_name = "Struktur: parter, organer og medlemskaber"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import models, permissions

        def forget(**kwargs):
            permissions.clear_cache()

        # Whatever the permission sets are made of empties an open per-request cache when it changes.
        for model in (models.Membership, models.Body, models.Succession, models.Person):
            post_save.connect(forget, sender=model, weak=False, dispatch_uid=f"permissions-{model.__name__}-save")
            post_delete.connect(forget, sender=model, weak=False, dispatch_uid=f"permissions-{model.__name__}-delete")
