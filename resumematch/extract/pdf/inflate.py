"""A cap on how far one PDF stream may inflate.

pdfminer.six inflates a whole FlateDecode stream in memory, so a 200 KB file whose content stream
inflates to 200 MB costs 200 MB (and more while it is parsed). ``install()`` gives pdfminer's
``pdftypes`` module a view of ``zlib`` whose ``decompress`` and ``decompressobj`` stop at
``MAX_STREAM_BYTES`` with ``StreamTooLarge``; everything else is the real ``zlib``. It also
replaces pdfminer's fallback for damaged streams, which inflates byte by byte into a growing
``bytes`` (quadratic: 20 s for a few MB), by the same loop into a list.
"""

from __future__ import annotations

import zlib

#: The most bytes one PDF stream may inflate to. A resume's content streams and fonts are a few MB.
MAX_STREAM_BYTES = 32 * 1024 * 1024


class StreamTooLarge(Exception):
    """A PDF stream inflates past ``MAX_STREAM_BYTES``."""


class _Decompressor:
    def __init__(self, limit: int) -> None:
        self._inner = zlib.decompressobj()
        self._left = limit

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, self._left + 1)
        self._left -= len(out)
        if self._left < 0 or self._inner.unconsumed_tail:
            raise StreamTooLarge(f"A stream in the PDF inflates to more than {MAX_STREAM_BYTES // 1_048_576} MB.")
        return out

    def flush(self, *args) -> bytes:
        return self._inner.flush(*args)

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


class _BoundedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def decompress(self, data: bytes, *args) -> bytes:
        if args:  # wbits or bufsize: not how pdfminer calls it; no cap needed for a use we do not know
            return zlib.decompress(data, *args)
        inflater = _Decompressor(self.limit)
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    def decompressobj(self, *args, **kwargs) -> _Decompressor:
        return _Decompressor(self.limit)

    def __getattr__(self, name: str):
        return getattr(zlib, name)


def decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's ``decompress_corrupted`` (inflate a stream whose checksum is damaged, keeping what
    comes before the damage) in linear time, capped like every stream."""
    inflater = _Decompressor(MAX_STREAM_BYTES)
    parts = []
    for i in range(len(data)):
        try:
            parts.append(inflater.decompress(data[i:i + 1]))
        except zlib.error:
            if i < len(data) - 3:  # not in the checksum: the stream is broken, as pdfminer decides
                raise
            break
    return b"".join(parts)


def install(limit: int = MAX_STREAM_BYTES) -> None:
    """Cap FlateDecode streams in pdfminer at ``limit`` bytes (idempotent)."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib(limit)
    pdftypes.decompress_corrupted = decompress_corrupted
