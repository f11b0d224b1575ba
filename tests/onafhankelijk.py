"""Eigen rekenwerk voor de tests: de NPS-formules uit CONTENT.md, zonder ``klanttools``.

Tests die controleren wat een student ziet (grafieken, lessen, widgets) nemen hun
verwachte waarden hieruit, niet uit de rekenkern zelf: zo valt een fout in de rekenkern
of in de weergave op, in plaats van dat de test dezelfde fout herhaalt.

Examples
--------
>>> m = Meting(promotors=90, passief=60, criticasters=50)
>>> nl(m.nps), nl(m.marge())
('20,0', '11,3')
>>> tel([10, 9, 8, 6, None])
Meting(promotors=2, passief=1, criticasters=1, leeg=1)
>>> nl(-10.606), nl(1234.5, 0), nl(-0.04)
('-10,6', '1.234', '0,0')
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "data"
Z = {0.90: 1.6448536269514722, 0.95: 1.959963984540054, 0.99: 2.5758293035489004}
"""z-waarden (tweezijdig) per betrouwbaarheid."""


def nl(waarde: float, decimalen: int = 1) -> str:
    """Nederlandse opmaak zoals de kit belooft: komma, punt voor duizendtallen, minteken -."""
    tekst = f"{abs(waarde):,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if round(waarde, decimalen) < 0 else "") + tekst


@dataclass(frozen=True)
class Meting:
    """Aantallen van één meting; NPS, standaardfout en marge volgens CONTENT.md."""

    promotors: int
    passief: int
    criticasters: int
    leeg: int = 0

    @property
    def n(self) -> int:
        return self.promotors + self.passief + self.criticasters

    @property
    def nps(self) -> float:
        return 100 * (self.promotors - self.criticasters) / self.n

    @property
    def se(self) -> float:
        """SE = 100 √(σ²/n) met σ² = p + d − (p − d)²."""
        p, d = self.promotors / self.n, self.criticasters / self.n
        return 100 * math.sqrt((p + d - (p - d) ** 2) / self.n)

    def marge(self, betrouwbaarheid: float = 0.95) -> float:
        return Z[betrouwbaarheid] * self.se


def tel(scores: Iterable) -> Meting:
    """Tel promotors (9–10), passief (7–8), criticasters (0–6) en lege antwoorden."""
    alle = list(scores)
    geldig = [int(s) for s in alle if s is not None and not pd.isna(s)]
    return Meting(
        promotors=sum(s >= 9 for s in geldig),
        passief=sum(7 <= s <= 8 for s in geldig),
        criticasters=sum(s <= 6 for s in geldig),
        leeg=len(alle) - len(geldig),
    )


def p_waarde(a: Meting, b: Meting) -> float:
    """Tweezijdige p-waarde voor het verschil tussen twee onafhankelijke metingen."""
    z = (b.nps - a.nps) / math.hypot(a.se, b.se)
    return math.erfc(abs(z) / math.sqrt(2))


def enquete() -> pd.DataFrame:
    """De NPS-enquête rechtstreeks uit de CSV (niet via klanttools.datasets)."""
    return pd.read_csv(DATA / "nps_enquete.csv", dtype={"score": "Int64"})
