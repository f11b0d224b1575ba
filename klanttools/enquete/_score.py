"""De NPS-vraag vinden en de antwoorden omzetten naar scores 0–10.

Zoekvolgorde (de eerste stap met kandidaten beslist; meer dan één kandidaat in die
stap is een fout die de kandidaten noemt):

1. de kolomkop of vraagtekst noemt aanbevelen, aanraden, recommend, NPS of Net
   Promoter, en de meeste antwoorden beginnen met een getal;
2. de kop noemt 'score', 'waarschijnlijk' of 'likely', met dezelfde eis;
3. de waarden: alleen hele getallen 0–10 (of keuzeteksten als "10 - Zeer
   waarschijnlijk"), geen metakolom (ID, voortgang …), en niet alleen 0/1 of 1–5.

Een antwoord mag een getal zijn (``7``), een tekstgetal (``"7"``, ``"7,0"``) of een
keuzetekst die met het getal begint (``"10 - Extremely likely"``). Leeg is geen fout.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from klanttools._controle import MAX_GETOOND, getal_nl, opsomming, toon
from klanttools.enquete._formaten import Formaat

__all__ = [
    "Keuze",
    "controleer_scores",
    "kies_scorekolom",
    "lees_scores",
    "lijkt_schoolcijfer",
    "zoek_kolom",
]

_STERK = re.compile(
    r"aanbevel|aanraden|aan te raden|aan te bevelen|recommend|net promot|\bnps\b",
    re.IGNORECASE,
)
_ZWAK = re.compile(r"\bscore|waarschijnlijk|likely|likelihood", re.IGNORECASE)
# Een getal, eventueel gevolgd door een keuzetekst: "10 - Zeer waarschijnlijk", "0 (nooit)".
_KEUZE = re.compile(r"^([-+]?\d+(?:[.,]\d+)?)(?:$|\s*[-–—:(](?!\s*\d)|\s*[^\W\d_])")
_AFGELEID = re.compile(
    r"nps[ _-]?(group|groep)|[-–] (group|groep)$|categorie|category", re.IGNORECASE
)

_VOORBEELD = 50


@dataclass
class Keuze:
    """De gekozen scorekolom en hoe die gevonden is."""

    kolom: str
    via: str  # "score_kolom", "vraagtekst" of "waarden"


def lees_scores(kolom: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Zet ruwe antwoorden om in getallen.

    Geeft (getal per rij met NaN voor leeg of onleesbaar, masker 'leeg', masker
    'geen getal'). De controle op 0–10 en hele getallen doet de aanroeper.

    Examples
    --------
    >>> s = pd.Series(["10 - Zeer waarschijnlijk", "7", None, " ", "weet niet", 8.0])
    >>> waarde, leeg, fout = lees_scores(s)
    >>> waarde.tolist()[:2], leeg.tolist(), fout.tolist()
    ([10.0, 7.0], [False, False, True, True, False, False], [False, False, False, False, True, False])
    """
    n = len(kolom)
    if pd.api.types.is_bool_dtype(kolom.dtype):
        leeg = kolom.isna().to_numpy()
        return np.full(n, np.nan), leeg, ~leeg
    if pd.api.types.is_numeric_dtype(kolom.dtype):
        waarde = kolom.to_numpy(dtype="float64", na_value=np.nan)
        return waarde, np.isnan(waarde), np.zeros(n, dtype=bool)
    codes, uniek = pd.factorize(kolom, use_na_sentinel=True)
    u_waarde = np.full(len(uniek) + 1, np.nan)  # laatste plek: NaN voor code -1
    u_leeg = np.zeros(len(uniek) + 1, dtype=bool)
    u_leeg[-1] = True
    u_fout = np.zeros(len(uniek) + 1, dtype=bool)
    for i, v in enumerate(uniek):
        if isinstance(v, bool | np.bool_):
            u_fout[i] = True
        elif isinstance(v, int | float | np.integer | np.floating):
            if np.isnan(v):
                u_leeg[i] = True
            else:
                u_waarde[i] = float(v)
        elif isinstance(v, str):
            t = v.strip()
            if not t:
                u_leeg[i] = True
                continue
            m = _KEUZE.match(t)
            if m is None:
                u_fout[i] = True
            else:
                u_waarde[i] = float(m.group(1).replace(",", "."))
        else:
            u_fout[i] = True
    return u_waarde[codes], u_leeg[codes], u_fout[codes]


def _toon_cel(v: object) -> str:
    if isinstance(v, str):
        t = v.strip()
        return t if re.fullmatch(r"[-+]?\d+", t) else repr(t)
    if isinstance(v, float):
        return getal_nl(v, 10).rstrip("0").rstrip(",") if not v.is_integer() else str(int(v))
    return toon(v)


def controleer_scores(
    kolom: pd.Series,
    rijnummers: np.ndarray,
    *,
    naam: str,
    bestand: str,
    opgegeven: bool = True,
) -> tuple[pd.Series, int]:
    """Scores als Int64 (<NA> = leeg) en het aantal lege antwoorden; fout bij ongeldige."""
    waarde, leeg, fout = lees_scores(kolom)
    geldig = ~leeg & ~fout
    fout = fout | (geldig & ((waarde != np.floor(waarde)) | (waarde < 0) | (waarde > 10)))
    if fout.any():
        posities = np.flatnonzero(fout)
        ruw = kolom.to_numpy(dtype=object)
        delen = [f"{_toon_cel(ruw[p])} (rij {int(rijnummers[p])})" for p in posities[:MAX_GETOOND]]
        if len(posities) > MAX_GETOOND:
            delen.append(f"nog {len(posities) - MAX_GETOOND} andere")
        aantal = len(posities)
        waar = (
            f"score_kolom {naam!r} in '{bestand}'"
            if opgegeven
            else f"'{bestand}', kolom {naam!r} (de NPS-vraag)"
        )
        raise ValueError(
            f"{waar}: {aantal} "
            f"{'antwoord is' if aantal == 1 else 'antwoorden zijn'} geen geldige NPS-score: "
            f"{opsomming(delen, MAX_GETOOND + 1)}. Toegestaan: hele getallen van 0 tot en met "
            "10, of een keuzetekst die met zo'n getal begint ('10 - Zeer waarschijnlijk'); "
            "een leeg antwoord mag en telt niet mee. Verbeter die cellen in het bestand, of "
            "kies met score_kolom= een andere kolom."
        )
    scores = pd.arrays.IntegerArray(np.where(leeg, 0, waarde).astype(np.int64), leeg.copy())
    return pd.Series(scores, index=kolom.index, name="score"), int(leeg.sum())


def _getalachtig(kolom: pd.Series) -> tuple[float, int]:
    """(aandeel antwoorden dat met een getal begint, aantal niet-lege) in een steekproef."""
    gevuld = kolom[kolom.notna()].iloc[: 4 * _VOORBEELD]
    _, leeg, fout = lees_scores(gevuld)
    telbaar = int((~leeg).sum())
    if telbaar == 0:
        return 0.0, 0
    return 1 - int(fout.sum()) / telbaar, telbaar


def _alleen_nps_waarden(kolom: pd.Series) -> bool:
    """Zijn alle niet-lege waarden hele getallen 0–10, en geen 0/1- of 1–5-schaal?"""
    waarde, leeg, fout = lees_scores(kolom)
    if fout.any() or leeg.all():
        return False
    w = waarde[~leeg]
    if (w != np.floor(w)).any() or (w < 0).any() or (w > 10).any():
        return False
    if np.isin(w, (0, 1)).all() or ((w >= 1) & (w <= 5)).all():
        return False
    return True


_CIJFER = re.compile(r"cijfer|rapport|\bgrade\b|beoordeling|rating", re.IGNORECASE)


def lijkt_schoolcijfer(kolom: str, scores: pd.Series) -> str | None:
    """Waarschuwing als een kolom die alleen op de waarden is gekozen eerder een cijfer lijkt.

    Een cijfer van 1 tot en met 10 ("welk cijfer geef je ons?") is geen NPS-vraag: die loopt
    van 0 tot en met 10 en vraagt of je ons zou aanbevelen.

    >>> print(lijkt_schoolcijfer("Rapportcijfer", pd.Series([7, 8, 6, 9], dtype="Int64")))
    Let op: 'Rapportcijfer' is als NPS-vraag gekozen op de waarden alleen, maar de kop noemt een cijfer. ...
    >>> lijkt_schoolcijfer("V3", pd.Series([0, 7, 10, 9, 3, 8, 8, 6, 9, 10], dtype="Int64")) is None
    True
    """
    geldig = scores.dropna()
    redenen = []
    if _CIJFER.search(kolom):
        redenen.append("de kop noemt een cijfer")
    if len(geldig) >= 10 and bool((geldig >= 1).all()):
        redenen.append(f"geen van de {len(geldig)} antwoorden is een 0")
    if not redenen:
        return None
    return (
        f"Let op: {kolom!r} is als NPS-vraag gekozen op de waarden alleen, maar "
        f"{' en '.join(redenen)}. Een cijfer van 1 tot en met 10 is geen NPS-score: de "
        "NPS-vraag loopt van 0 tot en met 10 en vraagt hoe waarschijnlijk het is dat iemand "
        "je aanbeveelt. Is dit niet die vraag, geef dan de juiste kolom op met score_kolom=."
    )


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst.strip().lower())


def zoek_kolom(gevraagd: str, kolommen: Sequence[str], formaat: Formaat, bestand: str) -> str:
    """Zoek de kolom die de gebruiker met ``score_kolom=`` bedoelt."""
    if gevraagd in kolommen:
        return gevraagd
    for naam, iid in formaat.import_ids.items():
        if iid == gevraagd and naam in kolommen:
            return naam
    for naam, vraag in formaat.vragen.items():
        if vraag == gevraagd and naam in kolommen:
            return naam
    doel = _normaal(gevraagd)
    gevonden = [k for k in kolommen if _normaal(k) == doel]
    gevonden += [n for n, v in formaat.vragen.items() if _normaal(v) == doel and n in kolommen]
    gevonden += [n for n, i in formaat.import_ids.items() if _normaal(i) == doel and n in kolommen]
    gevonden = list(dict.fromkeys(gevonden))
    if len(gevonden) == 1:
        return gevonden[0]
    opties = list(kolommen) + list(formaat.vragen.values())
    lijkt = difflib.get_close_matches(gevraagd, opties, n=3, cutoff=0.5)
    hint = f" Bedoelde je {opsomming([repr(x) for x in lijkt])}?" if lijkt else ""
    raise ValueError(
        f"score_kolom: {gevraagd!r} is geen kolom in '{bestand}'.{hint} Toegestaan: een "
        f"kolomkop uit het bestand, zoals {opsomming([repr(k) for k in kolommen], 8)}."
    )


def kies_scorekolom(data: pd.DataFrame, formaat: Formaat, bestand: str) -> Keuze:
    """Vind de NPS-vraag aan de vraagtekst, anders aan de waarden."""
    kolommen = list(data.columns)
    uitgesloten = formaat.niet_de_score

    def tekst(k: str) -> str:
        return f"{k} {formaat.vragen.get(k, '')}"

    sterk, zwak = [], []
    for k in kolommen:
        if k in uitgesloten or k in formaat.metakolommen or _AFGELEID.search(tekst(k)):
            continue
        if _STERK.search(tekst(k)):
            sterk.append(k)
        elif _ZWAK.search(tekst(k)):
            zwak.append(k)
    for groep in (sterk, zwak):
        beoordeeld = [(k, *_getalachtig(data[k])) for k in groep]
        met_antwoorden = [k for k, aandeel, n in beoordeeld if n > 0 and aandeel >= 0.5]
        kandidaten = met_antwoorden or [k for k, _, n in beoordeeld if n == 0]
        if len(kandidaten) == 1:
            return Keuze(kandidaten[0], "vraagtekst")
        if len(kandidaten) > 1:
            raise _dubbelzinnig(kandidaten, formaat, bestand, "de vraagtekst")

    waarden = [
        k
        for k in kolommen
        if k not in uitgesloten
        and k not in formaat.metakolommen
        and _getalachtig(data[k])[0] == 1.0
        and _alleen_nps_waarden(data[k])
    ]
    if len(waarden) == 1:
        return Keuze(waarden[0], "waarden")
    if len(waarden) > 1:
        raise _dubbelzinnig(waarden, formaat, bestand, "de waarden (hele getallen 0–10)")
    raise ValueError(
        f"'{bestand}': geen NPS-vraag gevonden. Gezocht naar een kolomkop met "
        "'aanbevelen', 'aanraden', 'recommend' of 'NPS', en naar een kolom met alleen hele "
        "getallen van 0 tot en met 10. Kolommen in het bestand: "
        f"{opsomming([repr(k) for k in kolommen], 12)}. Geef de juiste kolom op, "
        "bijvoorbeeld lees_enquete(pad, score_kolom='Naam van de kolom')."
    )


def _dubbelzinnig(kandidaten: list[str], formaat: Formaat, bestand: str, via: str) -> ValueError:
    def label(k: str) -> str:
        vraag = formaat.vragen.get(k)
        return f"{k!r} ({vraag[:60]!r})" if vraag else repr(k)

    return ValueError(
        f"'{bestand}': {len(kandidaten)} kolommen kunnen de NPS-vraag zijn (herkend aan "
        f"{via}): {opsomming([label(k) for k in kandidaten], 10)}. Kies er één met "
        f"score_kolom=, bijvoorbeeld lees_enquete(pad, score_kolom={kandidaten[0]!r})."
    )
