from django.apps import AppConfig


class OparlConfig(AppConfig):
    name = "klynge.oparl"
    verbose_name = "OParl"
