"""Opdrachtregel van de nakijkhulp.

- ``python -m klanttools.nakijken valideer NOTEBOOK [NOTEBOOK ...]``: exitcode 0 als alle
  zichtbare tests van alle notebooks slagen, 1 als er iets faalt, 2 bij verkeerd gebruik.
  (``nbgrader validate`` eindigt altijd met 0.)
- ``python -m klanttools.nakijken klas OPDRACHT``: een hele klas nakijken, in de
  nbgrader-cursusmap (zie :mod:`klanttools.nakijken.klas`).
- ``python -m klanttools.nakijken feedback OPDRACHT``: feedback teruggeven via de
  JupyterHub-exchange, ook als een deel van de klas via de leeromgeving inleverde (zie
  :mod:`klanttools.nakijken.feedback_terug`).
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
    sub = parser.add_subparsers(dest="commando", required=True)
    val = sub.add_parser(
        "valideer",
        help="voer notebooks uit en controleer de zichtbare tests (exitcode 1 bij fouten)",
    )
    val.add_argument("notebooks", nargs="+", help="een of meer .ipynb-bestanden")
    val.add_argument("--tijdslimiet", type=int, default=None, help="seconden per cel")
    from klanttools.nakijken.klas.opdrachtregel import maak_parser

    maak_parser(sub)
    from klanttools.nakijken.feedback_terug import maak_parser as maak_feedback_parser

    maak_feedback_parser(sub)
    args = parser.parse_args(argv)
    if args.commando == "klas":
        from klanttools.nakijken.klas.opdrachtregel import main as klas

        return klas(args)
    if args.commando == "feedback":
        from klanttools.nakijken.feedback_terug import feedback_terug

        return feedback_terug(args.opdracht, args.cursusmap)

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
