import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from itu_tracker.scale import ScaleSpec, generate


class Command(BaseCommand):
    help = "Write a synthetic assembly-sized corpus (resolutions, revisions, contributions)."

    def add_arguments(self, parser):
        parser.add_argument("--resolutions", type=int, default=500)
        parser.add_argument("--revisions-per", type=int, default=6)
        parser.add_argument("--contributions", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, **options):
        spec = ScaleSpec(
            options["resolutions"],
            options["revisions_per"],
            options["contributions"],
            options["seed"],
        )
        total = spec.resolutions + spec.contributions
        with tqdm(total=total, disable=not sys.stderr.isatty(), unit="item") as bar:
            counts = generate(spec, tick=bar.update)
        self.stdout.write(", ".join(f"{v} {k}" for k, v in counts.items()))
