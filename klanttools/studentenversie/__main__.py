"""Opdrachtregel: ``python -m klanttools.studentenversie KIT DOELMAP`` (via ``kit.py studentenversie``)."""

from __future__ import annotations

import sys
from pathlib import Path

from klanttools.studentenversie import bouw


def main(argv: list[str] | None = None) -> int:
    """Bouw de studentversie en geef de exitcode terug (0 goed, 1 fout, 2 verkeerd gebruik)."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print("Gebruik: python -m klanttools.studentenversie KITMAP DOELMAP", file=sys.stderr)
        return 2
    try:
        editie = bouw(Path(argv[0]), Path(argv[1]))
    except (FileExistsError, ValueError, RuntimeError) as fout:
        print(f"[kit] {fout}", file=sys.stderr)
        return 1
    print(editie.samenvatting())
    return 0


if __name__ == "__main__":
    sys.exit(main())
