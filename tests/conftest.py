import pytest

from recommendations.demo import load_demo

from . import factories


@pytest.fixture
def demo(db):
    """The full demo data set: vocabularies, organisations, the seed meeting, illustrative recommendations."""
    return load_demo()


@pytest.fixture
def secretariat_client(client, db):
    client.force_login(factories.secretariat_user())
    return client
