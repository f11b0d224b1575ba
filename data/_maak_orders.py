"""Maak ``orders.csv`` en ``orders_ruw.csv``: de orders van Kruisveld (eenheid Technologie).

Onderdeel van ``maak_datasets.py`` (dat roept :func:`maak_orders` en :func:`maak_orders_ruw`
aan met een eigen toevalsgenerator, ``default_rng([ZAAD, 5])``). Alle gegevens zijn
synthetisch.

Het verhaal
-----------
* ``orders.csv``: alle **grote orders** (vanaf 1.000 euro) van november 2025 tot en met oktober
  2026 (twaalf maanden), zoals ze in het datawarehouse van Kruisveld staan: per order de datum, de klant
  (``account_id`` uit ``accounts.csv``), het **kanaal** (accountmanager, telefoon, e-mail of
  webshop) en het bedrag in euro's met centen. Hoeveel een klant bestelt, volgt
  ``orders_per_jaar`` en ``omzet`` uit ``accounts.csv``; welk kanaal hij kiest, hangt af van
  het segment: key accounts bestellen vaak via hun accountmanager of per e-mail, kleine
  klanten vaker via de webshop. Vanaf februari 2026 (de nieuwe webshop) groeit het aandeel
  van de webshop duidelijk. Webshoporders zijn gemiddeld kleiner, orders via de
  accountmanager groter.
* ``orders_ruw.csv``: de orders van **september 2026** zoals een collega ze uit het oude
  systeem exporteerde naar Nederlandse Excel: ``;`` als scheidingsteken, datums als
  ``DD-MM-JJJJ``, bedragen als ``1.234,56`` (punt voor duizendtallen, komma voor decimalen).
  Er zitten bewust fouten in: een aantal orders staat er twee keer in (exact dezelfde rij),
  bij een paar orders ontbreekt het bedrag en bij een aantal het kanaal. Het datawarehouse
  (``orders.csv``) heeft die orders wel compleet.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np

KANALEN = ("accountmanager", "telefoon", "e-mail", "webshop")
"""De verkoopkanalen, in deze volgorde (ook in ``klanttools.datasets``)."""

BEGIN, EIND = dt.date(2025, 11, 1), dt.date(2026, 10, 31)
NIEUWE_WEBSHOP = dt.date(2026, 2, 1)
GRENS = 1000.0
"""Alleen orders vanaf dit bedrag (euro) staan in ``orders.csv``."""

_KANS = {
    "Key account": (0.38, 0.12, 0.36, 0.14),
    "MKB": (0.16, 0.30, 0.26, 0.28),
    "Klein zakelijk": (0.05, 0.36, 0.17, 0.42),
}
_FACTOR_BEDRAG = {"accountmanager": 1.45, "telefoon": 1.0, "e-mail": 1.1, "webshop": 0.8}

KOLOMMEN = ["order_id", "datum", "account_id", "kanaal", "bedrag"]


def _kanaal(rng: np.random.Generator, segment: str, datum: dt.date) -> str:
    kans = np.array(_KANS[segment], dtype=float)
    if datum >= NIEUWE_WEBSHOP:
        kans[3] *= 2.6
    return KANALEN[int(rng.choice(len(KANALEN), p=kans / kans.sum()))]


def maak_orders(
    rng: np.random.Generator, accounts: Sequence[Sequence[object]]
) -> tuple[list[str], list[list[object]]]:
    """De grote orders per account (rijen van ``maak_accounts``), op datum gesorteerd."""
    dagen = (EIND - BEGIN).days + 1
    ruw: list[tuple[dt.date, str, str, float]] = []
    for rij in accounts:
        account_id, segment = str(rij[0]), str(rij[4])
        omzet, per_jaar = float(rij[6]), float(rij[7])  # type: ignore[arg-type]
        gemiddeld = omzet / per_jaar
        aantal = int(rng.poisson(per_jaar * dagen / 365))
        for _ in range(aantal):
            datum = BEGIN + dt.timedelta(days=int(rng.integers(0, dagen)))
            if datum.weekday() >= 5:  # weekend: naar de maandag erna of de vrijdag ervoor
                maandag = datum + dt.timedelta(days=7 - datum.weekday())
                vrijdag = datum - dt.timedelta(days=datum.weekday() - 4)
                datum = (
                    maandag if maandag <= EIND and (datum.day % 2 or vrijdag < BEGIN) else vrijdag
                )
            kanaal = _kanaal(rng, segment, datum)
            bedrag = math.exp(rng.normal(math.log(gemiddeld * _FACTOR_BEDRAG[kanaal]), 0.55))
            if bedrag >= GRENS:
                ruw.append((datum, account_id, kanaal, round(bedrag, 2)))
    ruw.sort(key=lambda r: (r[0], r[1]))
    rijen: list[list[object]] = [
        [f"O{i:05d}", d.isoformat(), a, k, f"{b:.2f}"] for i, (d, a, k, b) in enumerate(ruw, 1)
    ]
    return KOLOMMEN, rijen


def _nl_bedrag(tekst: str) -> str:
    """``"1234.56"`` → ``"1.234,56"`` (Nederlandse notatie)."""
    euro, cent = tekst.split(".")
    groepen = []
    while len(euro) > 3:
        groepen.insert(0, euro[-3:])
        euro = euro[:-3]
    groepen.insert(0, euro)
    return ".".join(groepen) + "," + cent


def maak_orders_ruw(
    rng: np.random.Generator, orders: Sequence[Sequence[object]]
) -> tuple[list[str], list[list[object]]]:
    """De export van september 2026 in Nederlandse Excel-notatie, met bewuste fouten."""
    september = [r for r in orders if str(r[1]).startswith("2026-09-")]
    rijen: list[list[object]] = []
    for order_id, datum, account_id, kanaal, bedrag in september:
        j, m, d = str(datum).split("-")
        nieuw: list[object] = [
            order_id,
            f"{d}-{m}-{j}",
            account_id,
            kanaal,
            _nl_bedrag(str(bedrag)),
        ]
        toeval = rng.random()
        if toeval < 0.015:
            nieuw[4] = None  # bedrag ontbreekt
        elif toeval < 0.045:
            nieuw[3] = None  # kanaal ontbreekt
        rijen.append(nieuw)
        if rng.random() < 0.04:
            rijen.append(list(nieuw))  # dubbel geëxporteerd
    return KOLOMMEN, rijen


def schrijf_ruw(pad, kolommen: Sequence[str], rijen: list[list[object]]) -> None:
    """Schrijf zoals Nederlandse Excel: ``;`` als scheidingsteken, UTF-8, ``\\n``, lege cel."""
    import csv

    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(kolommen)
        for rij in rijen:
            w.writerow(["" if v is None else v for v in rij])
