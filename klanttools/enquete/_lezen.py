"""De hoofdfunctie :func:`lees_enquete`: bestand → tabel met ``score`` en een verslag.

Stappen: bestand lezen (:mod:`._bestand`), programma en kopregels herkennen
(:mod:`._formaten`), lege rijen en Qualtrics-proefantwoorden overslaan (en melden),
de NPS-vraag kiezen en controleren (:mod:`._score`), elke kolom omzetten
(:mod:`._omzetten`), en het verslag in ``df.attrs`` zetten.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from klanttools._controle import opsomming, toon
from klanttools.enquete._bestand import controleer_pad, lees_ruw
from klanttools.enquete._formaten import Formaat, herken, proefrijen
from klanttools.enquete._omzetten import zet_om
from klanttools.enquete._ruw import RuweTabel
from klanttools.enquete._score import (
    controleer_scores,
    kies_scorekolom,
    lijkt_schoolcijfer,
    zoek_kolom,
)

__all__ = ["lees_enquete"]


def _kolomletter(i: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (zoals Excel de kolommen noemt)."""
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _kolomnamen(
    ruwe_namen: list[str], data: pd.DataFrame
) -> tuple[list[str], list[int], dict[str, str], list[str]]:
    """Unieke, niet-lege kolomnamen.

    Geeft (namen, posities die blijven, hernoemd {nieuw: oud}, weggelaten lege kolommen).
    """
    namen: list[str] = []
    houden: list[int] = []
    hernoemd: dict[str, str] = {}
    weggelaten: list[str] = []
    gezien: set[str] = set()
    for i, naam in enumerate(ruwe_namen):
        if not naam:
            if not data.iloc[:, i].notna().any():
                weggelaten.append(_kolomletter(i))
                continue
            naam = f"kolom {_kolomletter(i)}"
            hernoemd[naam] = ""
        basis, n = naam, 1
        while naam in gezien:
            n += 1
            naam = f"{basis} ({n})"
        if n > 1:
            hernoemd[naam] = basis
        gezien.add(naam)
        namen.append(naam)
        houden.append(i)
    return namen, houden, hernoemd, weggelaten


def _voeg_toe(overgeslagen: dict[str, list[int]], reden: str, rijen: np.ndarray) -> None:
    if len(rijen):
        overgeslagen.setdefault(reden, []).extend(int(r) for r in rijen)


def lees_enquete(
    pad: str | os.PathLike[str],
    score_kolom: str | None = None,
    *,
    werkblad: str | int | None = None,
    testantwoorden: bool = False,
) -> pd.DataFrame:
    """Lees de export van een enquête en zet de NPS-vraag om in scores 0–10.

    Herkent zelf het programma en zijn eigenaardigheden:

    - **Microsoft Forms** (.xlsx, Nederlandse of Engelse kopregel: ``ID, Begintijd,
      Tijd van voltooien, E-mail, Naam, …``);
    - **Google Forms** (CSV of .xlsx; eerste kolom ``Tijdstempel`` of ``Timestamp``,
      datums als ``23-11-2026 14:05:07`` of ``11/23/2026 14:05:07``);
    - **Qualtrics** (CSV of .xlsx met drie kopregels: korte naam, vraagtekst,
      ImportId; keuzeteksten als ``"10 - Zeer waarschijnlijk"``; de afgeleide kolom
      ``…_NPS_GROUP`` is niet de score);
    - **SurveyMonkey** (CSV of .xlsx met twee kopregels; de tweede met ``Response``,
      ``Open-Ended Response`` of de antwoordopties);
    - **Excel-CSV** (``;`` als scheidingsteken, ``1.234,50``, datums dag-maand-jaar,
      UTF-8 met BOM of Windows-1252 uit oudere Excel, lege regels).

    Parameters
    ----------
    pad : str of pathlib.Path
        Het exportbestand (.xlsx of .csv). Een relatief pad begint in de huidige map.
    score_kolom : str, optional
        De kolom met de NPS-vraag: de kolomkop zoals in het bestand, of bij Qualtrics
        ook de korte naam (``Q1``), de QID (``QID1``) of de vraagtekst. Zonder dit
        argument wordt de vraag gezocht aan de tekst (aanbevelen, aanraden, recommend,
        NPS …) en anders aan de waarden (alleen hele getallen 0–10).
    werkblad : str of int, optional
        Alleen voor .xlsx: naam of volgnummer (vanaf 0) van het werkblad. Standaard
        het eerste.
    testantwoorden : bool, default False
        Qualtrics bewaart antwoorden uit 'Voorbeeld' en 'Testantwoorden genereren'
        (Status ``Survey Preview`` / ``Survey Test``) tussen de echte. Standaard
        worden die overgeslagen (en gemeld in ``df.attrs["overgeslagen"]``); zet op
        True om ze te houden.

    Returns
    -------
    pandas.DataFrame
        Eerst de kolom ``score`` (``Int64``: 0–10, ``<NA>`` = geen antwoord), dan alle
        kolommen uit het bestand in dezelfde volgorde. Datums zijn ``datetime64``,
        getallen zijn getallen (ook ``1.234,50``), ja/nee-kolommen ``boolean``, de rest
        tekst. Een kolom waarvan niet élke waarde te lezen is, blijft tekst. De index
        loopt vanaf 0; het rijnummer in het bestand staat in foutmeldingen en in
        ``df.attrs``. Een eigen kolom die al ``score`` heette, krijgt de naam
        ``score (origineel)`` tenzij het de NPS-vraag zelf is.

        ``df.attrs`` bevat het verslag: ``bron`` (zie :data:`BRONNEN`), ``bestand``,
        ``score_kolom`` (de kolom uit het bestand), ``score_gevonden_via``
        (``"score_kolom"``, ``"vraagtekst"`` of ``"waarden"``), ``antwoorden`` (aantal
        geldige scores), ``leeg`` (aantal lege antwoorden), ``overgeslagen`` (reden →
        lijst met rijnummers), ``kopregels``, ``eerste_datarij``, ``vragen`` (Qualtrics:
        korte naam → vraagtekst), ``hernoemd`` (nieuwe naam → oude), ``opmerkingen``,
        en bij CSV ``codering`` en ``scheidingsteken``, bij .xlsx ``werkblad``.

    Raises
    ------
    FileNotFoundError
        Het bestand bestaat niet.
    ValueError
        Het bestand is geen enquête-export (leeg, .docx, .pdf, binair …); de NPS-vraag
        is niet of niet eenduidig te vinden; of een antwoord is geen heel getal van 0
        tot en met 10. De melding noemt de waarden en hun rijnummers zoals Excel ze
        toont (met de kopregels meegeteld).
    TypeError
        ``pad``, ``score_kolom``, ``werkblad`` of ``testantwoorden`` heeft een verkeerd
        type.

    See Also
    --------
    importverslag : het verslag in ``df.attrs`` als leesbare tekst.
    klanttools.nps.nps : de Net Promoter Score van ``df["score"]``.

    Notes
    -----
    Overgeslagen worden alleen helemaal lege rijen (lege regels in een CSV, lege rijen
    in een werkmap) en, bij Qualtrics, voorbeeld- en testantwoorden. Een rij met een
    leeg antwoord op de NPS-vraag blijft staan: ``score`` is daar ``<NA>`` en telt
    mee in ``df.attrs["leeg"]``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> pad = pathlib.Path(tempfile.mkdtemp()) / "qualtrics.csv"
    >>> _ = pad.write_text(
    ...     'StartDate,Status,ResponseId,Q1,Q1_NPS_GROUP\\n'
    ...     'Start Date,Response Type,Response ID,"Hoe waarschijnlijk is het dat u ons '
    ...     'zou aanbevelen?",Hoe waarschijnlijk is het dat u ons zou aanbevelen? - Group\\n'
    ...     '{"ImportId":"startDate"},{"ImportId":"status"},{"ImportId":"_recordId"},'
    ...     '{"ImportId":"QID1"},{"ImportId":"QID1_NPS_GROUP"}\\n'
    ...     '2026-11-23 09:00:00,Survey Preview,R_1,10 - Zeer waarschijnlijk,Promoter\\n'
    ...     '2026-11-23 10:00:00,IP Address,R_2,10 - Zeer waarschijnlijk,Promoter\\n'
    ...     '2026-11-23 11:00:00,IP Address,R_3,3,Detractor\\n',
    ...     encoding="utf-8-sig",
    ... )
    >>> df = lees_enquete(pad)
    >>> df.attrs["bron"], df.attrs["score_kolom"], df["score"].tolist()
    ('qualtrics', 'Q1', [10, 3])
    >>> df.attrs["overgeslagen"]
    {"Qualtrics-voorbeeld- of testantwoord (Status 'Survey Preview')": [4]}
    >>> lees_enquete(pad, score_kolom="QID1_NPS_GROUP")
    Traceback (most recent call last):
    ...
    ValueError: score_kolom 'Q1_NPS_GROUP' in 'qualtrics.csv': 2 antwoorden zijn geen geldige NPS-score: 'Promoter' (rij 5) en 'Detractor' (rij 6). Toegestaan: hele getallen van 0 tot en met 10, of een keuzetekst die met zo'n getal begint ('10 - Zeer waarschijnlijk'); een leeg antwoord mag en telt niet mee. Verbeter die cellen in het bestand, of kies met score_kolom= een andere kolom.
    """
    p = controleer_pad(pad)
    _controleer_argumenten(score_kolom, testantwoorden)
    ruw = lees_ruw(p, werkblad)
    rijen = _antwoordrijen(ruw, p, testantwoorden)
    gekozen, via = _kies_score(rijen, score_kolom, p.name)
    scores, n_leeg = controleer_scores(
        rijen.data[gekozen],
        rijen.rijnummers,
        naam=gekozen,
        bestand=p.name,
        opgegeven=via == "score_kolom",
    )
    df, opmerkingen = _zet_kolommen_om(rijen, ruw, gekozen, scores)
    if via == "waarden":
        waarschuwing = lijkt_schoolcijfer(gekozen, scores)
        if waarschuwing:
            # Ook buiten het importverslag zichtbaar: een verkeerde kolom geeft een
            # verkeerde NPS zonder dat er iets misgaat.
            warnings.warn(waarschuwing, UserWarning, stacklevel=2)
            opmerkingen.append(waarschuwing)
        else:
            opmerkingen.append(
                f"De NPS-vraag is herkend aan de waarden (alleen hele getallen 0–10), niet aan "
                f"de vraagtekst. Controleer dat {gekozen!r} echt de aanbevelingsvraag is; kies "
                "anders met score_kolom=."
            )
    df.attrs.update(
        _verslag(
            p,
            ruw_info={
                "codering": ruw.codering,
                "scheidingsteken": ruw.scheidingsteken,
                "werkblad": ruw.werkblad,
            },
            formaat=rijen.formaat,
            gekozen=gekozen,
            via=via,
            scores=scores,
            n_leeg=n_leeg,
            overgeslagen=rijen.overgeslagen,
            start=int(ruw.eerste_rij + rijen.start),
            hernoemd=rijen.hernoemd,
            opmerkingen=opmerkingen,
        )
    )
    return df


def _controleer_argumenten(score_kolom: object, testantwoorden: object) -> None:
    if score_kolom is not None and not isinstance(score_kolom, str):
        raise TypeError(
            f"score_kolom: verwacht de kolomkop als tekst, kreeg {type(score_kolom).__name__}: "
            f"{toon(score_kolom)}. Toegestaan: een kolomkop uit het bestand, of None om de "
            "NPS-vraag zelf te laten zoeken."
        )
    if not isinstance(testantwoorden, bool):
        raise TypeError(
            f"testantwoorden: verwacht True of False, kreeg {type(testantwoorden).__name__}: "
            f"{toon(testantwoorden)}."
        )


@dataclass
class _Rijen:
    """De antwoordrijen onder de kopregel(s), met wat er onderweg is overgeslagen."""

    data: pd.DataFrame  # kolommen: de (unieke) kolomnamen; index 0, 1, …
    namen: list[str]
    rijnummers: np.ndarray  # per rij het rijnummer zoals de gebruiker het ziet
    gevuld: np.ndarray  # per cel: niet leeg
    formaat: Formaat
    start: int  # index in de ruwe tabel van de eerste antwoordrij
    overgeslagen: dict[str, list[int]]
    hernoemd: dict[str, str]
    weggelaten: list[str]


def _antwoordrijen(ruw: RuweTabel, p: Path, testantwoorden: bool) -> _Rijen:
    """Herken het formaat aan de kopregel(s) en houd de echte antwoordrijen over."""
    tabel = ruw.tabel
    gevuld = tabel.notna().to_numpy()
    leeg_rij = ~gevuld.any(axis=1)
    if leeg_rij.all():
        raise ValueError(f"pad: '{p.name}' bevat alleen lege rijen; er is niets in te lezen.")
    kop = int(np.argmax(~leeg_rij))  # eerste niet-lege rij = de (eerste) kopregel
    formaat = herken(
        tabel.iloc[kop : kop + 3], soort=ruw.soort, scheidingsteken=ruw.scheidingsteken
    )
    start = kop + formaat.kopregels
    rijnummers = ruw.eerste_rij + np.arange(start, len(tabel))
    overgeslagen: dict[str, list[int]] = {}
    _voeg_toe(
        overgeslagen,
        "lege regel boven de kopregel",
        ruw.eerste_rij + np.flatnonzero(leeg_rij[:kop]),
    )

    data = tabel.iloc[start:]
    namen, houden, hernoemd, weggelaten = _kolomnamen(formaat.kolommen, data)
    data = data.iloc[:, houden]
    data.columns = namen
    gevuld = gevuld[start:, houden]
    blijft = ~leeg_rij[start:]
    _voeg_toe(overgeslagen, "lege regel", rijnummers[~blijft])
    proef, status = proefrijen(data, formaat)
    if proef.any() and not testantwoorden:
        proefnummers = rijnummers[proef]
        for waarde in dict.fromkeys(status):
            _voeg_toe(
                overgeslagen,
                f"Qualtrics-voorbeeld- of testantwoord (Status {waarde!r})",
                proefnummers[(status == waarde) & blijft[proef]],
            )
        blijft &= ~proef
    if not blijft.all():
        data = data[blijft]
        rijnummers = rijnummers[blijft]
        gevuld = gevuld[blijft]
    return _Rijen(
        data=data.reset_index(drop=True),
        namen=namen,
        rijnummers=rijnummers,
        gevuld=gevuld,
        formaat=formaat,
        start=start,
        overgeslagen=overgeslagen,
        hernoemd=hernoemd,
        weggelaten=weggelaten,
    )


def _kies_score(rijen: _Rijen, score_kolom: str | None, bestand: str) -> tuple[str, str]:
    """(kolom van de NPS-vraag, hoe gevonden): opgegeven, of gezocht aan kop en waarden."""
    if score_kolom is not None:
        return zoek_kolom(score_kolom, rijen.namen, rijen.formaat, bestand), "score_kolom"
    try:
        keuze = kies_scorekolom(rijen.data, rijen.formaat, bestand)
    except ValueError as exc:
        if len(rijen.data) == 0:
            raise ValueError(
                f"'{bestand}' bevat alleen kopregels en geen antwoorden; de NPS-vraag is "
                "niet te vinden. Exporteer opnieuw nadat er antwoorden zijn, of geef de "
                "kolom op met score_kolom=."
            ) from None
        raise exc from None
    return keuze.kolom, keuze.via


def _zet_kolommen_om(
    rijen: _Rijen, ruw: RuweTabel, gekozen: str, scores: pd.Series
) -> tuple[pd.DataFrame, list[str]]:
    """De tabel: eerst ``score``, dan elke kolom uit het bestand met echte datums en getallen."""
    decimaal = "," if ruw.soort == "csv" and ruw.scheidingsteken in (";", "\t") else "."
    opmerkingen = list(ruw.opmerkingen)
    kolommen: dict[str, pd.Series] = {"score": scores}
    for i, naam in enumerate(rijen.namen):
        nieuw, opmerking = zet_om(
            rijen.data.iloc[:, i],
            gevuld=rijen.gevuld[:, i],
            decimaal=decimaal,
            gewoonte=rijen.formaat.gewoonte,
            tekst_getallen=ruw.soort == "csv",
        )
        if opmerking:
            opmerkingen.append(f"Kolom {naam!r}: {opmerking}.")
        if naam == "score" and naam != gekozen:
            naam = "score (origineel)"
            rijen.hernoemd[naam] = "score"
        if naam == "score":
            continue  # de NPS-vraag heette al 'score': de omgezette versie vervangt hem
        kolommen[naam] = nieuw
    if rijen.weggelaten:
        opmerkingen.append(
            f"{len(rijen.weggelaten)} lege kolom(men) zonder kop weggelaten: "
            f"{opsomming(rijen.weggelaten, 10)}."
        )
    return pd.DataFrame(kolommen), opmerkingen


def _verslag(
    p: Path,
    *,
    ruw_info: dict[str, str | None],
    formaat: Formaat,
    gekozen: str,
    via: str,
    scores: pd.Series,
    n_leeg: int,
    overgeslagen: dict[str, list[int]],
    start: int,
    hernoemd: dict[str, str],
    opmerkingen: list[str],
) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "bron": formaat.bron,
        "bestand": str(p),
        "score_kolom": gekozen,
        "score_gevonden_via": via,
        "antwoorden": int(scores.notna().sum()),
        "leeg": n_leeg,
        "overgeslagen": overgeslagen,
        "kopregels": formaat.kopregels,
        "eerste_datarij": start,
        "vragen": dict(formaat.vragen),
        "hernoemd": hernoemd,
        "opmerkingen": opmerkingen,
    }
    attrs.update({k: v for k, v in ruw_info.items() if v is not None})
    return attrs
