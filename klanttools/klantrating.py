"""Customer rating: accounts waarderen met criteria, gewichten en twee cut-offregels.

Accountmanagement begint met het groeperen en selecteren van accounts. Bij een
customer rating kies je eerst een paar selectiecriteria (bijvoorbeeld omzetpotentie,
relatie en betrouwbaarheid), geef je elk criterium een gewicht en scoor je elk
account op elk criterium. De waarde van een account is dan de som van
gewicht × score over alle criteria.

Daarna kun je accounts laten afvallen met twee **verschillende** cut-offregels:

* een **knock-out per criterium** (``minimum_per_criterium``): scoort een account
  op één criterium te laag, dan valt het af, hoe hoog het totaal ook is;
* een **minimumtotaal** (``minimum_totaal``): de gewogen som moet hoog genoeg zijn.

Een voorbeeld als "cut-off 5 of eindwaarde 50" noemt twee regels in één adem. Deze
module houdt ze uit elkaar en zegt bij elk afgevallen account welke regel de
doorslag gaf.

Examples
--------
>>> import pandas as pd
>>> scores = pd.DataFrame(
...     {"omzetpotentie": [8, 9], "relatie": [6, 8], "betrouwbaarheid": [7, 3]},
...     index=["Bakker BV", "De Vries"],
... )
>>> tabel = klantrating(scores, {"omzetpotentie": 5, "relatie": 3, "betrouwbaarheid": 2},
...                     minimum_per_criterium=5)
>>> tabel[["totaal", "rang", "geselecteerd"]]
           totaal  rang  geselecteerd
De Vries     75.0     1         False
Bakker BV    72.0     2          True
>>> tabel.loc["De Vries", "reden"]
'knock-out: betrouwbaarheid 3 < 5'
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import (
    controleer_getal,
    controleer_sleutels,
    getal_nl,
    is_leeg,
    opsomming,
    toon,
)

__all__ = ["UITVOERKOLOMMEN", "klantrating"]

UITVOERKOLOMMEN: tuple[str, ...] = ("totaal", "rang", "geselecteerd", "reden")
"""De kolommen die :func:`klantrating` aan de scores toevoegt, in deze volgorde."""

_DECIMALEN_TOTAAL = 10
"""Het totaal wordt op zoveel decimalen afgerond om rekenruis weg te nemen."""


# ---------------------------------------------------------------------------
# Hulpfuncties (ook gebruikt door klanttools.klantgroepen)
# ---------------------------------------------------------------------------


def _plaats(rij: Any, kolom: Any, rijwoord: str, kolomwoord: str | None) -> str:
    """Beschrijf één cel voor in een foutmelding, bijvoorbeeld "account 'X', criterium 'Y'"."""
    tekst = f"{rijwoord} {toon(rij)}"
    if kolomwoord is not None:
        tekst += f", {kolomwoord} {toon(kolom)}"
    return tekst


def _als_getallen(
    tabel: pd.DataFrame,
    naam: str,
    *,
    rijwoord: str = "account",
    kolomwoord: str | None = "criterium",
) -> pd.DataFrame:
    """Zet een tabel om in float64 en weiger tekst, lege cellen en oneindige getallen.

    Elke fout noemt het argument en de plaats (rij en kolom) van de foute cellen.
    Er verdwijnt nooit stil een rij: een lege cel is een fout, geen overgeslagen rij.
    """
    toegestaan = "een eindig getal in elke cel"
    waarheid: list[Any] = []
    tekst: list[str] = []
    leeg: list[str] = []
    oneindig: list[str] = []
    kolommen: list[np.ndarray] = []
    rijen = tabel.index
    for positie, kolom in enumerate(tabel.columns):
        reeks = tabel.iloc[:, positie]
        dtype = reeks.dtype
        if pd.api.types.is_bool_dtype(dtype):
            waarheid.append(kolom)
            continue
        fout = np.zeros(len(reeks), dtype=bool)
        if pd.api.types.is_numeric_dtype(dtype) and not isinstance(dtype, pd.CategoricalDtype):
            waarden = reeks.to_numpy(dtype="float64", na_value=np.nan)
        else:
            objecten = reeks.astype(object).to_numpy()
            waarden = np.full(len(objecten), np.nan)
            for i, waarde in enumerate(objecten):
                if is_leeg(waarde):
                    continue
                if isinstance(waarde, bool | np.bool_) or not isinstance(waarde, numbers.Real):
                    fout[i] = True
                    tekst.append(
                        f"{toon(waarde)} ({_plaats(rijen[i], kolom, rijwoord, kolomwoord)})"
                    )
                    continue
                waarden[i] = float(waarde)
        for i in np.flatnonzero(np.isnan(waarden) & ~fout):
            leeg.append(_plaats(rijen[i], kolom, rijwoord, kolomwoord))
        for i in np.flatnonzero(np.isinf(waarden)):
            oneindig.append(
                f"{toon(float(waarden[i]))} ({_plaats(rijen[i], kolom, rijwoord, kolomwoord)})"
            )
        kolommen.append(waarden)
    if waarheid:
        raise TypeError(
            f"{naam}: {kolomwoord or 'kolom'} {opsomming([toon(k) for k in waarheid])} "
            f"bevat waarheidswaarden (True/False), geen getallen. Toegestaan: {toegestaan}."
        )
    if tekst:
        raise TypeError(
            f"{naam}: {len(tekst)} {'cel bevat' if len(tekst) == 1 else 'cellen bevatten'} "
            f"geen getal: {opsomming(tekst)}. Toegestaan: {toegestaan}. Zet tekst eerst om, "
            "bijvoorbeeld met pd.to_numeric(..., errors='raise')."
        )
    if leeg:
        raise ValueError(
            f"{naam}: {len(leeg)} {'waarde ontbreekt' if len(leeg) == 1 else 'waarden ontbreken'}: "
            f"{opsomming(leeg)}. Toegestaan: {toegestaan}; vul de ontbrekende waarden in of "
            "laat die rij bewust weg (niets wordt stil overgeslagen)."
        )
    if oneindig:
        raise ValueError(
            f"{naam}: {len(oneindig)} {'waarde is' if len(oneindig) == 1 else 'waarden zijn'} "
            f"oneindig: {opsomming(oneindig)}. Toegestaan: {toegestaan}."
        )
    return pd.DataFrame(
        np.column_stack(kolommen), index=tabel.index, columns=tabel.columns, dtype="float64"
    )


def _dubbele(labels: pd.Index) -> list[str]:
    """De labels die meer dan eens voorkomen, klaar voor een foutmelding."""
    return [toon(label) for label in labels[labels.duplicated()].unique()]


def _toon_getal(waarde: float, minimaal: int = 0, *, onder: float | None = None) -> str:
    """Toon een getal met zo weinig decimalen als nodig (Nederlandse komma).

    Met ``onder`` komen er decimalen bij tot het getal zichtbaar kleiner is dan
    ``onder``, zodat een reden nooit "50,0 < 50" zegt.
    """
    for decimalen in range(minimaal, 7):
        afgerond = round(waarde, decimalen)
        if afgerond == waarde or (onder is not None and decimalen >= 2 and afgerond < onder):
            return getal_nl(waarde, decimalen)
    return getal_nl(waarde, 6)


# ---------------------------------------------------------------------------
# Controle van de argumenten
# ---------------------------------------------------------------------------


def _controleer_scores(scores: Any) -> pd.DataFrame:
    """Controleer de vorm van de scoretabel en geef de scores als float64 terug."""
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(
            "scores: verwacht een pandas DataFrame met één rij per account en één kolom per "
            f"criterium, kreeg {type(scores).__name__}."
        )
    aantal_rijen, aantal_kolommen = scores.shape
    if aantal_rijen == 0 or aantal_kolommen == 0:
        raise ValueError(
            f"scores: de tabel is leeg ({aantal_rijen} rijen, {aantal_kolommen} kolommen). "
            "Nodig: minstens één account (rij) en één criterium (kolom)."
        )
    dubbel = _dubbele(scores.index)
    if dubbel:
        raise ValueError(
            f"scores: account {opsomming(dubbel)} komt meer dan eens voor in de index. "
            "Toegestaan: elk account precies één rij; tel of middel eerst per account."
        )
    dubbel = _dubbele(scores.columns)
    if dubbel:
        raise ValueError(
            f"scores: criterium {opsomming(dubbel)} komt meer dan eens voor als kolom. "
            "Toegestaan: elk criterium precies één kolom."
        )
    bezet = [k for k in scores.columns if k in UITVOERKOLOMMEN]
    if bezet:
        raise ValueError(
            f"scores: kolom {opsomming([toon(k) for k in bezet])} heeft een naam die klantrating "
            f"zelf toevoegt ({opsomming([repr(k) for k in UITVOERKOLOMMEN])}). "
            "Geef dat criterium een andere naam."
        )
    return _als_getallen(scores, "scores")


def _als_dict(waarde: Mapping[Any, Any] | pd.Series, naam: str) -> dict[Any, Any]:
    """Zet een dict of pandas Series om in een gewone dict (dubbele sleutels zijn fout)."""
    if isinstance(waarde, pd.Series):
        dubbel = _dubbele(waarde.index)
        if dubbel:
            raise ValueError(
                f"{naam}: criterium {opsomming(dubbel)} komt meer dan eens voor. "
                "Toegestaan: elk criterium één keer."
            )
        return dict(zip(waarde.index, waarde.tolist(), strict=True))
    return dict(waarde)


def _controleer_gewichten(gewichten: Any, criteria: list[Any]) -> pd.Series:
    """Controleer de gewichten en geef ze terug als Series in de volgorde van de criteria."""
    if not isinstance(gewichten, Mapping | pd.Series):
        raise TypeError(
            "gewichten: verwacht een dict (of pandas Series) van criterium naar gewicht, "
            f"bijvoorbeeld {{{criteria[0]!r}: 3}}, kreeg {type(gewichten).__name__}."
        )
    gewichten = _als_dict(gewichten, "gewichten")
    controleer_sleutels(gewichten, "gewichten", criteria)
    for criterium, gewicht in gewichten.items():
        controleer_getal(gewicht, f"gewichten[{criterium!r}]", minimum=0)
    reeks = pd.Series([float(gewichten[c]) for c in criteria], index=criteria, dtype="float64")
    if not (reeks > 0).any():
        raise ValueError(
            "gewichten: alle gewichten zijn 0, dus elk totaal wordt 0. "
            "Toegestaan: gewichten van 0 of meer, waarvan minstens één groter dan 0."
        )
    return reeks


def _controleer_minimum_per_criterium(minimum: Any, criteria: list[Any]) -> dict[Any, float]:
    """Zet de knock-outgrenzen om in een dict criterium -> minimum (alleen de gekozen criteria)."""
    if minimum is None:
        return {}
    if isinstance(minimum, Mapping | pd.Series):
        minimum = _als_dict(minimum, "minimum_per_criterium")
        controleer_sleutels(minimum, "minimum_per_criterium", criteria, alle_nodig=False)
        return {
            c: float(controleer_getal(minimum[c], f"minimum_per_criterium[{c!r}]"))
            for c in criteria
            if c in minimum
        }
    if isinstance(minimum, bool) or not isinstance(minimum, numbers.Real):
        raise TypeError(
            f"minimum_per_criterium: {toon(minimum)} is geen getal en geen dict. Toegestaan: "
            "None (geen knock-out), één getal voor alle criteria, of een dict van criterium "
            "naar minimum."
        )
    grens = float(controleer_getal(minimum, "minimum_per_criterium"))
    return dict.fromkeys(criteria, grens)


def _controleer_minimum_totaal(minimum: Any) -> float | None:
    """Controleer het minimumtotaal (None = geen minimum)."""
    if minimum is None:
        return None
    if isinstance(minimum, bool) or not isinstance(minimum, numbers.Real):
        raise TypeError(
            f"minimum_totaal: {toon(minimum)} is geen getal. Toegestaan: None (geen minimum) "
            "of één getal voor het gewogen totaal."
        )
    return float(controleer_getal(minimum, "minimum_totaal"))


# ---------------------------------------------------------------------------
# De rekenfunctie
# ---------------------------------------------------------------------------


def klantrating(
    scores: pd.DataFrame,
    gewichten: Mapping[Any, float] | pd.Series,
    minimum_per_criterium: float | Mapping[Any, float] | pd.Series | None = None,
    minimum_totaal: float | None = None,
) -> pd.DataFrame:
    """Bereken de customer rating: gewogen totaal, rang en selectie per account.

    Parameters
    ----------
    scores : pandas.DataFrame
        Eén rij per account (de index is de naam of het nummer van het account) en
        één kolom per criterium. Elke cel is een eindig getal. De schaal ligt niet
        vast: 1–10, 1–5 of 0–100 mag allemaal, zolang je binnen één tabel dezelfde
        afspraak gebruikt. Lege cellen en tekst geven een fout; er wordt nooit
        stil een account overgeslagen.
    gewichten : dict of pandas.Series
        Per criterium het gewicht (een getal van 0 of meer). Elk criterium uit
        ``scores`` heeft precies één gewicht nodig, en een gewicht voor een
        criterium dat niet in ``scores`` staat is een fout (meestal een tikfout).
        De gewichten hoeven niet op te tellen tot 1 of 100: het totaal is gewoon
        Σ gewicht × score. Tellen ze op tot 1, dan is het totaal een gewogen
        gemiddelde op de schaal van de scores.
    minimum_per_criterium : getal, dict of pandas.Series, optioneel
        De **knock-outregel**. Eén getal geldt voor alle criteria; een dict geeft
        alleen voor de genoemde criteria een minimum. Een account dat op een
        criterium onder het minimum scoort, valt af, ongeacht het totaal.
        ``None`` (standaard): geen knock-out.
    minimum_totaal : getal, optioneel
        De **minimumtotaalregel**: het gewogen totaal moet minstens dit getal
        zijn. ``None`` (standaard): geen minimum.

    Returns
    -------
    pandas.DataFrame
        Een kopie van ``scores`` met vier extra kolommen, gesorteerd op rang:

        ``totaal``
            Σ gewicht × score (float).
        ``rang``
            1 = hoogste totaal. Gelijke totalen krijgen dezelfde (laagste) rang,
            zoals bij een sportuitslag: 1, 2, 2, 4. De rang telt alle accounts
            mee, ook de afgevallen, zodat je ziet dat een hoog totaal een
            knock-out niet goedmaakt.
        ``geselecteerd``
            ``True`` als het account door beide regels komt.
        ``reden``
            Waarom een account afviel, met de naam van de regel:
            ``"knock-out: ..."`` en/of ``"minimumtotaal: ..."``; een lege tekst
            als het account geselecteerd is.

    Raises
    ------
    TypeError
        Als ``scores`` geen DataFrame is, als een cel tekst of True/False bevat,
        of als een gewicht of minimum geen getal is.
    ValueError
        Bij een lege tabel, een ontbrekende of oneindige score, dubbele accounts
        of criteria, een ontbrekend, negatief of onbekend gewicht, een onbekend
        criterium in ``minimum_per_criterium``, of als alle gewichten 0 zijn.

    Notes
    -----
    Beide regels zijn **inclusief**: een score of totaal precies gelijk aan het
    minimum komt erdoor. Het totaal wordt op 10 decimalen afgerond, zodat
    rekenruis (zoals 0,1 + 0,2 = 0,30000000000000004) nooit beslist over een
    selectie. Accounts met hetzelfde totaal houden hun oorspronkelijke volgorde.

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame(
    ...     {
    ...         "omzetpotentie": [8, 9, 5, 6],
    ...         "relatie": [6, 8, 5, 3],
    ...         "betrouwbaarheid": [7, 3, 4, 4],
    ...     },
    ...     index=["Bakker BV", "De Vries", "Jansen", "Smit"],
    ... )
    >>> gewichten = {"omzetpotentie": 5, "relatie": 3, "betrouwbaarheid": 2}
    >>> tabel = klantrating(scores, gewichten, minimum_per_criterium=4, minimum_totaal=50)
    >>> tabel[["totaal", "rang", "geselecteerd"]]
               totaal  rang  geselecteerd
    De Vries     75.0     1         False
    Bakker BV    72.0     2          True
    Jansen       48.0     3         False
    Smit         47.0     4         False
    >>> for account, reden in tabel["reden"].items():
    ...     print(f"{account}: {reden!r}")
    De Vries: 'knock-out: betrouwbaarheid 3 < 4'
    Bakker BV: ''
    Jansen: 'minimumtotaal: 48,0 < 50'
    Smit: 'knock-out: relatie 3 < 4; minimumtotaal: 47,0 < 50'

    Een gewicht voor een criterium dat niet in de scores staat, wordt niet stil
    genegeerd:

    >>> klantrating(scores, {**gewichten, "betrouwbaarheid ": 1})
    Traceback (most recent call last):
    ...
    ValueError: gewichten: onbekende sleutel(s) 'betrouwbaarheid '. Toegestaan: 'omzetpotentie', 'relatie' en 'betrouwbaarheid'.
    """
    getallen = _controleer_scores(scores)
    criteria = list(getallen.columns)
    gewicht = _controleer_gewichten(gewichten, criteria)
    knock_out = _controleer_minimum_per_criterium(minimum_per_criterium, criteria)
    ondergrens = _controleer_minimum_totaal(minimum_totaal)

    totaal = (getallen * gewicht).sum(axis=1).round(_DECIMALEN_TOTAAL)

    redenen: list[str] = []
    for account in getallen.index:
        delen: list[str] = []
        te_laag = [
            f"{c} {_toon_getal(getallen.at[account, c], onder=m)} < {_toon_getal(m)}"
            for c, m in knock_out.items()
            if getallen.at[account, c] < m
        ]
        if te_laag:
            delen.append("knock-out: " + ", ".join(te_laag))
        if ondergrens is not None and totaal[account] < ondergrens:
            delen.append(
                f"minimumtotaal: {_toon_getal(totaal[account], 1, onder=ondergrens)} "
                f"< {_toon_getal(ondergrens)}"
            )
        redenen.append("; ".join(delen))

    uitkomst = scores.copy()
    for criterium in criteria:
        dtype = scores[criterium].dtype
        if not pd.api.types.is_numeric_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
            uitkomst[criterium] = getallen[criterium]
    uitkomst["totaal"] = totaal
    uitkomst["rang"] = totaal.rank(ascending=False, method="min").astype("int64")
    uitkomst["reden"] = pd.Series(redenen, index=getallen.index)
    uitkomst["geselecteerd"] = uitkomst["reden"] == ""
    uitkomst = uitkomst[[*criteria, *UITVOERKOLOMMEN]]
    return uitkomst.sort_values("rang", kind="stable")
