"""Files the program writes are its owner's only: directories 0700, files 0600."""

import os
from pathlib import Path

UMASK = 0o077


def restrict_process():
    """Every file this process creates from now on is readable by its owner only."""
    os.umask(UMASK)


def private_dir(path):
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)
    return path


def write_private(path, data, *, exclusive=False):
    """Write bytes whole (temporary file, then rename) with mode 0600."""
    path = Path(path)
    if exclusive and path.exists():
        raise FileExistsError(path)
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
    return path


def open_private(path, mode="w", **kwargs):
    """open() for a new file that only its owner may read (0600 whatever the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    os.chmod(path, 0o600)
    return os.fdopen(fd, mode, **kwargs)


def tighten_data_dir(data_dir):
    """Make an existing data directory and everything in it private (upgrades older installs)."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return
    data_dir.chmod(0o700)
    for root, dirs, files in os.walk(data_dir):
        if Path(root).name == "static" or "/static" in root[len(str(data_dir)):]:
            continue
        for name in dirs:
            if name != "static":
                os.chmod(os.path.join(root, name), 0o700)
        for name in files:
            os.chmod(os.path.join(root, name), 0o600)


SECRET_FILE_LIMIT = 1 << 16  # a master key is 43 characters, a passphrase a line: 64 KiB is any of them, and more


class UnreadableSecret(Exception):
    """A key or passphrase file that cannot be one: the message says which and why."""


def read_secret_text(path, what):
    """The text of a master-key or passphrase file, read bounded: a file that is not text (a binary key of another
    program, a certificate in DER) or far larger than a key (a disk image, /dev/zero given by mistake) is refused
    with a message, never read whole and never a traceback."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(SECRET_FILE_LIMIT + 1)
    except OSError as error:
        raise UnreadableSecret(f"Cannot read {what} {path}: {error.strerror}.") from None
    if len(data) > SECRET_FILE_LIMIT:
        raise UnreadableSecret(f"{what[:1].upper()}{what[1:]} {path} is larger than a key or passphrase may be "
                               f"({SECRET_FILE_LIMIT} bytes): is it the right file?")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableSecret(f"{what[:1].upper()}{what[1:]} {path} is not text (a key from `qorgau keys generate` "
                               "or a passphrase): is it the right file?") from None
