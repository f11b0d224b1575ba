"""Invoercontroles met Nederlandse foutmeldingen, gedeeld door alle rekenmodules.

Elke publieke functie van klanttools controleert haar invoer hier. Een melding
noemt altijd drie dingen: het argument, wat er werd gegeven en wat wel mag.

Examples
--------
>>> controleer_betrouwbaarheid(0.95)
0.95
>>> controleer_betrouwbaarheid(95)
Traceback (most recent call last):
...
ValueError: betrouwbaarheid: 95 ligt niet tussen 0 en 1. Geef een kans, bijvoorbeeld 0.95 voor 95%.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

MAX_GETOOND = 5
_WAARHEID = frozenset({bool, np.bool_})
"""Hoeveel foute waarden een melding hoogstens opsomt."""


def getal_nl(waarde: float, decimalen: int = 1) -> str:
    """Schrijf een getal zoals een Nederlandse lezer het verwacht (komma als decimaalteken).

    Examples
    --------
    >>> getal_nl(11.2571)
    '11,3'
    >>> getal_nl(-3.0, 0)
    '-3'
    >>> getal_nl(-0.04)  # nooit "-0,0"
    '0,0'

    Het minteken is overal in de kit het gewone streepje (-), ook in de grafieken: zo
    toont Excel het en zo typ je het in Python.
    """
    if round(float(waarde), decimalen) == 0:
        waarde = 0.0
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def opsomming(items: list[str], max_items: int = MAX_GETOOND, totaal: int | None = None) -> str:
    """Som items op als 'a, b en c'; bij te veel items 'a, b en nog 3 andere'.

    ``totaal`` is het echte aantal als ``items`` al is ingekort.

    Examples
    --------
    >>> opsomming(["11", "12", "-1"])
    '11, 12 en -1'
    >>> opsomming(["11", "12"], totaal=6)
    '11, 12 en nog 4 andere'
    """
    items = list(items)
    totaal = len(items) if totaal is None else totaal
    if totaal > min(len(items), max_items):
        getoond = items[:max_items]
        return ", ".join(getoond) + f" en nog {totaal - len(getoond)} andere"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def toon(waarde: Any) -> str:
    """Korte weergave van een waarde voor in een foutmelding."""
    if isinstance(waarde, str):
        return repr(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        return repr(waarde)
    return str(waarde)


def is_leeg(waarde: Any) -> bool:
    """Is dit een ontbrekend antwoord (None, NaN, pd.NA, NaT)?

    Examples
    --------
    >>> is_leeg(None), is_leeg(float("nan")), is_leeg(pd.NA), is_leeg(0)
    (True, True, True, False)
    """
    if waarde is None:
        return True
    try:
        return bool(pd.isna(waarde))
    except (TypeError, ValueError):
        return False


def controleer_betrouwbaarheid(betrouwbaarheid: Any) -> float:
    """Controleer een betrouwbaarheid (kans strikt tussen 0 en 1)."""
    if isinstance(betrouwbaarheid, bool) or not isinstance(betrouwbaarheid, numbers.Real):
        raise TypeError(
            f"betrouwbaarheid: {toon(betrouwbaarheid)} is geen getal. "
            "Geef een kans tussen 0 en 1, bijvoorbeeld 0.95 voor 95%."
        )
    b = float(betrouwbaarheid)
    if not (0.0 < b < 1.0):
        raise ValueError(
            f"betrouwbaarheid: {toon(betrouwbaarheid)} ligt niet tussen 0 en 1. "
            "Geef een kans, bijvoorbeeld 0.95 voor 95%."
        )
    return b


def controleer_getal(
    waarde: Any,
    naam: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    minimum_inclusief: bool = True,
    geheel: bool = False,
) -> float:
    """Controleer één getal: type, eindig, grenzen en (optioneel) geheel.

    Examples
    --------
    >>> controleer_getal(3, "promotors", minimum=0, geheel=True)
    3
    >>> controleer_getal(-1, "promotors", minimum=0, geheel=True)
    Traceback (most recent call last):
    ...
    ValueError: promotors: -1 is te klein. Toegestaan: een geheel getal van 0 of meer.
    """
    soort = "een geheel getal" if geheel else "een getal"
    if minimum is not None and maximum is not None:
        toegestaan = f"{soort} van {toon(minimum)} tot en met {toon(maximum)}"
    elif minimum is not None:
        teken = "of meer" if minimum_inclusief else "(exclusief)"
        toegestaan = (
            f"{soort} van {toon(minimum)} {teken}"
            if minimum_inclusief
            else f"{soort} groter dan {toon(minimum)}"
        )
    elif maximum is not None:
        toegestaan = f"{soort} van hoogstens {toon(maximum)}"
    else:
        toegestaan = soort
    if isinstance(waarde, bool) or not isinstance(waarde, numbers.Real):
        raise TypeError(f"{naam}: {toon(waarde)} is geen getal. Toegestaan: {toegestaan}.")
    if not math.isfinite(float(waarde)):
        raise ValueError(f"{naam}: {toon(waarde)} is geen eindig getal. Toegestaan: {toegestaan}.")
    if geheel and float(waarde) != int(waarde):
        raise ValueError(f"{naam}: {toon(waarde)} is geen geheel getal. Toegestaan: {toegestaan}.")
    if minimum is not None:
        te_klein = waarde < minimum if minimum_inclusief else waarde <= minimum
        if te_klein:
            raise ValueError(f"{naam}: {toon(waarde)} is te klein. Toegestaan: {toegestaan}.")
    if maximum is not None and waarde > maximum:
        raise ValueError(f"{naam}: {toon(waarde)} is te groot. Toegestaan: {toegestaan}.")
    if geheel:
        return int(waarde)
    return waarde


def controleer_keuze(waarde: Any, naam: str, toegestaan: Iterable[str]) -> str:
    """Controleer dat een tekstkeuze één van de toegestane waarden is.

    Examples
    --------
    >>> controleer_keuze("wald", "methode", ["wald", "aangepaste_wald"])
    'wald'
    >>> controleer_keuze("exact", "methode", ["wald", "aangepaste_wald"])
    Traceback (most recent call last):
    ...
    ValueError: methode: 'exact' is onbekend. Toegestaan: 'wald' of 'aangepaste_wald'.
    """
    opties = list(toegestaan)
    if waarde not in opties:
        lijst = [repr(o) for o in opties]
        tekst = ", ".join(lijst[:-1]) + " of " + lijst[-1] if len(lijst) > 1 else lijst[0]
        raise ValueError(f"{naam}: {toon(waarde)} is onbekend. Toegestaan: {tekst}.")
    return waarde


def controleer_sleutels(
    mapping: Mapping[str, Any], naam: str, verwacht: Iterable[str], *, alle_nodig: bool = True
) -> None:
    """Controleer de sleutels van een dict: geen onbekende, en (optioneel) geen ontbrekende."""
    verwacht = list(verwacht)
    if not isinstance(mapping, Mapping):
        raise TypeError(
            f"{naam}: verwacht een dict met sleutels {opsomming([repr(v) for v in verwacht], 10)}, "
            f"kreeg {type(mapping).__name__}."
        )
    onbekend = [k for k in mapping if k not in verwacht]
    if onbekend:
        raise ValueError(
            f"{naam}: onbekende sleutel(s) {opsomming([repr(k) for k in onbekend])}. "
            f"Toegestaan: {opsomming([repr(v) for v in verwacht], 10)}."
        )
    if alle_nodig:
        ontbreekt = [v for v in verwacht if v not in mapping]
        if ontbreekt:
            raise ValueError(
                f"{naam}: sleutel(s) {opsomming([repr(k) for k in ontbreekt])} ontbreken. "
                f"Nodig: {opsomming([repr(v) for v in verwacht], 10)}."
            )


def controleer_tabel(
    tabel: Any, naam: str, verplicht: Iterable[str], maker: str, *, voorbeeld: str = ""
) -> pd.DataFrame:
    """Controleer dat een argument de tabel is die een klanttools-functie maakt.

    Parameters
    ----------
    tabel : Any
        Het argument.
    naam : str
        Naam van het argument in de melding.
    verplicht : iterable of str
        Kolommen die er moeten zijn.
    maker : str
        De aanroep die zo'n tabel maakt, bijvoorbeeld ``"klantrating(scores, gewichten)"``.
    voorbeeld : str, optional
        Een extra zin voor de TypeError-melding.

    Examples
    --------
    >>> controleer_tabel([1, 2], "tabel", ["n"], "nps_per_groep(data, groep)")
    Traceback (most recent call last):
    ...
    TypeError: tabel: verwacht een pandas DataFrame, de uitkomst van nps_per_groep(data, groep), kreeg list.
    """
    if not isinstance(tabel, pd.DataFrame):
        extra = f" {voorbeeld}" if voorbeeld else ""
        raise TypeError(
            f"{naam}: verwacht een pandas DataFrame, de uitkomst van {maker}, "
            f"kreeg {type(tabel).__name__}.{extra}"
        )
    verplicht = list(verplicht)
    ontbreekt = [k for k in verplicht if k not in tabel.columns]
    if ontbreekt:
        raise ValueError(
            f"{naam}: kolom(men) {opsomming([repr(k) for k in ontbreekt])} ontbreken. "
            f"Nodig: {opsomming([repr(k) for k in verplicht])}; maak de tabel met {maker}."
        )
    return tabel


def _labels(scores: Any, n: int) -> np.ndarray | None:
    """Index-labels voor foutmeldingen (None: gebruik de positie)."""
    if isinstance(scores, pd.Series) and not isinstance(scores.index, pd.RangeIndex):
        return scores.index.to_numpy()
    return None


def _plaats(labels: np.ndarray | None, posities: np.ndarray) -> list[str]:
    if labels is None:
        return [f"index {int(p)}" for p in posities]
    return [f"index {labels[int(p)]!r}" for p in posities]


def als_scorearray(
    scores: Any, naam: str = "scores", *, minimum: int = 0, maximum: int = 10
) -> tuple[np.ndarray, int]:
    """Zet antwoorden om in een int-array met alleen geldige antwoorden.

    Lege antwoorden (None, NaN, pd.NA) tellen niet mee; hun aantal komt terug als
    tweede waarde, zodat niets stil verdwijnt. Tekst, waarheidswaarden, kommagetallen
    en scores buiten het bereik geven een Nederlandse fout met de plaats van de waarde.

    Examples
    --------
    >>> geldig, leeg = als_scorearray([10, None, 7, float("nan"), 3])
    >>> geldig.tolist(), leeg
    ([10, 7, 3], 2)
    >>> als_scorearray([8, 11])
    Traceback (most recent call last):
    ...
    ValueError: scores: 1 waarde buiten 0–10: 11 (index 1). Toegestaan: hele getallen van 0 tot en met 10; een leeg antwoord (None of NaN) mag en telt niet mee.
    """
    toegestaan = (
        f"hele getallen van {minimum} tot en met {maximum}; "
        "een leeg antwoord (None of NaN) mag en telt niet mee"
    )
    if isinstance(scores, (str, bytes, Mapping)) or not isinstance(
        scores, (Iterable, np.ndarray, pd.Series)
    ):
        raise TypeError(
            f"{naam}: verwacht een reeks antwoorden (lijst, pandas Series of array), "
            f"kreeg {type(scores).__name__}: {toon(scores)[:60]}."
        )
    if isinstance(scores, pd.DataFrame):
        raise TypeError(
            f"{naam}: verwacht één kolom met antwoorden, kreeg een hele tabel (DataFrame) met "
            f"kolommen {opsomming([repr(k) for k in scores.columns])}. Kies er één, "
            "bijvoorbeeld df['score']."
        )
    if isinstance(scores, pd.Series | pd.Index):
        ruw = scores
        dtype = scores.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            arr = np.asarray(scores.astype(object), dtype=object)
        elif pd.api.types.is_extension_array_dtype(dtype) and pd.api.types.is_numeric_dtype(dtype):
            if pd.api.types.is_bool_dtype(dtype):
                arr = scores.to_numpy(dtype=object, na_value=None)
            else:
                arr = scores.to_numpy(dtype="float64", na_value=np.nan)
        else:
            arr = np.asarray(scores.to_numpy(dtype=object) if dtype == "string" else scores)
    elif isinstance(scores, np.ndarray):
        ruw, arr = scores, scores.ravel()
    else:
        ruw = scores
        lijst = list(scores)
        try:
            arr = np.asarray(lijst)
        except (ValueError, TypeError):
            arr = np.empty(len(lijst), dtype=object)
            arr[:] = lijst
        if arr.ndim != 1 or (
            arr.dtype.kind in "iuf" and not _WAARHEID.isdisjoint(map(type, lijst))
        ):
            arr = np.empty(len(lijst), dtype=object)
            arr[:] = lijst
    labels = _labels(ruw, len(arr))

    kind = arr.dtype.kind
    if kind == "b":
        raise TypeError(
            f"{naam}: bevat waarheidswaarden (True/False), geen scores. Toegestaan: {toegestaan}."
        )
    if kind in "USO":
        arr = arr.astype(object, copy=False)
        leeg = np.fromiter((is_leeg(v) for v in arr), dtype=bool, count=len(arr))
        fout = np.fromiter(
            (
                (not leeg_v) and (type(v) in _WAARHEID or not isinstance(v, numbers.Real))
                for v, leeg_v in zip(arr, leeg, strict=True)
            ),
            dtype=bool,
            count=len(arr),
        )
        if fout.any():
            pos = np.flatnonzero(fout)
            waarden = [
                f"{toon(arr[p])} ({plaats})"
                for p, plaats in zip(
                    pos[:MAX_GETOOND], _plaats(labels, pos[:MAX_GETOOND]), strict=True
                )
            ]
            raise TypeError(
                f"{naam}: {len(pos)} antwoord(en) zijn geen getal: {opsomming(waarden, totaal=len(pos))}"
                f". Toegestaan: {toegestaan}."
            )
        arr = np.where(leeg, np.nan, arr).astype("float64")
        kind = "f"
    if kind == "f":
        leeg = np.isnan(arr)
        n_leeg = int(leeg.sum())
        geldig = arr[~leeg] if n_leeg else arr
        posities = np.flatnonzero(~leeg) if n_leeg else None
        fractie = geldig != np.floor(geldig)
        if np.isinf(geldig).any():
            fractie |= np.isinf(geldig)
        if fractie.any():
            idx = np.flatnonzero(fractie)
            pos = posities[idx] if posities is not None else idx
            waarden = [
                f"{toon(float(geldig[i]))} ({plaats})"
                for i, plaats in zip(
                    idx[:MAX_GETOOND], _plaats(labels, pos[:MAX_GETOOND]), strict=True
                )
            ]
            raise ValueError(
                f"{naam}: {len(idx)} {'waarde is' if len(idx) == 1 else 'waarden zijn'} geen heel "
                f"getal: {opsomming(waarden, totaal=len(idx))}. Toegestaan: {toegestaan}."
            )
        buiten = (geldig < minimum) | (geldig > maximum)
        if buiten.any():
            idx = np.flatnonzero(buiten)
            pos = posities[idx] if posities is not None else idx
            waarden = [
                f"{int(geldig[i])} ({plaats})"
                for i, plaats in zip(
                    idx[:MAX_GETOOND], _plaats(labels, pos[:MAX_GETOOND]), strict=True
                )
            ]
            raise ValueError(
                f"{naam}: {len(idx)} {'waarde' if len(idx) == 1 else 'waarden'} buiten "
                f"{minimum}–{maximum}: {opsomming(waarden, totaal=len(idx))}. Toegestaan: {toegestaan}."
            )
        return geldig.astype(np.int64), n_leeg
    if kind in "iu":
        if arr.size:
            laag, hoog = arr.min(), arr.max()
        else:
            laag = hoog = minimum
        if laag < minimum or hoog > maximum:
            idx = np.flatnonzero((arr < minimum) | (arr > maximum))
            waarden = [
                f"{int(arr[i])} ({plaats})"
                for i, plaats in zip(
                    idx[:MAX_GETOOND], _plaats(labels, idx[:MAX_GETOOND]), strict=True
                )
            ]
            raise ValueError(
                f"{naam}: {len(idx)} {'waarde' if len(idx) == 1 else 'waarden'} buiten "
                f"{minimum}–{maximum}: {opsomming(waarden, totaal=len(idx))}. Toegestaan: {toegestaan}."
            )
        return arr.astype(np.int64, copy=False), 0
    raise TypeError(
        f"{naam}: antwoorden van type {arr.dtype} worden niet herkend. Toegestaan: {toegestaan}."
    )
