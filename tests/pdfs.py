"""PDF fixtures built in the tests: wrapped paragraphs under a running header and footer, as council papers print."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


class _Paper(FPDF):
    def __init__(self, header_text: str, footer_text: str) -> None:
        super().__init__(format="A4")
        self.header_text, self.footer_text = header_text, footer_text

    def header(self) -> None:
        self.set_font("helvetica", size=8)
        self.cell(0, 6, self.header_text, align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", size=8)
        self.cell(0, 6, self.footer_text.format(page=self.page_no()), align="C")


def write_pdf(path: Path, paragraphs: list[str], header: str = "Council papers",
              footer: str = "Page {page}", title: str | None = None, lines: bool = False) -> Path:
    """A PDF of `paragraphs`, wrapped to the page (or, with `lines`, each string one printed line)."""
    pdf = _Paper(header, footer)
    pdf.set_auto_page_break(True, margin=25)
    if title:
        pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        # The core PDF fonts hold Latin-1 only: tests pass text already normalised to straight quotes,
        # and a bullet prints as '*', the other bullet the boilerplate rules know.
        printable = paragraph.replace("\u2022", "*").encode("latin-1", "replace").decode("latin-1")
        if lines:
            pdf.cell(0, 5.5, printable, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 5.5, printable, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path
