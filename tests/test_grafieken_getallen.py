"""De getallen die een student in de grafieken ziet, tegen een eigen berekening.

``test_grafieken.py`` test de vorm van elke figuur; hier gaat het om de inhoud: elke
figuurbouwer tekent de juiste waarden en schrijft de juiste getallen in titel, legenda en
labels. De verwachte waarden rekent deze module zelf uit met gewoon Python (geen
functie uit ``klanttools``), op data waarin **elke score 0–10** voorkomt, lege antwoorden
inbegrepen, en op de cursusdata. Zo valt een bouwer die bijvoorbeeld een 6 niet meer als
criticaster telt meteen door de mand, ook als de rekenkern zelf goed is.
"""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_rgba
from matplotlib.container import BarContainer, ErrorbarContainer
from onafhankelijk import Meting, nl, tel

import klanttools.grafieken as g
from klanttools.datasets import laad
from klanttools.klantgroepen import abc_analyse
from klanttools.klantrating import klantrating
from klanttools.nps import analyse, nps_per_groep
from klanttools.processen import conversie
from klanttools.waardestrategie import beoordeel, profiel

# Elke score 0–10, score s (s + 1) keer, plus drie lege antwoorden:
# criticasters 1 + … + 7 = 28, passief 8 + 9 = 17, promotors 10 + 11 = 21, n = 66.
ALLE_SCORES = [s for s in range(11) for _ in range(s + 1)] + [None, None, float("nan")]


# --- eigen rekenwerk (bewust zonder klanttools: zie tests/onafhankelijk.py) ---------


def tellingen(scores) -> tuple[int, int, int, int]:
    """(criticasters, passief, promotors, leeg), in de volgorde van de grafieken."""
    m = tel(scores)
    return m.criticasters, m.passief, m.promotors, m.leeg


def nps_en_marge(c: int, pa: int, p: int) -> tuple[float, float]:
    m = Meting(promotors=p, passief=pa, criticasters=c)
    return m.nps, m.marge()


def staven(ax) -> list:
    return [p for c in ax.containers if isinstance(c, BarContainer) for p in c]


def alle_tekst(ax) -> str:
    delen = [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    delen += [t.get_text() for t in ax.texts]
    delen += [t.get_text() for t in ax.get_yticklabels()]
    if ax.get_legend():
        delen.append(ax.get_legend().get_title().get_text())
        delen += [t.get_text() for t in ax.get_legend().get_texts()]
    return "\n".join(delen)


def test_eigen_tellingen_kloppen_met_de_constructie():
    assert tellingen(ALLE_SCORES) == (28, 17, 21, 3)
    assert nl(-10.606) == "-10,6" and nl(1234.5, 0) == "1.234" and nl(0.04) == "0,0"


# --- nps_verdeling ------------------------------------------------------------------


def test_nps_verdeling_telt_elke_score_in_de_juiste_groep():
    ax = g.nps_verdeling(ALLE_SCORES).axes[0]
    assert [b.get_height() for b in staven(ax)] == [s + 1 for s in range(11)]
    c, pa, p, leeg = tellingen(ALLE_SCORES)
    n = c + pa + p
    waarde, _ = nps_en_marge(c, pa, p)
    legenda = ax.get_legend()
    assert legenda.get_title().get_text() == (
        f"NPS {nl(waarde)} (n = {n})\n{leeg} lege antwoorden niet meegeteld"
    )
    assert [t.get_text() for t in legenda.get_texts()] == [
        f"Criticasters (0–6): {c} ({nl(100 * c / n)}%)",
        f"Passief (7–8): {pa} ({nl(100 * pa / n)}%)",
        f"Promotors (9–10): {p} ({nl(100 * p / n)}%)",
    ]


@pytest.mark.parametrize("meting", ["voorjaar 2025", "najaar 2025", "voorjaar 2026", "najaar 2026"])
def test_nps_verdeling_op_de_cursusdata(meting):
    df = laad("nps_enquete")
    scores = df.loc[df["meting"] == meting, "score"].tolist()
    ax = g.nps_verdeling(scores).axes[0]
    geldig = [int(s) for s in scores if not pd.isna(s)]
    assert [b.get_height() for b in staven(ax)] == [geldig.count(s) for s in range(11)]
    c, pa, p, leeg = tellingen(scores)
    waarde, _ = nps_en_marge(c, pa, p)
    kop = ax.get_legend().get_title().get_text()
    assert kop.startswith(f"NPS {nl(waarde)} (n = {nl(c + pa + p, 0)})")
    assert (f"{leeg} lege" in kop) == (leeg > 0)


def test_nps_verdeling_hele_cursusdata():
    """Het getal dat in de les onder de grafiek van alle antwoorden staat."""
    scores = laad("nps_enquete")["score"].tolist()
    c, pa, p, _ = tellingen(scores)
    waarde, _ = nps_en_marge(c, pa, p)
    kop = g.nps_verdeling(scores).axes[0].get_legend().get_title().get_text()
    assert kop.startswith(f"NPS {nl(waarde)} ")


# --- nps_staaf ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "scores",
    [ALLE_SCORES, [10] * 90 + [8] * 60 + [3] * 50, [9] * 75 + [7] * 40 + [0] * 35],
    ids=["alle-scores", "90-60-50", "75-40-35"],
)
def test_nps_staaf_aandelen_titel_en_interval(scores):
    c, pa, p, _ = tellingen(scores)
    n = c + pa + p
    waarde, marge = nps_en_marge(c, pa, p)
    ax = g.nps_staaf(analyse(scores)).axes[0]
    assert [b.get_width() for b in staven(ax)] == pytest.approx(
        [100 * c / n, 100 * pa / n, 100 * p / n]
    )
    assert ax.get_title() == (
        f"NPS {nl(waarde)} ± {nl(marge)} punten (n = {n})\n"
        f"95%-interval: {nl(waarde - marge)} tot {nl(waarde + marge)}"
    )


def test_nps_staaf_uitgewerkte_voorbeelden_uit_de_cursus():
    """90/60/50 → NPS 20,0 ± 11,3 en 75/40/35 → 26,7 ± 13,0 (CONTENT.md), letterlijk."""
    assert (
        g.nps_staaf(analyse(aantallen=(90, 60, 50)))
        .axes[0]
        .get_title()
        .startswith("NPS 20,0 ± 11,3 punten (n = 200)")
    )
    assert (
        g.nps_staaf(analyse(aantallen=(75, 40, 35)))
        .axes[0]
        .get_title()
        .startswith("NPS 26,7 ± 13,0 punten (n = 150)")
    )


# --- nps_intervallen ----------------------------------------------------------------


def test_nps_intervallen_punten_balken_en_labels():
    b_scores = list(range(11)) + [None]
    df = pd.DataFrame(
        {"groep": ["a"] * len(ALLE_SCORES) + ["b"] * len(b_scores), "score": ALLE_SCORES + b_scores}
    )
    ax = g.nps_intervallen(nps_per_groep(df, "groep")).axes[0]
    verwacht = []
    for scores in (ALLE_SCORES, b_scores):
        c, pa, p, _ = tellingen(scores)
        verwacht.append((c + pa + p, *nps_en_marge(c, pa, p)))
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        f"{naam} (n = {n})" for naam, (n, _, _) in zip("ab", verwacht, strict=True)
    ]
    foutbalken = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert len(foutbalken) == 2
    for container, (_, waarde, marge) in zip(foutbalken, verwacht, strict=True):
        (segmenten,) = container.lines[2]
        ((links, _), (rechts, _)) = segmenten.get_segments()[0]
        assert (links, rechts) == pytest.approx((waarde - marge, waarde + marge))
        assert container.lines[0].get_xdata()[0] == pytest.approx(waarde)
    tekst = alle_tekst(ax)
    for _, waarde, _ in verwacht:
        assert nl(waarde) in tekst


def test_nps_intervallen_op_de_cursusdata():
    df = laad("nps_enquete")
    ax = g.nps_intervallen(nps_per_groep(df, "meting")).axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    foutbalken = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    for label, container in zip(labels, foutbalken, strict=True):
        meting = label.rsplit(" (n = ", 1)[0]
        c, pa, p, _ = tellingen(df.loc[df["meting"] == meting, "score"].tolist())
        waarde, marge = nps_en_marge(c, pa, p)
        assert label == f"{meting} (n = {nl(c + pa + p, 0)})"
        assert container.lines[0].get_xdata()[0] == pytest.approx(waarde)
        (segmenten,) = container.lines[2]
        ((links, _), (rechts, _)) = segmenten.get_segments()[0]
        assert (links, rechts) == pytest.approx((waarde - marge, waarde + marge))


# --- klantrating_ranking ------------------------------------------------------------

SCORES_RATING = pd.DataFrame(
    {
        "omzetpotentie": [8, 9, 5, 6, 7, 2, 10],
        "relatie": [6, 8, 5, 3, 7, 9, 4],
        "betrouwbaarheid": [7, 3, 4, 4, 8, 9, 6],
    },
    index=["Bakker BV", "De Vries", "Jansen", "Smit", "Mulder", "Visser", "Peters"],
)
GEWICHTEN = {"omzetpotentie": 5, "relatie": 3, "betrouwbaarheid": 2}


def test_klantrating_ranking_toont_het_gewogen_totaal_en_beide_afkapregels():
    tabel = klantrating(SCORES_RATING, GEWICHTEN, minimum_per_criterium=4, minimum_totaal=55)
    ax = g.klantrating_ranking(tabel, minimum_totaal=55).axes[0]
    totaal = {
        naam: sum(GEWICHTEN[k] * int(rij[k]) for k in GEWICHTEN)
        for naam, rij in SCORES_RATING.iterrows()
    }
    volgorde = sorted(totaal, key=lambda naam: -totaal[naam])
    assert [b.get_width() for b in staven(ax)] == [totaal[a] for a in volgorde]
    # Gelijke totalen krijgen dezelfde rang (Bakker BV en Mulder: 72): 1 + wie er hoger staat.
    rang = {a: 1 + sum(totaal[b] > totaal[a] for b in totaal) for a in totaal}
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{rang[a]}. {a}" for a in volgorde]
    knock_out = {a for a, rij in SCORES_RATING.iterrows() if (rij < 4).any()}
    te_laag = {a for a in totaal if totaal[a] < 55}
    gekozen = {a for a in totaal if a not in knock_out | te_laag}
    # Elke regel snijdt hier iemand weg die de andere regel zou laten staan.
    # De Vries heeft het hoogste totaal maar valt af op betrouwbaarheid (3 < 4).
    assert knock_out - te_laag == {"De Vries", "Visser"} and te_laag - knock_out == {"Jansen"}
    for staaf, account in zip(staven(ax), volgorde, strict=True):
        soort = "geselecteerd" if account in gekozen else "afgevallen"
        assert staaf.get_facecolor() == pytest.approx(to_rgba(g.KLEUREN_SELECTIE[soort])), account


# --- klantgroepen_matrix ------------------------------------------------------------


def test_klantgroepen_matrix_telt_elke_groep_op_de_cursusdata():
    accounts = laad("accounts").set_index("bedrijfsnaam")
    ax = g.klantgroepen_matrix(accounts, grens=6).axes[0]
    r, k = accounts["relatiegedrag"], accounts["koopgedrag"]
    verwacht = {
        "Partner": int(((r >= 6) & (k >= 6)).sum()),
        "Vriend": int(((r >= 6) & (k < 6)).sum()),
        "Economicus": int(((r < 6) & (k >= 6)).sum()),
        "Dog": int(((r < 6) & (k < 6)).sum()),
    }
    assert sum(verwacht.values()) == len(accounts)
    legenda = [t.get_text() for t in ax.get_legend().get_texts()]
    for groep, aantal in verwacht.items():
        assert f"{groep} ({aantal})" in legenda
        (punten,) = [c for c in ax.collections if c.get_gid() == f"punten_{groep}"]
        assert len(punten.get_offsets()) == aantal


# --- abc_curve ----------------------------------------------------------------------


@pytest.mark.parametrize("bron", ["cursusdata", "zeven-accounts"])
def test_abc_curve_legenda(bron):
    if bron == "cursusdata":
        omzet = laad("accounts").set_index("bedrijfsnaam")["omzet"]
    else:  # klein genoeg dat elk account een zichtbaar deel van de procenten is
        omzet = pd.Series([500, 200, 120, 80, 50, 30, 20], index=list("ABCDEFG"))
    ax = g.abc_curve(abc_analyse(omzet)).axes[0]
    waarden = sorted(omzet.tolist(), reverse=True)
    totaal = sum(waarden)
    klassen: dict[str, list[float]] = {"A": [], "B": [], "C": []}
    voor = 0.0
    for w in waarden:  # de afspraak: kijk naar het aandeel vóór het account
        klasse = (
            "A"
            if round(voor / totaal, 12) < 0.8
            else "B"
            if round(voor / totaal, 12) < 0.95
            else "C"
        )
        klassen[klasse].append(w)
        voor += w
    legenda = [t.get_text() for t in ax.get_legend().get_texts()]
    for klasse, lijst in klassen.items():
        aantal = len(lijst)
        woord = "account" if aantal == 1 else "accounts"
        assert (
            f"{klasse}: {aantal} {woord} ({nl(100 * aantal / len(waarden), 0)}%), "
            f"{nl(100 * sum(lijst) / totaal, 0)}% van de waarde"
        ) in legenda
    [curve] = [lijn for lijn in ax.lines if lijn.get_gid() == "pareto"]
    cumulatief = [0.0]
    for w in waarden:
        cumulatief.append(cumulatief[-1] + w / totaal)
    assert list(curve.get_ydata()) == pytest.approx(cumulatief)


# --- strategie_profiel --------------------------------------------------------------


def test_strategie_profiel_toont_het_gemiddelde_per_discipline():
    df = laad("waardestrategie")  # lang formaat: bedrijf, respondent, stelling, antwoord
    bedrijf, respondent = df["bedrijf"].iloc[0], df["respondent"].iloc[0]
    eigen = df.loc[(df["bedrijf"] == bedrijf) & (df["respondent"] == respondent)]
    antwoorden = {str(s): int(a) for s, a in zip(eigen["stelling"], eigen["antwoord"], strict=True)}
    assert len(antwoorden) == 15
    gemiddeld = {
        pre: sum(v for c, v in antwoorden.items() if c.startswith(pre)) / 5
        for pre in ("OE", "CI", "PL")
    }
    ax = g.strategie_profiel(beoordeel(profiel(antwoorden))).axes[0]
    hoogtes = [b.get_y() + b.get_height() for b in staven(ax)]
    assert hoogtes == pytest.approx([gemiddeld["OE"], gemiddeld["CI"], gemiddeld["PL"]])
    tekst = alle_tekst(ax)
    for waarde in gemiddeld.values():
        assert nl(waarde) in tekst


# --- funnel -------------------------------------------------------------------------


def test_funnel_op_de_leadsdata():
    leads = laad("leads")
    fasen = ["suspect", "lead", "prospect", "klant"]
    volgorde = {f: i for i, f in enumerate(fasen)}
    # Wie een fase bereikte, telt ook mee in alle fasen ervoor.
    verst = leads["fase"].astype(str).map(volgorde)
    aantallen = {f: int((verst >= i).sum()) for i, f in enumerate(fasen)}
    ax = g.funnel(conversie(aantallen)).axes[0]
    assert [b.get_width() for b in staven(ax)] == [aantallen[f] for f in fasen]
    teksten = [t.get_text() for t in ax.texts if t.get_gid() == "conversie"]
    verwacht = [
        f"↓ {nl(100 * aantallen[naar] / aantallen[van])}% wordt {naar}"
        for van, naar in zip(fasen, fasen[1:], strict=False)
    ]
    assert teksten == verwacht
    assert ax.get_xlabel() == (
        f"Van suspect tot klant: {nl(100 * aantallen['klant'] / aantallen['suspect'])}%"
    )


def test_een_minteken_overal():
    """Grafieken en tekst gebruiken hetzelfde minteken (-), nooit het typografische (−)."""
    ax = g.nps_intervallen(nps_per_groep(laad("nps_enquete"), "meting")).axes[0]
    ax.figure.canvas.draw()
    teksten = alle_tekst(ax) + "".join(t.get_text() for t in ax.get_xticklabels())
    assert "-" in teksten  # er staan negatieve getallen in deze grafiek
    assert "−" not in teksten
