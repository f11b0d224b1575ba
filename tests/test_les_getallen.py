"""De getallen die de lessen noemen, tegen een eigen berekening uit de data.

``test_notebooks.py`` bewijst dat de lessen zonder fouten draaien; deze module bewijst dat
wat ze **laten zien en zeggen** klopt. Elke :class:`Bewering` is een zin of een regel
uitvoer die in een les moet staan, opgebouwd uit getallen die deze module zelf uitrekent
met pandas en gewone rekenkunde op de CSV-bestanden in ``data/`` (geen functie uit
``klanttools``). Zo faalt een test als

- een functie uit ``klanttools`` een verkeerd getal geeft (de uitvoer van de les klopt dan
  niet meer), of
- een zin in de les niet meer bij de data past (een oud getal in de tekst).

Een bewering mag in elke les staan (een les kan worden opgesplitst); ze moet wel ergens
staan. Verandert een les bewust, pas dan de bewering hier aan — niet het getal.

Tekstbeweringen (``in_tekst``) worden zonder uitvoeren gecontroleerd (snel); beweringen over
uitvoer draaien elke les één keer met nbclient (ongeveer 5 s per les).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient
from onafhankelijk import Meting, Z, enquete, nl, p_waarde, tel

MAP = Path(__file__).resolve().parent.parent
LESSEN = sorted((MAP / "notebooks").glob("*.ipynb"))


# --- eigen rekenwerk (bewust zonder klanttools: zie tests/onafhankelijk.py) ---------


def regel(m: Meting) -> str:
    """De samenvatting zoals de les hem print: NPS, n, interval en foutmarge."""
    marge = m.marge()
    return (
        f"NPS {nl(m.nps)} (n = {m.n}; 95%-interval {nl(m.nps - marge)} tot "
        f"{nl(m.nps + marge)}; foutmarge ±{nl(marge)} punten)"
    )


def p_tekst(p: float) -> str:
    """Twee decimalen, of drie als twee decimalen 0,00 of 0,01 zouden tonen."""
    if p < 0.001:
        return "p < 0,001"
    return f"p = {nl(p, 3 if p < 0.0195 else 2)}"


def vergelijking(a: Meting, b: Meting) -> str:
    verschil = b.nps - a.nps
    woord = "steeg" if verschil > 0 else "daalde"
    p = p_waarde(a, b)
    oordeel = "significant" if p < 0.05 else "niet significant"
    return (
        f"De NPS {woord} met {nl(abs(verschil))} punten (van {nl(a.nps)} naar {nl(b.nps)}). "
        f"{p_tekst(p)}: {oordeel} bij 95% betrouwbaarheid"
    )


def steekproef(marge: float) -> int:
    """Benodigde n voor het ongunstigste geval (σ² = 1): z² / (E/100)², naar boven afgerond."""
    return math.ceil(Z[0.95] ** 2 / (marge / 100) ** 2)


ENQUETE = enquete()
ACCOUNTS = pd.read_csv(MAP / "data" / "accounts.csv")
ALLES = tel(ENQUETE["score"])
PER_METING = {m: tel(g["score"]) for m, g in ENQUETE.groupby("meting", sort=False)}
ALS_ACHT_NEGEN = tel(ENQUETE["score"].replace(8, 9))
TIEN = tel([10, 8, 9, 7, 9, 4, 9, 10, 8, 6])
EERSTE, TWEEDE = Meting(90, 60, 50), Meting(75, 40, 35)


def test_eigen_rekenwerk_kent_de_uitgewerkte_voorbeelden():
    """CONTENT.md: 90/60/50 → 20,0 ± 11,3; 75/40/35 → 26,7 ± 13,0; p ≈ 0,45."""
    assert (nl(EERSTE.nps), nl(EERSTE.marge())) == ("20,0", "11,3")
    assert (nl(TWEEDE.nps), nl(TWEEDE.marge())) == ("26,7", "13,0")
    assert p_tekst(p_waarde(EERSTE, TWEEDE)) == "p = 0,45"
    assert [steekproef(e) for e in (20, 10, 5)] == [97, 385, 1537]
    assert list(PER_METING) == ["voorjaar 2025", "najaar 2025", "voorjaar 2026", "najaar 2026"]


# --- de beweringen ------------------------------------------------------------------


@dataclass(frozen=True)
class Bewering:
    """Een stuk tekst dat in een les moet staan (in de tekst, of in de uitvoer van een cel)."""

    naam: str
    tekst: str
    in_tekst: bool = False  # True: in een Markdown-cel; False: in de uitvoer


def _beweringen() -> list[Bewering]:
    b: list[Bewering] = []
    # Enquêtedata: aantallen en de NPS van alle antwoorden samen.
    b += [
        Bewering("aantal enquêtes", f"Ingevulde enquêtes: {len(ENQUETE)}"),
        Bewering("lege antwoorden", f"Lege antwoorden: {ALLES.leeg}"),
        Bewering("geldige antwoorden", f"Geldige antwoorden: {ALLES.n}"),
        Bewering("NPS alle antwoorden", regel(ALLES)),
        Bewering("promotors", f"Promotors: {ALLES.promotors}"),
        Bewering("criticasters", f"Criticasters: {ALLES.criticasters}"),
        Bewering("passief", f"Passief: {ALLES.passief}"),
    ]
    # Het voorbeeld met tien scores en de foutmarge.
    b += [
        Bewering("tien scores", regel(TIEN)),
        Bewering(
            "tien scores in de tekst",
            f"tussen ongeveer {round(TIEN.nps - TIEN.marge())} en +{round(TIEN.nps + TIEN.marge())}",
            in_tekst=True,
        ),
        Bewering(
            "vuistregel 196/√n",
            f"Bij 100 antwoorden is dat ±{nl(196 / math.sqrt(100))} punten, bij 400 antwoorden "
            f"±{nl(196 / math.sqrt(400))}",
            in_tekst=True,
        ),
    ]
    b += [
        Bewering(f"steekproefgrootte ±{e}", f"Foutmarge ±{e} punten: {steekproef(e)} antwoorden")
        for e in (20, 10, 5)
    ]
    # Het uitgewerkte voorbeeld 90/60/50 tegen 75/40/35.
    b += [
        Bewering("eerste meting", f"Eerste meting: {regel(EERSTE)}"),
        Bewering("tweede meting", f"Tweede meting: {regel(TWEEDE)}"),
        Bewering("vergelijking voorbeeld", vergelijking(EERSTE, TWEEDE)),
        Bewering(
            "voorbeeld in de tekst",
            f"de NPS steeg van {nl(EERSTE.nps)} naar {nl(TWEEDE.nps)}",
            in_tekst=True,
        ),
        Bewering(
            "p-waarde in de tekst",
            f"Hier is dat {nl(p_waarde(EERSTE, TWEEDE), 2)}",
            in_tekst=True,
        ),
    ]
    # De vier metingen van Kruisveld en de drie vergelijkingen.
    metingen = list(PER_METING.values())
    # De laatste stap (voorjaar → najaar 2026) rekent de student zelf uit in opdracht 1
    # (vraag 9 en 10); de les toont hem daarom niet (zie VERBORGEN hieronder).
    b += [
        Bewering(f"vergelijking {a} → {c}", vergelijking(PER_METING[a], PER_METING[c]))
        for a, c in zip(PER_METING, list(PER_METING)[1:-1], strict=False)
    ]
    najaar25, voorjaar26 = metingen[1], metingen[2]
    stijging = voorjaar26.nps - najaar25.nps
    assert 5 < stijging < 6, "de tekst zegt 'bijna 6 punten'"
    b.append(
        Bewering(
            "bijna 6 punten",
            "Van najaar 2025 naar voorjaar 2026 steeg de NPS met bijna 6 punten",
            in_tekst=True,
        )
    )
    # Wat als elke 8 een 9 was.
    b.append(Bewering("als elke 8 een 9 was", f"Als elke 8 een 9 was: {regel(ALS_ACHT_NEGEN)}"))
    verschil = ALS_ACHT_NEGEN.nps - ALLES.nps
    assert 25 < verschil < 30, "de tekst zegt 'bijna 30 punten'"
    b.append(Bewering("bijna 30 punten", "Bijna 30 punten", in_tekst=True))
    # Omvang van de data zoals de tekst die noemt.
    assert 250 <= len(ACCOUNTS) <= 350
    b.append(Bewering("ongeveer 300 klanten", "ongeveer 300 klantbedrijven", in_tekst=True))
    assert 1000 < len(ENQUETE) < 1100
    b.append(Bewering("ruim 1000 antwoorden", "ruim 1000 antwoorden", in_tekst=True))
    open_antwoorden = int(ENQUETE["verbeterpunt"].notna().sum())
    assert 700 < open_antwoorden < 800, open_antwoorden
    b.append(Bewering("ruim 700 open antwoorden", "Ruim 700 van zulke antwoorden", in_tekst=True))
    b += _beweringen_strategie()
    b += _beweringen_technologie()
    b += _beweringen_processen()
    b += _beweringen_mensen()
    return b


def _beweringen_mensen() -> list[Bewering]:
    """Les 6: de dekking bij Campus Noord uit ``dmu_leden.csv``, met eigen pandas."""
    leden = pd.read_csv(MAP / "data" / "dmu_leden.csv")
    campus = leden[leden["casus"] == "Campus Noord"]
    met_contact = campus[campus["contact"].notna()]
    dubbel = campus["persoon"].value_counts()
    assert sorted(dubbel[dubbel == 2].index) == ["Johan Mulder", "Lotte Kramer"]
    assert len(met_contact) == met_contact["rol"].nunique(), (
        "de tekst zegt 'hier toevallig hetzelfde'"
    )
    ander = campus[campus["persoon"].isin(["Peter Smit", "Fatima Yilmaz"])]
    return [
        Bewering(
            "mensen: Lotte en Johan dubbel",
            "Lotte en Johan staan er twee keer in",
            in_tekst=True,
        ),
        Bewering(
            "mensen: gedekt bij Campus Noord",
            f"Gedekt bij Campus Noord: {sorted(set(met_contact['rol']))}",
        ),
        Bewering("mensen: ander team", str(sorted(set(ander["rol"])))),
        Bewering(
            "mensen: handvoorbeeld",
            "Gedekt: ['beïnvloeder', 'gebruiker', 'inkoper', 'poortwachter']",
        ),
    ]


def _beweringen_strategie() -> list[Bewering]:
    """Les 3: de profielen uit ``waardestrategie.csv``, met eigen pandas en eigen regels."""
    ws = pd.read_csv(MAP / "data" / "waardestrategie.csv")
    ws["d"] = ws["stelling"].str[:2]
    profielen = ws.groupby(["bedrijf", "d"])["antwoord"].mean().unstack()
    b = [
        Bewering("strategie: rijen", f"Rijen: {len(ws)}"),
        Bewering("strategie: bedrijven", f"Bedrijven: {ws['bedrijf'].nunique()}"),
        Bewering(
            "strategie: medewerkers", f"Medewerkers per bedrijf: {ws['respondent'].nunique()}"
        ),
        Bewering(
            "strategie: rijen in de tekst",
            f"bedrijven maal vier medewerkers maal vijftien stellingen geeft {len(ws)} rijen",
            in_tekst=True,
        ),
    ]
    assert ws["bedrijf"].nunique() == 7 and ws["stelling"].nunique() == 15
    assert ws["respondent"].nunique() == 4
    k = profielen.loc["Kruisveld Techniek B.V."]
    b.append(
        Bewering(
            "strategie: profiel Kruisveld in de tekst",
            f"customer intimacy scoort {nl(k['CI'])}, operational excellence {nl(k['OE'])} en "
            f"product leadership {nl(k['PL'])}",
            in_tekst=True,
        )
    )
    # 6.4: het profiel per medewerker en het bereik tussen de medewerkers.
    pm = ws.groupby(["bedrijf", "respondent", "d"])["antwoord"].mean().unstack()
    z = pm.loc["Zilverdijk Logistiek"]
    zp = profielen.loc["Zilverdijk Logistiek"]
    b.append(
        Bewering(
            "strategie: twee kampen bij Zilverdijk",
            f"de directie en de uitvoering geven operational excellence een "
            f"{nl(z.loc['directie', 'OE'])} en een {nl(z.loc['uitvoering', 'OE'])}, maar verkoop "
            f"en klantenservice zien vooral customer intimacy ({nl(z.loc['verkoop', 'CI'])} en "
            f"{nl(z.loc['klantenservice', 'CI'])}). Het gemiddelde profiel van 6.3 "
            f"(OE {nl(zp['OE'])}, CI {nl(zp['CI'])})",
            in_tekst=True,
        )
    )
    bereik_ci = pm["CI"].groupby(level=0).agg(lambda x: x.max() - x.min())
    eens = bereik_ci[bereik_ci < 1]
    assert len(eens) == 5, "de tekst zegt 'bij de meeste bedrijven'"
    b.append(
        Bewering(
            "strategie: bereik van wie het eens is",
            f"Bij de meeste bedrijven liggen de vier medewerkers hooguit {nl(eens.max())} punt "
            "uit elkaar",
            in_tekst=True,
        )
    )
    # Het oordeel per bedrijf: dominant = minstens 0,75 punt voor op de nummer twee;
    # CRM past = customer intimacy dominant en alle drie minstens 3,0.
    lang = {"OE": "operational_excellence", "CI": "customer_intimacy", "PL": "product_leadership"}
    for bedrijf, rij in profielen.iterrows():
        volgorde = rij[["OE", "CI", "PL"]].sort_values(ascending=False, kind="stable")
        voorsprong = volgorde.iloc[0] - volgorde.iloc[1]
        leider = lang[volgorde.index[0]] if voorsprong >= 0.75 - 1e-9 else None
        past = leider == "customer_intimacy" and rij.min() >= 3.0 - 1e-9
        b.append(
            Bewering(
                f"strategie: oordeel {bedrijf}",
                f"{bedrijf}: leidend = {leider}, CRM past: {'ja' if past else 'nee'}",
            )
        )
    return b


def _beweringen_technologie() -> list[Bewering]:
    """Les 4: orders, koppelen, correlaties en het opschoonvoorbeeld, met eigen pandas."""
    orders = pd.read_csv(MAP / "data" / "orders.csv", parse_dates=["datum"])
    b = [
        Bewering("orders: rijen", f"Orders: {len(orders)}"),
        Bewering("orders: eerste dag", f"Eerste orderdag: {orders['datum'].min():%Y-%m-%d}"),
        Bewering("orders: laatste dag", f"Laatste orderdag: {orders['datum'].max():%Y-%m-%d}"),
    ]
    # Het opschoonvoorbeeld: 6 rijen, 1 dubbel, 1 zonder bedrag, 1 zonder kanaal.
    b += [
        Bewering("opschonen: rijen over", "- Rijen over: 4"),
        Bewering(
            "opschonen: totaal", f"- Totaal bedrag: € {nl(1250 + 2400.50 + 1099.95 + 12000, 2)}"
        ),
    ]
    voor = orders[orders["datum"] < pd.Timestamp(2026, 2, 1)]
    for kanaal, omzet in voor.groupby("kanaal")["bedrag"].sum().items():
        aandeel = omzet / voor["bedrag"].sum() * 100
        b.append(Bewering(f"orders: aandeel {kanaal} vóór", f"- {kanaal}: {nl(aandeel)}%"))
    # De grafiek: na februari ligt de webshop elke maand hoger dan in elke maand ervoor.
    maand = orders["datum"].dt.strftime("%Y-%m")
    per_maand = orders.groupby([maand, "kanaal"])["bedrag"].sum().unstack()
    webshop = per_maand["webshop"] / per_maand.sum(axis=1)
    assert webshop[webshop.index >= "2026-02"].min() > webshop[webshop.index < "2026-02"].max()
    b.append(
        Bewering(
            "orders: grafiek",
            "vanaf februari ligt het aandeel van de webshop duidelijk hoger",
            in_tekst=True,
        )
    )
    accounts = ACCOUNTS
    gekoppeld = orders.merge(accounts, on="account_id")
    assert len(gekoppeld) == len(orders)
    b.append(Bewering("orders: koppelen", f"Rijen na het koppelen: {len(gekoppeld)}"))
    for sector, omzet in gekoppeld.groupby("sector")["bedrag"].sum().items():
        b.append(Bewering(f"orders: sector {sector}", f"- {sector}: € {nl(omzet, 0)}"))

    # Correlaties: eigen formule (Pearson) in plaats van pandas .corr.
    def pearson(x: pd.Series, y: pd.Series) -> float:
        dx, dy = x - x.mean(), y - y.mean()
        return float((dx * dy).sum() / math.sqrt((dx**2).sum() * (dy**2).sum()))

    antwoorden = ENQUETE.groupby("account_id").size()
    klanten = accounts.assign(antwoorden=accounts["account_id"].map(antwoorden).fillna(0))
    mkb = klanten[klanten["segment"] == "MKB"]
    b += [
        Bewering(
            "correlatie orders",
            "Correlatie omzet en orders per jaar: "
            + nl(pearson(accounts["omzet"], accounts["orders_per_jaar"]), 2),
        ),
        Bewering(
            "correlatie antwoorden",
            "Correlatie omzet en aantal enquêteantwoorden: "
            + nl(pearson(klanten["omzet"], klanten["antwoorden"]), 2),
        ),
        Bewering(
            "correlatie MKB",
            "Alleen MKB-klanten: " + nl(pearson(mkb["omzet"], mkb["antwoorden"]), 2),
        ),
    ]
    # Segmentatie: de tekst noemt de key accounts in de middelste klasse en de kleine
    # klanten in de hoogste.
    omzet, segment = accounts["omzet"], accounts["segment"]
    ka_midden = int(((segment == "Key account") & (omzet > 10_000) & (omzet <= 50_000)).sum())
    kz_hoog = int(((segment == "Klein zakelijk") & (omzet > 50_000)).sum())
    woord = {3: "drie", 4: "vier"}
    b.append(
        Bewering(
            "segmentatie in de tekst",
            f"{woord[ka_midden]} key accounts zitten in de middelste klasse, en "
            f"{woord[kz_hoog]} klein zakelijke klanten hebben een omzet vanaf 50.000 euro",
            in_tekst=True,
        )
    )
    return b


def _verborgen_technologie() -> list[Bewering]:
    """Opdracht 3 (vraag 7 en 8): omzet per kanaal en webshopaandeel sinds februari 2026."""
    orders = pd.read_csv(MAP / "data" / "orders.csv", parse_dates=["datum"])
    na = orders[orders["datum"] >= pd.Timestamp(2026, 2, 1)]
    omzet = na.groupby("kanaal")["bedrag"].sum()
    uit = [
        Bewering(
            "webshop sinds februari (vraag 8 van opdracht 3)",
            f"- webshop: {nl(omzet['webshop'] / omzet.sum() * 100)}%",
        )
    ]
    uit += [
        Bewering(f"omzet {k} sinds februari (vraag 7 van opdracht 3)", f"{v:.2f}")
        for k, v in omzet.items()
    ]
    return uit


def _beweringen_processen() -> list[Bewering]:
    """Les 5: de funnel uit ``leads.csv`` en de klantgroepen uit ``accounts.csv``, met pandas."""
    leads = pd.read_csv(MAP / "data" / "leads.csv")
    b = [
        Bewering("processen: rijen leads", f"Rijen: {len(leads)}"),
        Bewering("processen: voorbeeld conversie", "conversie per stap: 0,10 0,30 0,33"),
        Bewering(
            "processen: voorbeeld instroom", f"benodigde suspects voor 20 klanten: {20 * 100}"
        ),
        Bewering("processen: instroom in de tekst", "= 20 / 0,01 = 2000", in_tekst=True),
    ]
    hoog_r, hoog_k = ACCOUNTS["relatiegedrag"] >= 6, ACCOUNTS["koopgedrag"] >= 6
    b += [
        Bewering("processen: Partners (grens 6)", f"Partners: {(hoog_r & hoog_k).sum()}"),
        Bewering(
            "processen: Economicussen (grens 6)", f"Economicussen: {(~hoog_r & hoog_k).sum()}"
        ),
        Bewering("processen: Dogs (grens 6)", f"Dogs: {(~hoog_r & ~hoog_k).sum()}"),
    ]
    return b


BEWERINGEN = _beweringen()

_LAATSTE = list(PER_METING)[-2:]
VERBORGEN = [
    Bewering(
        f"vergelijking {_LAATSTE[0]} → {_LAATSTE[1]} (vraag 9b en 10 van opdracht 1)",
        vergelijking(PER_METING[_LAATSTE[0]], PER_METING[_LAATSTE[1]]),
    )
]
"""Wat de lessen niet mogen tonen: een antwoord op een vraag met punten uit de opdracht."""
VERBORGEN += _verborgen_technologie()

_PARTNERS_7 = int(((ACCOUNTS["relatiegedrag"] >= 7) & (ACCOUNTS["koopgedrag"] >= 7)).sum())
VERBORGEN.append(
    Bewering("Partners met grens 7 (vraag 9 van opdracht 4)", f"Partners: {_PARTNERS_7}")
)
VERBORGEN.append(
    Bewering(
        "gedekte rollen bij Vandermeer (vraag 4 van opdracht 5)",
        "['beïnvloeder', 'gebruiker', 'initiatiefnemer', 'inkoper', 'poortwachter']",
    )
)


def _gelijk(tekst: str) -> str:
    """Witruimte samenvoegen en mintekens gelijktrekken (− en -)."""
    return re.sub(r"\s+", " ", tekst.replace("−", "-")).strip()


def _markdown(pad: Path) -> str:
    nb = nbformat.read(pad, as_version=4)
    return _gelijk("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory) -> str:
    """Alle tekstuitvoer van alle lessen, elke les één keer uitgevoerd in een lege map."""
    stukken = []
    for pad in LESSEN:
        nb = nbformat.read(pad, as_version=4)
        werkmap = tmp_path_factory.mktemp(pad.stem)
        NotebookClient(
            nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(werkmap)}}
        ).execute()
        for cel in nb.cells:
            for uit in cel.get("outputs", []):
                if uit.output_type == "stream":
                    stukken.append(uit.text)
                elif "text/plain" in uit.get("data", {}):
                    stukken.append(uit.data["text/plain"])
    return _gelijk("\n".join(stukken))


def test_er_zijn_lessen_en_beweringen():
    assert LESSEN, "geen lesnotebooks in notebooks/"
    assert sum(b.in_tekst for b in BEWERINGEN) >= 8
    assert sum(not b.in_tekst for b in BEWERINGEN) >= 15


@pytest.mark.parametrize("bewering", [b for b in BEWERINGEN if b.in_tekst], ids=lambda b: b.naam)
def test_tekst_van_de_les_past_bij_de_data(bewering):
    tekst = " ".join(_markdown(p) for p in LESSEN)
    assert _gelijk(bewering.tekst) in tekst, (
        f"geen les zegt: {bewering.tekst!r}. Klopt de tekst nog met de data, of is de zin "
        "bewust veranderd? Pas dan deze bewering aan."
    )


@pytest.mark.traag
@pytest.mark.parametrize(
    "bewering", [b for b in BEWERINGEN if not b.in_tekst], ids=lambda b: b.naam
)
def test_uitvoer_van_de_les_klopt(bewering, uitvoer):
    assert _gelijk(bewering.tekst) in uitvoer, (
        f"geen les toont: {bewering.tekst!r}. Rekent een functie uit klanttools verkeerd, of "
        "toont de les dit getal niet meer?"
    )


@pytest.mark.traag
@pytest.mark.parametrize("bewering", VERBORGEN, ids=lambda b: b.naam)
def test_les_verklapt_geen_antwoord_van_de_opdracht(bewering, uitvoer):
    assert _gelijk(bewering.tekst)[:60] not in uitvoer, (
        f"een les toont {bewering.tekst!r}; dat rekent de student zelf uit in opdracht 1"
    )
