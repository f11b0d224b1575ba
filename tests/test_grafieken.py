"""Tests voor klanttools.grafieken: getest op de figuurobjecten, niet op pixels."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgba
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.figure import Figure

from klanttools import grafieken as g
from klanttools.datasets import laad
from klanttools.grafieken._stijl import GetalFormatter, getal
from klanttools.grafieken.mensen import KLEUREN_DEKKING
from klanttools.klantgroepen import KLANTGROEPEN, abc_analyse, klantgroepen
from klanttools.klantrating import klantrating
from klanttools.mensen import dmu_dekking
from klanttools.nps import analyse, nps_per_groep
from klanttools.processen import conversie
from klanttools.waardestrategie import (
    DISCIPLINES,
    NAMEN,
    VOORBEELDBEDRIJVEN,
    beoordeel,
    profiel,
)

PNG = b"\x89PNG\r\n\x1a\n"

# --- gegevens -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def enquete() -> pd.DataFrame:
    """De cursusdataset (laadt hij niet, dan faalt de test: geen stille vervanging)."""
    return laad("nps_enquete")


@pytest.fixture(scope="module")
def accounts() -> pd.DataFrame:
    """De accountsdataset, met de bedrijfsnaam als index."""
    return laad("accounts").set_index("bedrijfsnaam")


@pytest.fixture(scope="module")
def rating() -> pd.DataFrame:
    scores = pd.DataFrame(
        {
            "omzetpotentie": [8, 9, 5, 6, 7],
            "relatie": [6, 8, 5, 3, 7],
            "betrouwbaarheid": [7, 3, 4, 4, 8],
        },
        index=["Bakker BV", "De Vries", "Jansen", "Smit", "Mulder"],
    )
    gewichten = {"omzetpotentie": 5, "relatie": 3, "betrouwbaarheid": 2}
    return klantrating(scores, gewichten, minimum_per_criterium=4, minimum_totaal=50)


KLEIN = pd.DataFrame(
    {"relatiegedrag": [8, 7, 3, 2, 6], "koopgedrag": [9, 2, 8, 4, 6]},
    index=["Bakker", "De Vries", "Jansen", "Smit", "Visser"],
)
FUNNEL = {"suspect": 1000, "lead": 100, "prospect": 30, "klant": 10}
DMU = {"Jansen": "beslisser", "De Vries": ["inkoper", "poortwachter"], "Bakker": "gebruiker"}
KOPPELING = {"accountmanager": "De Vries", "technische_dienst": ["Bakker", "De Vries"]}


def alle_bouwers(enquete, accounts, rating) -> dict[str, Callable[..., Figure]]:
    """Elke grafiekfunctie met geldige invoer, klaar om met of zonder ax= aan te roepen."""
    return {
        "nps_verdeling": lambda **kw: g.nps_verdeling(enquete["score"], **kw),
        "nps_staaf": lambda **kw: g.nps_staaf(analyse(enquete["score"]), **kw),
        "nps_intervallen": lambda **kw: g.nps_intervallen(nps_per_groep(enquete, "meting"), **kw),
        "klantrating_ranking": lambda **kw: g.klantrating_ranking(rating, minimum_totaal=50, **kw),
        "klantgroepen_matrix": lambda **kw: g.klantgroepen_matrix(accounts, grens=6, **kw),
        "abc_curve": lambda **kw: g.abc_curve(abc_analyse(accounts["omzet"]), **kw),
        "strategie_profiel": lambda **kw: g.strategie_profiel(
            beoordeel(profiel(VOORBEELDBEDRIJVEN["Brinkman ICT-partners"].antwoorden)), **kw
        ),
        "funnel": lambda **kw: g.funnel(conversie(FUNNEL), **kw),
        "dmu_kaart": lambda **kw: g.dmu_kaart(dmu_dekking(KOPPELING, DMU), **kw),
    }


BOUWERS = [
    "nps_verdeling",
    "nps_staaf",
    "nps_intervallen",
    "klantrating_ranking",
    "klantgroepen_matrix",
    "abc_curve",
    "strategie_profiel",
    "funnel",
    "dmu_kaart",
]


def gid(ax, naam: str) -> list:
    """Alle lijnen en teksten met deze gid."""
    return [a for a in [*ax.lines, *ax.texts] if a.get_gid() == naam]


def staven(ax) -> list:
    return [p for c in ax.containers if isinstance(c, BarContainer) for p in c]


# --- algemeen -----------------------------------------------------------------------


def test_publieke_namen():
    assert set(g.__all__) >= {
        "nps_verdeling",
        "nps_staaf",
        "nps_intervallen",
        "klantrating_ranking",
        "klantgroepen_matrix",
        "abc_curve",
        "strategie_profiel",
        "funnel",
        "als_png",
    }
    for naam in g.__all__:
        assert hasattr(g, naam)


def test_import_klanttools_laadt_geen_matplotlib():
    code = (
        "import sys, klanttools, klanttools.nps, klanttools.klantgroepen; "
        "print('matplotlib' in sys.modules, 'seaborn' in sys.modules)"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("naam", BOUWERS)
def test_elke_grafiek_is_een_figuur_met_nederlandse_tekst(naam, enquete, accounts, rating):
    fig = alle_bouwers(enquete, accounts, rating)[naam]()
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title().strip()
    assert ax.get_xlabel() or ax.get_ylabel()
    alle_tekst = " ".join(
        [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        + [t.get_text() for t in ax.texts]
        + ([t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else [])
    )
    for engels in ("distribution", "count", "share", "threshold", "customers", "selected"):
        assert not re.search(rf"\b{engels}\b", alle_tekst, flags=re.IGNORECASE)


@pytest.mark.parametrize("naam", BOUWERS)
def test_ax_tekent_in_bestaande_assen(naam, enquete, accounts, rating):
    eigen = Figure(figsize=(10, 4))
    links, rechts = eigen.subplots(1, 2)
    uit = alle_bouwers(enquete, accounts, rating)[naam](ax=rechts)
    assert uit is eigen
    assert len(eigen.axes) == 2
    assert rechts.get_title().strip()
    assert not links.get_title() and not links.has_data()


@pytest.mark.parametrize("naam", BOUWERS)
def test_ax_moet_assen_zijn(naam, enquete, accounts, rating):
    with pytest.raises(TypeError, match="ax: verwacht een matplotlib Axes"):
        alle_bouwers(enquete, accounts, rating)[naam](ax="links")


def test_globale_rcparams_blijven_gelijk(enquete, accounts, rating):
    bouwers = alle_bouwers(enquete, accounts, rating)
    bouwers["nps_verdeling"]()  # eerste keer: seaborn laden
    voor = dict(mpl.rcParams)
    for bouw in bouwers.values():
        g.als_png(bouw(), dpi=30)
    assert dict(mpl.rcParams) == voor


def test_geen_pyplot_figuren(enquete, accounts, rating):
    import matplotlib.pyplot as plt

    voor = plt.get_fignums()
    for bouw in alle_bouwers(enquete, accounts, rating).values():
        bouw()
    assert plt.get_fignums() == voor


def test_figuur_hangt_niet_af_van_thema_bij_tekenen(enquete):
    """In een notebook wordt de figuur buiten het thema getekend: dat mag niets uitmaken."""
    import io

    from PIL import Image

    fig = g.nps_verdeling(enquete["score"])
    buiten = io.BytesIO()
    fig.savefig(buiten, format="png", dpi=50)
    binnen = g.als_png(fig, dpi=50)
    a = np.asarray(Image.open(buiten))
    b = np.asarray(Image.open(io.BytesIO(binnen)))
    assert a.shape == b.shape
    assert (a != b).sum() == 0


# --- nps_verdeling ------------------------------------------------------------------


def test_nps_verdeling_altijd_elf_staven_in_kleur_per_categorie():
    fig = g.nps_verdeling([10, 10, 9])
    ax = fig.axes[0]
    balken = staven(ax)
    assert len(balken) == 11
    assert [b.get_height() for b in balken] == [0] * 9 + [1, 2]
    for score, balk in enumerate(balken):
        categorie = "promotor" if score >= 9 else "passief" if score >= 7 else "criticaster"
        assert balk.get_facecolor() == pytest.approx(to_rgba(g.KLEUREN_NPS[categorie]))
    assert ax.get_title() == "Verdeling van de antwoorden"
    assert ax.get_xlabel() == "Score op de aanbevelingsvraag (0–10)"
    assert ax.get_ylabel() == "Aantal antwoorden"
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(s) for s in range(11)]


def test_nps_verdeling_legenda_met_nps_n_en_lege_antwoorden():
    ax = g.nps_verdeling([10, 9, 8, 7, 3, None, float("nan")]).axes[0]
    legenda = ax.get_legend()
    assert legenda.get_title().get_text() == ("NPS 20,0 (n = 5)\n2 lege antwoorden niet meegeteld")
    assert [t.get_text() for t in legenda.get_texts()] == [
        "Criticasters (0–6): 1 (20,0%)",
        "Passief (7–8): 2 (40,0%)",
        "Promotors (9–10): 2 (40,0%)",
    ]
    zonder = g.nps_verdeling([10, 9]).axes[0].get_legend().get_title().get_text()
    assert zonder == "NPS 100,0 (n = 2)"


def test_nps_verdeling_eigen_titel_en_dataset(enquete):
    ax = g.nps_verdeling(enquete["score"], titel="Meting voorjaar").axes[0]
    assert ax.get_title() == "Meting voorjaar"
    geldig = enquete["score"].dropna()
    assert sum(b.get_height() for b in staven(ax)) == len(geldig)
    kop = ax.get_legend().get_title().get_text()
    assert f"n = {getal(len(geldig), 0)}" in kop
    leeg = int(enquete["score"].isna().sum())
    assert ("niet meegeteld" in kop) == (leeg > 0)


def test_nps_verdeling_foute_invoer():
    with pytest.raises(ValueError, match=r"scores: 1 waarde buiten 0–10: 11"):
        g.nps_verdeling([8, 11])
    with pytest.raises(ValueError, match="geen geldige antwoorden"):
        g.nps_verdeling([None, None])
    with pytest.raises(TypeError, match="scores: verwacht één kolom"):
        g.nps_verdeling(pd.DataFrame({"score": [1, 2]}))
    with pytest.raises(TypeError, match="scores: verwacht een reeks antwoorden"):
        g.nps_verdeling(7)


def test_nps_verdeling_getallen_op_de_as_nederlands():
    ax = g.nps_verdeling([9] * 2500 + [3] * 10).axes[0]
    assert ax.yaxis.get_major_formatter().format_ticks([0, 1000, 2500]) == [
        "0",
        "1.000",
        "2.500",
    ]


# --- nps_staaf ----------------------------------------------------------------------


def test_nps_staaf_drie_aandelen_en_titel():
    ax = g.nps_staaf(analyse(aantallen=(90, 60, 50))).axes[0]
    balken = staven(ax)
    assert len(balken) == 3
    assert [b.get_width() for b in balken] == pytest.approx([25.0, 30.0, 45.0])
    assert [b.get_x() for b in balken] == pytest.approx([0.0, 25.0, 55.0])
    for balk, categorie in zip(balken, ("criticaster", "passief", "promotor"), strict=True):
        assert balk.get_facecolor() == pytest.approx(to_rgba(g.KLEUREN_NPS[categorie]))
    assert [t.get_text() for t in ax.texts] == ["25,0%", "30,0%", "45,0%"]
    assert ax.get_title() == "NPS 20,0 ± 11,3 punten (n = 200)\n95%-interval: 8,7 tot 31,3"
    assert ax.get_xlabel() == "Aandeel van de antwoorden"


def test_nps_staaf_smal_deel_alleen_in_legenda():
    ax = g.nps_staaf(analyse(aantallen=(97, 0, 3))).axes[0]
    assert [t.get_text() for t in ax.texts] == ["97,0%"]
    legenda = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legenda == ["Criticasters (0–6): 3,0%", "Passief (7–8): 0,0%", "Promotors (9–10): 97,0%"]
    assert ax.get_title().startswith("NPS 94,0 ± ")


def test_nps_staaf_foute_invoer():
    with pytest.raises(TypeError, match=r"resultaat: verwacht een NPSAnalyse.*kreeg list"):
        g.nps_staaf([10, 9, 3])


# --- nps_intervallen ----------------------------------------------------------------


def test_nps_intervallen_foutbalken_nullijn_en_n():
    df = pd.DataFrame(
        {
            "segment": ["A"] * 4 + ["B"] * 3 + ["C"] * 2,
            "score": [10, 9, 6, 8, 3, 2, 9, None, None],
        }
    )
    tabel = nps_per_groep(df, "segment")
    ax = g.nps_intervallen(tabel).axes[0]
    foutbalken = [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert len(foutbalken) == 2  # groep C heeft geen antwoorden
    for container, (_, rij) in zip(foutbalken, tabel.iloc[:2].iterrows(), strict=True):
        (segmenten,) = container.lines[2]
        ((links, _), (rechts, _)) = segmenten.get_segments()[0]
        assert (links, rechts) == pytest.approx((rij["ondergrens"], rij["bovengrens"]))
    [nul] = gid(ax, "nullijn")
    assert nul.get_xdata()[0] == 0
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "A (n = 4)",
        "B (n = 3)",
        "C (n = 0)",
    ]
    [leeg] = gid(ax, "geen_antwoorden")
    assert leeg.get_text() == "geen antwoorden"
    assert leeg.get_position()[1] == 2
    assert ax.get_xlabel() == "NPS (van -100 tot +100)"
    assert ax.get_ylabel() == "Segment"
    assert ax.get_title().startswith("NPS per segment\n")


def test_nps_intervallen_multiindex_en_dataset(enquete):
    tabel = nps_per_groep(enquete, ["meting", "segment"])
    ax = g.nps_intervallen(tabel, titel="Per meting en segment").axes[0]
    assert ax.get_title() == "Per meting en segment"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(tabel)
    meting, segment = tabel.index[0]
    assert labels[0] == f"{meting} · {segment} (n = {tabel['n'].iloc[0]})"
    aantal = sum(isinstance(c, ErrorbarContainer) for c in ax.containers)
    assert aantal == int((tabel["n"] > 0).sum())
    assert ax.xaxis.get_major_formatter().format_ticks([-20, 0, 12.5]) == ["-20,0", "0,0", "12,5"]


def test_nps_intervallen_foute_invoer():
    with pytest.raises(TypeError, match="tabel: verwacht een pandas DataFrame.*kreeg list"):
        g.nps_intervallen([1, 2])
    with pytest.raises(ValueError, match="'ondergrens' en 'bovengrens' ontbreken"):
        g.nps_intervallen(pd.DataFrame({"n": [3], "nps": [10.0]}))


# --- klantrating_ranking ------------------------------------------------------------


def test_klantrating_ranking(rating):
    ax = g.klantrating_ranking(rating, minimum_totaal=50).axes[0]
    balken = staven(ax)
    assert len(balken) == len(rating)
    volgorde = rating.sort_values("rang", kind="stable")
    assert [b.get_width() for b in balken] == pytest.approx(volgorde["totaal"].tolist())
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        f"{r}. {a}" for a, r in volgorde["rang"].items()
    ]
    for balk, gekozen in zip(balken, volgorde["geselecteerd"], strict=True):
        kleur = g.KLEUREN_SELECTIE["geselecteerd" if gekozen else "afgevallen"]
        assert balk.get_facecolor() == pytest.approx(to_rgba(kleur))
    # rang 1 staat bovenaan
    assert balken[0].get_y() < balken[-1].get_y()
    assert ax.yaxis_inverted()
    [lijn] = gid(ax, "minimum_totaal")
    assert lijn.get_xdata()[0] == 50
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "geselecteerd",
        "afgevallen",
        "minimumtotaal 50",
    ]
    assert ax.get_xlabel() == "Gewogen totaal (som van gewicht × score)"


def test_klantrating_ranking_zonder_minimum_en_ingekort(rating):
    ax = g.klantrating_ranking(rating, max_aantal=3).axes[0]
    assert not gid(ax, "minimum_totaal")
    assert len(staven(ax)) == 3
    assert "(de hoogste 3 van 5 accounts)" in ax.get_title()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["geselecteerd", "afgevallen"]


def test_klantrating_ranking_foute_invoer(rating):
    with pytest.raises(TypeError, match="tabel: verwacht een pandas DataFrame.*kreeg list"):
        g.klantrating_ranking([1, 2])
    with pytest.raises(ValueError, match="'geselecteerd' ontbreken"):
        g.klantrating_ranking(rating.drop(columns="geselecteerd"))
    with pytest.raises(TypeError, match="minimum_totaal: 'vijftig' is geen getal"):
        g.klantrating_ranking(rating, minimum_totaal="vijftig")
    with pytest.raises(ValueError, match="max_aantal: 0 is te klein"):
        g.klantrating_ranking(rating, max_aantal=0)


# --- klantgroepen_matrix ------------------------------------------------------------


def test_klantgroepen_matrix_kwadranten_en_kleuren():
    ax = g.klantgroepen_matrix(KLEIN, grens=6, labels=True).axes[0]
    assert ax.get_xlabel() == "Actief relatiegedrag"
    assert ax.get_ylabel() == "Koopgedrag"
    kwadranten = {
        t.get_text(): t.get_position()
        for t in ax.texts
        if t.get_gid() and t.get_gid().startswith("kwadrant_")
    }
    assert set(kwadranten) == set(KLANTGROEPEN)
    # Partner rechtsboven (hoog relatie, hoog koop), Vriend rechtsonder, Economicus linksboven
    assert kwadranten["Partner"][0] > 0.5 and kwadranten["Partner"][1] > 0.5
    assert kwadranten["Vriend"][0] > 0.5 and kwadranten["Vriend"][1] < 0.5
    assert kwadranten["Economicus"][0] < 0.5 and kwadranten["Economicus"][1] > 0.5
    assert kwadranten["Dog"][0] < 0.5 and kwadranten["Dog"][1] < 0.5
    [verticaal] = gid(ax, "grens_relatie")
    [horizontaal] = gid(ax, "grens_koop")
    assert verticaal.get_xdata()[0] == 6 and horizontaal.get_ydata()[0] == 6

    verwacht = klantgroepen(KLEIN, grens=6)
    for collectie in ax.collections:
        groep = collectie.get_gid().removeprefix("punten_")
        aantal = int((verwacht == groep).sum())
        assert len(collectie.get_offsets()) == aantal
        if aantal:
            assert collectie.get_facecolor()[0][:3] == pytest.approx(
                to_rgba(g.KLEUREN_KLANTGROEPEN[groep])[:3]
            )
    # Visser (6, 6) ligt precies op de grens en telt als Partner
    namen = {t.get_text() for t in gid(ax, "naam")}
    assert namen == set(KLEIN.index)
    assert "Partner (2)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_klantgroepen_matrix_punten_blijven_aan_hun_kant_van_de_lijn(accounts):
    ax = g.klantgroepen_matrix(accounts, grens=(6, 5)).axes[0]
    for collectie in ax.collections:
        groep = collectie.get_gid().removeprefix("punten_")
        xy = np.asarray(collectie.get_offsets())
        if not len(xy):
            continue
        hoog_relatie = groep in ("Partner", "Vriend")
        hoog_koop = groep in ("Partner", "Economicus")
        assert ((xy[:, 0] >= 6) == hoog_relatie).all()
        assert ((xy[:, 1] >= 5) == hoog_koop).all()
    assert ax.get_title() == "Vier klantgroepen (grens: relatiegedrag 6, koopgedrag 5)"


def test_klantgroepen_matrix_mediaan_en_precieze_posities():
    ax = g.klantgroepen_matrix(KLEIN, grens="mediaan", spreiding=0).axes[0]
    [verticaal] = gid(ax, "grens_relatie")
    assert verticaal.get_xdata()[0] == KLEIN["relatiegedrag"].median()
    punten = np.vstack([c.get_offsets() for c in ax.collections if len(c.get_offsets())])
    assert sorted(map(tuple, punten)) == sorted(
        zip(KLEIN["relatiegedrag"].astype(float), KLEIN["koopgedrag"].astype(float), strict=True)
    )


def test_klantgroepen_matrix_foute_invoer():
    with pytest.raises(TypeError, match="data: verwacht een pandas DataFrame.*kreeg list"):
        g.klantgroepen_matrix([[1, 2]], grens=6)
    with pytest.raises(TypeError, match="grens: geef aan vanaf welke score"):
        g.klantgroepen_matrix(KLEIN)
    with pytest.raises(ValueError, match="relatie: kolom 'relatie' staat niet in df"):
        g.klantgroepen_matrix(KLEIN, relatie="relatie", grens=6)
    with pytest.raises(ValueError, match="labels: kolom 'naam' staat niet in data"):
        g.klantgroepen_matrix(KLEIN, grens=6, labels="naam")


# --- abc_curve ----------------------------------------------------------------------


def test_abc_curve_grenzen_en_legenda():
    omzet = pd.Series({"Smit": 5, "Bakker": 50, "Jansen": 10, "De Vries": 30, "Mulder": 5})
    ax = g.abc_curve(abc_analyse(omzet)).axes[0]
    [grens_a] = gid(ax, "grens_A")
    [grens_b] = gid(ax, "grens_B")
    assert grens_a.get_xdata()[0] == pytest.approx(0.4)
    assert grens_b.get_xdata()[0] == pytest.approx(0.8)
    assert max(grens_a.get_ydata()) == pytest.approx(0.8)
    [curve] = gid(ax, "pareto")
    assert curve.get_xdata()[[0, -1]] == pytest.approx([0, 1])
    assert curve.get_ydata()[[0, -1]] == pytest.approx([0, 1])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "A: 2 accounts (40%), 80% van de waarde",
        "B: 2 accounts (40%), 15% van de waarde",
        "C: 1 account (20%), 5% van de waarde",
        "gelijke verdeling",
    ]
    assert sorted(t.get_text() for t in ax.texts) == ["A", "B", "C"]
    assert ax.xaxis.get_major_formatter().format_ticks([0, 0.5, 1]) == ["0%", "50%", "100%"]


def test_abc_curve_dataset(accounts):
    tabel = abc_analyse(accounts["omzet"])
    ax = g.abc_curve(tabel).axes[0]
    assert len(gid(ax, "pareto")[0].get_xdata()) == len(tabel) + 1
    assert ax.get_title() == f"ABC-analyse van {getal(len(tabel), 0)} accounts (Pareto-curve)"


def test_abc_curve_foute_invoer():
    with pytest.raises(TypeError, match="abc_tabel: verwacht een pandas DataFrame"):
        g.abc_curve(pd.Series([1, 2]))
    with pytest.raises(ValueError, match="'klasse' ontbreken"):
        g.abc_curve(pd.DataFrame({"waarde": [1], "cumulatief_aandeel": [1.0]}))


# --- strategie_profiel --------------------------------------------------------------


def test_strategie_profiel_drempel_en_dominant():
    b = beoordeel(profiel(VOORBEELDBEDRIJVEN["Vormkracht Labs"].antwoorden))
    ax = g.strategie_profiel(b).axes[0]
    balken = staven(ax)
    assert len(balken) == 3
    assert [bk.get_y() + bk.get_height() for bk in balken] == pytest.approx(
        [b.profiel[d] for d in DISCIPLINES]
    )
    kleuren = [bk.get_facecolor() for bk in balken]
    dominant = DISCIPLINES.index("product_leadership")
    assert all(k != kleuren[dominant] for i, k in enumerate(kleuren) if i != dominant)
    [drempel] = gid(ax, "drempel")
    assert drempel.get_ydata()[0] == 3.0
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        NAMEN[d].replace(" (", "\n(") for d in DISCIPLINES
    ]
    assert ax.get_title() == (
        "Strategieprofiel: product leadership leidt duidelijk\n"
        "CRM als bedrijfsstrategie past minder goed"
    )
    assert "onder drempel" in ax.texts[0].get_text()
    assert ax.get_ylabel() == "Gemiddelde score (1–5)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "dominante strategie",
        "overige strategieën",
        "drempel 3,0",
    ]


def test_strategie_profiel_dict_en_andere_drempel():
    p = {"operational_excellence": 3.4, "customer_intimacy": 4.6, "product_leadership": 3.2}
    ax = g.strategie_profiel(p).axes[0]
    assert ax.get_title().endswith("CRM als bedrijfsstrategie past")
    ax = g.strategie_profiel(beoordeel(p), drempel=3.3).axes[0]
    assert gid(ax, "drempel")[0].get_ydata()[0] == 3.3
    assert "onder drempel" in ax.texts[2].get_text()
    assert ax.get_title().endswith("CRM past (nog) niet: eerst de basis op orde")
    gelijk = {"operational_excellence": 4, "customer_intimacy": 4, "product_leadership": 4}
    ax = g.strategie_profiel(gelijk).axes[0]
    assert ax.get_title().startswith("Strategieprofiel: geen strategie leidt duidelijk")


def test_strategie_profiel_foute_invoer():
    with pytest.raises(TypeError, match="beoordeling_of_profiel: verwacht een Beoordeling"):
        g.strategie_profiel([4, 3, 3])
    with pytest.raises(ValueError, match="Dit lijken losse antwoorden"):
        g.strategie_profiel(VOORBEELDBEDRIJVEN["Vormkracht Labs"].antwoorden)
    with pytest.raises(ValueError, match="drempel: 6 is te groot"):
        g.strategie_profiel(
            {"operational_excellence": 3, "customer_intimacy": 3, "product_leadership": 3},
            drempel=6,
        )


# --- funnel -------------------------------------------------------------------------


def test_funnel():
    ax = g.funnel(conversie(FUNNEL)).axes[0]
    balken = staven(ax)
    assert [b.get_width() for b in balken] == [1000, 100, 30, 10]
    assert all(b.get_x() + b.get_width() / 2 == pytest.approx(0) for b in balken)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Suspect", "Lead", "Prospect", "Klant"]
    assert [t.get_text() for t in gid(ax, "conversie")] == [
        "↓ 10,0% wordt lead",
        "↓ 30,0% wordt prospect",
        "↓ 33,3% wordt klant",
    ]
    assert [t.get_text() for t in gid(ax, "aantal")] == ["1.000", "100", "30", "10"]
    assert ax.get_xlabel() == "Van suspect tot klant: 1,0%"


def test_funnel_deel_van_de_fasen_en_nul():
    ax = g.funnel(conversie({"lead": 0, "prospect": 0, "klant": 0})).axes[0]
    assert ax.get_title() == "Salesfunnel: van lead tot klant"
    assert gid(ax, "conversie")[0].get_text().startswith("↓ geen conversie naar prospect")


def test_funnel_foute_invoer():
    with pytest.raises(TypeError, match=r"conversie_tabel: .*conversie\(aantallen\), kreeg dict"):
        g.funnel(FUNNEL)
    with pytest.raises(ValueError, match="'conversie' ontbreken"):
        g.funnel(pd.DataFrame({"aantal": [10, 5]}))


# --- als_png ------------------------------------------------------------------------


def test_als_png_geeft_png_bytes_met_de_gevraagde_dpi():
    import io

    from PIL import Image

    fig = g.nps_verdeling([10, 9, 3])
    breedte, hoogte = fig.get_size_inches()
    data = g.als_png(fig, dpi=50)
    assert data.startswith(PNG)
    assert Image.open(io.BytesIO(data)).size == (round(breedte * 50), round(hoogte * 50))
    assert fig.dpi == 100  # de figuur zelf blijft ongewijzigd
    assert g.als_png(g.funnel(conversie(FUNNEL))).startswith(PNG)


def test_als_png_sluit_een_pyplot_figuur():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    g.nps_verdeling([10, 9, 3], ax=ax)
    assert fig.number in plt.get_fignums()
    assert g.als_png(fig).startswith(PNG)
    assert fig.number not in plt.get_fignums()


def test_als_png_foute_invoer():
    fig = g.nps_verdeling([10])
    with pytest.raises(TypeError, match=r"fig: verwacht een matplotlib Figure, kreeg Axes"):
        g.als_png(fig.axes[0])
    with pytest.raises(TypeError, match="fig: verwacht een matplotlib Figure"):
        g.als_png(b"png")
    with pytest.raises(ValueError, match="dpi: 5 is te klein"):
        g.als_png(fig, dpi=5)


def test_figuur_toont_zich_in_een_notebook():
    fig = g.nps_staaf(analyse(aantallen=(5, 3, 2)))
    assert fig._repr_png_().startswith(PNG)


def test_getalformatter():
    assert GetalFormatter().format_ticks([-1.5, 0, 1.5]) == ["-1,5", "0,0", "1,5"]
    assert GetalFormatter()(1234567) == "1.234.567"


# --- dmu_kaart ------------------------------------------------------------------------


def test_dmu_kaart_contacten_rollen_en_kleuren():
    d = dmu_dekking(KOPPELING, DMU)
    ax = g.dmu_kaart(d).axes[0]
    assert ax.get_title() == "DMU-kaart: 3 van de 6 rollen gedekt"
    assert [t.get_text() for t in ax.texts if t.get_gid() == "functie"] == [
        "accountmanager",
        "technische dienst",
    ]
    personen = {t.get_text(): t for t in ax.texts if t.get_gid() == "persoon"}
    assert set(personen) == {"Jansen\n(geen contact)", "De Vries", "Bakker"}
    assert personen["Jansen\n(geen contact)"].get_color() == "#d73027"
    # Drie contactlijnen (De Vries twee keer) en vier rollijnen (De Vries heeft er twee).
    assert len(gid(ax, "contact")) == 3 and len(gid(ax, "heeft_rol")) == 4
    rollen = {t.get_text(): t.get_bbox_patch().get_facecolor() for t in gid(ax, "rol")}
    assert list(rollen) == [
        "initiatiefnemer",
        "gebruiker",
        "beïnvloeder",
        "inkoper",
        "beslisser",
        "poortwachter",
    ]
    blauw = to_rgba(KLEUREN_DEKKING["gedekt"])
    assert [r for r, kleur in rollen.items() if kleur == blauw] == [
        "gebruiker",
        "inkoper",
        "poortwachter",
    ]
    grijs = to_rgba(KLEUREN_DEKKING["niet in beeld"])
    assert [r for r, kleur in rollen.items() if kleur == grijs] == [
        "initiatiefnemer",
        "beïnvloeder",
    ]


def test_dmu_kaart_zonder_contacten_en_foute_invoer():
    ax = g.dmu_kaart(dmu_dekking({}, DMU)).axes[0]
    assert [t.get_text() for t in gid(ax, "functie_leeg")] == ["nog geen\ncontacten"]
    assert ax.get_title() == "DMU-kaart: 0 van de 6 rollen gedekt"
    with pytest.raises(TypeError, match="dmu_dekking"):
        g.dmu_kaart(DMU)
