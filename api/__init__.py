"""The read-only REST API under /api/v1/ (README, "The API"): the public record as data."""
