"""`python -m bench.generate_sample`: the synthetic data set the benchmark measures against
(bench/sample.py). Run with the benchmark's DATABASE_URL; refuses a database that holds any
other recommendations (real or demonstration ones)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import django


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate_sample",
        description=(
            "Bulk-insert a synthetic data set for measuring performance: published meetings and "
            "recommendations with SAMPLE- references."
        ),
    )
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=400)
    parser.add_argument("--seed", type=int, help="the same seed gives the same data")
    parser.add_argument("--clear", action="store_true", help="delete an earlier sample first")
    parser.add_argument(
        "--clear-only", action="store_true", help="delete the sample data set and stop"
    )
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialogue_platform.settings")
    django.setup()
    from bench.sample import DEFAULT_SEED, SampleRefused, clear_sample, generate_sample

    if options.clear_only:
        deleted = clear_sample()
        print(f"Deleted {deleted} sample recommendations and their meetings.")
        return
    if options.recommendations < 1 or options.meetings < 1:
        parser.error("--recommendations and --meetings must be at least 1.")
    try:
        report = generate_sample(
            recommendations=options.recommendations,
            meetings=options.meetings,
            seed=DEFAULT_SEED if options.seed is None else options.seed,
            clear=options.clear,
        )
    except SampleRefused as refusal:
        sys.exit(f"Refused: {refusal}")
    timings = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.timings.items())
    print(
        f"Sample data set ready: {report.meetings} meetings, {report.agenda_items} agenda items, "
        f"{report.documents} documents, {report.recommendations} recommendations, "
        f"{report.assessments} assessments ({timings})."
    )


if __name__ == "__main__":
    main()
