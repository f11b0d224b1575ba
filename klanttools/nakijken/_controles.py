"""De controles zelf: elke functie slaagt stil of geeft een :class:`AntwoordKloptNiet`.

Een controle noemt nooit het juiste antwoord. Ze zegt wat de student gaf en, als
het antwoord past bij een bekende denkfout, wat er waarschijnlijk misging.
"""

from __future__ import annotations

import itertools
import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import als_scorearray, is_leeg, opsomming
from klanttools.nps import CATEGORIEEN, categorie

__all__ = [
    "HINTS",
    "AntwoordKloptNiet",
    "controleer_aantallen",
    "controleer_categorie_functie",
    "controleer_gelijk",
    "controleer_is_getal",
    "controleer_keuze_letter",
    "controleer_keuze_woord",
    "controleer_nps",
    "controleer_nps_uit_aantallen",
    "controleer_tabel",
    "controleer_verschil",
]


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


# --------------------------------------------------------------------------
# NPS: de bekende denkfouten als varianten van de berekening
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Variant:
    waarde: float
    fouten: tuple[str, ...]
    schaal: float  # 100 voor punten, 1 voor een aandeel


def _nps_varianten(geldig: np.ndarray, leeg: int) -> list[_Variant]:
    """Alle combinaties van bekende denkfouten, met de NPS die eruit komt."""
    n = len(geldig)
    varianten: list[_Variant] = []
    promotorgrens = {9: (), 8: ("acht_als_promotor",), 7: ("passief_als_promotor",)}
    criticastergrens = {6: (), 5: ("zes_niet_criticaster",)}
    lege = {"weg": ()}
    if leeg:
        lege |= {"in_n": ("leeg_in_n",), "als_nul": ("leeg_als_nul",)}
    for (pmin, f1), (cmax, f2), (omgang, f3), (teken, f4), (schaal, f5) in itertools.product(
        promotorgrens.items(),
        criticastergrens.items(),
        lege.items(),
        ((1, ()), (-1, ("omgedraaid",))),
        ((100.0, ()), (1.0, ("aandeel",))),
    ):
        p = int((geldig >= pmin).sum())
        c = int((geldig <= cmax).sum()) + (leeg if omgang == "als_nul" else 0)
        noemer = n + (leeg if omgang != "weg" else 0)
        if noemer == 0:
            continue
        varianten.append(
            _Variant(teken * schaal * (p - c) / noemer, f1 + f2 + f3 + f4 + f5, schaal)
        )
    if n:
        p = int((geldig >= 9).sum())
        for schaal, extra in ((100.0, ()), (1.0, ("aandeel",))):
            varianten.append(_Variant(schaal * p / n, ("alleen_promotors", *extra), schaal))
        gemiddelde = float(geldig.mean())
        varianten.append(_Variant(gemiddelde, ("gemiddelde",), 100.0))
        varianten.append(_Variant(gemiddelde * 10, ("gemiddelde",), 100.0))
    return varianten


def _kies_variant(x: float, varianten: list[_Variant], marge: float) -> _Variant | None:
    """De variant die het antwoord het best verklaart.

    Eerst binnen ``marge`` (precies uitgerekend); daarna, alleen voor een afgerond
    antwoord en hoogstens één denkfout, binnen een half punt. Zo krijgt een willekeurig
    fout getal geen zelfverzekerde maar toevallige diagnose.
    """
    beste: tuple[tuple[bool, int, float], _Variant] | None = None
    for v in varianten:
        # afstand in punten: een aandeel van 0,01 telt als 1 punt
        punten = x * (100.0 / v.schaal)
        afstand = abs(x - v.waarde) * (100.0 / v.schaal)
        ruim = afstand > marge + _TOLERANTIE_REKENRUIS
        afgerond = abs(punten * 10 - round(punten * 10)) < 1e-6
        if ruim and (afstand > 0.5 + _TOLERANTIE_REKENRUIS or len(v.fouten) > 1 or not afgerond):
            continue
        sleutel = (ruim, len(v.fouten), afstand)
        if beste is None or sleutel < beste[0]:
            beste = (sleutel, v)
    return None if beste is None else beste[1]


def _hinttekst(fouten: Iterable[str]) -> str:
    fouten = list(dict.fromkeys(fouten))
    if len(fouten) == 1:
        return HINTS[fouten[0]]
    delen = " ".join(f"({i}) {HINTS[f]}" for i, f in enumerate(fouten, start=1))
    return f"Waarschijnlijk gingen er {len(fouten)} dingen mis. {delen}"


def controleer_nps(
    antwoord: Any,
    scores: Any,
    *,
    naam: str = "je NPS",
    marge: float = 0.05,
) -> None:
    """Controleer een berekende NPS, met een hint die de waarschijnlijke denkfout noemt.

    De juiste NPS wordt uit ``scores`` berekend (lege antwoorden tellen niet mee).
    Klopt het antwoord niet, dan probeert de controle het te verklaren met de
    bekende denkfouten, ook in combinatie: passief tevredenen (7–8) of alleen de
    8'en als promotor, de 6 niet als criticaster, criticasters − promotors
    (omgedraaid), een aandeel in plaats van punten (0.2 in plaats van 20), lege
    antwoorden meegeteld in n of als 0, alleen het percentage promotors, een
    gemiddelde score, en te grof afronden. De melding noemt de fout, niet het
    juiste antwoord.

    Parameters
    ----------
    antwoord : float
        De NPS van de student, in punten (−100 tot 100).
    scores : iterable of int or pandas.Series
        De antwoorden 0–10 waarop de NPS gebaseerd moet zijn (leeg mag).
    naam : str
        Hoe het antwoord in de melding heet.
    marge : float, default 0.05
        Toegestaan verschil in punten; 0.05 staat afronden op één decimaal toe.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> scores = [10, 9, 9, 8, 7, 6, 3, None]     # NPS = 100 × (3 − 2) / 7
    >>> controleer_nps(14.29, scores)
    >>> controleer_nps(-14.29, scores)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: je NPS = -14.29 klopt nog niet. Het teken van je antwoord lijkt omgedraaid: ...
    >>> controleer_nps(0.1429, scores)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: je NPS = 0.1429 klopt nog niet. Je antwoord lijkt een aandeel ...
    >>> controleer_nps("14%", scores)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: je NPS is tekst ('14%'), geen getal. Schrijf het getal zonder aanhalingstekens en zonder %-teken: het antwoord is een getal, geen percentage.
    """
    geldig, leeg = als_scorearray(scores)
    if len(geldig) == 0:
        raise ValueError("scores: er zijn geen geldige antwoorden; een NPS bestaat dan niet.")
    x = _als_getal(antwoord, naam)
    juist = 100.0 * (int((geldig >= 9).sum()) - int((geldig <= 6).sum())) / len(geldig)
    if _past(x, juist, marge) or _heel_getal_afgerond(x, juist):
        return
    kop = f"{naam} = {_kort(antwoord)} klopt nog niet."
    variant = _kies_variant(x, _nps_varianten(geldig, leeg), marge)
    if variant is not None:
        fouten = variant.fouten or ("afgerond",)
        raise _fout(f"{kop} {_hinttekst(fouten)}")
    if abs(x) > 100:
        raise _fout(
            f"{kop} Een NPS ligt altijd tussen −100 en +100: 100 als iedereen promotor is, "
            "−100 als iedereen criticaster is."
        )
    raise _fout(
        f"{kop} Controleer stap voor stap: (1) n = alleen de ingevulde scores; "
        "(2) promotors geven 9–10, criticasters 0–6; "
        "(3) NPS = % promotors − % criticasters, in punten."
    )


def controleer_verschil(
    antwoord: Any,
    oud: Any,
    nieuw: Any,
    *,
    naam: str = "het verschil",
    marge: float = 0.1,
) -> None:
    """Controleer het verschil tussen twee NPS-metingen (nieuw − oud, in punten).

    Parameters
    ----------
    antwoord : float
        Het verschil dat de student berekende.
    oud, nieuw : iterable of int or pandas.Series
        De scores van de eerdere en de latere meting.
    naam : str
        Hoe het antwoord in de melding heet.
    marge : float, default 0.1
        Toegestaan verschil; 0.1 staat rekenen met op één decimaal afgeronde NPS'en toe.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> oud, nieuw = [10, 6, 8, 9], [10, 9, 8, 9]     # NPS 25 en 75
    >>> controleer_verschil(50, oud, nieuw)
    >>> controleer_verschil(-50, oud, nieuw)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: het verschil = -50 klopt nog niet. Je verschil heeft het verkeerde teken: ...
    >>> controleer_verschil(200, oud, nieuw)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: het verschil = 200 klopt nog niet. Je berekende een procentuele verandering. ...
    """
    ga, la = als_scorearray(oud, "oud")
    gb, lb = als_scorearray(nieuw, "nieuw")
    if len(ga) == 0 or len(gb) == 0:
        raise ValueError("oud/nieuw: beide metingen moeten minstens één geldige score hebben.")
    x = _als_getal(antwoord, naam)

    def _nps(g: np.ndarray) -> float:
        return 100.0 * (int((g >= 9).sum()) - int((g <= 6).sum())) / len(g)

    a, b = _nps(ga), _nps(gb)
    juist = b - a
    if _past(x, juist, marge) or _heel_getal_afgerond(x, juist, ruimte=1.0):
        return
    varianten = [
        _Variant(-juist, ("verschil_omgedraaid",), 100.0),
        _Variant(juist / 100, ("aandeel",), 1.0),
        _Variant(-juist / 100, ("verschil_omgedraaid", "aandeel"), 1.0),
        _Variant(juist, (), 100.0),
    ]
    if a != 0:
        varianten.append(_Variant(100.0 * juist / abs(a), ("procentuele_verandering",), 100.0))
        varianten.append(_Variant(juist / abs(a), ("procentuele_verandering",), 1.0))
    kop = f"{naam} = {_kort(antwoord)} klopt nog niet."
    variant = _kies_variant(x, varianten, marge)
    if variant is not None:
        raise _fout(f"{kop} {_hinttekst(variant.fouten or ('afgerond',))}")
    raise _fout(
        f"{kop} Bereken eerst de NPS van elke meting apart en trek ze dan van elkaar af: "
        "NPS nieuw − NPS oud, in punten."
    )


def controleer_aantallen(
    promotors: Any,
    passief: Any,
    criticasters: Any,
    scores: Any,
    *,
    groepen: Iterable[str] = ("promotors", "passief", "criticasters"),
) -> None:
    """Controleer de aantallen promotors, passief tevredenen en criticasters.

    Parameters
    ----------
    promotors, passief, criticasters : int
        De aantallen van de student.
    scores : iterable of int or pandas.Series
        De antwoorden 0–10 (leeg mag; een leeg antwoord hoort bij geen groep).
    groepen : iterable of str, default alle drie
        Welke groepen deze controle beoordeelt. Geef er één per nbgrader-testcel
        (``groepen=["passief"]``) voor punten per groep.

    Raises
    ------
    AntwoordKloptNiet
        Eén melding voor alle groepen die niet kloppen, met een hint per groep.

    Examples
    --------
    >>> scores = [10, 9, 8, 7, 6, 2, None]
    >>> controleer_aantallen(2, 2, 2, scores)
    >>> controleer_aantallen(4, 0, 2, scores)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: promotors = 4 klopt nog niet. Het lijkt erop dat je de passief tevredenen (een 7 of 8) als promotor hebt geteld. ... passief = 0 klopt nog niet.
    """
    geldig, leeg = als_scorearray(scores)
    juist = {
        "promotors": int((geldig >= 9).sum()),
        "passief": int(((geldig >= 7) & (geldig <= 8)).sum()),
        "criticasters": int((geldig <= 6).sum()),
    }
    bekend: dict[str, dict[int, str]] = {
        "promotors": {
            int((geldig >= 8).sum()): "acht_als_promotor",
            int((geldig >= 7).sum()): "passief_als_promotor",
        },
        "passief": {
            int(((geldig >= 6) & (geldig <= 8)).sum()): "zes_niet_criticaster",
            int(((geldig >= 7) & (geldig <= 10)).sum()): "passief_als_promotor",
        },
        "criticasters": {
            int((geldig <= 5).sum()): "zes_niet_criticaster",
            int((geldig <= 6).sum()) + leeg: "leeg_als_criticaster",
            int((geldig <= 8).sum()): "passief_als_promotor",
        },
    }
    gegeven = {"promotors": promotors, "passief": passief, "criticasters": criticasters}
    gekozen = list(groepen)
    onbekend = [g for g in gekozen if g not in gegeven]
    if onbekend or not gekozen:
        raise ValueError(
            f"groepen: {onbekend or gekozen!r} is niet toegestaan. Toegestaan: een of meer van "
            "'promotors', 'passief' en 'criticasters'."
        )
    meldingen = []
    for groep in gekozen:
        waarde = gegeven[groep]
        x = _als_getal(waarde, groep)
        if _past(x, juist[groep], 0):
            continue
        sleutel = next(
            (f for k, f in bekend[groep].items() if k != juist[groep] and _past(x, k, 0)), None
        )
        meldingen.append(
            f"{groep} = {_kort(waarde)} klopt nog niet." + (f" {HINTS[sleutel]}" if sleutel else "")
        )
    if not meldingen:
        return
    try:
        som = sum(_als_getal(w, g) for g, w in gegeven.items())
    except AntwoordKloptNiet:
        som = math.nan
    if leeg and _past(som, len(geldig) + leeg, 0):
        meldingen.append(
            "Samen tellen je groepen op tot het aantal rijen inclusief de lege antwoorden; "
            "een leeg antwoord hoort bij geen enkele groep."
        )
    raise _fout(" ".join(meldingen))


def controleer_nps_uit_aantallen(
    antwoord: Any,
    promotors: Any,
    criticasters: Any,
    n: Any,
    *,
    naam: str = "je NPS",
    marge: float = 0.05,
) -> None:
    """Controleer of een NPS goed is uitgerekend uit de eigen aantallen van de student.

    Voor doorrekenpunten: wie bij het tellen een fout maakte maar daarna de formule
    goed toepast, krijgt voor de formule wél punten. De juiste NPS uit de data
    controleer je apart met :func:`controleer_nps`.

    Parameters
    ----------
    antwoord : float
        De NPS van de student.
    promotors, criticasters, n : int
        De aantallen van de student (``n`` = aantal geldige antwoorden).
    naam : str
        Hoe het antwoord in de melding heet.
    marge : float, default 0.05
        Toegestaan verschil in punten.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> controleer_nps_uit_aantallen(20.0, 90, 50, 200)
    >>> controleer_nps_uit_aantallen(28.57, 90, 50, 200)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: je NPS = 28.57 klopt nog niet (met jouw eigen aantallen). Het lijkt erop dat je alleen door promotors + criticasters deelde. ...
    """
    p = _als_getal(promotors, "promotors")
    c = _als_getal(criticasters, "criticasters")
    totaal = _als_getal(n, "n")
    if totaal <= 0:
        raise _fout(f"n = {_kort(n)}: het aantal geldige antwoorden moet groter zijn dan 0.")
    x = _als_getal(antwoord, naam)
    juist = 100.0 * (p - c) / totaal
    if _past(x, juist, marge) or _heel_getal_afgerond(x, juist):
        return
    varianten = [_Variant(juist, (), 100.0)]
    for teken, f_teken in ((1, ()), (-1, ("omgedraaid",))):
        for schaal, f_schaal in ((100.0, ()), (1.0, ("aandeel",))):
            varianten.append(
                _Variant(teken * schaal * (p - c) / totaal, f_teken + f_schaal, schaal)
            )
            if p + c > 0:
                varianten.append(
                    _Variant(
                        teken * schaal * (p - c) / (p + c),
                        ("passief_vergeten_in_n", *f_teken, *f_schaal),
                        schaal,
                    )
                )
    varianten.append(_Variant(100.0 * p / totaal, ("alleen_promotors",), 100.0))
    varianten.append(_Variant(p / totaal, ("alleen_promotors", "aandeel"), 1.0))
    kop = f"{naam} = {_kort(antwoord)} klopt nog niet (met jouw eigen aantallen)."
    variant = _kies_variant(x, varianten, marge)
    if variant is not None:
        raise _fout(f"{kop} {_hinttekst(variant.fouten or ('afgerond',))}")
    raise _fout(f"{kop} De formule is: NPS = (promotors − criticasters) / n × 100.")


_SYNONIEMEN = {
    "promotor": "promotor",
    "promotors": "promotor",
    "promoter": "promotor",
    "promoters": "promotor",
    "passief": "passief",
    "passieven": "passief",
    "passief tevreden": "passief",
    "passief tevredene": "passief",
    "passief tevredenen": "passief",
    "passive": "passief",
    "criticaster": "criticaster",
    "criticasters": "criticaster",
    "detractor": "criticaster",
    "detractors": "criticaster",
}


def _groep_van(label: Any) -> str | None:
    if not isinstance(label, str):
        return None
    return _SYNONIEMEN.get(_normaliseer_tekst(label))


def controleer_categorie_functie(
    functie: Callable[[int], Any],
    *,
    naam: str = "groep",
    scores: Iterable[int] = range(11),
) -> None:
    """Controleer een zelfgeschreven functie die bij één score de NPS-groep geeft.

    De functie moet ``"promotor"``, ``"passief"`` of ``"criticaster"`` teruggeven
    (hoofdletters, spaties en meervoud maken niet uit; ``"passief tevreden"`` en de
    Engelse ``"promoter"``/``"detractor"`` mogen ook).

    Parameters
    ----------
    functie : callable
        De functie van de student, bijvoorbeeld ``groep``.
    naam : str
        Naam van de functie in de melding.
    scores : iterable of int, default 0 t/m 10
        De scores om te proberen.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> def groep(score):
    ...     if score >= 8:
    ...         return "promotor"
    ...     elif score >= 7:
    ...         return "passief"
    ...     return "criticaster"
    >>> controleer_categorie_functie(groep, scores=[10, 7, 0])
    >>> controleer_categorie_functie(groep)
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: groep(8) gaf 'promotor'. Het lijkt erop dat je de 8'en als promotor hebt geteld. ...
    """
    if not callable(functie):
        raise _fout(
            f"{naam} is geen functie maar {_kort(functie)}. Schrijf een functie met "
            f"def {naam}(score): ... die een groep teruggeeft."
        )
    fout_per_score: dict[int, Any] = {}
    for s in scores:
        try:
            uitkomst = functie(s)
        except Exception as e:  # de fout van de student, netjes gemeld
            raise _fout(f"{naam}({s}) gaf een fout: {type(e).__name__}: {e}") from None
        groep = _groep_van(uitkomst)
        if groep is None:
            raise _fout(
                f"{naam}({s}) gaf {_kort(uitkomst)}. Geef precies één van deze woorden terug: "
                f"{opsomming([repr(c) for c in CATEGORIEEN])} (met return, niet met print)."
            )
        if groep != categorie(s):
            fout_per_score[s] = uitkomst
    if not fout_per_score:
        return
    fout_groep = {s: _groep_van(u) for s, u in fout_per_score.items()}
    if fout_groep.get(7) == "promotor":
        hint = HINTS["passief_als_promotor"]
    elif fout_groep.get(8) == "promotor":
        hint = HINTS["acht_als_promotor"]
    elif fout_groep.get(6) == "passief":
        hint = HINTS["zes_niet_criticaster"]
    else:
        hint = (
            "Kijk nog eens naar de grenzen: bij welke scores gaat de ene groep over in de andere?"
        )
    voorbeelden = [f"{naam}({s}) gaf {_kort(u)}" for s, u in fout_per_score.items()]
    raise _fout(f"{opsomming(voorbeelden, max_items=3)}. {hint}")


def controleer_keuze_letter(
    antwoord: Any,
    opties: str = "ABCD",
    *,
    juist: str | None = None,
    naam: str = "je antwoord",
    hints: Mapping[str, str] | None = None,
) -> None:
    """Controleer het antwoord op een meerkeuzevraag: één letter, en (verborgen) de juiste.

    Zonder ``juist`` controleert de functie alleen de vorm (zichtbare test); met
    ``juist`` ook of het de goede letter is (verborgen test). Kleine letters,
    spaties en een haakje of punt erachter (``"b)"``) mogen.

    Parameters
    ----------
    antwoord : str
        De letter van de student, bijvoorbeeld ``"B"``.
    opties : str, default "ABCD"
        De letters waaruit gekozen kan worden.
    juist : str, optional
        De juiste letter. Komt nooit in de melding.
    naam : str
        Naam van het antwoord in de melding, bijvoorbeeld ``"antwoord_7"``.
    hints : mapping, optional
        Fout antwoord (letter) → hint die uitlegt waarom die keuze niet klopt.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> controleer_keuze_letter("b)", naam="keuze")
    >>> controleer_keuze_letter("E", naam="keuze")
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: keuze = 'E'. Kies precies één letter: A, B, C of D.
    >>> controleer_keuze_letter("A", juist="C", naam="keuze",
    ...                         hints={"A": "Lees de definitie nog eens."})
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: keuze = 'A' is niet het juiste antwoord. Lees de definitie nog eens.
    """
    letters = list(opties.upper())
    keuze = opsomming(letters).replace(" en ", " of ")
    if not isinstance(antwoord, str):
        voorbeeld = f'{naam} = "{letters[0]}"' if naam.isidentifier() else f'"{letters[0]}"'
        raise _fout(
            f"{naam} = {_kort(antwoord)}. Geef één letter tussen aanhalingstekens, "
            f"bijvoorbeeld {voorbeeld}."
        )
    letter = antwoord.strip().upper().strip("().: ")
    if letter not in letters:
        raise _fout(f"{naam} = {antwoord!r}. Kies precies één letter: {keuze}.")
    if juist is None or letter == juist.strip().upper():
        return
    uitleg = (hints or {}).get(letter) or "Lees de vraag en alle antwoorden nog eens goed."
    raise _fout(f"{naam} = {letter!r} is niet het juiste antwoord. {uitleg}")


def controleer_keuze_woord(
    antwoord: Any,
    opties: Iterable[str],
    *,
    juist: str | None = None,
    naam: str = "je antwoord",
    hints: Mapping[str, str] | None = None,
    synoniemen: Mapping[str, str] | None = None,
) -> None:
    """Controleer een antwoord dat één woord uit een vaste lijst moet zijn.

    Zoals :func:`controleer_keuze_letter`, maar met woorden (``"suspect"``,
    ``"klantgerichtheid"``). Hoofdletters en spaties maken niet uit; ``synoniemen``
    zet andere schrijfwijzen om (``{"klantgericht": "klantgerichtheid"}``). Zonder
    ``juist`` alleen de vorm (zichtbare test), met ``juist`` ook de waarde.

    Parameters
    ----------
    antwoord : str
        Het woord van de student.
    opties : iterable of str
        De toegestane woorden.
    juist : str, optional
        Het juiste woord. Komt nooit in de melding.
    naam : str
        Naam van het antwoord in de melding.
    hints : mapping, optional
        Fout woord → hint die uitlegt waarom dat niet klopt.
    synoniemen : mapping, optional
        Andere schrijfwijze → woord uit ``opties``.

    Raises
    ------
    AntwoordKloptNiet

    Examples
    --------
    >>> controleer_keuze_woord(" Lead", ["suspect", "lead", "prospect"], naam="fase_c")
    >>> controleer_keuze_woord("klant", ["suspect", "lead", "prospect"], naam="fase_c")
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: fase_c = 'klant'. Kies precies één van: 'suspect', 'lead' of 'prospect'.
    >>> controleer_keuze_woord("suspect", ["suspect", "lead"], juist="lead", naam="fase_c",
    ...                        hints={"suspect": "Er is al contact."})
    Traceback (most recent call last):
    ...
    klanttools.nakijken.AntwoordKloptNiet: fase_c = 'suspect' is niet het juiste antwoord. Er is al contact.
    """
    woorden = [_normaliseer_tekst(o) for o in opties]
    andere = {_normaliseer_tekst(k): _normaliseer_tekst(v) for k, v in (synoniemen or {}).items()}
    keuze = opsomming([repr(o) for o in opties]).replace(" en ", " of ")
    if not isinstance(antwoord, str):
        raise _fout(
            f"{naam} = {_kort(antwoord)}. Geef één woord tussen aanhalingstekens, "
            f'bijvoorbeeld "{woorden[0]}".'
        )
    woord = _normaliseer_tekst(antwoord)
    woord = andere.get(woord, woord)
    if woord not in woorden:
        raise _fout(f"{naam} = {antwoord!r}. Kies precies één van: {keuze}.")
    if juist is None or woord == _normaliseer_tekst(juist):
        return
    uitleg = {_normaliseer_tekst(k): v for k, v in (hints or {}).items()}.get(woord)
    raise _fout(
        f"{naam} = {woord!r} is niet het juiste antwoord. "
        + (uitleg or "Lees de situatie en de uitleg in de les nog eens.")
    )


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
    for factor in (2, 3, 4, 5, 10, 15, 20):
        if np.allclose(x, y * factor, atol=marge * factor):
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


def _lijst(namen: list[str]) -> str:
    if len(namen) == 1:
        return namen[0]
    return ", ".join(namen[:-1]) + " en " + namen[-1]
