"""Welk enquêteprogramma maakte dit bestand, en hoe zien de kopregels eruit?

Herkenning gebeurt op de inhoud van de kopregels, niet op de bestandsnaam:

- **Qualtrics**: rij 1 heeft ``StartDate`` en ``ResponseId``; rij 2 de vraagteksten;
  rij 3 ``{"ImportId": …}`` (oudere exports hebben die derde rij niet).
- **SurveyMonkey**: rij 1 heeft ``Respondent ID`` en ``Collector ID``; rij 2 een
  sublabel per kolom (``Response``, ``Open-Ended Response`` of een antwoordoptie).
- **Microsoft Forms**: ``Begintijd`` en ``Tijd van voltooien`` (of ``Start time`` en
  ``Completion time``) in de kopregel.
- **Google Forms**: de eerste kolom heet ``Tijdstempel`` of ``Timestamp``.
- Anders: een gewone tabel met één kopregel (``excel_csv_nl`` als het scheidingsteken
  een puntkomma is, ``csv`` of ``excel`` voor de rest).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["BRONNEN", "Formaat", "herken", "proefrijen"]

BRONNEN = (
    "microsoft_forms",
    "google_forms",
    "qualtrics",
    "surveymonkey",
    "excel_csv_nl",
    "csv",
    "excel",
)
"""Alle waarden die ``df.attrs["bron"]`` kan hebben."""


@dataclass
class Formaat:
    """Wat we over het bestand weten na het lezen van de kopregels."""

    bron: str
    kopregels: int
    kolommen: list[str]
    gewoonte: str = "dmy"
    vragen: dict[str, str] = field(default_factory=dict)
    import_ids: dict[str, str] = field(default_factory=dict)
    metakolommen: set[str] = field(default_factory=set)
    niet_de_score: set[str] = field(default_factory=set)


def _tekst(waarde: object) -> str:
    if waarde is None or (isinstance(waarde, float) and np.isnan(waarde)):
        return ""
    return str(waarde).strip()


def _sleutel(tekst: str) -> str:
    """Vergelijkingssleutel: kleine letters, alleen letters en cijfers."""
    return re.sub(r"[^0-9a-z]+", "", tekst.lower())


_MS_FORMS_NL = {"begintijd", "tijdvanvoltooien"}
_MS_FORMS_EN = {"starttime", "completiontime"}
_MS_FORMS_META = {
    "id",
    "begintijd",
    "tijdvanvoltooien",
    "email",
    "naam",
    "starttime",
    "completiontime",
    "name",
    "lastmodifiedtime",
    "tijdvanlaatstewijziging",
    "totalpoints",
    "quizfeedback",
    "gradepostedtime",
    "totaalaantalpunten",
}
_MS_FORMS_AFGELEID = re.compile(r"^(points|punten|feedback)\s*[-–]\s", re.IGNORECASE)

_GOOGLE_EERSTE = {"tijdstempel", "timestamp"}
_GOOGLE_META = {"tijdstempel", "timestamp", "emailadres", "emailaddress", "score", "gebruikersnaam"}

_QUALTRICS_META = {
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "durationinseconds",
    "finished",
    "recordeddate",
    "responseid",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
}

_SM_META = {
    "respondentid",
    "collectorid",
    "startdate",
    "enddate",
    "ipaddress",
    "emailaddress",
    "firstname",
    "lastname",
    "begindatum",
    "einddatum",
    "ipadres",
    "emailadres",
    "voornaam",
    "achternaam",
}
_SM_SUBLABEL_GEEN = {"response", "openendedresponse", "antwoord", "openantwoord", "reactie"}

_ALGEMEEN_META = re.compile(
    r"^(id|nr|nummer|volgnummer|rij|rijnummer|index|respondent(id|nummer)?|klantnummer)$"
)


def _rij(tabel: pd.DataFrame, i: int) -> list[str]:
    if i >= len(tabel):
        return [""] * tabel.shape[1]
    return [_tekst(v) for v in tabel.iloc[i].tolist()]


def herken(tabel: pd.DataFrame, *, soort: str, scheidingsteken: str | None) -> Formaat:
    """Herken het programma aan de kopregel(s) van ``tabel`` (rij 0 = eerste rij)."""
    rij1 = _rij(tabel, 0)
    sleutels1 = [_sleutel(t) for t in rij1]
    set1 = set(sleutels1)

    if "startdate" in set1 and "responseid" in set1:
        return _qualtrics(tabel, rij1)
    if "respondentid" in set1 and ("collectorid" in set1 or "verzamelaarid" in set1):
        return _surveymonkey(tabel, rij1)
    if _MS_FORMS_NL <= set1 or _MS_FORMS_EN <= set1:
        gewoonte = "dmy" if _MS_FORMS_NL <= set1 else "mdy"
        meta = {k for k, s in zip(rij1, sleutels1, strict=True) if s in _MS_FORMS_META}
        afgeleid = {k for k in rij1 if _MS_FORMS_AFGELEID.match(k)}
        return Formaat(
            "microsoft_forms", 1, rij1, gewoonte, metakolommen=meta, niet_de_score=afgeleid
        )
    if sleutels1 and sleutels1[0] in _GOOGLE_EERSTE:
        gewoonte = "dmy" if sleutels1[0] == "tijdstempel" else "mdy"
        meta = {k for k, s in zip(rij1, sleutels1, strict=True) if s in _GOOGLE_META}
        return Formaat("google_forms", 1, rij1, gewoonte, metakolommen=meta)
    if soort == "xlsx":
        bron = "excel"
    else:
        bron = "excel_csv_nl" if scheidingsteken == ";" else "csv"
    meta = {k for k, s in zip(rij1, sleutels1, strict=True) if _ALGEMEEN_META.match(s)}
    return Formaat(bron, 1, rij1, "dmy", metakolommen=meta)


def _qualtrics(tabel: pd.DataFrame, rij1: list[str]) -> Formaat:
    rij2 = _rij(tabel, 1)
    rij3 = _rij(tabel, 2)
    import_ids: dict[str, str] = {}
    met_import = any(t.startswith('{"ImportId"') or t.startswith("{'ImportId'") for t in rij3)
    if met_import:
        for naam, t in zip(rij1, rij3, strict=True):
            try:
                waarde = json.loads(t).get("ImportId") if t.startswith("{") else None
            except (json.JSONDecodeError, AttributeError):
                waarde = None
            if waarde:
                import_ids[naam] = str(waarde)
    vragen = {k: v for k, v in zip(rij1, rij2, strict=True) if v and v != k}
    meta = set()
    for naam in rij1:
        iid = import_ids.get(naam)
        if iid is not None:
            if not iid.upper().startswith("QID"):
                meta.add(naam)
        elif _sleutel(naam) in _QUALTRICS_META:
            meta.add(naam)
    niet = {
        k
        for k in rij1
        if k.upper().endswith("_NPS_GROUP") or import_ids.get(k, "").upper().endswith("_NPS_GROUP")
    }
    return Formaat(
        "qualtrics",
        3 if met_import else 2,
        rij1,
        "dmy",
        vragen=vragen,
        import_ids=import_ids,
        metakolommen=meta,
        niet_de_score=niet,
    )


def _surveymonkey(tabel: pd.DataFrame, rij1: list[str]) -> Formaat:
    rij2 = _rij(tabel, 1)
    namen: list[str] = []
    meta: set[str] = set()
    vraag = ""
    for kop, sub in zip(rij1, rij2, strict=True):
        if kop:
            vraag = kop
        if not sub or _sleutel(sub) in _SM_SUBLABEL_GEEN or sub == vraag:
            naam = vraag
        else:
            naam = f"{vraag} - {sub}" if vraag else sub
        namen.append(naam)
        if kop and not sub and _sleutel(kop) in _SM_META | {"customdata1", "aangepastegegevens1"}:
            meta.add(naam)
        elif kop and not sub and _sleutel(kop).startswith(("customdata", "aangepastegegevens")):
            meta.add(naam)
    return Formaat("surveymonkey", 2, namen, "mdy", metakolommen=meta)


_PROEF_CODES = {"1", "2", "9", "17"}  # Survey Preview, Survey Test, Preview Spam, Offline Preview


def proefrijen(data: pd.DataFrame, formaat: Formaat) -> tuple[np.ndarray, np.ndarray]:
    """Qualtrics-voorbeeld- en testantwoorden: (masker, reden per rij).

    Qualtrics bewaart antwoorden uit 'Voorbeeld bekijken' (Status ``Survey Preview``,
    code 1) en uit 'Testantwoorden genereren' (``Survey Test``, code 2) tussen de echte
    antwoorden. Die zijn door de maker zelf gegeven, niet door klanten.
    """
    leeg = np.zeros(len(data), dtype=bool)
    if formaat.bron != "qualtrics" or "Status" not in data.columns:
        return leeg, np.array([], dtype=object)
    status = data["Status"]
    if isinstance(status, pd.DataFrame):
        status = status.iloc[:, 0]
    codes, uniek = pd.factorize(status, use_na_sentinel=True)
    teksten = np.array([str(u).strip() for u in uniek] + [""], dtype=object)
    proef = np.array(
        [t in _PROEF_CODES or "preview" in t.lower() or "test" in t.lower() for t in teksten[:-1]]
        + [False]
    )
    masker = proef[codes]
    return masker, teksten[codes[masker]]
