"""A cap on how far one PDF stream may inflate.

pdfminer.six inflates a whole FlateDecode stream in memory, so a 200 KB file whose content stream
inflates to 200 MB costs 200 MB (and more while it is parsed). ``install()`` gives pdfminer's
``pdftypes`` module a view of ``zlib`` whose ``decompress`` first measures the stream in 1 MB
pieces that are thrown away, and raises ``StreamTooLarge`` past ``MAX_STREAM_BYTES`` before
anything is kept; ``decompressobj`` counts as it goes. Everything else is the real ``zlib``. It also
replaces pdfminer's fallback for damaged streams, which inflates byte by byte into a growing
``bytes`` (quadratic: 20 s for a few MB), by the same loop into a list.
"""

from __future__ import annotations

import zlib

#: The most bytes one PDF stream may inflate to. A resume's content streams and fonts are a few MB.
MAX_STREAM_BYTES = 16 * 1024 * 1024


class StreamTooLarge(Exception):
    """A PDF stream inflates past ``MAX_STREAM_BYTES``."""


def _too_large() -> str:
    return f"A stream in the PDF inflates to more than {MAX_STREAM_BYTES // 1_048_576} MB."


class _Decompressor:
    def __init__(self, limit: int) -> None:
        self._inner = zlib.decompressobj()
        self._left = limit

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, self._left + 1)
        self._left -= len(out)
        if self._left < 0 or self._inner.unconsumed_tail:
            raise StreamTooLarge(_too_large())
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
        measure = zlib.decompressobj(*args[:1])
        left, pending = self.limit, data
        try:
            while pending and not measure.eof:
                left -= len(measure.decompress(pending, 1 << 20))
                if left < 0:
                    raise StreamTooLarge(_too_large())
                pending = measure.unconsumed_tail
        except zlib.error:
            pass  # the real call below raises the error pdfminer expects
        return zlib.decompress(data, *args)

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
