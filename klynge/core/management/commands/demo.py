from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from klynge.core.demo import builders


class Command(BaseCommand):
    help = "Indlæser demodata fra korpusset (Region Syddanmark, Region Midtjylland) og demobrugere."

    def handle(self, *args, **options):
        autodiscover_modules("demo")
        with transaction.atomic():
            for build in builders():
                build(self.stdout)
