import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def superuser_client(client):
    """The test client signed in as a superuser, for the admin's own views."""
    user = get_user_model().objects.create_superuser("chief", "chief@example.test", "pw-12345-x")
    client.force_login(user)
    return client
