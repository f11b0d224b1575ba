"""Opdrachtregel: ``python -m klanttools.nakijken valideer NOTEBOOK [NOTEBOOK ...]``.

Eindigt met exitcode 0 als alle zichtbare tests van alle notebooks slagen, 1 als er
iets faalt, en 2 bij verkeerd gebruik. (``nbgrader validate`` eindigt altijd met 0.)
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Voer de opdrachtregel uit en geef de exitcode terug."""
    parser = argparse.ArgumentParser(
        prog="python -m klanttools.nakijken",
        description="Nakijkhulp van klanttools.",
    )
    sub = parser.add_subparsers(dest="opdracht", required=True)
    val = sub.add_parser(
        "valideer",
        help="voer notebooks uit en controleer de zichtbare tests (exitcode 1 bij fouten)",
    )
    val.add_argument("notebooks", nargs="+", help="een of meer .ipynb-bestanden")
    val.add_argument("--tijdslimiet", type=int, default=None, help="seconden per cel")
    args = parser.parse_args(argv)

    from klanttools.nakijken.docent import valideer

    alles_goed = True
    for pad in args.notebooks:
        try:
            uitkomst = valideer(pad, tijdslimiet=args.tijdslimiet)
        except FileNotFoundError as e:
            print(e, file=sys.stderr)
            return 2
        print(uitkomst.samenvatting())
        print()
        alles_goed &= uitkomst.geslaagd
    return 0 if alles_goed else 1


if __name__ == "__main__":
    sys.exit(main())
