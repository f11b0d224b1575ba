"""Controles voor de NPS: tellen, de formule, de NPS zelf, het verschil en een eigen ``groep(score)``.

De bekende denkfouten zijn varianten van de berekening; een antwoord dat bij een variant past,
krijgt de hint van die denkfout (:data:`HINTS`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from klanttools._controle import als_scorearray, opsomming
from klanttools.nakijken._basis import (
    _TOLERANTIE_REKENRUIS,
    HINTS,
    AntwoordKloptNiet,
    _als_getal,
    _fout,
    _heel_getal_afgerond,
    _kort,
    _normaliseer_tekst,
    _past,
)
from klanttools.nps import CATEGORIEEN, categorie


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
