"""Replace an output file all at once, or not at all.

Every file a command writes (graphs, pages, images, exports) is first written to a temporary
file beside it and then renamed over it (os.replace, atomic on one file system): a run that
fails or is interrupted half way leaves the earlier file as it was, never a truncated one.
Missing parent folders are made, as `rasad build -o` always did.
"""
from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; renamed onto `path` if the block ends without
    an error, deleted otherwise. The temporary name keeps the suffix (for tools that look at it)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "a folder is in the way", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=f".tmp{path.suffix}")
    except OSError as exc:  # named after the output, not the temporary file
        raise OSError(exc.errno, f"cannot write here: {exc.strerror}", str(path)) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def check_writable(path: str | Path, folder: bool = False) -> None:
    """OSError naming `path` if an output (a file, or with `folder` a folder of files) plainly cannot
    be made there: checked before the work, so a long build does not fail only at its end."""
    path = Path(path)
    if path.is_dir() and not folder:
        raise IsADirectoryError(errno.EISDIR, "cannot write here: a folder is in the way", str(path))
    if path.exists() and not path.is_dir() and folder:
        raise NotADirectoryError(errno.ENOTDIR, "cannot write here: a file is in the way", str(path))
    parent = path.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, f"cannot write here: {parent} is a file, not a folder", str(path))
    if not os.access(parent, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, f"cannot write here: no permission to write in {parent}", str(path))


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` through `replacing`, synced to disk before the rename."""
    with replacing(path) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_text(path: str | Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
