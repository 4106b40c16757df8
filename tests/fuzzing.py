"""A mutation corpus for fuzzing the extractor, built from the bundled example resumes and from
files the test builders make (so no binary file is committed).

``mutants(n, seed)`` yields ``n`` damaged files, reproducibly: byte flips, truncations, zeroed
ranges, broken zip entries, XML entity expansion in DOCX parts, huge inflated entries and
splices of two files. Used by ``tests/test_fuzz.py`` (a small fixed-seed slice) and by
``benchmarks/fuzz.py`` (10,000 and more).
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import builders

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
MB = 1024 * 1024

RESUME = [
    "Jane Example", "jane@example.com | +1 555 010 0199", "EXPERIENCE",
    "IT Project Manager, Initech, Jan 2019 - Present",
    "Led a cloud migration of 40 services; managed a budget of $3.5M.",
    "EDUCATION", "B.S. Computer Science, State University, 2014", "CERTIFICATIONS", "PMP, 2018",
]


@cache
def seeds() -> tuple[tuple[str, bytes], ...]:
    """The unmutated files: every bundled example resume plus generated PDFs and DOCX."""
    found = [(p.name, p.read_bytes()) for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    made = [
        ("lines.pdf", builders.lines_pdf([RESUME, RESUME[2:]])),
        ("columns.pdf", builders.two_column_pdf(RESUME[:4], RESUME[4:], header="Jane Example")),
        ("encrypted.pdf", builders.lines_pdf([RESUME], encrypt="secret")),
        ("table.docx", builders.build_docx(paragraphs=RESUME, table=[["Skill", "Years"], ["Scrum", "6"]],
                                           header="Jane Example", footer="Page 1")),
        ("plain.txt", "\n".join(RESUME).encode()),
    ]
    return tuple(found + made)


# --------------------------------------------------------------------------- byte mutations

def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8) if rng.random() < 0.5 else rng.randrange(1, 256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(len(data))]


def zero_range(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.choice((1, 16, 512, 4096, len(data))))
    return data[:start] + bytes(end - start) + data[end:]


def splice(rng: random.Random, data: bytes) -> bytes:
    _, other = rng.choice(seeds())
    return data[:rng.randrange(len(data) + 1)] + other[rng.randrange(len(other)):]


# --------------------------------------------------------------------------- zip mutations

def _docx() -> bytes:
    return dict(seeds())["table.docx"]


def _rezip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return buf.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {info.filename: archive.read(info) for info in archive.infolist()}


def broken_zip_entry(rng: random.Random, data: bytes) -> bytes:
    """Damage one field of one central-directory entry: its local header offset (negative seeks),
    sizes, CRC, compression method or name length; or one local header's signature."""
    if not data.startswith(b"PK"):
        data = _docx()
    out = bytearray(data)
    entries = [i for i in range(len(out) - 46) if out[i:i + 4] == b"PK\x01\x02"]
    if not entries:
        return flip_bytes(rng, data)
    at = rng.choice(entries)
    field, size = rng.choice(((42, 4), (20, 4), (24, 4), (16, 4), (10, 2), (28, 2), (30, 2)))
    value = rng.choice((0, 1, 0xFFFF, 0xFFFFFFFF, 0x7FFFFFFF, rng.randrange(1 << (8 * size))))
    out[at + field:at + field + size] = (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
    if rng.random() < 0.2:  # and a local header
        local = [i for i in range(len(out) - 4) if out[i:i + 4] == b"PK\x03\x04"]
        if local:
            i = rng.choice(local)
            out[i:i + 4] = b"PK\x07\x08"
    return bytes(out)


_LAUGHS = """<?xml version="1.0" encoding="{enc}"?>
<!{doctype} lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def entity_expansion(rng: random.Random, data: bytes) -> bytes:
    """A DOCX part (the body, styles, a .rels) replaced by a billion-laughs document, in UTF-8 or
    UTF-16, with the DOCTYPE keyword in either case."""
    members = _members(_docx())
    part = rng.choice(("word/document.xml", "word/styles.xml", "_rels/.rels", "[Content_Types].xml"))
    encoding = rng.choice(("utf-8", "utf-16", "utf-16-le"))
    xml = _LAUGHS.format(enc=encoding.split("-le")[0], doctype=rng.choice(("DOCTYPE", "doctype")))
    members[part] = xml.encode(encoding)
    return _rezip(members)


@cache
def _inflated(kind: str) -> bytes:
    """A DOCX or PDF whose one entry or stream inflates far beyond its packed size."""
    if kind == "docx-media":  # 120 MB of zeros in a member Word would never read
        members = _members(_docx())
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in members.items():
                out.writestr(name, data)
            with out.open("word/media/image1.png", "w", force_zip64=True) as member:
                for _ in range(120):
                    member.write(bytes(MB))
        return buf.getvalue()
    if kind == "docx-body":  # a 1.9 MB body of varied words: under every zip limit, parsed in full
        words = random.Random(kind).choices(" ".join(RESUME).split(), k=2 * MB)
        paragraphs = "".join(f"<w:p><w:r><w:t>{' '.join(words[i:i + 12])}</w:t></w:r></w:p>"
                             for i in range(0, len(words), 12)).encode()
        body = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body>' + paragraphs[:paragraphs.rfind(b"<w:p>", 0, 19 * MB // 10)]
                + b"</w:body></w:document>")
        return _rezip({**_members(_docx()), "word/document.xml": body})
    # a PDF whose content stream inflates to 200 MB of spaces
    stream = zlib.compress(b" " * (200 * MB), 9)
    return builders.raw_pdf(stream, flate=True)


def inflated_entry(rng: random.Random, data: bytes) -> bytes:
    base = _inflated(rng.choice(("docx-media", "docx-body", "pdf-stream")))
    return base if rng.random() < 0.5 else flip_bytes(rng, base)


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    """A DOCX body nested thousands of elements deep."""
    depth = rng.choice((500, 5000, 50000))
    body = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body>' + b"<w:p>" * depth + b"</w:p>" * depth
            + b"</w:body></w:document>")
    return _rezip({**_members(_docx()), "word/document.xml": body})


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip_bytes": flip_bytes, "truncate": truncate, "zero_range": zero_range, "splice": splice,
    "broken_zip_entry": broken_zip_entry, "entity_expansion": entity_expansion,
    "inflated_entry": inflated_entry, "deep_nesting": deep_nesting,
}
#: How often each mutation is drawn: the expensive ones rarely.
WEIGHTS = {"flip_bytes": 30, "truncate": 15, "zero_range": 15, "splice": 8, "broken_zip_entry": 20,
           "entity_expansion": 5, "inflated_entry": 1, "deep_nesting": 2}


def mutant(rng: random.Random) -> tuple[str, bytes]:
    """One damaged file: ``(description, bytes)``."""
    name, data = rng.choice(seeds())
    kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    out = MUTATIONS[kind](rng, data) if data else data
    if rng.random() < 0.15:  # a second mutation on top
        out = MUTATIONS[rng.choice(("flip_bytes", "zero_range", "truncate"))](rng, out) if out else out
    return f"{kind}:{name}", out


def mutants(n: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """``n`` damaged files, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    for _ in range(n):
        yield mutant(rng)


def suffix(data: bytes) -> str:
    """A file name suffix that does not give the format away (the content decides)."""
    return ".pdf" if data[:5] == b"%PDF-" else ".docx" if data[:2] == b"PK" else ".txt"


