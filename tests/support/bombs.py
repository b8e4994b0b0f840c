"""Hostile files for the readers' and the importer's tests."""

import io
import struct
import zipfile


def declared_huge_zip() -> bytes:
    """A zip whose directory announces 2.1 GB: it must be refused before anything is inflated."""
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as package:
        package.writestr("word/document.xml", b"x" * 100)
    data = bytearray(stored.getvalue())
    huge = struct.pack("<I", 2_250_000_000)
    central = data.index(b"PK\x01\x02")
    data[central + 24 : central + 28] = huge  # uncompressed size in the central directory
    data[22:26] = huge  # and in the local header
    return bytes(data)
