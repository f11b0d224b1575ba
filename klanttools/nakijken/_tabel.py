"""Controle van een tabel of reeks (bijvoorbeeld een profiel per bedrijf) tegen de juiste waarden."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from klanttools.nakijken._basis import _TOLERANTIE_REKENRUIS, _fout


def controleer_tabel(
    antwoord: Any,
    verwacht: pd.DataFrame | pd.Series,
    *,
    naam: str = "je tabel",
    marge: float = 0.05,
    hint: str | None = None,
) -> None:
    """Controleer een tabel (DataFrame) of reeks (Series) tegen de verwachte waarden.

    De rijen en kolommen moeten dezelfde namen hebben (de volgorde maakt niet uit);
    elke waarde mag ``marge`` afwijken (standaard 0,05: afronden op één decimaal mag).
    De melding noemt waar het misgaat (welke rij, welke kolom), nooit de juiste waarde.
    Herkent omgedraaide rijen en kolommen, en een som in plaats van een gemiddelde.

    Parameters
    ----------
    antwoord : pandas.DataFrame or pandas.Series
        De tabel van de student.
    verwacht : pandas.DataFrame or pandas.Series
        De juiste tabel. Komt nooit in de melding.
    naam : str
        Hoe de tabel in de melding heet.
    marge : float, default 0.05
        Toegestaan verschil per waarde.
    hint : str, optional
        Extra uitleg als waarden niet kloppen.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> juist = pd.DataFrame({"OE": [3.2, 4.6], "CI": [4.4, 2.6]}, index=["K", "P"])
    >>> controleer_tabel(juist.round(1).loc[["P", "K"]], juist, naam="profielen")
    >>> controleer_tabel(juist.T, juist, naam="profielen")
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: profielen: rijen en kolommen zijn omgedraaid. Zet K en P in de rijen (de index) en OE en CI in de kolommen.
    >>> controleer_tabel(juist * 5, juist, naam="profielen")
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: profielen: de waarden zijn 5 keer te groot. Nam je de som in plaats van het gemiddelde (mean)?
    """
    is_tabel = isinstance(verwacht, pd.DataFrame)
    soort = "tabel (DataFrame)" if is_tabel else "reeks (Series, één kolom)"
    if not isinstance(antwoord, pd.DataFrame if is_tabel else pd.Series):
        raise _fout(
            f"{naam} is geen {soort} maar {type(antwoord).__name__}. Maak hem met pandas, "
            "zoals in de les."
        )
    rijen = [str(r) for r in verwacht.index]
    kolommen = [str(k) for k in verwacht.columns] if is_tabel else []
    eigen_rijen = [str(r) for r in antwoord.index]
    eigen_kolommen = [str(k) for k in antwoord.columns] if is_tabel else []
    if is_tabel and set(eigen_rijen) == set(kolommen) and set(eigen_kolommen) == set(rijen):
        raise _fout(
            f"{naam}: rijen en kolommen zijn omgedraaid. Zet {_lijst(rijen)} in de rijen (de "
            f"index) en {_lijst(kolommen)} in de kolommen."
        )
    ontbreekt = [k for k in kolommen if k not in eigen_kolommen]
    if ontbreekt:
        raise _fout(
            f"{naam}: de kolom(men) {_lijst(ontbreekt)} ontbreken. Nodig: {_lijst(kolommen)}."
        )
    ontbreekt = [r for r in rijen if r not in eigen_rijen]
    if ontbreekt:
        raise _fout(
            f"{naam}: de rij(en) {_lijst(ontbreekt)} ontbreken. Nodig: één rij per "
            f"{'bedrijf' if len(rijen) > 1 else 'waarde'}: {_lijst(rijen)}."
        )
    if len(set(eigen_rijen)) != len(eigen_rijen):
        raise _fout(f"{naam}: sommige rijen komen dubbel voor. Elke rij mag één keer voorkomen.")
    eigen = antwoord.copy()
    eigen.index = eigen_rijen
    if is_tabel:
        eigen.columns = eigen_kolommen
        eigen = eigen.loc[rijen, kolommen]
    else:
        eigen = eigen.loc[rijen]
    try:
        x = np.asarray(eigen, dtype=float)
    except (TypeError, ValueError):
        raise _fout(f"{naam}: niet alle waarden zijn getallen.") from None
    y = np.asarray(verwacht, dtype=float)
    goed = np.abs(x - y) <= marge + _TOLERANTIE_REKENRUIS * np.maximum(1.0, np.abs(y))
    if goed.all():
        return
    factor = _som_factor(x, y, marge)
    if factor is not None:
        raise _fout(
            f"{naam}: de waarden zijn {factor} keer te groot. Nam je de som in plaats van "
            "het gemiddelde (mean)?"
        )
    plek = np.argwhere(~np.atleast_2d(goed.reshape(len(rijen), -1)))[0]
    waar = f"rij {rijen[plek[0]]!r}" + (f", kolom {kolommen[plek[1]]!r}" if is_tabel else "")
    aantal = int((~goed).sum())
    raise _fout(
        f"{naam}: {aantal} {'waarde klopt' if aantal == 1 else 'waarden kloppen'} nog niet, "
        f"bijvoorbeeld in {waar}. " + (hint or "Controleer je berekening stap voor stap.")
    )


def _som_factor(x: np.ndarray, y: np.ndarray, marge: float) -> int | None:
    """Het gehele getal k ≥ 2 waarmee ``x`` overal ``k × y`` is (een som van k waarden in
    plaats van hun gemiddelde), of None.

    >>> _som_factor(np.array([10.0, 15.0]), np.array([2.0, 3.0]), 0.05)
    5
    >>> _som_factor(np.array([10.0, 16.0]), np.array([2.0, 3.0]), 0.05) is None
    True
    """
    niet_nul = np.abs(y) > marge
    if not niet_nul.any():
        return None
    verhouding = x[niet_nul] / y[niet_nul]
    if not np.isfinite(verhouding).all():
        return None
    k = int(round(float(np.median(verhouding))))
    if k >= 2 and np.allclose(x, y * k, atol=marge * k):
        return k
    return None


def _lijst(namen: list[str]) -> str:
    if len(namen) == 1:
        return namen[0]
    return ", ".join(namen[:-1]) + " en " + namen[-1]
