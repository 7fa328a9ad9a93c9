from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A back-office account (secretariat staff and administrators)."""

    class Meta(AbstractUser.Meta):
        ordering = ["username"]
