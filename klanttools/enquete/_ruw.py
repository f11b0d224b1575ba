"""Gedeelde bouwstenen voor het lezen: de ruwe tabel en de standaardfoutmelding."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["TOEGESTAAN", "RuweTabel", "fout"]

TOEGESTAAN = (
    "een Excel-werkmap (.xlsx) of een CSV-bestand (.csv) zoals Microsoft Forms, "
    "Google Forms, Qualtrics, SurveyMonkey of Excel die exporteren"
)


@dataclass
class RuweTabel:
    """Alle cellen van een bestand, nog zonder kopregel en zonder omzetting.

    Attributes
    ----------
    tabel : pandas.DataFrame
        Kolommen 0, 1, 2, …; dtype object. Lege cellen zijn NaN (CSV) of None (xlsx).
    eerste_rij : int
        Het rijnummer dat een spreadsheetgebruiker ziet bij ``tabel.iloc[0]``.
    soort : str
        ``"csv"`` of ``"xlsx"``.
    """

    tabel: pd.DataFrame
    eerste_rij: int
    soort: str
    codering: str | None = None
    scheidingsteken: str | None = None
    werkblad: str | None = None
    opmerkingen: list[str] = field(default_factory=list)


def fout(p: Path, wat: str) -> ValueError:
    """Een ValueError die zegt wat het bestand wél is en wat er mag."""
    return ValueError(f"pad: '{p.name}' is {wat}. Toegestaan: {TOEGESTAAN}.")
