"""Basis van de controles: de fout :class:`AntwoordKloptNiet`, de hints en getallen vergelijken.

Zie :mod:`klanttools.nakijken._controles` voor het overzicht.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import is_leeg


class AntwoordKloptNiet(AssertionError):
    """Een antwoord klopt (nog) niet; de tekst zegt wat er waarschijnlijk misging.

    Een subklasse van ``AssertionError``: nbgrader en pytest behandelen hem als een
    gewone mislukte test, en in de feedback leest de student
    ``AntwoordKloptNiet: …`` in plaats van een Engelse foutnaam.

    Examples
    --------
    >>> issubclass(AntwoordKloptNiet, AssertionError)
    True
    """


AntwoordKloptNiet.__module__ = "klanttools.nakijken"


HINTS: dict[str, str] = {
    "passief_als_promotor": (
        "Het lijkt erop dat je de passief tevredenen (een 7 of 8) als promotor hebt "
        "geteld. Promotors geven alleen een 9 of een 10."
    ),
    "acht_als_promotor": (
        "Het lijkt erop dat je de 8'en als promotor hebt geteld. Als schoolcijfer is een 8 "
        "goed, maar in de NPS is wie een 8 geeft passief tevreden."
    ),
    "zes_niet_criticaster": (
        "Het lijkt erop dat je de 6'en niet als criticaster hebt geteld. Als schoolcijfer "
        "is een 6 een voldoende, maar in de NPS is iedereen met 0 tot en met 6 criticaster."
    ),
    "omgedraaid": (
        "Het teken van je antwoord lijkt omgedraaid: waarschijnlijk rekende je "
        "% criticasters − % promotors. Het is andersom: NPS = % promotors − % criticasters. "
        "(Eén van de bronsamenvattingen zegt het verkeerd.)"
    ),
    "aandeel": (
        "Je antwoord lijkt een aandeel (een getal tussen −1 en 1) in plaats van punten. "
        "De NPS is het verschil van twee percentages: vermenigvuldig de aandelen met 100. "
        "Schrijf dus bijvoorbeeld niet 0.25 maar 25."
    ),
    "leeg_in_n": (
        "Het lijkt erop dat je de lege antwoorden hebt meegeteld in n. Een leeg antwoord "
        "is geen antwoord: deel alleen door het aantal ingevulde scores."
    ),
    "leeg_als_nul": (
        "Het lijkt erop dat je lege antwoorden als een 0 hebt geteld (en dus als "
        "criticaster). Een leeg antwoord telt nergens mee: laat het weg."
    ),
    "leeg_als_criticaster": (
        "Het lijkt erop dat je de lege antwoorden bij de criticasters hebt geteld. Een "
        "leeg antwoord hoort bij geen enkele groep."
    ),
    "alleen_promotors": (
        "Je antwoord lijkt alleen het percentage promotors. Trek daar het percentage "
        "criticasters nog van af."
    ),
    "gemiddelde": (
        "Je antwoord lijkt een gemiddelde score. De NPS is geen gemiddelde, maar "
        "% promotors − % criticasters."
    ),
    "afgerond": (
        "Je antwoord ligt dicht bij het goede antwoord, maar is te grof afgerond. Rond niet "
        "af, of rond pas af op één decimaal."
    ),
    "verschil_omgedraaid": (
        "Je verschil heeft het verkeerde teken: reken nieuw − oud (de latere meting min de "
        "eerdere), zodat een stijging positief is."
    ),
    "passief_vergeten_in_n": (
        "Het lijkt erop dat je alleen door promotors + criticasters deelde. De passief "
        "tevredenen tellen wél mee in n: deel door alle geldige antwoorden."
    ),
    "procentuele_verandering": (
        "Je berekende een procentuele verandering. Het verschil tussen twee NPS'en geef je "
        "in punten: NPS nieuw − NPS oud, zonder te delen."
    ),
}
"""Hint per bekende denkfout. Een controle kiest de hint(s) die bij het antwoord passen."""

_TOLERANTIE_REKENRUIS = 1e-9


def _kort(waarde: Any) -> str:
    """Laat een antwoord kort zien, zoals de student het in Python ziet."""
    if isinstance(waarde, str):
        return repr(waarde)
    if isinstance(waarde, bool | np.bool_):
        return str(bool(waarde))
    if isinstance(waarde, numbers.Integral):
        return str(int(waarde))
    if isinstance(waarde, numbers.Real):
        x = float(waarde)
        return repr(x) if len(repr(x)) <= 12 else f"{x:.6g}"
    tekst = repr(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "..."


def _fout(tekst: str) -> AntwoordKloptNiet:
    return AntwoordKloptNiet(tekst)


_GETAL_IN_TEKST = re.compile(r"^\s*[-+−]?\d+([.,]\d+)?\s*%?\s*$")


def _als_getal(antwoord: Any, naam: str) -> float:
    """Maak van een antwoord een float, of geef een fout die zegt wat er mis is."""
    if isinstance(antwoord, pd.Series | pd.Index | np.ndarray | list | tuple):
        waarden = list(np.asarray(antwoord, dtype=object).ravel())
        if len(waarden) == 1:
            antwoord = waarden[0]
        else:
            raise _fout(
                f"{naam} is een reeks van {len(waarden)} waarden ({type(antwoord).__name__}), "
                "geen los getal. Moest er nog een som, telling of deling bij, "
                "bijvoorbeeld .sum() of len(...)?"
            )
    if isinstance(antwoord, pd.DataFrame):
        raise _fout(f"{naam} is een hele tabel (DataFrame), geen los getal.")
    if antwoord is None or antwoord is Ellipsis:
        raise _fout(f"{naam} is nog leeg ({antwoord!r}). Vul je antwoord in en voer de cel uit.")
    if isinstance(antwoord, bool | np.bool_):
        raise _fout(f"{naam} is {bool(antwoord)} (waar/onwaar), geen getal.")
    if isinstance(antwoord, str):
        if _GETAL_IN_TEKST.match(antwoord):
            extra = ""
            if "%" in antwoord:
                extra = " en zonder %-teken: het antwoord is een getal, geen percentage"
            elif "," in antwoord:
                extra = " en met een punt als decimaalteken (Python schrijft 2.5, niet 2,5)"
            raise _fout(
                f"{naam} is tekst ({antwoord!r}), geen getal. Schrijf het getal zonder "
                f"aanhalingstekens{extra}."
            )
        raise _fout(f"{naam} is tekst ({antwoord!r}), geen getal.")
    if is_leeg(antwoord):
        raise _fout(
            f"{naam} is leeg (NaN of NA). Zat er een leeg antwoord in je berekening, of "
            "deelde je 0 door 0?"
        )
    if not isinstance(antwoord, numbers.Real):
        raise _fout(f"{naam} is van het type {type(antwoord).__name__}, geen getal.")
    x = float(antwoord)
    if math.isinf(x):
        raise _fout(f"{naam} is oneindig ({x}). Deelde je door 0?")
    return x


def controleer_is_getal(
    antwoord: Any,
    naam: str = "je antwoord",
    *,
    geheel: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
) -> None:
    """Controleer alleen de vorm van een antwoord: is het een getal binnen de grenzen?

    Handig als zichtbare test: de student ziet meteen of het antwoord de goede vorm
    heeft, zonder dat de test iets over de waarde verraadt.

    Parameters
    ----------
    antwoord : object
        Het antwoord van de student.
    naam : str
        Hoe het antwoord in de melding heet, bijvoorbeeld ``"n_geldig"``.
    geheel : bool, default False
        Moet het een heel getal zijn (een aantal)?
    minimum, maximum : float, optional
        Grenzen (inclusief).

    Raises
    ------
    AntwoordKloptNiet
        Met een Nederlandse uitleg als de vorm niet klopt.

    Examples
    --------
    >>> controleer_is_getal(120, "n_geldig", geheel=True, minimum=0)
    >>> controleer_is_getal("120", "n_geldig")
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: n_geldig is tekst ('120'), geen getal. Schrijf het getal zonder aanhalingstekens.
    >>> controleer_is_getal(27.5, "n_geldig", geheel=True)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: n_geldig = 27.5 is geen heel getal; een aantal is altijd heel.
    """
    x = _als_getal(antwoord, naam)
    if geheel and not x.is_integer():
        raise _fout(f"{naam} = {_kort(antwoord)} is geen heel getal; een aantal is altijd heel.")
    if minimum is not None and x < minimum:
        raise _fout(f"{naam} = {_kort(antwoord)} is kleiner dan {minimum:g}; dat kan niet.")
    if maximum is not None and x > maximum:
        raise _fout(f"{naam} = {_kort(antwoord)} is groter dan {maximum:g}; dat kan niet.")


def _normaliseer_tekst(tekst: str) -> str:
    return " ".join(tekst.split()).casefold()


def _past(x: float, y: float, marge: float) -> bool:
    return abs(x - y) <= marge + _TOLERANTIE_REKENRUIS * max(1.0, abs(y))


AFRONDINGSNOOT = (
    "Goed gerekend; je antwoord is afgerond op een heel getal. Dat is hier genoeg voor de "
    "punten. Tip: rond pas af als je het getal opschrijft, en dan op één decimaal: bij het "
    "vergelijken van metingen kan een half punt uitmaken."
)
"""De Nederlandse opmerking bij een goed, maar op een heel getal afgerond antwoord."""


def _heel_getal_afgerond(x: float, juist: float, ruimte: float = 0.5) -> bool:
    """Is ``x`` het juiste antwoord, afgerond op een heel getal? Dan telt het als goed.

    ``ruimte`` is 0,5 voor één afgerond getal en 1 voor een verschil van twee afgeronde
    getallen. Het antwoord moet zelf een heel getal zijn: 10,4 bij 10,0 blijft fout.
    """
    if abs(x - round(x)) > _TOLERANTIE_REKENRUIS or not _past(x, juist, ruimte):
        return False
    print(AFRONDINGSNOOT)
    return True


def controleer_gelijk(
    antwoord: Any,
    verwacht: Any,
    *,
    naam: str = "je antwoord",
    marge: float = 0.0,
    bekende_fouten: Mapping[Any, str] | None = None,
    hint: str | None = None,
) -> None:
    """Controleer een antwoord tegen de verwachte waarde, met een hint bij bekende fouten.

    Parameters
    ----------
    antwoord : object
        Het antwoord van de student.
    verwacht : float, int, str or bool
        Het juiste antwoord. Komt nooit in de melding.
    naam : str
        Hoe het antwoord in de melding heet.
    marge : float, default 0
        Toegestaan verschil bij getallen (bijvoorbeeld 0.05 voor afronden op één decimaal).
    bekende_fouten : mapping, optional
        Fout antwoord → hint, voor fouten die vaak voorkomen. Getallen passen binnen
        dezelfde ``marge``; tekst zonder verschil in hoofdletters en spaties.
    hint : str, optional
        Algemene hint als het antwoord fout is en niet bij een bekende fout past.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> controleer_gelijk(120, 120, naam="n_geldig")
    >>> controleer_gelijk(122, 120, naam="n_geldig",
    ...                   bekende_fouten={122: "Telde je de lege antwoorden mee?"})
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: n_geldig = 122 klopt nog niet. Telde je de lege antwoorden mee?
    >>> controleer_gelijk(" Passief", "passief", naam="groep")
    """
    fouten = dict(bekende_fouten or {})
    if isinstance(verwacht, bool | np.bool_):
        if not isinstance(antwoord, bool | np.bool_):
            raise _fout(
                f"{naam} = {_kort(antwoord)}; geef True of False (zonder aanhalingstekens)."
            )
        goed = bool(antwoord) == bool(verwacht)
        gevonden = fouten.get(bool(antwoord))
        waarde_tekst = str(bool(antwoord))
    elif isinstance(verwacht, str):
        if not isinstance(antwoord, str):
            raise _fout(f"{naam} = {_kort(antwoord)}; geef tekst tussen aanhalingstekens.")
        goed = _normaliseer_tekst(antwoord) == _normaliseer_tekst(verwacht)
        gevonden = next(
            (
                h
                for k, h in fouten.items()
                if _normaliseer_tekst(str(k)) == _normaliseer_tekst(antwoord)
            ),
            None,
        )
        waarde_tekst = repr(antwoord)
    elif isinstance(verwacht, numbers.Real):
        x = _als_getal(antwoord, naam)
        goed = _past(x, float(verwacht), marge)
        gevonden = next(
            (
                h
                for k, h in fouten.items()
                if isinstance(k, numbers.Real) and _past(x, float(k), marge)
            ),
            None,
        )
        waarde_tekst = _kort(antwoord)
    else:
        raise TypeError(
            f"verwacht: {type(verwacht).__name__} wordt niet ondersteund. "
            "Toegestaan: een getal, tekst of True/False."
        )
    if goed:
        return
    uitleg = gevonden or hint
    raise _fout(f"{naam} = {waarde_tekst} klopt nog niet." + (f" {uitleg}" if uitleg else ""))
