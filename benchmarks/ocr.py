"""OCR against the text layer: real text PDFs rendered to images, read back by OCR.

    pip install "resumematch[ocr]"
    python benchmarks/ocr.py ../shared/realdata/templates              # first page of each PDF
    python benchmarks/ocr.py ../shared/realdata/templates/deedy --rough   # a poor scan instead

Each page is rendered with pypdfium2 (at --dpi; --rough: 100 dpi, grey, blurred, with speckle),
wrapped as an image-only PDF with Pillow and read by ``resumematch.extract``, which OCRs it. Word
recall is the share of the text layer's words (lower-cased letter and digit runs, counted with
multiplicity) that OCR gives back; seconds per page are the wall and CPU time of that ``extract``
call (rendering the image PDF and OCR; CPU time is the one a loaded machine does not inflate).
The figures behind "Scanned pages" in docs/extraction.md.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from PIL import ImageFilter
from resumematch.extract import extract

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> Counter:
    return Counter(_WORD.findall(text.lower()))


def scanned(page, dpi: int, rough: bool) -> bytes:
    """One page as an image-only PDF, as a scanner would make it."""
    image = page.render(scale=(100 if rough else dpi) / 72).to_pil().convert("L" if rough else "RGB")
    if rough:
        image = image.filter(ImageFilter.GaussianBlur(0.8))
        pixels, rng = image.load(), random.Random(7)
        for _ in range(image.width * image.height // 200):
            pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.choice((0, 255))
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=100 if rough else dpi)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", type=Path, nargs="+", help="folders (searched for PDFs) or PDF files")
    ap.add_argument("--pages", type=int, default=1, help="pages per PDF (default 1)")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--rough", action="store_true", help="a poor scan: 100 dpi, grey, blurred, speckled")
    args = ap.parse_args()
    files = sorted(f for path in args.paths for f in (path.rglob("*.pdf") if path.is_dir() else [path]))
    found = kept = pages = 0
    seconds, cpu, confidences = [], [], []
    print(f"{'file':<50}{'page':>5}{'words':>7}{'found':>7}{'recall':>8}{'conf':>7}{'wall s':>8}{'cpu s':>7}")
    for path in files:
        layer = extract(path)
        if not layer.ok:
            continue
        pdf = pdfium.PdfDocument(str(path))
        for span in layer.pages[:args.pages]:
            truth = words(layer.text[span.start:span.end])
            if not truth:
                continue
            data = scanned(pdf[span.number - 1], args.dpi, args.rough)
            start, start_cpu = time.perf_counter(), time.process_time()
            doc = extract(data)
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            got = words(doc.text)
            hit = sum(min(n, got[w]) for w, n in truth.items())
            confidence = (doc.meta.get("ocr_confidence") or [0.0])[0]
            confidences.append(confidence)
            found, kept, pages = found + sum(truth.values()), kept + hit, pages + 1
            name, total = f"{path.parent.name}/{path.name}"[:49], sum(truth.values())
            print(f"{name:<50}{span.number:>5}{total:>7}{hit:>7}{hit / total:>8.3f}{confidence:>7.3f}"
                  f"{seconds[-1]:>8.2f}{cpu[-1]:>7.2f}", flush=True)
        pdf.close()
    print(f"\n{pages} pages from {len(files)} PDFs ({'rough, 100' if args.rough else args.dpi} dpi): word recall "
          f"{kept / found:.3f} ({kept:,} of {found:,} words); confidence median {statistics.median(confidences):.3f}, "
          f"min {min(confidences):.3f}; seconds per page: wall median {statistics.median(seconds):.2f} "
          f"(max {max(seconds):.2f}), CPU median {statistics.median(cpu):.2f} (max {max(cpu):.2f})")


if __name__ == "__main__":
    main()
