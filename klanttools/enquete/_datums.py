"""Datums en tijden uit tekst lezen, gevectoriseerd, met dag-maand- of maand-dagvolgorde.

Enquêteprogramma's schrijven datums elk op hun eigen manier:

=====================  ================================  =======================
programma              voorbeeld                         volgorde
=====================  ================================  =======================
Excel (NL), Google NL  ``23-11-2026 14:05:07``           dag-maand-jaar
Google Forms (EN)      ``11/23/2026 14:05:07``           maand/dag/jaar
Google Forms download  ``2026/11/23 2:05:07 PM GMT+1``   jaar/maand/dag
SurveyMonkey           ``11/23/2026 02:05:07 PM``        maand/dag/jaar
Qualtrics              ``2026-11-23 14:05:07``           jaar-maand-dag (ISO)
=====================  ================================  =======================

:func:`lees_datums` knipt elke waarde in cijfergroepen (met numpy, zonder lus per
rij), controleert dat alle waarden hetzelfde patroon volgen en bouwt daar
``datetime64[us]``-waarden van. Bij een schuine streep beslist de kolom zelf: een
eerste getal boven 12 betekent dag/maand, een tweede boven 12 maand/dag. Geven de
waarden geen uitsluitsel, dan geldt de gewoonte van het programma en komt er een
opmerking in het verslag. Een tijdzone-achtervoegsel (``GMT+1``) wordt genegeerd:
de tijd blijft de kloktijd zoals in het bestand.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["cijfergroepen", "lees_datums", "lijkt_datum", "uniek_maken"]

_MAX_LENGTE = 40
_MAX_VELDEN = 8

_MACHTEN = 10.0 ** np.arange(19)
_GEWICHTEN = np.uint64(1_000_003) ** np.arange(1, 4097, dtype=np.uint64)  # loopt rond: mag
_CIJFERS = re.compile(r"[0-9]+")

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")

_BEGIN = re.compile(r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:$|[\sT])")

# Het 'skelet' van een waarde: elke cijfergroep is één '9'.
_SKELET = re.compile(
    r"^9(?P<sep>[-/.])9(?P=sep)9"
    r"(?:(?:T|,? +)9:9(?P<sec>:9)?"
    r"(?: *(?P<ampm>[AaPp])\.? ?[Mm]\.?)?"
    r"(?: *(?:[A-Z]{2,5}|Z)(?P<zone>[+-]9(?::?9)?)?)?)?$"
)


def uniek_maken(waarden: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, unieke waarden), zodat ``uniek[codes]`` weer de kolom is.

    Een kolom met weinig verschillende waarden (scores, datums zonder tijd) hoeft zo maar
    één keer per waarde te worden ontleed. Is bijna elke waarde anders (tijdstempels,
    bedragen), dan kost het zoeken meer dan het oplevert en blijft alles zoals het is.
    """
    n = len(waarden)
    if n > 5000:
        _, voorbeeld = pd.factorize(waarden.iloc[:2000])
        if len(voorbeeld) > 1600:
            return np.arange(n), waarden.to_numpy(dtype=object)
    codes, uniek = pd.factorize(waarden)
    return codes, np.asarray(uniek, dtype=object)


def lijkt_datum(voorbeeld: list[str]) -> bool:
    """Beginnen alle voorbeeldwaarden als een datum (``d-m-jjjj``, ``m/d/jjjj``, ``jjjj-m-d``)?

    Examples
    --------
    >>> lijkt_datum(["23-11-2026 14:05", "1-2-2026"])
    True
    >>> lijkt_datum(["1.234,50"])
    False
    """
    return bool(voorbeeld) and all(_BEGIN.match(v) for v in voorbeeld)


def cijfergroepen(waarden: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Knip elke tekst in cijfergroepen, voor alle teksten tegelijk (numpy, geen lus per rij).

    Geeft (waarde per groep als float, aantal cijfers per groep, de unieke skeletten,
    skeletnummer per tekst). Het skelet is de tekst met elke cijfergroep vervangen
    door één '9': ``"23-11-2026 14:05"`` wordt ``"9-9-9 9:9"``, ``"1.234,50"`` wordt
    ``"9.9,9"``. Waarden zijn exact tot 2**53 (15 cijfers).

    Examples
    --------
    >>> velden, n, skeletten, welk = cijfergroepen(np.array(["1.234,50", "7"], dtype=object))
    >>> velden[0, :3].tolist(), n[0, :3].tolist(), skeletten.tolist(), welk.tolist()
    ([1.0, 234.0, 50.0], [1, 3, 2], ['9', '9.9,9'], [1, 0])
    """
    u = np.asarray(waarden, dtype=str)
    n = len(u)
    if u.dtype.itemsize == 0 or n == 0:
        u = u.astype("<U1")
    breedte = u.dtype.itemsize // 4
    tekens = u.view(np.uint32).reshape(n, breedte)
    cijfer = (tekens - 48) <= 9  # uint32 loopt rond: alleen '0'..'9' blijft <= 9
    start = cijfer.copy()
    start[:, 1:] &= ~cijfer[:, :-1]

    plat_c = cijfer.ravel()
    plat_s = start.ravel()
    groep = np.cumsum(plat_s) - 1  # groepnummer van elk teken
    g = groep[plat_c]
    aantal_groepen = int(groep[-1]) + 1 if groep.size else 0
    lengte = np.bincount(g, minlength=aantal_groepen)
    startpos = np.flatnonzero(plat_s)
    positie = np.flatnonzero(plat_c) - startpos[g]
    macht = np.minimum(lengte[g] - 1 - positie, 18)
    cijfers = (tekens.ravel()[plat_c] - 48).astype(np.float64)
    waarde = np.bincount(g, weights=cijfers * _MACHTEN[macht], minlength=aantal_groepen)

    rij = startpos // breedte
    veldnr = np.cumsum(start, axis=1).ravel()[startpos] - 1
    ok = veldnr < _MAX_VELDEN
    velden = np.zeros((n, _MAX_VELDEN))
    ncijfers = np.zeros((n, _MAX_VELDEN), dtype=np.int64)
    velden[rij[ok], veldnr[ok]] = waarde[ok]
    ncijfers[rij[ok], veldnr[ok]] = lengte[ok]

    # Skelet: elke cijfergroep telt als één '9'. Per tekst een 64-bits vingerafdruk van
    # de tekens die overblijven (op hun plaats ná het samenvouwen); alleen van één
    # voorbeeld per vingerafdruk wordt het skelet als tekst gemaakt.
    houden = ~cijfer | start
    plaats = np.cumsum(houden, axis=1) - 1
    code = np.where(start, np.uint64(57), tekens.astype(np.uint64)) * houden
    afdruk = (code * _GEWICHTEN[:breedte][plaats]).sum(axis=1, dtype=np.uint64)
    _, eerste, welk = np.unique(afdruk, return_index=True, return_inverse=True)
    skeletten = np.array([_CIJFERS.sub("9", str(t)) for t in u[eerste]], dtype=object)
    return velden, ncijfers, skeletten, welk.ravel()


def lees_datums(waarden: pd.Series, gewoonte: str = "dmy") -> tuple[np.ndarray | None, str | None]:
    """Lees een kolom tekstdatums; geef (datetime64[us]-array of None, opmerking of None).

    ``waarden`` bevat alleen niet-lege teksten. None betekent: niet elke waarde is een
    geldige datum in één en hetzelfde patroon; de kolom blijft dan tekst. ``gewoonte``
    (``"dmy"`` of ``"mdy"``) beslist alleen als de waarden zelf geen uitsluitsel geven.

    Examples
    --------
    >>> d, opm = lees_datums(pd.Series(["23-11-2026 14:05", "1-2-2026 9:00"]))
    >>> d.tolist()[0], opm
    (datetime.datetime(2026, 11, 23, 14, 5), None)
    >>> d, opm = lees_datums(pd.Series(["11/23/2026 02:05:07 PM"]))
    >>> str(d[0])
    '2026-11-23T14:05:07.000000'
    """
    n = len(waarden)
    if n == 0:
        return np.empty(0, dtype="datetime64[us]"), None
    if all(_ISO.match(v) for v in waarden.iloc[:50]):
        # jjjj-mm-dd uu:mm:ss (Qualtrics): de snelle ISO-lezer van pandas. Lukt dat niet
        # voor elke waarde (of staat er een tijdzone in), dan gewoon hieronder verder.
        try:
            iso = pd.to_datetime(waarden, format="ISO8601", errors="coerce")
        except (ValueError, TypeError, OverflowError):
            iso = None
        if (
            iso is not None
            and isinstance(iso.dtype, np.dtype)
            and not iso.isna().any()
            and iso.dt.year.between(1900, 2200).all()
        ):
            return iso.to_numpy().astype("datetime64[us]"), None
    codes, uniek = uniek_maken(waarden)
    lengtes = np.fromiter(map(len, uniek), dtype=np.int64, count=len(uniek))
    if lengtes.max() > _MAX_LENGTE:
        return None, None
    velden, ncijfers, skeletten, welk = cijfergroepen(uniek)

    # Elk skelet ontleden (het zijn er hooguit een handvol).
    info = []
    for sk in skeletten:
        m = _SKELET.match(sk.strip())
        if m is None:
            return None, None
        info.append(m)
    scheidingstekens = {m["sep"] for m in info}
    if len(scheidingstekens) != 1:
        return None, None
    sep = scheidingstekens.pop()
    heeft_tijd = np.array([m.group(0).count(":") > 0 for m in info])[welk]
    ampm = np.array([(m["ampm"] or "").upper() for m in info], dtype=object)[welk]

    jaar_eerst = ncijfers[:, 0] == 4
    if jaar_eerst.all():
        jaar, maand, dag = velden[:, 0], velden[:, 1], velden[:, 2]
        if not np.isin(ncijfers[:, 1:3], (1, 2)).all():
            return None, None
        opmerking = None
    elif not jaar_eerst.any():
        if not (np.isin(ncijfers[:, 2], (2, 4)).all() and np.isin(ncijfers[:, :2], (1, 2)).all()):
            return None, None
        eerste, tweede = velden[:, 0], velden[:, 1]
        dag_eerst = bool((eerste > 12).any())
        maand_eerst = bool((tweede > 12).any())
        opmerking = None
        if dag_eerst and maand_eerst:
            return None, None
        if not (dag_eerst or maand_eerst):
            if sep in "-.":
                dag_eerst = True  # 23-11-2026: de Nederlandse schrijfwijze
            elif (ampm != "").any():
                maand_eerst = True  # AM/PM: Amerikaanse schrijfwijze
            else:
                dag_eerst = gewoonte == "dmy"
                maand_eerst = not dag_eerst
                opmerking = (
                    "dag en maand niet te onderscheiden (geen getal boven 12); "
                    + ("dag/maand/jaar" if dag_eerst else "maand/dag/jaar")
                    + " aangenomen, de gewoonte van dit programma"
                )
        dag, maand = (eerste, tweede) if dag_eerst else (tweede, eerste)
        jaar = velden[:, 2] + np.where(ncijfers[:, 2] == 2, 2000, 0)
    else:
        return None, None

    uur = np.where(heeft_tijd, velden[:, 3], 0)
    minuut = np.where(heeft_tijd, velden[:, 4], 0)
    heeft_sec = np.array([m["sec"] is not None for m in info])[welk]
    seconde = np.where(heeft_sec, velden[:, 5], 0)
    is_ampm = ampm != ""
    if (is_ampm & ((uur < 1) | (uur > 12))).any():
        return None, None
    uur = np.where(is_ampm, uur % 12 + np.where(ampm == "P", 12, 0), uur)

    if not (
        ((maand >= 1) & (maand <= 12)).all()
        and ((dag >= 1) & (dag <= 31)).all()
        and ((jaar >= 1900) & (jaar <= 2200)).all()
        and (uur <= 23).all()
        and (minuut <= 59).all()
        and (seconde <= 59).all()
    ):
        return None, None
    jm = ((jaar - 1970) * 12 + (maand - 1)).astype(np.int64).astype("datetime64[M]")
    dagen = jm.astype("datetime64[D]") + (dag - 1).astype(np.int64).astype("timedelta64[D]")
    if (dagen.astype("datetime64[M]") != jm).any():
        return None, None  # 31-2-2026 en dergelijke
    tijd = (uur * 3600 + minuut * 60 + seconde).astype(np.int64) * 1_000_000
    resultaat = dagen.astype("datetime64[us]") + tijd.astype("timedelta64[us]")
    return resultaat[codes], opmerking
