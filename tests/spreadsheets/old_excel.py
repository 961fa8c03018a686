"""Old-style .xls files (BIFF8 inside a compound file) for the tests.

No maintained library writes them any more, so the few records a reader needs are written here:
a workbook stream with one BOUNDSHEET per sheet, and LABEL and NUMBER cells.
"""

import struct

_END, _FREE, _FAT, _NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
_SECTOR = 512
# Streams shorter than this would go to the mini stream, which these files do not need.
_MINI_CUTOFF = 4096


def xls_bytes(sheets: dict[str, list[list]]) -> bytes:
    """An .xls with one sheet per name; cells are str, int or float, or None for an empty cell."""
    return _compound_file(_workbook_stream(sheets))


def _record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))


def _sheet_name(name: str) -> bytes:
    return struct.pack("<BB", len(name), 1) + name.encode("utf-16-le")


def _cell(row: int, column: int, value) -> bytes:
    if isinstance(value, str):
        body = struct.pack("<HHHHB", row, column, 0, len(value), 1) + value.encode("utf-16-le")
        return _record(0x0204, body)
    return _record(0x0203, struct.pack("<HHHd", row, column, 0, float(value)))


def _sheet_stream(rows: list[list]) -> bytes:
    cells = [
        _cell(r, c, value)
        for r, row in enumerate(rows)
        for c, value in enumerate(row)
        if value is not None
    ]
    return _bof(0x0010) + b"".join(cells) + _record(0x000A)


def _workbook_stream(sheets: dict[str, list[list]]) -> bytes:
    bodies = [_sheet_stream(rows) for rows in sheets.values()]
    entries = [_record(0x0085, bytes(6) + _sheet_name(name)) for name in sheets]
    position = len(_bof(0x0005)) + sum(map(len, entries)) + len(_record(0x000A))
    stream = _bof(0x0005)
    for name, body in zip(sheets, bodies, strict=True):
        stream += _record(0x0085, struct.pack("<IBB", position, 0, 0) + _sheet_name(name))
        position += len(body)
    return stream + _record(0x000A) + b"".join(bodies)


def _directory_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    return raw.ljust(64, b"\0") + struct.pack(
        "<HBBIII16sIQQIII", len(raw), kind, 1, _NONE, _NONE, child, bytes(16), 0, 0, 0,
        start, size, 0,
    )  # fmt: skip


def _compound_file(stream: bytes) -> bytes:
    size = max(_MINI_CUTOFF, -(-len(stream) // _SECTOR) * _SECTOR)
    stream = stream.ljust(size, b"\0")
    sectors = size // _SECTOR
    # Sector 0 holds the allocation table, sector 1 the directory, the stream follows.
    fat = [_FAT, _END] + list(range(3, 2 + sectors)) + [_END]
    fat += [_FREE] * (_SECTOR // 4 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack(
        "<HHHHH6sIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0, 1, 1, 0, _MINI_CUTOFF,
        _END, 0, _END, 0,
    ) + struct.pack("<I108I", 0, *[_FREE] * 108)  # fmt: skip
    directory = _directory_entry("Root Entry", 5, 1, _END, 0)
    directory += _directory_entry("Workbook", 2, _NONE, 2, len(stream))
    return (
        header + struct.pack(f"<{_SECTOR // 4}I", *fat) + directory.ljust(_SECTOR, b"\0") + stream
    )
