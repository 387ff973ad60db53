"""Turn a text file's bytes into str: the declared encoding, or a cheap, predictable detection.

Detection ("auto"): a UTF-16 byte-order mark (or BOM-less UTF-16, every other byte zero) means
UTF-16; bytes that are valid UTF-8 (with or without a BOM) are UTF-8; otherwise Windows-1251,
kept only when it decodes to Cyrillic words (Kazakh and Russian office exports), since any byte
string decodes as some single-byte code page.
"""

from __future__ import annotations

import re
from itertools import islice

from tendik.errors import EncodingProblem
from tendik.sources.sniff import UTF16_BOMS, utf16_codec

CODECS: dict[str, str] = {
    "utf-8": "utf-8-sig",  # a declared UTF-8 file may still start with a BOM
    "utf-8-sig": "utf-8-sig",
    "utf-16": "utf-16",
    "cp1251": "cp1251",
}

_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")
_DELIMITERS = ",;\t|"
UTF8_BOM = b"\xef\xbb\xbf"


def decode(data: bytes, encoding: str, file: str) -> str:
    """Decode a file's bytes, or raise EncodingProblem naming the row and column of the bad byte."""
    if encoding == "auto":
        return _decode_auto(data, file)
    codec = CODECS.get(encoding, encoding)
    return _decode_strict(data, codec, file, f"cannot be decoded as the declared {encoding}")


def _decode_auto(data: bytes, file: str) -> str:
    if data.startswith(UTF16_BOMS):
        return _decode_strict(data, "utf-16", file, "cannot be decoded as UTF-16")
    codec16 = utf16_codec(data)
    if codec16 is not None:
        return _decode_strict(data, codec16, file, "cannot be decoded as UTF-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.removeprefix(UTF8_BOM).decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and looks_cyrillic(text):
        return text
    raise _problem(
        data,
        utf8_error,
        "utf-8-sig",
        file,
        "is neither UTF-8 nor Windows-1251 Cyrillic text; declare the file's encoding",
    )


def _decode_strict(data: bytes, codec: str, file: str, what: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise _problem(data, exc, codec, file, what) from None


def looks_cyrillic(text: str) -> bool:
    """True when the non-ASCII words of a text are Cyrillic words (not Latin words with accents).

    Latin-1 text read as Windows-1251 turns its accented letters into Cyrillic ones inside Latin
    words ("Pàrlamaid" becomes "Pаrlamaid"); real Russian or Kazakh words are Cyrillic throughout.
    """
    cyrillic = mixed = 0
    for match in islice(_NON_ASCII_WORD.finditer(text), 5000):
        word = match.group()
        if not any("\u0400" <= ch <= "\u04ff" for ch in word):
            continue
        cyrillic += 1
        if any(ch.isascii() and ch.isalpha() for ch in word):
            mixed += 1
    return cyrillic > 0 and mixed <= cyrillic // 10


def _problem(
    data: bytes, exc: UnicodeDecodeError, codec: str, file: str, what: str
) -> EncodingProblem:
    start = exc.start
    if codec == "utf-8-sig" and data.startswith(UTF8_BOM):
        start += len(UTF8_BOM)  # that codec counts from after the BOM
    prefix = data[:start].decode(codec, errors="replace")
    row = prefix.count("\n") + 1
    line_start = prefix.rfind("\n") + 1
    bad = data[start : start + 1].hex()
    return EncodingProblem(
        f"byte 0x{bad} {what}",
        file=file,
        row=row,
        column=_column_at(data, codec, prefix[line_start:]),
    )


def _column_at(data: bytes, codec: str, line_prefix: str) -> str | None:
    """Best-effort name of the column a bad byte falls in.

    The header is taken to be the first line with the usual number of delimiters (metadata
    lines above a header have fewer).
    """
    head = data[:65536].decode(codec, errors="replace").lstrip("\ufeff").split("\n")[:60]
    counts = {d: sum(line.count(d) for line in head[:5]) for d in _DELIMITERS}
    delimiter = max(counts, key=lambda d: counts[d])
    index = line_prefix.count(delimiter)
    widths = [line.count(delimiter) for line in head]
    usual = max(set(widths), key=widths.count)
    for line, width in zip(head, widths, strict=True):
        if width == usual:
            names = [name.strip().strip('"') for name in line.rstrip("\r").split(delimiter)]
            return names[index] if index < len(names) and names[index] else None
    return None
