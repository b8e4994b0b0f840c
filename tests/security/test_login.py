import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def lockout_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def _attempt(client, username: str, password: str, ip: str = "203.0.113.7"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_it_logs_a_reviewer_in_with_the_right_password(client, reviewer, lockout_on):
    response = _attempt(client, "rita", PASSWORD)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(reviewer.pk)


def test_it_locks_the_account_from_that_address_after_repeated_failures(
    client, reviewer, lockout_on
):
    for _ in range(3):
        _attempt(client, "rita", "wrong password")
    response = _attempt(client, "rita", PASSWORD)
    assert response.status_code == 429
    assert b"Too many failed log-ins" in response.content
    assert "_auth_user_id" not in client.session


def test_the_lockout_does_not_block_the_same_user_from_another_address(
    client, reviewer, lockout_on
):
    for _ in range(3):
        _attempt(client, "rita", "wrong password")
    assert _attempt(client, "rita", PASSWORD, ip="198.51.100.9").status_code == 302


def test_sessions_expire_and_die_with_the_browser(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["password123", "12345678901234", "short"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
