"""AUTH-6: the password policy (length, common and personal passwords) and the hash format."""

import pytest

from sisakat.services.passwords import (
    WeakPassword,
    check_policy,
    common_passwords,
    hash_password,
    password_problem,
    verify_password,
)


@pytest.mark.parametrize(
    "password",
    ["bismillah", "indonesia", "sayangku", "rahasia123", "12345678", "password", "qwertyui",
     "Bismillah2024!", "PASSWORD123", "iloveyou", "aaaaaaaaaa", "abababab"],
)  # fmt: skip
def test_common_passwords_are_refused(password):
    assert "terlalu umum" in password_problem(password)


def test_length_minimum_8_and_long_passphrases_allowed():
    assert password_problem("Kb7#q2x") == "Kata sandi minimal 8 karakter."
    assert password_problem("kebun-kopi") is None  # 10 characters, no composition rules
    assert password_problem("x" * 7 + "kopi") is None
    assert password_problem("kopi tubruk " * 6) is None  # 72 characters
    cap = ("kopi-susu-" * 13)[:128]
    assert password_problem(cap) is None
    assert password_problem(cap + "x") == "Kata sandi maksimal 128 karakter."


def test_password_equal_to_username_or_email_is_refused():
    message = "Kata sandi tidak boleh sama dengan nama pengguna atau e-mail."
    email = "sekretariat.dpw@contoh.test"
    assert password_problem("Sekretariat.DPW", identities=(email,)) == message
    assert password_problem(email, identities=("budi", email)) == message
    with pytest.raises(WeakPassword, match="nama pengguna"):
        check_policy("operator.kantor", identities=("operator.kantor",))


def test_vendored_list_is_large_and_has_indonesian_entries():
    common = common_passwords()
    assert len(common) >= 300
    assert {"bismillah", "indonesia", "sayangku", "rahasia", "12345678", "qwertyui"} <= common


def test_hash_is_argon2id_at_owasp_parameters():
    stored = hash_password("kebun-kopi-pagi")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(stored, "kebun-kopi-pagi")
    assert not verify_password(stored, "kebun-kopi-sore")
    assert not verify_password(None, "kebun-kopi-pagi")
