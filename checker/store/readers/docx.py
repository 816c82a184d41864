"""Word documents (.docx): the paragraphs and tables as text, the title and date from the document's properties.

A .docx is a zip of XML parts, and a zip can be a bomb: a few kB that inflate to gigabytes, or a
million members. The container is measured from its directory before python-docx opens it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from checker.errors import ArticleSkipped
from checker.store.readers import ReadText

# A long report is a few MB of XML once inflated; a bomb is gigabytes. (python-docx holds the parts in memory.)
MAX_DOCX_INFLATED_BYTES = 100 * 1024 * 1024
# A document has tens of parts (styles, fonts, media); tens of thousands is a zip made to exhaust the reader.
MAX_DOCX_MEMBERS = 2_000
# No real part compresses better than this; a higher ratio is a bomb even if under the size cap.
MAX_DOCX_RATIO = 200


def read_docx(raw: bytes, shown: str) -> ReadText:
    """The document's text, a paragraph a line (table cells joined with ' ; '), its title and date."""
    check_zip(raw, shown, "Word document")
    import docx  # here: python-docx (and lxml's parts it loads) only for runs that hold .docx files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
        lines = list(_lines(document))
        properties = document.core_properties
        title, created = properties.title, properties.created
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ArticleSkipped(shown, f"the Word document cannot be read ({type(exc).__name__}); save it again as "
                                    ".docx, or as .pdf") from exc
    meta: dict[str, object] = {}
    if title and title.strip():
        meta["title"] = title.strip()
    # Word stamps `created` when the file is made, which is a fair publication date for a paper or release.
    if isinstance(created, dt.datetime) and 1900 < created.year < 9000:
        meta["published"] = created.date()
    return ReadText(text="\n\n".join(lines) + "\n", meta=meta)


def check_zip(raw: bytes, shown: str, what: str) -> None:
    """Refuse (ArticleSkipped) a zip container that is damaged, or inflates past the size or member caps."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ArticleSkipped(shown, f"the {what} is not a readable zip file ({exc}); save it again") from exc
    if len(members) > MAX_DOCX_MEMBERS:
        raise ArticleSkipped(shown, f"the {what} holds {len(members)} parts, over the {MAX_DOCX_MEMBERS} a "
                                    "document has; save it again, or as .pdf")
    inflated = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if inflated > MAX_DOCX_INFLATED_BYTES or inflated > MAX_DOCX_RATIO * max(packed, 1024):
        raise ArticleSkipped(shown, f"the {what} would inflate to {inflated} bytes from {len(raw)}, over the "
                                    f"{MAX_DOCX_INFLATED_BYTES} byte limit (a zip bomb?); save it again, or as .pdf")


def _lines(document: Any) -> Iterator[str]:
    """Paragraphs and table rows in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                yield block.text.strip()
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                if any(cells):
                    yield " ; ".join(cells)
