"""Kolommen omzetten naar het juiste type: getallen, datums, waar/onwaar, tekst.

Regel: een kolom wordt alleen omgezet als **elke** niet-lege waarde te lezen is. Eén
waarde die niet past, en de hele kolom blijft tekst zoals in het bestand; nooit
wordt een cel stil leeggemaakt. Eerst beslist een steekproef (de eerste
:data:`STEEKPROEF` waarden) of een poging zin heeft; dan werkt de omzetting op de
hele kolom tegelijk (pandas/numpy, geen lus per rij).

Getallen in een bestand met ``;`` als scheidingsteken (Nederlandse Excel) hebben een
komma als decimaalteken en een punt tussen de duizendtallen (``1.234,50``). In een
bestand met ``,`` is de punt het decimaalteken; een kolom waarin elke waarde op een
Nederlands duizendtal lijkt (``1.250``) blijft daar tekst, want 1,25 of 1250 is
niet te beslissen.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from klanttools.enquete._datums import cijfergroepen, lees_datums, lijkt_datum, uniek_maken

__all__ = ["STEEKPROEF", "zet_om"]

STEEKPROEF = 25
_WAAR = {"true": True, "false": False, "waar": True, "onwaar": False}

_GETAL_PUNT = re.compile(r"^\s*[-+]?\d+(?:\.\d+)?\s*$")
_GETAL_KOMMA = re.compile(r"^\s*[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*$")


_EURO = re.compile(r"\s*€\s*")


def _steekproef(tekst: pd.Series) -> list[str]:
    return [_EURO.sub("", str(v)).strip() for v in tekst.iloc[:STEEKPROEF]]


_SKELET_KOMMA = re.compile(r"^(?P<teken>[-+]?)9(?P<duizend>(?:\.9)*)(?P<dec>,9)?$")
_SKELET_PUNT = re.compile(r"^(?P<teken>[-+]?)9(?P<duizend>)(?P<dec>\.9)?$")
_MAX_CIJFERS = 15


def _getallen(tekst: pd.Series, decimaal: str) -> tuple[np.ndarray | None, str | None]:
    """Zet niet-lege teksten om in getallen; None als dat niet voor élke waarde lukt.

    Werkt op de unieke waarden (een scorekolom heeft er maar elf) en knipt die in één
    numpy-doorgang in cijfergroepen; het patroon ('skelet') per waarde beslist wat
    duizendtal en wat decimaal is. Geeft een Int64- of float64-array.
    """
    codes, uniek = uniek_maken(tekst)
    lengtes = np.fromiter(map(len, uniek), dtype=np.int64, count=len(uniek))
    if lengtes.max() > 40:
        return None, None
    tekens = np.asarray(uniek, dtype=str)
    codes_u = tekens.view(np.uint32).reshape(len(tekens), -1)
    if (
        lengtes.min() >= 1
        and lengtes.max() <= _MAX_CIJFERS
        and ((codes_u - 48 <= 9) | (codes_u == 0)).all()
    ):
        # Alleen cijfers (respondentnummers, scores): rechtstreeks, zonder te knippen.
        if ((codes_u[:, 0] == 48) & (lengtes > 1)).any():
            return None, None  # voorloopnul: tekst houden
        return pd.array(tekens.astype(np.int64)[codes], dtype="Int64"), None
    velden, ncijfers, skeletten, welk = cijfergroepen(uniek)
    patroon = _SKELET_KOMMA if decimaal == "," else _SKELET_PUNT
    waarde = np.zeros(len(uniek))
    is_dec = np.zeros(len(uniek), dtype=bool)
    dubbelzinnig = np.zeros(len(uniek), dtype=bool)
    gepunt = np.zeros(len(uniek), dtype=bool)
    for j, sk in enumerate(skeletten):
        m = patroon.match(_EURO.sub("", sk).strip())
        if m is None:
            return None, None
        rijen = welk == j
        groepen = 1 + m["duizend"].count(".")
        nc = ncijfers[rijen]
        v = velden[rijen]
        if (nc > _MAX_CIJFERS).any():
            return None, None  # te lang voor een getal: een nummer of code
        eerste = nc[:, 0]
        if ((eerste > 1) & (v[:, 0] < 10.0 ** (eerste - 1))).any():
            return None, None  # voorloopnul (telefoonnummer, postcode): tekst houden
        if groepen > 1 and ((eerste > 3) | (nc[:, 1:groepen] != 3).any(axis=1)).any():
            return None, None  # '1.23,4' is geen Nederlands getal
        geheel = np.zeros(rijen.sum())
        for g in range(groepen):
            geheel = geheel * 1000.0 + v[:, g] if g else v[:, 0]
        if m["dec"]:
            nd = nc[:, groepen]
            w = (geheel * 10.0**nd + v[:, groepen]) / 10.0**nd
            is_dec[rijen] = True
            if decimaal == ".":
                gepunt[rijen] = True
                dubbelzinnig[rijen] = (nd == 3) & (eerste <= 3) & (v[:, 0] > 0)
        else:
            w = geheel
        if np.abs(geheel).max(initial=0) >= 2.0**53:
            return None, None
        waarde[rijen] = -w if m["teken"] == "-" else w
    if gepunt.any() and dubbelzinnig[gepunt].all():
        return None, (
            "waarden als '1.250' kunnen 1,25 of 1250 betekenen; de kolom is als tekst gelaten"
        )
    if is_dec.any():
        return waarde[codes], None
    return pd.array(waarde[codes].astype(np.int64), dtype="Int64"), None


def zet_om(
    kolom: pd.Series,
    *,
    decimaal: str,
    gewoonte: str,
    tekst_getallen: bool = True,
    gevuld: np.ndarray | None = None,
) -> tuple[pd.Series, str | None]:
    """Zet één ruwe kolom (dtype object) om; geef (kolom, opmerking of None).

    Parameters
    ----------
    kolom : pandas.Series
        Ruwe cellen: tekst uit een CSV, of Python-waarden uit een werkmap.
    decimaal : {",", "."}
        Het decimaalteken voor getallen die als tekst in het bestand staan.
    gewoonte : {"dmy", "mdy"}
        Datumvolgorde als de waarden zelf geen uitsluitsel geven.
    tekst_getallen : bool
        Getallen in tekstcellen omzetten (CSV: ja; werkmap: nee, daar zijn getallen
        al getallen en is tekst bewust tekst).
    gevuld : numpy.ndarray of bool, optional
        Welke cellen niet leeg zijn, als de aanroeper dat al weet.

    Examples
    --------
    >>> s = pd.Series(["1.234,50", "12,5", None], dtype=object)
    >>> zet_om(s, decimaal=",", gewoonte="dmy")[0].tolist()
    [1234.5, 12.5, nan]
    >>> zet_om(pd.Series(["0612345678"], dtype=object), decimaal=",", gewoonte="dmy")[0].tolist()
    ['0612345678']
    """
    if gevuld is None:
        gevuld = kolom.notna().to_numpy()
    if not gevuld.any():
        return kolom.astype(object), None
    soort = pd.api.types.infer_dtype(kolom, skipna=True)
    alles = gevuld.all()
    waarden = kolom if alles else kolom[gevuld]

    def terug(nieuw: pd.Series | np.ndarray, dtype: str) -> pd.Series:
        if isinstance(nieuw, pd.Series):
            uit = nieuw.astype(dtype).set_axis(waarden.index)
        else:
            uit = pd.Series(nieuw, index=waarden.index).astype(dtype)
        uit = uit if alles else uit.reindex(kolom.index)
        return uit.rename(kolom.name)

    if soort == "integer":
        return terug(pd.to_numeric(waarden), "Int64"), None
    if soort in ("floating", "mixed-integer-float", "decimal"):
        getallen = pd.to_numeric(waarden).astype("float64")
        return terug(getallen, "float64"), None
    if soort in ("datetime", "datetime64", "date"):
        try:
            datums = pd.to_datetime(waarden).astype("datetime64[us]")
        except (ValueError, TypeError, OverflowError):
            return kolom.astype(object), None
        return terug(datums, "datetime64[us]"), None
    if soort == "boolean":
        return terug(waarden.astype(bool), "boolean"), None
    if soort != "string":
        return kolom, None  # gemengde typen uit een werkmap: laten zoals ze zijn

    opmerking = None
    voorbeeld = _steekproef(waarden)
    if all(v.lower() in _WAAR for v in voorbeeld):
        codes, uniek = uniek_maken(waarden)
        sleutels = [str(u).strip().lower() for u in uniek]
        if all(k in _WAAR for k in sleutels):
            return terug(np.array([_WAAR[k] for k in sleutels])[codes], "boolean"), None
    elif lijkt_datum(voorbeeld):
        datums, opmerking = lees_datums(waarden, gewoonte)
        if datums is not None:
            return terug(datums, "datetime64[us]"), opmerking
        opmerking = None
    elif tekst_getallen:
        patroon = _GETAL_KOMMA if decimaal == "," else _GETAL_PUNT
        if all(patroon.match(v) for v in voorbeeld):
            getallen, opmerking = _getallen(waarden, decimaal)
            if getallen is not None:
                return terug(getallen, "float64" if getallen.dtype == float else "Int64"), None
    return kolom.astype("str"), opmerking
