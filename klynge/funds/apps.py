from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "klynge.funds"
    label = "funds"
    verbose_name = "Klyngemidler"
