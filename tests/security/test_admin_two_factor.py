import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, username: str, token: str = ""):
    data = {"username": username, "password": PASSWORD, "otp_token": token, "next": "/admin/"}
    return client.post("/admin/login/?next=/admin/", data)


@pytest.fixture
def device(admin_user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)


def _current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_an_admin_without_a_device_logs_in_with_a_password(client, admin_user):
    assert _login(client, "ada").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_admin_with_a_device_needs_the_code(client, device):
    response = _login(client, "ada")
    assert response.status_code == 200  # the form again, with an error
    assert client.get("/admin/").status_code == 302


def test_the_right_code_opens_the_admin(client, device):
    assert _login(client, "ada", _current_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_password_only_session_cannot_enter_the_admin_of_a_protected_account(
    client, device, admin_user
):
    client.force_login(admin_user)  # e.g. logged in through the workspace's login page
    assert client.get("/admin/").status_code == 302
