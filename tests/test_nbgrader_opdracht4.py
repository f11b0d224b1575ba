"""Opdracht 4 (Processen) kijkt zichzelf na: één echte ``nbgrader autograde``-run, geen mocks.

Eén kopie van ``exercises/`` voor de hele module: ``generate_assignment``, dan zeven
inleveringen (modeloplossing, leeg, vervangen testcellen, vervangen controles met verder
bekende denkfouten, vervangen ingebouwde functie, klanttools waar met de hand moest,
doorrekenen met een eigen foute funnel en eigen foute totalen) in één ``autograde``.
Daarnaast: de lege studentversie draait en verklapt geen nagekeken waarde. De juiste waarden
rekent deze module zelf uit de CSV (pandas, zonder klanttools).
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
from nbgrader_hulp import (
    MAP,
    automatische_punten,
    celuitvoer,
    controlecellen,
    draai_lege_studentversie,
    knoei_controles,
    lees_nb,
    nakijk_cursus,
    punten_per_cel,
    verklapt_bron_niets,
)

pytestmark = pytest.mark.traag

OPDRACHT = "opdracht4-processen"
NOTEBOOK = "processen.ipynb"
BRON = MAP / "exercises" / "source" / OPDRACHT / NOTEBOOK
TOTAAL, AUTOMATISCH = 30.0, 22.0
MET_DE_HAND = ("test_2", "test_3", "test_4", "test_5", "test_6", "test_9", "test_10")
"""De controlecellen die zonder klanttools moeten (samen 16 punten)."""
PER_LEERDOEL = {
    1: ("test_1a", "test_1b", "test_1c"),
    2: ("test_2", "test_3", "test_4"),
    3: ("test_5", "test_6", "test_7"),
    4: ("test_8a", "test_8b", "test_9"),
    5: ("test_10",),
}
"""De automatische punten per leerdoel van eenheid 4 (docs/nieuwe-les.md)."""

# --- eigen rekenwerk: de nagekeken waarden, zonder klanttools ----------------------------

_LEADS = pd.read_csv(MAP / "data" / "leads.csv")
_ACC = pd.read_csv(MAP / "data" / "accounts.csv")
_DATUMS = ["datum_suspect", "datum_lead", "datum_prospect", "datum_klant"]
FUNNEL = _LEADS[_DATUMS].notna().sum().tolist()
_PER_BRON = _LEADS.groupby("bron")[_DATUMS].count()
CONVERSIE_PER_BRON = (_PER_BRON["datum_klant"] / _PER_BRON["datum_suspect"]).tolist()
SUSPECTS_NODIG = math.ceil(50 * FUNNEL[0] / FUNNEL[3])
PARTNERS = int(((_ACC["relatiegedrag"] >= 7) & (_ACC["koopgedrag"] >= 7)).sum())
_OMZET = _ACC["omzet"].sort_values(ascending=False)
AANTAL_A = int(((_OMZET.cumsum() - _OMZET) / _OMZET.sum() < 0.8).sum())
TOTALEN = [79, 75, 57, 39, 63, 60]
"""De gewogen totalen van vraag 5 (60 is ook de grens van het minimumtotaal: die mag er staan)."""


def test_eigen_rekenwerk_kent_de_data():
    assert FUNNEL == [1945, 424, 134, 34]
    assert (SUSPECTS_NODIG, PARTNERS, AANTAL_A) == (2861, 57, 63)


# --- de inleveringen ------------------------------------------------------------------------

_FUNNEL_NU = (
    'funnel = leads["fase"].value_counts().reindex(["suspect", "lead", "prospect", "klant"])'
)
_ONGEWOGEN = "totalen = rating_scores.sum(axis=1)"
FOUT = {
    "antwoord_1": 'antwoord_1a = "A"\nantwoord_1b = "A"\nantwoord_1c = "expert"',
    "antwoord_2": _FUNNEL_NU,
    "antwoord_3": 'per_bron = leads.groupby("bron", observed=True)[["datum_suspect", '
    '"datum_klant"]].count()\nconversie_per_bron = 100 * per_bron["datum_klant"] / '
    'per_bron["datum_suspect"]',
    "antwoord_4": 'benodigde_suspects = math.floor(50 * len(leads) / leads["datum_klant"]'
    ".notna().sum())",
    "antwoord_5": _ONGEWOGEN,
    "antwoord_6": 'regel = {"Aalbers Installatie": "door", "Bruin Bouw": "door", '
    '"Claassen Techniek": "minimumtotaal", "Dijkman Facilitair": "beide", '
    '"Evers Elektro": "door", "Fonteijn Zorg": "door"}',
    "antwoord_7": 'antwoord_7 = "A"',
    "antwoord_8": 'groep_a = "Partner"\ngroep_b = "Vriend"',
    "antwoord_9": 'aantal_partners = ((accounts["relatiegedrag"] > 7) & '
    '(accounts["koopgedrag"] > 7)).sum()',
    "antwoord_10": 'omzet = accounts["omzet"].sort_values(ascending=False)\n'
    "aantal_a = (omzet.cumsum() / omzet.sum() <= 0.8).sum()",
}
"""Overal een antwoord van de goede vorm, maar fout: steeds een bekende denkfout."""

HINTS = {
    "test_2": "alleen wie daar nu staat",
    "test_3": "je gaf procenten",
    "test_4": "Rond naar boven af",
    "test_5": "zonder gewichten",
    "test_6": "Bruin Bouw valt af op de knock-out",
    "test_9": "Een 7 telt als hoog",
    "test_10": "Het account dat de 80% passeert",
    "test_8a": "koopt Horsting veel bij Kruisveld",
}
"""Per controlecel: de Nederlandse hint die bij de denkfout in FOUT hoort."""

_KNOEI_CONTROLES = knoei_controles(
    """
klanttools.datasets.laad = lambda *a, **k: pd.DataFrame({"fase": ["klant"]})
"""
)

_KLANTTOOLS = {
    "antwoord_4": "from klanttools.processen import benodigde_instroom\n"
    "benodigde_suspects = benodigde_instroom(50, [funnel.iloc[i + 1] / funnel.iloc[i] "
    "for i in range(3)])",
    "antwoord_5": "from klanttools.klantrating import klantrating\n"
    "totalen = klantrating(rating_scores, rating_gewichten)['totaal']",
    "antwoord_6": "from klanttools.klantrating import klantrating\n"
    "uitslag = klantrating(rating_scores, rating_gewichten, minimum_per_criterium=4, "
    "minimum_totaal=60)\n"
    "regel = {}\n"
    "for naam, reden in uitslag['reden'].items():\n"
    "    ko, tot = 'knock-out' in reden, 'minimumtotaal' in reden\n"
    "    regel[naam] = 'beide' if ko and tot else 'knock-out' if ko else "
    "'minimumtotaal' if tot else 'door'",
    "antwoord_9": "from klanttools.klantgroepen import klantgroepen\n"
    "aantal_partners = (klantgroepen(accounts, grens=7) == 'Partner').sum()",
    "antwoord_10": "from klanttools.klantgroepen import abc_analyse\n"
    "aantal_a = (abc_analyse(accounts['omzet'])['klasse'] == 'A').sum()",
}
"""Dezelfde (juiste) waarden, maar uit klanttools: die punten zijn kwijt."""
_KLANTTOOLS_KWIJT = ("test_4", "test_5", "test_6", "test_9", "test_10")


def _vervang_tests(nb: dict) -> None:
    for cel in nb["cells"]:
        if cel.get("metadata", {}).get("nbgrader", {}).get("grade_id", "").startswith("test_"):
            cel["source"] = "pass"


INZENDINGEN: dict[str, dict] = {
    "oplossing": {},
    "leeg": {"oplossen": False},
    "testcellen": {"antwoorden": FOUT, "bewerk": _vervang_tests},
    "controles": {"antwoorden": {**FOUT, "antwoord_1": _KNOEI_CONTROLES + FOUT["antwoord_1"]}},
    "ingebouwd": {
        "antwoorden": {
            **FOUT,
            "antwoord_1": "import builtins\nbuiltins.abs = lambda x: 0\n" + FOUT["antwoord_1"],
        }
    },
    "klanttools": {"antwoorden": _KLANTTOOLS},
    "doorrekenen": {
        "antwoorden": {
            "antwoord_2": _FUNNEL_NU,
            "antwoord_5": _ONGEWOGEN,
            "antwoord_6": 'regel = {"Aalbers Installatie": "minimumtotaal", "Bruin Bouw": "beide",'
            ' "Claassen Techniek": "minimumtotaal", "Dijkman Facilitair": "beide", '
            '"Evers Elektro": "minimumtotaal", "Fonteijn Zorg": "minimumtotaal"}',
        }
    },
}
VERWACHT = {
    "oplossing": AUTOMATISCH,
    "leeg": 0.0,
    "testcellen": 0.0,
    "controles": 0.0,
    "ingebouwd": 0.0,
    "klanttools": AUTOMATISCH - 11,  # vraag 4, 5, 6, 9 en 10 kwijt, de rest blijft
    "doorrekenen": AUTOMATISCH - 3 - 2,  # vraag 2 en 5 fout; 4 en 6 doorgerekend
}


@pytest.fixture(scope="module")
def cursus(tmp_path_factory) -> dict:
    """Eén cursus: studentversie maken, alle inleveringen in één keer nakijken."""
    return nakijk_cursus(tmp_path_factory.mktemp("cursus4"), OPDRACHT, NOTEBOOK, INZENDINGEN)


def test_punten_kloppen_met_de_opzet():
    bron = lees_nb(BRON)
    punten = punten_per_cel(bron)
    assert sum(punten.values()) == TOTAAL
    assert sum(punten[g] for g in controlecellen(bron)) == AUTOMATISCH
    assert sum(punten[g] for g in MET_DE_HAND) == 16
    per_doel = {d: sum(punten[g] for g in cellen) for d, cellen in PER_LEERDOEL.items()}
    assert per_doel == {1: 3, 2: 7, 3: 6, 4: 4, 5: 2}
    assert sorted(g for c in PER_LEERDOEL.values() for g in c) == sorted(controlecellen(bron))


@pytest.mark.parametrize("student", list(VERWACHT))
def test_autograde_geeft_de_verwachte_punten(cursus, student):
    punten = automatische_punten(cursus["scores"][student], cursus["bron"])
    assert sum(punten.values()) == VERWACHT[student], punten


def test_klanttools_waar_met_de_hand_moest_kost_precies_die_vragen(cursus):
    punten = automatische_punten(cursus["scores"]["klanttools"], cursus["bron"])
    assert {g for g, p in punten.items() if p == 0} == set(_KLANTTOOLS_KWIJT)
    for gid in _KLANTTOOLS_KWIJT:
        tekst = celuitvoer(cursus, "klanttools", gid)
        assert "moest je met de hand uitrekenen" in tekst, tekst


def test_denkfouten_krijgen_hun_nederlandse_hint_ook_met_vervangen_controles(cursus):
    for gid, hint in HINTS.items():
        assert hint in celuitvoer(cursus, "controles", gid), (
            gid,
            celuitvoer(cursus, "controles", gid),
        )
    for gid in ("test_4", "test_6"):
        assert "Doorrekenen" in celuitvoer(cursus, "doorrekenen", gid)
    assert "Ingebouwde functies van Python zijn veranderd" in celuitvoer(
        cursus, "ingebouwd", "test_2"
    )


def test_studentversie_verklapt_niets(cursus, tmp_path):
    tekst = verklapt_bron_niets(
        cursus["release"],
        cursus["bron"],
        overslaan=lambda regel: regel.endswith(("{", "(", ")", "}")),
    )
    # De lege studentversie draait; geen uitvoer toont een nagekeken waarde.
    uitvoer = draai_lege_studentversie(cursus, tmp_path)
    geheim = [*FUNNEL[:3], SUSPECTS_NODIG, PARTNERS, AANTAL_A, *TOTALEN[:5]]
    for waarde in geheim:
        assert not re.search(rf"(?<![\d.,]){waarde}(?![\d])", uitvoer + tekst), waarde
    for waarde in CONVERSIE_PER_BRON:
        for vorm in (f"{waarde:.3f}", f"{waarde:.3f}".replace(".", ",")):
            assert vorm not in uitvoer + tekst, vorm
