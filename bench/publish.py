"""Times the admin's Publish and Unpublish actions on many recommendations at once, posted
to the changelist as a browser would ("select all", then the action), and counts the
statements they run. Run by hand, not part of the tests:

    DATABASE_URL=sqlite:////tmp/publish-bench.sqlite3 python -m bench.publish [--records 5000]

The database is migrated first; it must hold no recommendation other than the ones this
script adds (references BENCH-PUBLISH-…), which it deletes at the end with their history
and admin log entries. Production settings apply (DEBUG off) unless the environment says
otherwise.
"""

from __future__ import annotations

import argparse
import os
import secrets
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="publish/unpublish pairs timed")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialogue_platform.settings")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks plain http

    import django

    django.setup()
    measure(args.records, args.rounds)


def measure(count: int, rounds: int) -> None:
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    from recommendations.models import Recommendation

    setup_test_environment()  # lets the test client's host name through ALLOWED_HOSTS
    call_command("migrate", verbosity=0)
    prefix = "BENCH-PUBLISH-"
    if Recommendation.objects.exclude(reference__startswith=prefix).exists():
        raise SystemExit("The database holds other recommendations; use a database of its own.")
    cleanup(prefix)
    Recommendation.objects.bulk_create(
        Recommendation(reference=f"{prefix}{n:06d}", text=f"Text {n}", year=2020)
        for n in range(count)
    )
    user, _ = get_user_model().objects.get_or_create(
        username="bench-publisher", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    url = reverse("admin:recommendations_recommendation_changelist")
    any_pk = Recommendation.objects.values_list("pk", flat=True).first()

    def run(action: str) -> float:
        data = {"action": action, "select_across": "1", "index": "0", "_selected_action": any_pk}
        start = time.perf_counter()
        response = client.post(url, data)
        elapsed = time.perf_counter() - start
        assert response.status_code == 302, response.status_code
        return elapsed

    try:
        timings = {"publish": [], "unpublish": []}
        for _ in range(rounds):
            for action in timings:
                timings[action].append(run(action))
        with CaptureQueriesContext(connection) as queries:
            run("publish")
        print(f"{connection.vendor}, {count} recommendations, best of {rounds}:")
        for action, seconds in timings.items():
            print(
                f"  {action}: {min(seconds):.3f} s (all runs: {', '.join(f'{s:.3f}' for s in seconds)})"
            )
        print(f"  statements in one publish request: {len(queries)}")
        history = Recommendation.history.filter(reference__startswith=prefix).count()
        print(f"  history rows written: {history}; admin log entries: {LogEntry.objects.count()}")
    finally:
        cleanup(prefix)


def cleanup(prefix: str) -> None:
    from django.contrib.admin.models import LogEntry

    from recommendations.models import Recommendation

    Recommendation.objects.filter(reference__startswith=prefix).delete()
    Recommendation.history.filter(reference__startswith=prefix).delete()
    LogEntry.objects.filter(user__username="bench-publisher").delete()


if __name__ == "__main__":
    main()
