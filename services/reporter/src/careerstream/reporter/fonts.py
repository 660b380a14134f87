"""Which font draws which text in the PDF.

Helvetica is one of the PDF base fonts and only covers Windows-1252 (WinAnsi); anything
beyond it (Chinese above all, but also Cyrillic or Greek in a name) goes to the CID font
STSong-Light, whose glyphs the viewer supplies, so the PDF stays small and the text
stays extractable as Unicode.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
CJK = "STSong-Light"
# Helvetica again, but with StandardEncoding: reportlab writes "•" as 0x7F in WinAnsi,
# which text extractors turn into a DEL character; StandardEncoding has a real bullet.
BULLET = "Helvetica-Bullet"


@cache
def register_fonts() -> None:
    """Register the CID font once per process; harmless to call again."""
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    pdfmetrics.registerFont(pdfmetrics.Font(BULLET, LATIN, "StandardEncoding"))
    # The CID font has no bold or italic faces; mapping every variant to it keeps
    # <b> and <i> in Paragraph markup from failing on Chinese text.
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)


def needs_cjk(text: str) -> bool:
    """True when Helvetica (WinAnsi) cannot draw some character of the text."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


def font_for(text: str, *, bold: bool = False) -> str:
    if needs_cjk(text):
        return CJK
    return LATIN_BOLD if bold else LATIN
