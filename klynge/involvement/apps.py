from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "klynge.involvement"
    label = "involvement"
    verbose_name = "Patient- og pårørendeinddragelse"

    def ready(self):
        from klynge.organisation import creation_hooks

        from . import hooks

        creation_hooks.register(hooks.invitation_question)
