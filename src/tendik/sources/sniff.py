"""Recognise files that are not what their source declares, from their first bytes."""

from __future__ import annotations

from tendik.errors import FormatMismatch

# Leading bytes of formats that are sometimes given a wrong name.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip archive (an .xlsx workbook is one)"),
    (b"\xd0\xcf\x11\xe0", "an old binary Office file (.xls)"),
    (b"PAR1", "a Parquet file"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)

MARKUP: tuple[tuple[str, str], ...] = (
    ("<!doctype html", "an HTML page"),
    ("<html", "an HTML page"),
    ("<?xml", "an XML document"),
)

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def describe_binary(data: bytes) -> str | None:
    """What a file of binary content is, by its leading bytes; None when it may be text."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            return what
    return None


def check_text_bytes(data: bytes, file: str, claimed: str) -> None:
    """Refuse bytes that cannot be a text table: archives, images, other binary files."""
    what = describe_binary(data)
    if what is None and b"\x00" in data[:8192] and not data.startswith(UTF16_BOMS):
        if not _looks_utf16(data[:8192]):
            what = "binary data"
    if what is not None:
        raise FormatMismatch(
            f"the file is {what}, not {claimed} text; check the path and the declared format",
            file=file,
            row=1,
        )


def check_text_markup(text: str, file: str, claimed: str) -> None:
    """Refuse an HTML page or XML document saved under a table's name."""
    head = text.lstrip()[:64].lower()
    for start, what in MARKUP:
        if head.startswith(start):
            raise FormatMismatch(
                f"the file is {what}, not {claimed} text (a download that returned a web page?)",
                file=file,
                row=1,
            )


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of ASCII-heavy text is zero."""
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    return even.count(0) > 0.4 * half or odd.count(0) > 0.4 * half


def utf16_codec(data: bytes) -> str | None:
    """The UTF-16 codec of BOM-less UTF-16 text, or None when the bytes do not look like it."""
    sample = data[:8192]
    if data.startswith(UTF16_BOMS) or not _looks_utf16(sample):
        return None
    return "utf-16-be" if sample[0::2].count(0) > sample[1::2].count(0) else "utf-16-le"
