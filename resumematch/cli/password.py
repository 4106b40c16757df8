"""Where the password of encrypted PDFs comes from, other than a bare ``--password`` (which other
users see in the process list): a file, or the environment."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError

#: The environment variable that holds the password of encrypted PDFs.
PASSWORD_ENV = "RESUMEMATCH_PDF_PASSWORD"


def resolve_password(password: str | None = None, password_file: str | os.PathLike | None = None) -> str | None:
    """The password: the first line of ``password_file``, else ``password``, else ``$RESUMEMATCH_PDF_PASSWORD``;
    None when there is none. Giving both arguments, or a file that cannot be read or is empty, is an ``InputError``."""
    if password is not None and password_file is not None:
        raise InputError("give --password or --password-file, not both")
    if password_file is None:
        return password if password is not None else (os.environ.get(PASSWORD_ENV) or None)
    try:
        lines = Path(password_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the password file {password_file} "
                         f"({getattr(exc, 'strerror', None) or exc})") from None
    if not lines or not lines[0]:
        raise InputError(f"the password file {password_file} is empty; put the password on its first line")
    return lines[0]
