"""Maak de synthetische cursusdatasets van klanttools, reproduceerbaar.

**Alle gegevens zijn verzonnen (synthetisch).** Er bestaat geen openlijk
gelicenseerde dataset met NPS-antwoorden of B2B-klantgegevens op het niveau van
losse respondenten of accounts. Daarom maakt dit script ze na, met een vast
startgetal (seed) voor ``numpy.random.default_rng``, zodat dezelfde versie van
dit script altijd byte voor byte dezelfde bestanden oplevert. Een test in
``tests/test_datasets.py`` draait het script opnieuw en vergelijkt het resultaat
met de bestanden in ``data/``: die kunnen dus nooit stil uit elkaar lopen.

Het verhaal achter de data
--------------------------
Alle vier de datasets gaan over **Kruisveld Techniek B.V.**, een verzonnen
technische groothandel (installatiemateriaal, elektrotechniek, klimaattechniek,
gereedschap) met klanten in heel Nederland. Elke overeenkomst met een bestaand
bedrijf of persoon berust op toeval.

* ``nps_enquete.csv``: vier NPS-metingen onder contactpersonen van de klanten
  (voorjaar en najaar 2025 en 2026), met de open vervolgvraag uit het boek:
  "Wat zouden wij moeten verbeteren om de volgende keer een hogere score te
  halen?"
* ``accounts.csv``: de 300 zakelijke klanten (accounts) met omzet, marge, groei,
  relatie- en koopgedrag, share of wallet en betalingsgedrag.
* ``leads.csv``: de salesfunnel van nieuwe klanten, van suspect tot klant.
* ``waardestrategie.csv``: zelfbeoordeling van de waardestrategie door vier
  medewerkers van elk van zeven verzonnen bedrijven (waaronder Kruisveld Techniek).

Wat er bewust in zit (voor docenten)
------------------------------------
*NPS-enquête.* Scores stapelen zich op bij 7 en 8 (de Nederlandse "8 is goed",
die als passief telt), zodat de NPS laag uitvalt. In september 2025 stapt
Kruisveld over op een nieuw ERP-systeem: in het najaar van 2025 zakt de NPS en
gaan veel meer antwoorden over facturatie, levertijd en orderstatus. In februari
2026 komt er een nieuwe webshop: in het voorjaar van 2026 klagen vooral
monteurs en kleine klanten over de webshop. In 2026 volgen de accountmanagers
een training en komt er extra personeel bij de binnendienst: klachten over de
accountmanager en de bereikbaarheid nemen af. Key accounts zijn het meest
positief, klein zakelijke klanten het minst. Contactpersonen van accounts met
een goed relatiegedrag (zie ``accounts.csv``) geven hogere scores.

De thema's in de open antwoorden (niet als kolom opgenomen: studenten zoeken ze
zelf) staan in ``THEMAS`` in ``data/_maak_open_antwoorden.py``: levertijd, prijs, bereikbaarheid
klantenservice, kennis accountmanager, facturatie, webshop, orderstatus en
communicatie, assortiment, en "geen verbeterpunt". Een deel van de antwoorden
noemt twee thema's. Er zitten ook niet-antwoorden in ("nvt", "-", "weet ik
niet"), komma's, aanhalingstekens en een enkel antwoord in hoofdletters.

*Accounts.* De omzet is scheef verdeeld (lognormaal), zodat een ABC-analyse de
bekende 20/80-verdeling laat zien. De indeling in ``segment`` (key account, MKB,
klein zakelijk) is die van de verkooporganisatie en valt niet samen met de
ABC-klassen: sommige key accounts zijn geen A-klant. Relatiegedrag en
koopgedrag (1–10) vormen vier duidelijke groepen (Partner, Vriend, Economicus,
Dog); de groep zelf staat niet in de data. Economici hebben lagere marges,
Vrienden een lage share of wallet. Een paar grote accounts betalen slecht: die
vallen af bij een knock-out op betalingsgedrag.

*Leads.* Conversie verschilt per bron: netwerk en aanbesteding converteren
het best naar lead, koude acquisitie het slechtst; een beurs levert veel leads
maar weinig prospects; aanbestedingen leveren grote offertes maar worden vaak
verloren. Leads die op de peildatum (31 oktober 2026) nog lopen, hebben nog
geen latere datum.

*Waardestrategie.* Zeven bedrijven, elk een ander geval voor
``klanttools.waardestrategie.beoordeel`` (drempel 3,0, voorsprong 0,75): zie
``WAARDESTRATEGIE`` hieronder. Per bedrijf vulden vier medewerkers de lijst in
(``RESPONDENT_SOMMEN``): bij vijf bedrijven zijn ze het eens, bij Zilverdijk
zijn er twee kampen en bij Valkgaard verbergt het vlakke gemiddelde dat elke
medewerker een andere strategie ziet.

Gebruik
-------
Vanuit de hoofdmap van het project::

    python data/maak_datasets.py               # schrijft naar data/
    python data/maak_datasets.py --uitvoer MAP # schrijft naar een andere map

Het script gebruikt alleen numpy en de standaardbibliotheek. De CSV-bestanden
zijn UTF-8 zonder BOM, met ``,`` als scheidingsteken, ``.`` als decimaalteken,
``\\n`` als regeleinde, datums als ISO 8601 (``2025-03-14``) en een lege cel
voor een ontbrekende waarde.

Elke dataset heeft een eigen toevalsgenerator, ``default_rng([ZAAD, n])``: een
wijziging aan één dataset verandert de andere niet. Let op: numpy belooft geen
identieke toevalsgetallen over alle toekomstige versies heen; de bestanden zijn
gemaakt met numpy 2.4. Geeft een nieuwere numpy andere bestanden, dan meldt de
test dat, en moet de docent bewust kiezen om opnieuw te genereren.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ZAAD = 20251103
"""Het vaste startgetal (seed) van alle datasets."""

PEILDATUM = dt.date(2026, 10, 31)
"""De datum waarop de data 'getrokken' zijn: niets in de data ligt later."""

LEVERANCIER = "Kruisveld Techniek B.V."
"""De verzonnen technische groothandel waar alle datasets over gaan."""

MAP = Path(__file__).resolve().parent

REGIO = ("Noord", "Oost", "Midden", "Zuid", "West")
SECTOREN = (
    "Installatietechniek",
    "Bouw",
    "Industrie",
    "Facilitair onderhoud",
    "Overheid en onderwijs",
)
SEGMENTEN = ("Key account", "MKB", "Klein zakelijk")
ROLLEN = ("Inkoper", "Projectleider", "Monteur", "Directie")
METINGEN = ("voorjaar 2025", "najaar 2025", "voorjaar 2026", "najaar 2026")
BRONNEN = ("inbound", "koude acquisitie", "netwerk", "beurs", "aanbesteding")
FASEN = ("suspect", "lead", "prospect", "klant")


# --------------------------------------------------------------------------
# Hulpfuncties
# --------------------------------------------------------------------------


def _kies(rng: np.random.Generator, opties: Sequence[str], kansen: Sequence[float]) -> str:
    """Kies één optie met de gegeven (niet per se genormaliseerde) kansen."""
    p = np.asarray(kansen, dtype=float)
    return opties[int(rng.choice(len(opties), p=p / p.sum()))]


def _werkdag(d: dt.date) -> dt.date:
    """Schuif een datum in het weekend door naar de maandag erna."""
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def _schrijf(pad: Path, kolommen: Sequence[str], rijen: list[list[object]]) -> None:
    """Schrijf een CSV-bestand: UTF-8, komma, '\\n', lege cel voor None."""
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(kolommen)
        for rij in rijen:
            assert len(rij) == len(kolommen), (pad.name, rij)
            w.writerow(["" if v is None else v for v in rij])


def _dec(x: float, decimalen: int = 1) -> str:
    """Een getal als tekst met vaste decimalen (geen '-0.0')."""
    tekst = f"{x:.{decimalen}f}"
    return tekst[1:] if tekst.startswith("-") and float(tekst) == 0 else tekst


def _hulpmodule(naam: str):
    """Laad ``data/<naam>.py`` (een generator naast dit script), vanuit elke map."""
    spec = importlib.util.spec_from_file_location(naam, MAP / f"{naam}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_OPEN = _hulpmodule("_maak_open_antwoorden")
THEMAS = _OPEN.THEMAS
"""De thema's van de open antwoorden (zie ``data/_maak_open_antwoorden.py``)."""


# --------------------------------------------------------------------------
# 1. Accounts
# --------------------------------------------------------------------------

_STAM_1 = (
    "Kroon", "Zilver", "Brak", "Helm", "Wester", "Linde", "Eiken", "Ruis", "Valk",
    "Hoog", "Molen", "Zand", "Beek", "Klaver", "Vlier", "Gouw", "Heide", "Storm",
    "Ooster", "Noorder", "Esch", "Dommel", "Berken", "Wilgen", "Haver", "Ijzer",
    "Koper", "Leeuw", "Marken", "Riet", "Sluis", "Tulp", "Veen", "Wade", "Zwaluw",
)  # fmt: skip
_STAM_2 = (
    "veld", "dijk", "horst", "gaard", "broek", "kamp", "hof", "berg", "wijk",
    "burg", "rade", "hoven", "stein", "lo", "mond", "donk", "water", "land",
)  # fmt: skip
_VORM = {
    "Installatietechniek": (
        "{n} Installatietechniek B.V.",
        "Installatiebedrijf {n}",
        "{n} Installaties",
        "Elektrotechniek {n} B.V.",
        "{n} Klimaattechniek",
        "Installatiegroep {n}",
        "{n} & Zn. Installaties",
    ),
    "Bouw": (
        "Bouwbedrijf {n} B.V.",
        "Aannemersbedrijf {n}",
        "{n} Bouw",
        "Bouwgroep {n}",
        "{n} Renovatie & Bouw",
    ),
    "Industrie": (
        "{n} Metaalbewerking B.V.",
        "Machinefabriek {n}",
        "{n} Precisietechniek",
        "{n} Verpakkingen B.V.",
        "{n} Industrial Solutions",
    ),
    "Facilitair onderhoud": (
        "{n} Vastgoedonderhoud",
        "Onderhoudsgroep {n}",
        "{n} Servicetechniek B.V.",
        "{n} Facilitaire Diensten",
    ),
    "Overheid en onderwijs": (
        "Gemeente {n}",
        "Scholengroep {n}",
        "Waterschap {n}",
        "Woningcorporatie {n}",
        "Stichting Onderwijs {n}",
    ),
}

# De vier klantgroepen (relatiegedrag × koopgedrag). Alleen gebruikt om de data te
# maken; de kolom zelf zit niet in de dataset.
_GROEPEN = ("Partner", "Vriend", "Economicus", "Dog")
_GROEP_KANS = {  # per segment
    "Key account": (0.40, 0.10, 0.40, 0.10),
    "MKB": (0.28, 0.20, 0.24, 0.28),
    "Klein zakelijk": (0.18, 0.20, 0.20, 0.42),
}
_RELATIE_HOOG = {"Partner": True, "Vriend": True, "Economicus": False, "Dog": False}
_KOOP_HOOG = {"Partner": True, "Vriend": False, "Economicus": True, "Dog": False}


def _bedrijfsnamen(rng: np.random.Generator, sectoren: list[str]) -> list[str]:
    namen: list[str] = []
    gebruikt_stam: set[str] = set()
    for sector in sectoren:
        while True:
            stam = str(rng.choice(_STAM_1)) + str(rng.choice(_STAM_2))
            if stam in gebruikt_stam:
                continue
            vorm = str(rng.choice(_VORM[sector]))
            gebruikt_stam.add(stam)
            namen.append(vorm.format(n=stam))
            break
    return namen


def maak_accounts(rng: np.random.Generator, n: int = 300) -> tuple[list[str], list[list[object]]]:
    """Maak de accountdataset (zie data/README.md voor de kolommen)."""
    # Omzet bij Kruisveld: lognormaal, zodat ~20% van de klanten ~80% van de omzet haalt.
    log_omzet = rng.normal(math.log(14_000), 1.7, n)
    omzet = np.clip(np.round(np.exp(log_omzet), -1), 450, None).astype(int)

    # Segment van de verkooporganisatie: vooral naar omzet, maar niet precies.
    ruis = np.log(omzet) + rng.normal(0, 1.1, n)
    rang = np.argsort(-ruis, kind="stable")
    segment = np.empty(n, dtype=object)
    segment[rang[:24]] = "Key account"
    segment[rang[24:130]] = "MKB"
    segment[rang[130:]] = "Klein zakelijk"

    sector = [_kies(rng, SECTOREN, (0.40, 0.20, 0.18, 0.12, 0.10)) for _ in range(n)]
    regio = [_kies(rng, REGIO, (0.12, 0.18, 0.18, 0.22, 0.30)) for _ in range(n)]
    namen = _bedrijfsnamen(rng, sector)

    rijen: list[list[object]] = []
    for i in range(n):
        groep = _kies(rng, _GROEPEN, _GROEP_KANS[segment[i]])
        rel_hoog, koop_hoog = _RELATIE_HOOG[groep], _KOOP_HOOG[groep]
        relatie = int(
            np.clip(round(rng.normal(7.6, 1.1) if rel_hoog else rng.normal(3.5, 1.2)), 1, 10)
        )
        koop = int(
            np.clip(round(rng.normal(7.8, 1.0) if koop_hoog else rng.normal(3.4, 1.3)), 1, 10)
        )
        sow = float(np.clip(0.085 * koop - 0.08 + rng.normal(0, 0.07), 0.02, 0.97))
        marge = 29.0 - 2.4 * (math.log10(omzet[i]) - 4) + rng.normal(0, 2.8)
        if groep == "Economicus":
            marge -= 4.0
        elif groep == "Partner":
            marge += 1.5
        marge = float(np.clip(marge, 8.0, 42.0))
        groei = rng.normal(3.0, 9.0) + {"Partner": 5.0, "Vriend": 1.0, "Economicus": 0.0}.get(
            groep, -5.0
        )
        groei = float(np.clip(groei, -45.0, 60.0))
        duur = rng.exponential(13.0 if rel_hoog else 6.0)
        klant_sinds = int(np.clip(2026 - round(duur), 1988, 2026))
        if rng.random() < 0.07:
            betaling = int(rng.integers(2, 6))  # slechte betaler
        else:
            betaling = int(np.clip(round(rng.normal(8.2, 1.1)), 5, 10))
        orderwaarde = math.exp(rng.normal(math.log(650), 0.5))
        orders = max(1, round(omzet[i] / orderwaarde))
        rijen.append(
            [
                f"A{i + 1:03d}",
                namen[i],
                sector[i],
                regio[i],
                segment[i],
                klant_sinds,
                int(omzet[i]),
                orders,
                _dec(marge),
                _dec(groei),
                _dec(sow, 2),
                relatie,
                koop,
                betaling,
            ]
        )

    # Een paar grote accounts betalen slecht: een knock-out raakt ook een A-klant.
    grootste = np.argsort(-omzet, kind="stable")[:40]
    for j in rng.choice(grootste, size=3, replace=False):
        rijen[int(j)][13] = int(rng.integers(2, 5))

    kolommen = [
        "account_id",
        "bedrijfsnaam",
        "sector",
        "regio",
        "segment",
        "klant_sinds",
        "omzet",
        "orders_per_jaar",
        "marge",
        "groei",
        "share_of_wallet",
        "relatiegedrag",
        "koopgedrag",
        "betalingsgedrag",
    ]
    return kolommen, rijen


# --------------------------------------------------------------------------
# 2. NPS-enquête
# --------------------------------------------------------------------------

# Veldwerk per meting: eerste dag (uitnodiging) en herinnering na 9 dagen.
_VELDWERK = {
    "voorjaar 2025": dt.date(2025, 3, 10),
    "najaar 2025": dt.date(2025, 10, 6),
    "voorjaar 2026": dt.date(2026, 3, 9),
    "najaar 2026": dt.date(2026, 10, 5),
}
_AANTAL = {"voorjaar 2025": 262, "najaar 2025": 238, "voorjaar 2026": 291, "najaar 2026": 276}

# Scoremodel: p(k) ∝ BASIS[k] · exp(kanteling · (k − 7)). De basis heeft de typisch
# Nederlandse piek bij 7 en 8; een positieve kanteling schuift de massa naar 9–10.
_BASIS = np.array([0.35, 0.45, 0.9, 1.5, 2.4, 4.2, 7.5, 20.0, 30.0, 19.0, 9.0])
_KANTELING_METING = {
    "voorjaar 2025": -0.08,
    "najaar 2025": -0.22,  # ERP-overstap: facturatie en levertijd lopen mis
    "voorjaar 2026": -0.10,  # nieuwe webshop, herstel zet in
    "najaar 2026": 0.04,  # training accountmanagers, extra binnendienst
}
_KANTELING_SEGMENT = {"Key account": 0.22, "MKB": 0.05, "Klein zakelijk": -0.14}
_KANTELING_ROL = {"Inkoper": -0.05, "Projectleider": 0.02, "Monteur": -0.02, "Directie": 0.06}
_ROL_KANS = {
    "Key account": (0.35, 0.30, 0.25, 0.10),
    "MKB": (0.30, 0.25, 0.25, 0.20),
    "Klein zakelijk": (0.10, 0.10, 0.35, 0.45),
}
# Gewicht van een account bij het trekken van respondenten (meer contactpersonen).
_CONTACTEN = {"Key account": 6.0, "MKB": 2.5, "Klein zakelijk": 1.0}


def _score(rng: np.random.Generator, kanteling: float) -> int:
    k = np.arange(11)
    p = _BASIS * np.exp(kanteling * (k - 7))
    return int(rng.choice(11, p=p / p.sum()))


def maak_nps(
    rng: np.random.Generator, rng_tekst: np.random.Generator, accounts: list[list[object]]
) -> tuple[list[str], list[list[object]]]:
    """Maak de NPS-enquête (vier metingen) bij de gegeven accounts.

    ``rng`` trekt respondenten, datums en scores; ``rng_tekst`` de open antwoorden.
    Zo verandert een aanpassing aan de teksten de scores niet.
    """
    segment = [str(r[4]) for r in accounts]
    relatie = np.array([int(r[11]) for r in accounts])
    gewicht = np.array([_CONTACTEN[s] for s in segment])
    gewicht = gewicht / gewicht.sum()

    # Dagen in het veldwerk: veel antwoorden direct na de uitnodiging (dag 0) en na
    # de herinnering (dag 9), daarna een staart; het veldwerk duurt drie weken.
    dag_gewicht = np.array([
        12, 9, 6, 4, 3, 2, 2, 2, 1.5, 9, 6, 4, 2.5, 2, 1.5, 1, 1, 1, 0.8, 0.6, 0.5
    ])  # fmt: skip
    dag_gewicht = dag_gewicht / dag_gewicht.sum()

    rijen: list[list[object]] = []
    volgnummer = 0
    for meting in METINGEN:
        start = _VELDWERK[meting]
        dagen = np.sort(rng.choice(len(dag_gewicht), size=_AANTAL[meting], p=dag_gewicht))
        for dag in dagen:
            volgnummer += 1
            a = int(rng.choice(len(accounts), p=gewicht))
            acc = accounts[a]
            rol = _kies(rng, ROLLEN, _ROL_KANS[segment[a]])
            kanteling = (
                _KANTELING_METING[meting]
                + _KANTELING_SEGMENT[segment[a]]
                + _KANTELING_ROL[rol]
                + 0.045 * (relatie[a] - 5.5)
                + rng.normal(0, 0.12)
            )
            score: int | None = _score(rng, kanteling)
            if rng.random() < 0.04:
                score = None  # vraag overgeslagen
            datum = _werkdag(start + dt.timedelta(days=int(dag)))
            rijen.append(
                [
                    f"R{volgnummer:04d}",
                    meting,
                    datum.isoformat(),
                    acc[0],
                    segment[a],
                    acc[2],
                    acc[3],
                    rol,
                    score,
                    _OPEN.open_antwoord(rng_tekst, score, meting, segment[a], rol),
                ]
            )
    kolommen = [
        "respondent_id",
        "meting",
        "datum",
        "account_id",
        "segment",
        "sector",
        "regio",
        "rol",
        "score",
        "verbeterpunt",
    ]
    return kolommen, rijen


# --------------------------------------------------------------------------
# 3. Leads (salesfunnel)
# --------------------------------------------------------------------------

# Per bron: aantal suspects, kans op de volgende fase (suspect→lead, lead→prospect,
# prospect→klant), wachttijd in dagen per stap (min, max) en mediane offerte (EUR).
_FUNNEL = {
    "inbound": (440, (0.24, 0.36, 0.30), ((1, 45), (2, 30), (7, 60)), 7_500),
    "koude acquisitie": (980, (0.09, 0.30, 0.25), ((5, 90), (7, 60), (14, 90)), 9_500),
    "netwerk": (130, (0.60, 0.50, 0.42), ((1, 20), (7, 45), (14, 60)), 22_000),
    "beurs": (310, (0.34, 0.22, 0.25), ((0, 3), (7, 60), (14, 90)), 11_000),
    "aanbesteding": (85, (0.55, 0.60, 0.22), ((1, 14), (14, 45), (30, 90)), 120_000),
}
# Twee verzonnen vakbeurzen per jaar (eerste dag; de beurs duurt vier dagen).
_BEURZEN = (
    dt.date(2025, 3, 18),
    dt.date(2025, 10, 14),
    dt.date(2026, 3, 17),
    dt.date(2026, 10, 13),
)
_START_FUNNEL = dt.date(2025, 1, 6)


def maak_leads(rng: np.random.Generator) -> tuple[list[str], list[list[object]]]:
    """Maak de funneldataset: één rij per suspect, met de datum van elke fase."""
    periode = (PEILDATUM - _START_FUNNEL).days
    records: list[tuple[dt.date, list[object]]] = []
    for bron, (aantal, kansen, wacht, offerte) in _FUNNEL.items():
        for _ in range(aantal):
            if bron == "beurs":
                datum = _BEURZEN[int(rng.integers(len(_BEURZEN)))] + dt.timedelta(
                    days=int(rng.integers(0, 4))
                )
            else:
                datum = _werkdag(_START_FUNNEL + dt.timedelta(days=int(rng.integers(periode))))
            if datum > PEILDATUM:
                continue
            datums: list[dt.date | None] = [datum, None, None, None]
            for stap in range(3):
                if rng.random() >= kansen[stap]:
                    break
                lo, hi = wacht[stap]
                volgende = _werkdag(datums[stap] + dt.timedelta(days=int(rng.integers(lo, hi + 1))))
                if volgende > PEILDATUM:
                    break  # loopt nog op de peildatum
                datums[stap + 1] = volgende
            fase = max(i for i, d in enumerate(datums) if d is not None)
            bedrag = None
            if fase >= 2:
                bedrag = int(round(math.exp(rng.normal(math.log(offerte), 0.6)), -2))
            sector = _kies(rng, SECTOREN, (0.38, 0.22, 0.18, 0.12, 0.10))
            if bron == "aanbesteding":
                sector = _kies(rng, SECTOREN, (0.05, 0.15, 0.05, 0.15, 0.60))
            regio = _kies(rng, REGIO, (0.12, 0.18, 0.18, 0.22, 0.30))
            records.append(
                (
                    datum,
                    [
                        bron,
                        sector,
                        regio,
                        *[d.isoformat() if d else None for d in datums],
                        FASEN[fase],
                        bedrag,
                    ],
                )
            )
    # Op volgorde van binnenkomst, zoals een export uit een CRM-systeem.
    records.sort(key=lambda r: r[0])
    rijen = [[f"L{i + 1:04d}", *rij] for i, (_, rij) in enumerate(records)]
    kolommen = [
        "lead_id",
        "bron",
        "sector",
        "regio",
        "datum_suspect",
        "datum_lead",
        "datum_prospect",
        "datum_klant",
        "fase",
        "offertebedrag",
    ]
    return kolommen, rijen


# --------------------------------------------------------------------------
# 4. Waardestrategie (zelfbeoordeling)
# --------------------------------------------------------------------------

WAARDESTRATEGIE: dict[str, tuple[list[int], list[int], list[int], str]] = {
    # bedrijf: (OE1–OE5, CI1–CI5, PL1–PL5, bedoelde uitkomst)
    LEVERANCIER: (
        [3, 4, 3, 3, 3],
        [5, 4, 5, 4, 4],
        [3, 2, 3, 3, 4],
        "customer intimacy leidt (4,4), alles op drempel: CRM past",
    ),
    "Prijsmaat Bouwstoffen": (
        [5, 5, 4, 4, 5],
        [2, 3, 2, 3, 3],
        [3, 3, 2, 3, 3],
        "operational excellence leidt, customer intimacy onder de drempel",
    ),
    "Sensorion B.V.": (
        [3, 3, 3, 4, 3],
        [3, 3, 4, 3, 3],
        [5, 5, 4, 5, 5],
        "product leadership leidt, alles op drempel: strategie past, CRM niet",
    ),
    "Meerhorst Accountants": (
        [3, 3, 4, 3, 3],
        [5, 5, 5, 4, 5],
        [3, 3, 3, 3, 3],
        "customer intimacy leidt ruim, alles op drempel: CRM past",
    ),
    "Zilverdijk Logistiek": (
        [4, 5, 4, 4, 4],
        [4, 3, 4, 4, 4],
        [3, 3, 3, 3, 3],
        "operational excellence (4,2) net voor customer intimacy (3,8): geen duidelijke keuze",
    ),
    "Valkgaard Installatiegroep": (
        [3, 3, 3, 4, 3],
        [3, 3, 3, 3, 4],
        [3, 4, 3, 3, 3],
        "alles rond 3,2: stuck in the middle",
    ),
    "Heidebeek Zorgtechniek": (
        [3, 3, 3, 3, 4],
        [5, 4, 4, 5, 4],
        [3, 2, 2, 3, 3],
        "customer intimacy leidt, product leadership onder de drempel: CRM (nog) niet",
    ),
}
"""Antwoorden 1–5 per bedrijf op de stellingen van ``klanttools.waardestrategie``."""


RESPONDENTEN = ("directie", "verkoop", "klantenservice", "uitvoering")
"""Per bedrijf vulden vier medewerkers de lijst in; hun functie is de respondent."""

RESPONDENT_SOMMEN: dict[str, tuple[tuple[int, int, int, int], ...]] = {
    # bedrijf: (OE, CI, PL), per strategie de som van de vijf antwoorden van elke respondent
    # (directie, verkoop, klantenservice, uitvoering). De som over de vier respondenten is vier
    # keer de som in WAARDESTRATEGIE, dus het profiel van het bedrijf blijft precies gelijk.
    LEVERANCIER: ((16, 15, 16, 17), (23, 23, 21, 21), (16, 14, 15, 15)),  # eens
    "Prijsmaat Bouwstoffen": ((23, 23, 22, 24), (13, 14, 12, 13), (14, 15, 13, 14)),  # eens
    "Sensorion B.V.": ((15, 16, 16, 17), (16, 17, 16, 15), (25, 24, 23, 24)),  # eens
    "Meerhorst Accountants": ((16, 16, 16, 16), (25, 24, 23, 24), (15, 15, 15, 15)),  # eens
    # twee kampen: directie en uitvoering zien OE, verkoop en klantenservice zien CI
    "Zilverdijk Logistiek": ((25, 17, 18, 24), (15, 24, 23, 14), (15, 15, 15, 15)),
    # vlak gemiddelde, maar iedereen ziet iets anders: het gemiddelde verbergt onenigheid
    "Valkgaard Installatiegroep": ((14, 12, 16, 22), (13, 24, 15, 12), (23, 11, 16, 14)),
    "Heidebeek Zorgtechniek": ((16, 16, 15, 17), (22, 24, 21, 21), (14, 12, 13, 13)),  # eens
}


def _antwoorden_met_som(basis: Sequence[int], som: int, start: int) -> list[int]:
    """Verschuif ``basis`` (antwoorden 1–5) met stappen van 1 tot de som ``som`` is.

    >>> _antwoorden_met_som([3, 4, 3, 3, 3], 18, 0)
    [4, 5, 3, 3, 3]
    """
    antwoorden = list(basis)
    stap = 1 if som > sum(antwoorden) else -1
    i = start
    while sum(antwoorden) != som:
        plek = i % len(antwoorden)
        if 1 <= antwoorden[plek] + stap <= 5:
            antwoorden[plek] += stap
        i += 1
    return antwoorden


def maak_waardestrategie() -> tuple[list[str], list[list[object]]]:
    """Lange tabel: bedrijf, respondent, stelling, antwoord (vier respondenten per bedrijf)."""
    rijen: list[list[object]] = []
    for bedrijf, (oe, ci, pl, _) in WAARDESTRATEGIE.items():
        sommen = RESPONDENT_SOMMEN[bedrijf]
        for r, respondent in enumerate(RESPONDENTEN):
            for code, basis, som in zip(("OE", "CI", "PL"), (oe, ci, pl), sommen, strict=True):
                antwoorden = _antwoorden_met_som(basis, som[r], start=r)
                for i, antwoord in enumerate(antwoorden, start=1):
                    rijen.append([bedrijf, respondent, f"{code}{i}", antwoord])
    return ["bedrijf", "respondent", "stelling", "antwoord"], rijen


# --------------------------------------------------------------------------


def maak_alles(uitvoer: Path = MAP) -> dict[str, Path]:
    """Maak alle datasets en schrijf ze naar ``uitvoer``; geeft naam → pad."""
    uitvoer.mkdir(parents=True, exist_ok=True)
    paden: dict[str, Path] = {}

    kol, acc = maak_accounts(np.random.default_rng([ZAAD, 1]))
    paden["accounts"] = uitvoer / "accounts.csv"
    _schrijf(paden["accounts"], kol, acc)

    kol, rijen = maak_nps(
        np.random.default_rng([ZAAD, 2]), np.random.default_rng([ZAAD, 2, 1]), acc
    )
    paden["nps_enquete"] = uitvoer / "nps_enquete.csv"
    _schrijf(paden["nps_enquete"], kol, rijen)

    kol, rijen = maak_leads(np.random.default_rng([ZAAD, 3]))
    paden["leads"] = uitvoer / "leads.csv"
    _schrijf(paden["leads"], kol, rijen)

    kol, rijen = maak_waardestrategie()
    paden["waardestrategie"] = uitvoer / "waardestrategie.csv"
    _schrijf(paden["waardestrategie"], kol, rijen)

    # Eenheid Technologie (issue 12): de orders en hun ruwe export, in data/_maak_orders.py.
    orders_mod = _hulpmodule("_maak_orders")
    kol, orders = orders_mod.maak_orders(np.random.default_rng([ZAAD, 5]), acc)
    paden["orders"] = uitvoer / "orders.csv"
    _schrijf(paden["orders"], kol, orders)
    kol, rijen = orders_mod.maak_orders_ruw(np.random.default_rng([ZAAD, 5, 1]), orders)
    paden["orders_ruw"] = uitvoer / "orders_ruw.csv"
    orders_mod.schrijf_ruw(paden["orders_ruw"], kol, rijen)

    # Eenheid Mensen (issue 14): de DMU-casussen, in data/_maak_dmu.py (geen toeval).
    dmu = _hulpmodule("_maak_dmu")
    for naam, maak in (("dmu_casussen", dmu.maak_dmu_casussen), ("dmu_leden", dmu.maak_dmu_leden)):
        kol, rijen = maak()
        paden[naam] = uitvoer / f"{naam}.csv"
        _schrijf(paden[naam], kol, rijen)
    return paden


def main(argv: Sequence[str] | None = None) -> None:
    """Opdrachtregel: ``python data/maak_datasets.py [--uitvoer MAP]``."""
    parser = argparse.ArgumentParser(description="Maak de synthetische cursusdatasets.")
    parser.add_argument(
        "--uitvoer", type=Path, default=MAP, help="map voor de CSV-bestanden (standaard: data/)"
    )
    args = parser.parse_args(argv)
    for naam, pad in maak_alles(args.uitvoer).items():
        regels = pad.read_text(encoding="utf-8").count("\n") - 1
        print(f"{naam:16s} {regels:5d} rijen  {pad.stat().st_size:7d} bytes  {pad}")


if __name__ == "__main__":
    main()
