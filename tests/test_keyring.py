"""The master key's sources and what a wrong one gets."""

import pytest

from qorgau.keys import keyring

PLAIN = {"data": {"d1": "x"}, "current": "d1"}


def test_a_passphrase_wraps_the_keyring_and_a_wrong_one_is_refused(tmp_path):
    passphrase = tmp_path / "pass"
    passphrase.write_text("a long passphrase typed at start\n")
    source = keyring.source_from({"QORGAU_MASTER_PASSPHRASE_FILE": str(passphrase)}, allow_default=False)
    sealed = keyring.seal_keyring(PLAIN, source)
    # the keyring's JSON is not in the clear (a bare "d1" may occur in random ciphertext by chance: it did once)
    assert '"d1"' not in str(sealed["sealed"]) and "current" not in str(sealed["sealed"])
    assert sealed["wrapped_by"] == "passphrase"
    assert keyring.open_keyring(sealed, source) == PLAIN
    wrong = keyring.source_from({"QORGAU_MASTER_PASSPHRASE": "another passphrase"}, allow_default=False)
    with pytest.raises(keyring.KeysUnavailable, match="does not open"):
        keyring.open_keyring(sealed, wrong)
    key = keyring.source_from({"QORGAU_MASTER_KEY": keyring.generate_master_key()}, allow_default=False)
    with pytest.raises(keyring.KeysUnavailable, match="wrapped by a passphrase; set QORGAU_MASTER_PASSPHRASE"):
        keyring.open_keyring(sealed, key)


@pytest.mark.parametrize("environ, message", [
    ({"QORGAU_MASTER_KEY": "not a key"}, "QORGAU_MASTER_KEY does not hold a master key"),
    ({"QORGAU_MASTER_KEY_FILE": "/nonexistent/qorgau.key"}, "Cannot read the master key file"),
])
def test_a_bad_master_key_setting_gets_a_clear_message(environ, message):
    with pytest.raises(keyring.KeysUnavailable, match=message):
        keyring.source_from(environ, allow_default=False)


def test_the_environment_comes_before_a_key_file_and_the_default(tmp_path):
    key_file = tmp_path / "k"
    key_file.write_text(keyring.generate_master_key())
    env_key = keyring.generate_master_key()
    source = keyring.source_from({"QORGAU_MASTER_KEY": env_key, "QORGAU_MASTER_KEY_FILE": str(key_file)})
    assert source.where == "QORGAU_MASTER_KEY" and source.secret == keyring.b64d(env_key)
    assert keyring.source_from({"QORGAU_MASTER_KEY_FILE": str(key_file)}).where == str(key_file)


def test_a_running_process_keeps_its_keys_when_another_rewraps_them(settings, tmp_path):
    import json

    settings.QORGAU_KEYS_DIR = tmp_path / "keys"
    keyring.forget()
    try:
        plain = keyring.unwrapped()  # a new keyring under a default key file
        elsewhere = keyring.MasterSource("key", keyring.b64d(keyring.generate_master_key()), "elsewhere")
        # Another process (`qorgau keys rotate`) re-wraps it under a key this one was not given:
        keyring.keyring_path().write_text(json.dumps(keyring.seal_keyring(plain, elsewhere)))
        keyring._State.checked = 0.0
        assert keyring.unwrapped() == plain
        keyring.forget()  # a restart without the new key: refused, clearly
        with pytest.raises(keyring.KeysUnavailable, match="does not open"):
            keyring.unwrapped()
    finally:
        keyring.forget()
