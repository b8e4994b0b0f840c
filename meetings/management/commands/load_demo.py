from django.core.management.base import BaseCommand

from meetings.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo data of fixtures/ (idempotent) and create the demo accounts."

    def handle(self, *args, **options) -> None:
        load_demo(stdout=self.stdout)
