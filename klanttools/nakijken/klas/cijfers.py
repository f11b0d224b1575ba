"""Cijfers voor een Nederlandse school: punten → cijfer 1–10, het cijferbestand en LMS-imports.

Het cijfer volgt de gebruikelijke lineaire omrekening met een cesuur: wie precies de
cesuur haalt (standaard 55 % van de punten) krijgt een 5,5; 0 punten is een 1,0 en alle
punten een 10,0; daartussen twee rechte lijnen. Afronden gebeurt exact (``Decimal``),
op het aantal decimalen en de manier die de docent kiest.

Examples
--------
>>> cijfer(16.5, 30)
Decimal('5.5')
>>> cijfer(30, 30), cijfer(0, 30)
(Decimal('10.0'), Decimal('1.0'))
>>> rond_af(Decimal("5.45"), afronding="half-omhoog"), rond_af(Decimal("5.45"), afronding="half-even")
(Decimal('5.5'), Decimal('5.4'))
>>> rond_af(Decimal("5.45"), afronding="omlaag")
Decimal('5.4')
>>> nl(Decimal("7.25")), nl(16.0), nl(None)
('7,25', '16', '')
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

__all__ = [
    "AFRONDINGEN",
    "Cijferregel",
    "cijfer",
    "lees_punten",
    "nl",
    "rond_af",
    "schrijf_brightspace",
    "schrijf_canvas",
    "schrijf_cijferbestand",
]

AFRONDINGEN = {
    "half-omhoog": ROUND_HALF_UP,
    "half-even": ROUND_HALF_EVEN,
    "omlaag": ROUND_FLOOR,
    "omhoog": ROUND_CEILING,
}
"""Hoe een cijfer wordt afgerond: 5,45 → 5,5 (half-omhoog), 5,4 (half-even, omlaag)."""


def rond_af(waarde: Decimal, *, decimalen: int = 1, afronding: str = "half-omhoog") -> Decimal:
    """Rond ``waarde`` af op ``decimalen`` decimalen volgens ``afronding``."""
    if afronding not in AFRONDINGEN:
        raise ValueError(
            f"afronding = {afronding!r} ken ik niet; kies uit {', '.join(AFRONDINGEN)}."
        )
    if decimalen < 0:
        raise ValueError(f"decimalen = {decimalen} moet 0 of meer zijn.")
    stap = Decimal(1).scaleb(-decimalen)
    return waarde.quantize(stap, rounding=AFRONDINGEN[afronding])


def cijfer(
    punten: float,
    max_punten: float,
    *,
    cesuur: float = 0.55,
    decimalen: int = 1,
    afronding: str = "half-omhoog",
) -> Decimal | None:
    """Het cijfer (1–10) bij ``punten`` van ``max_punten``; None als er niets te halen viel.

    ``cesuur`` is het deel van de punten dat precies een 5,5 geeft (0 < cesuur < 1).
    """
    if not 0 < cesuur < 1:
        raise ValueError(f"cesuur = {cesuur} moet tussen 0 en 1 liggen (bijvoorbeeld 0.55).")
    if not max_punten or max_punten <= 0:
        return None
    p = min(max(Decimal(str(punten)) / Decimal(str(max_punten)), Decimal(0)), Decimal(1))
    c = Decimal(str(cesuur))
    if p <= c:
        ruw = 1 + Decimal("4.5") * p / c
    else:
        ruw = Decimal("5.5") + Decimal("4.5") * (p - c) / (1 - c)
    return rond_af(ruw, decimalen=decimalen, afronding=afronding)


def nl(getal: Decimal | float | None) -> str:
    """Een getal met een decimale komma; een float zonder overbodige nullen (``16``)."""
    if getal is None:
        return ""
    if isinstance(getal, Decimal):
        tekst = format(getal, "f")
    else:
        tekst = f"{float(getal):.6f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


@dataclass
class Cijferregel:
    """Eén student in het cijferbestand."""

    student_id: str
    naam: str
    status: str
    reden: str = ""
    punten: float = 0.0
    max_punten: float = 0.0
    cijfer: Decimal | None = None
    per_vraag: dict[str, float | None] = field(default_factory=dict)
    handmatig_open: list[str] = field(default_factory=list)

    @property
    def definitief(self) -> bool:
        """Nagekeken en niets meer met de hand te beoordelen."""
        return self.status.startswith(("nagekeken", "hersteld")) and not self.handmatig_open


def lees_punten(
    db_url: str, opdracht: str, studenten: Iterable[str]
) -> dict[str, tuple[dict[str, float | None], list[str], float, str]]:
    """Uit de gradebook: per student (punten per vraag, open handmatige vragen, max, naam).

    Handmatig gegeven punten gaan voor automatische (zoals in nbgrader zelf). Een vraag
    die nog met de hand beoordeeld moet worden, heeft ``None``.
    """
    from nbgrader.api import Gradebook, MissingEntry

    uit: dict[str, tuple[dict[str, float | None], list[str], float, str]] = {}
    with Gradebook(db_url) as gb:
        for sid in studenten:
            try:
                inz = gb.find_submission(opdracht, sid)
            except MissingEntry:
                continue
            naam = " ".join(x for x in (inz.student.first_name, inz.student.last_name) if x)
            vragen: dict[str, float | None] = {}
            open_: list[str] = []
            maximum = 0.0
            meerdere = len(inz.notebooks) > 1
            for nb in inz.notebooks:
                for g in nb.grades:
                    sleutel = f"{nb.name}:{g.name}" if meerdere else g.name
                    maximum += float(g.max_score or 0)
                    if g.manual_score is not None:
                        vragen[sleutel] = float(g.manual_score)
                    elif g.needs_manual_grade and g.auto_score is None:
                        vragen[sleutel] = None
                        open_.append(sleutel)
                    else:
                        vragen[sleutel] = float(g.auto_score or 0)
            uit[sid] = (vragen, open_, maximum, naam)
    return uit


def _csv(pad: Path, kolommen: list[str], rijen: Iterable[Mapping[str, str]], **opties: str) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad, "w", newline="", encoding=opties.pop("encoding", "utf-8")) as f:
        w = csv.DictWriter(f, fieldnames=kolommen, **opties)
        w.writeheader()
        w.writerows(rijen)


def schrijf_cijferbestand(regels: list[Cijferregel], pad: Path, vragen: list[str]) -> None:
    """Het cijferbestand voor de docent: Excel-NL (``;`` en decimale komma, UTF-8 met BOM).

    Kolommen: ``student_id, naam, punten, max_punten, cijfer, status, reden,
    handmatig_open`` en daarna de punten per vraag (leeg = nog te beoordelen).
    """
    kolommen = [
        "student_id",
        "naam",
        "punten",
        "max_punten",
        "cijfer",
        "status",
        "reden",
        "handmatig_open",
        *vragen,
    ]
    rijen = []
    for r in regels:
        rij = {
            "student_id": r.student_id,
            "naam": r.naam,
            "punten": nl(r.punten),
            "max_punten": nl(r.max_punten),
            "cijfer": nl(r.cijfer),
            "status": r.status,
            "reden": r.reden,
            "handmatig_open": ", ".join(r.handmatig_open),
        }
        rij.update({v: nl(r.per_vraag.get(v)) for v in vragen})
        rijen.append(rij)
    _csv(pad, kolommen, rijen, delimiter=";", encoding="utf-8-sig")


def _lms_punten(r: Cijferregel) -> str:
    """De punten voor een importbestand: punten, 0 bij geweigerd, leeg als nog voorlopig."""
    if r.status.startswith("niet nakijkbaar"):
        return "0"
    return "" if r.handmatig_open else f"{r.punten:g}"


def schrijf_brightspace(regels: list[Cijferregel], pad: Path, onderdeel: str) -> int:
    """Importbestand voor Brightspace (*Cijfers → Importeren*); geeft het aantal ingevulde cijfers.

    Elke ingeleverde student staat erin (niemand ontbreekt): nagekeken met zijn punten,
    niet nakijkbaar met 0 (zoals in het cijferbestand), en met een lege cel zolang er nog
    een vraag met de hand beoordeeld moet worden (dan wordt er niets voorlopigs
    gepubliceerd). Kolommen zoals het voorbeeldbestand van Brightspace:
    ``OrgDefinedId``, ``<onderdeel> Points Grade``, ``End-of-Line Indicator`` (``#``).
    """
    kolom = f"{onderdeel} Points Grade"
    rijen = [
        {"OrgDefinedId": r.student_id, kolom: _lms_punten(r), "End-of-Line Indicator": "#"}
        for r in regels
    ]
    _csv(pad, ["OrgDefinedId", kolom, "End-of-Line Indicator"], rijen)
    return sum(1 for r in rijen if r[kolom])


def schrijf_canvas(regels: list[Cijferregel], pad: Path, onderdeel: str) -> int:
    """Importbestand voor Canvas (*Cijfers → Importeren*); geeft het aantal ingevulde cijfers.

    De kolommen zijn die van een export uit het Canvas-cijferoverzicht: ``Student``,
    ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section`` en dan de opdracht. Canvas
    koppelt op ``SIS User ID`` (hier het studentnummer) als ``ID`` leeg is; een kolom met
    een nieuwe naam wordt in Canvas een nieuwe opdracht. Elke ingeleverde student staat
    erin, zoals bij :func:`schrijf_brightspace` (geweigerd 0, voorlopig leeg).
    """
    kolommen = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", onderdeel]
    rijen = [
        {
            "Student": r.naam,
            "ID": "",
            "SIS User ID": r.student_id,
            "SIS Login ID": "",
            "Section": "",
            onderdeel: _lms_punten(r),
        }
        for r in regels
    ]
    _csv(pad, kolommen, rijen)
    return sum(1 for r in rijen if r[onderdeel])
