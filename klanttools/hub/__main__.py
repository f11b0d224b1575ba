"""Opdrachtregel voor de serverbeheerder (als root).

- ``python -m klanttools.hub exchange --root MAP --cursus ID --docent NAAM --groep GROEP``:
  maak of herstel de veilige exchange (zie :mod:`klanttools.hub.exchange`);
- ``python -m klanttools.hub controleer --root MAP --cursus ID``: meld wat er onveilig is
  (exitcode 1);
- ``python -m klanttools.hub gebruiker NAAM --groep GROEP [--wachtwoord-stdin]``: maak een
  gebruiker met een privé thuismap.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Voer de opdrachtregel uit en geef de exitcode terug."""
    parser = argparse.ArgumentParser(prog="python -m klanttools.hub", description=__doc__)
    sub = parser.add_subparsers(dest="commando", required=True)
    ex = sub.add_parser("exchange", help="maak of herstel de veilige nbgrader-exchange")
    ex.add_argument("--root", type=Path, default=Path("/srv/nbgrader/exchange"))
    ex.add_argument("--cursus", default="inleiding-sales")
    ex.add_argument("--docent", required=True, help="Unix-gebruiker van de docent")
    ex.add_argument("--groep", required=True, help="Unix-groep van de docenten")
    co = sub.add_parser("controleer", help="controleer de modi van de exchange")
    co.add_argument("--root", type=Path, default=Path("/srv/nbgrader/exchange"))
    co.add_argument("--cursus", default="inleiding-sales")
    ge = sub.add_parser("gebruiker", help="maak een gebruiker met een privé thuismap")
    ge.add_argument("naam")
    ge.add_argument("--groep", required=True)
    ge.add_argument("--wachtwoord-stdin", action="store_true", help="lees het wachtwoord")
    args = parser.parse_args(argv)

    if args.commando == "exchange":
        from klanttools.hub.exchange import maak_exchange

        try:
            map_ = maak_exchange(args.root, args.cursus, args.docent, args.groep)
        except KeyError as e:
            print(f"Onbekende gebruiker of groep: {e}. Maak die eerst aan.", file=sys.stderr)
            return 2
        print(f"Exchange klaar: {map_}")
        return 0
    if args.commando == "controleer":
        from klanttools.hub.exchange import problemen

        fouten = problemen(args.root, args.cursus)
        print("\n".join(fouten) if fouten else "De exchange is in orde.")
        return 1 if fouten else 0

    from klanttools.hub.gebruikers import maak_gebruiker

    wachtwoord = sys.stdin.readline().rstrip("\n") if args.wachtwoord_stdin else None
    thuis = maak_gebruiker(args.naam, args.groep, wachtwoord)
    print(f"Gebruiker {args.naam} klaar; thuismap {thuis} (0700).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
