"""Browsertests van de drie leswidgets in een echte JupyterLab, bediend zoals een student.

Elke test maakt een notebook dat de widget toont, draait het, verandert invoer via de
pagina (typen, keuzelijst, schuifregelaar met het toetsenbord, knoppen) en controleert
dat de pagina daarna de **juiste** uitkomst toont. De verwachte waarden komen uit de
rekenkern (:mod:`klanttools.nps`, :mod:`klanttools.klantrating`,
:mod:`klanttools.waardestrategie`) en worden opgemaakt met
:func:`klanttools._controle.getal_nl`, net als in de widgets.

Elke invoer wacht op wat de pagina daarna toont voordat de volgende invoer komt, net als
een student die kijkt wat er gebeurt. Dat is ook nodig: JupyterLab stuurt widgetberichten
via een kernel-subshell (instelling ``commsOverSubshells``), en twee berichten vlak na
elkaar kunnen dan in een andere volgorde in de kernel aankomen.

Per widget komt er een schermafdruk van alleen de widget in
``<testuitvoer>/screenshots/`` (``nps-calculator.png``, ``klantrating.png``,
``strategie-fit.png``; standaard in de tijdelijke map van pytest, zie ``tests/conftest.py``).
De versies in ``docs/screenshots/`` voor de README zijn daar met de hand naartoe gekopieerd:
draai met ``KLANTTOOLS_TESTUITVOER=test-uitvoer`` om ze te vernieuwen.

Draaien: ``python3 kit.py test -m e2e`` (of ``.venv/bin/python -m pytest -m e2e tests/e2e``).
"""

from __future__ import annotations

import re

import pytest
from lab import Lab, maak_notebook
from onafhankelijk import Meting, nl, tel
from onafhankelijk import enquete as enquete_uit_csv
from playwright.sync_api import Locator, expect

from klanttools import nps
from klanttools._controle import getal_nl
from klanttools.datasets import laad
from klanttools.klantrating import klantrating
from klanttools.mensen import dmu_advies, dmu_dekking, dmu_uit_tabel
from klanttools.waardestrategie import (
    DISCIPLINES,
    NAMEN,
    STELLINGEN,
    VOORBEELDBEDRIJVEN,
    beoordeel,
    profiel,
)

# Groot genoeg dat elke widget in zijn geheel in beeld staat (voor de schermafdrukken):
# de Strategie-fit is met zijn vijftien stellingen ruim 850 pixels hoog.
VENSTER = {"width": 1500, "height": 2000}


def _toon_widget(lab: Lab, lab_server, naam: str, code: str, klasse: str) -> Locator:
    """Maak een notebook dat de widget toont, open en draai het; geef de widget terug.

    Het venster wordt groot gezet en de zijpanelen gaan dicht, zodat de widget de hele
    breedte krijgt (zoals een student die op een groot scherm werkt).
    """
    lab.page.set_viewport_size(VENSTER)
    lab.page.evaluate(
        "() => { window.jupyterapp.shell.collapseLeft(); window.jupyterapp.shell.collapseRight(); }"
    )
    maak_notebook(lab_server.root / naam, [code])
    lab.open_notebook(naam)
    lab.run_all()
    widget = lab.widget(klasse)
    expect(widget).to_be_visible()
    return widget


def _wacht_op_afbeelding(lab: Lab, afbeelding: Locator) -> None:
    """Wacht tot een Image-widget de afbeelding bij de laatste invoer toont.

    Eerst tot de kernel alle invoer verwerkt heeft (een grafiek komt na de tekst),
    dan tot de browser de nieuwe PNG geladen heeft.
    """
    lab.wait_widgets_idle()
    expect(afbeelding).to_be_visible()
    afbeelding.page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0",
        arg=afbeelding.element_handle(),
    )


def _schermafdruk(lab: Lab, naam: str, widget: Locator) -> None:
    """Schermafdruk van alleen de widget, zonder focusrand of muis erboven."""
    lab.page.evaluate("() => document.activeElement?.blur()")
    lab.page.mouse.move(0, 0)
    pad = lab.screenshot(naam, widget)
    assert pad.stat().st_size > 20_000, pad  # een echte widget, geen lege rand


def _geen_fouten(lab: Lab) -> None:
    """De widget gooit nooit een traceback in het notebook."""
    assert lab.errors() == []


# ----------------------------------------------------------------------------------
# NPS-calculator
# ----------------------------------------------------------------------------------

NPS_CODE = "from klanttools.widgets import NPSCalculator\nNPSCalculator()"


class _NPSStappen:
    """Typ een aantal in de NPS-calculator en controleer wat de pagina daarna toont.

    Elke stap wacht tot de pagina de verwachte toestand toont, dus tot de kernel de
    invoer verwerkt heeft; pas dan komt de volgende invoer (zoals bij een student).
    """

    VELDEN = ("promotors", "passief", "criticasters")

    def __init__(self, lab: Lab, calc: Locator, aantallen, betrouwbaarheid: float) -> None:
        self.lab, self.calc = lab, calc
        self.aantallen = dict(zip(self.VELDEN, aantallen, strict=True))
        self.betrouwbaarheid = betrouwbaarheid
        self.geldig = nps.analyse(aantallen=aantallen, betrouwbaarheid=betrouwbaarheid)

    def typ(self, veld: str, aantal: int) -> str | None:
        """Typ ``aantal`` in ``veld``; geef de verwachte foutmelding (of ``None``)."""
        self.aantallen[veld] = aantal
        aantallen = tuple(self.aantallen[v] for v in self.VELDEN)
        try:
            self.geldig = nps.analyse(aantallen=aantallen, betrouwbaarheid=self.betrouwbaarheid)
            tekst = None
        except ValueError as fout:
            tekst = str(fout)
        self.lab.set_text(self.calc.locator(f".kt-nps-{veld}"), str(aantal))
        melding = self.calc.locator(".kt-nps-melding")
        if tekst is None:
            expect(melding).not_to_have_class(re.compile(r"\bkt-melding-actief\b"))
        else:
            expect(melding).to_have_class(re.compile(r"\bkt-melding-actief\b"))
            expect(melding.locator(".kt-melding-tekst")).to_have_text(f"⚠ {tekst}")
        # Geldig: de nieuwe uitkomst; fout: de laatste geldige uitkomst blijft staan.
        uitkomst = self.calc.locator(".kt-nps-uitkomst")
        self.lab.expect_text(uitkomst.locator(".kt-nps-waarde"), getal_nl(self.geldig.nps))
        self.lab.expect_text(
            uitkomst.locator(".kt-nps-marge"), f"±{getal_nl(self.geldig.foutmarge)}"
        )
        expect(uitkomst).to_contain_text(f"(n = {getal_nl(self.geldig.n, 0)})")
        return tekst


@pytest.mark.e2e
def test_nps_calculator_aantallen_betrouwbaarheid_en_foute_invoer(lab, lab_server):
    calc = _toon_widget(lab, lab_server, "nps.ipynb", NPS_CODE, ".kt-nps-calculator")
    waarde = calc.locator(".kt-nps-uitkomst .kt-nps-waarde")
    marge = calc.locator(".kt-nps-uitkomst .kt-nps-marge")
    melding = calc.locator(".kt-nps-melding")

    # Het rekenvoorbeeld uit het boek: 90 promotors, 60 passief, 50 criticasters.
    lab.expect_text(waarde, "20,0")
    lab.expect_text(marge, "±11,3")
    expect(melding).not_to_have_class(re.compile(r"\bkt-melding-actief\b"))

    # Een ander aantal promotors typen (IntText: de waarde telt na Enter/verlaten).
    lab.set_text(calc.locator(".kt-nps-promotors"), "120")
    r = nps.analyse(aantallen=(120, 60, 50))
    eigen = Meting(promotors=120, passief=60, criticasters=50)  # zonder de rekenkern
    lab.expect_text(waarde, nl(eigen.nps))
    lab.expect_text(marge, f"±{nl(eigen.marge())}")
    expect(calc.locator(".kt-nps-bron")).to_contain_text("eigen aantallen")

    # Strengere betrouwbaarheid: dezelfde NPS, een grotere foutmarge.
    lab.select(calc.locator(".kt-nps-betrouwbaarheid"), "99%")
    r99 = nps.analyse(aantallen=(120, 60, 50), betrouwbaarheid=0.99)
    assert r99.foutmarge > r.foutmarge
    lab.expect_text(marge, f"±{nl(eigen.marge(0.99))}")
    lab.expect_text(waarde, getal_nl(r99.nps))
    expect(calc.locator(".kt-nps-interval")).to_contain_text(
        f"99%-interval {getal_nl(r99.ondergrens)} tot {getal_nl(r99.bovengrens)}"
    )

    # Foute invoer: een negatief aantal. Nederlandse melding in de widget, de laatste
    # geldige uitkomst blijft staan en er komt geen traceback in het notebook.
    stap = _NPSStappen(lab, calc, (120, 60, 50), 0.99)
    fout = stap.typ("promotors", -5)
    assert "te klein" in fout
    expect(melding).to_contain_text("Dit kan zo niet.")
    expect(melding).to_contain_text("De vorige geldige uitkomst blijft staan.")

    # Naar alles op 0, één vak per keer (elke stap is zichtbaar voordat de volgende
    # begint): 0/60/50 en 0/0/50 zijn geldig, 0/0/0 niet; dan blijft -100 staan.
    assert stap.typ("promotors", 0) is None
    assert stap.typ("passief", 0) is None
    assert "samen 0" in stap.typ("criticasters", 0)
    _geen_fouten(lab)

    # Weer geldige invoer: de melding verdwijnt en de NPS klopt weer; terug naar 95%
    # geeft weer het rekenvoorbeeld uit het boek.
    assert stap.typ("criticasters", 50) is None
    assert stap.typ("passief", 60) is None
    assert stap.typ("promotors", 90) is None
    lab.select(calc.locator(".kt-nps-betrouwbaarheid"), "95%")
    lab.expect_text(marge, "±11,3")
    lab.expect_text(waarde, "20,0")
    _geen_fouten(lab)

    # De staaf is HTML: de delen hebben de breedte van de aandelen (90/60/50 → 45% promotors).
    promotors = calc.locator(".kt-nps-staaf .kt-staaf-promotor")
    expect(promotors).to_have_text("45,0%")
    balk = promotors.evaluate(
        "(d) => d.getBoundingClientRect().width / d.parentElement.getBoundingClientRect().width"
    )
    assert balk == pytest.approx(0.45, abs=0.01)
    expect(calc.locator(".kt-nps-staaf .kt-staaf-kop")).to_contain_text("NPS 20,0 ± 11,3 punten")
    _schermafdruk(lab, "nps-calculator", calc)


@pytest.mark.e2e
def test_nps_calculator_dataset_laden_en_een_8_is_passief(lab, lab_server):
    calc = _toon_widget(lab, lab_server, "nps-dataset.ipynb", NPS_CODE, ".kt-nps-calculator")
    waarde = calc.locator(".kt-nps-uitkomst .kt-nps-waarde")
    lab.expect_text(waarde, "20,0")

    # Dataset kiezen en laden met de knop, zoals een student.
    scores = laad("nps_enquete")["score"]
    r = nps.analyse(scores)
    lab.select(calc.locator(".kt-nps-dataset"), "NPS-enquête Kruisveld Techniek (synthetisch)")
    lab.click(calc.locator(".kt-nps-laden"))
    # Verwacht: onafhankelijk uit de CSV geteld (NPS 4,7 ± 4,4), niet uit de rekenkern.
    eigen = tel(enquete_uit_csv()["score"])
    lab.expect_text(waarde, nl(eigen.nps))
    lab.expect_text(calc.locator(".kt-nps-marge"), f"±{nl(eigen.marge())}")
    expect(calc.locator(".kt-nps-bron")).to_contain_text(f"{getal_nl(r.n, 0)} geldige antwoorden")
    # De aantallen in de tekstvakken komen uit de geladen antwoorden.
    telling = nps.tel(scores)
    expect(calc.locator(".kt-nps-promotors input")).to_have_value(str(telling.promotors))
    expect(calc.locator(".kt-nps-criticasters input")).to_have_value(str(telling.criticasters))

    # Het tabblad "Een 8 is passief": voor en na, zoals nps.wat_als het uitrekent.
    # Een grafiek op een gesloten tabblad wordt pas getekend als het tabblad opengaat.
    grafiek = calc.locator("img.kt-nps-watals-grafiek")
    lab.wait_widgets_idle()
    assert grafiek.evaluate("(img) => img.naturalWidth") == 0
    voor, na = nps.wat_als(scores, {8: 9})
    lab.open_tab("Een 8 is passief", calc)
    lab.expect_text(calc.locator(".kt-nps-watals-voor"), getal_nl(voor.nps))
    lab.expect_text(calc.locator(".kt-nps-watals-na"), getal_nl(na.nps))
    lab.expect_text(calc.locator(".kt-nps-watals-verschil"), getal_nl(na.nps - voor.nps))
    _wacht_op_afbeelding(lab, grafiek)

    # Een andere omzetting kiezen: de uitkomst volgt.
    voor2, na2 = nps.wat_als(scores, {7: 9, 8: 9})
    lab.select(calc.locator(".kt-nps-omzetting"), "elke 7 en 8 een 9")
    lab.expect_text(calc.locator(".kt-nps-watals-na"), getal_nl(na2.nps))
    lab.expect_text(calc.locator(".kt-nps-watals-voor"), getal_nl(voor2.nps))
    _geen_fouten(lab)
    _wacht_op_afbeelding(lab, grafiek)
    _schermafdruk(lab, "nps-calculator-een-8-is-passief", calc)


# ----------------------------------------------------------------------------------
# Klantrating
# ----------------------------------------------------------------------------------

RATING_CODE = "from klanttools.widgets import Klantrating\nKlantrating()"
CRITERIA = ["koopgedrag", "relatiegedrag", "betalingsgedrag"]


def _eerste_rij(tabel: Locator) -> Locator:
    return tabel.locator("tbody tr").first


@pytest.mark.e2e
def test_klantrating_gewicht_en_knock_out(lab, lab_server):
    rating = _toon_widget(lab, lab_server, "rating.ipynb", RATING_CODE, ".kt-klantrating")
    accounts = laad("accounts").set_index("bedrijfsnaam")[CRITERIA]
    gewichten = {"koopgedrag": 5, "relatiegedrag": 3, "betalingsgedrag": 2}
    uitkomst = rating.locator(".kt-rating-uitkomst")
    eerste = _eerste_rij(rating.locator(".kt-rating-tabel"))

    def verwacht_bovenaan(tabel) -> None:
        naam, totaal = tabel.index[0], tabel["totaal"].iloc[0]
        expect(eerste.locator("td").nth(1)).to_have_text(naam)
        expect(eerste.locator("td").nth(len(CRITERIA) + 2)).to_have_text(getal_nl(totaal, 1))
        expect(uitkomst).to_contain_text(f"({naam})")

    start = klantrating(accounts, gewichten)
    verwacht_bovenaan(start)
    expect(rating.locator(".kt-rating-geen-afvallers")).to_be_visible()

    # Gewicht van relatiegedrag met het toetsenbord naar 10: een andere nummer één.
    gewichten["relatiegedrag"] = 10
    nieuw = klantrating(accounts, gewichten)
    assert nieuw.index[0] != start.index[0]  # anders bewijst deze stap niets
    lab.set_slider(rating.locator(".kt-rating-gewicht-relatiegedrag"), 10)
    verwacht_bovenaan(nieuw)

    # Knock-outregel aanzetten (standaard: betalingsgedrag minstens 5).
    lab.click(rating.locator(".kt-rating-knockout-aan input"))
    minimum = rating.locator(".kt-rating-knockout-minimum")
    expect(minimum.locator(".widget-readout")).to_have_text("5")
    ko = klantrating(accounts, gewichten, {"betalingsgedrag": 5})
    aantal_af = rating.locator(".kt-rating-afvallers .kt-rating-aantal-af")
    lab.expect_text(aantal_af, getal_nl((~ko["geselecteerd"]).sum(), 0))
    lab.expect_text(rating.locator(".kt-rating-aantal"), getal_nl(ko["geselecteerd"].sum(), 0))

    # Strenger: minimumscore 7 (pijltjes op de schuifregelaar).
    ko7 = klantrating(accounts, gewichten, {"betalingsgedrag": 7})
    assert (~ko7["geselecteerd"]).sum() > (~ko["geselecteerd"]).sum()
    lab.set_slider(minimum, 7)
    lab.expect_text(aantal_af, getal_nl((~ko7["geselecteerd"]).sum(), 0))
    lab.expect_text(rating.locator(".kt-rating-aantal"), getal_nl(ko7["geselecteerd"].sum(), 0))
    afvallers = ko7[~ko7["geselecteerd"]]
    # Met een regel aan past de widget nog op een laptopscherm: de lijst van wie afvalt is
    # ingeklapt (was 1.134 px hoog); één klik klapt hem open.
    lab.page.set_viewport_size(LAPTOP)
    hoogte = rating.evaluate("(w) => w.getBoundingClientRect().height")
    assert hoogte <= 900, f"Klantrating met een cut-offregel is {hoogte:.0f} px hoog op 1366×900"
    lab.click(rating.locator(".kt-rating-afvallers summary"))
    rij = _eerste_rij(rating.locator(".kt-rating-afvallers-tabel"))
    expect(rij).to_be_visible()
    expect(rij.locator("td").first).to_have_text(afvallers.index[0])
    reden = rij.locator("td").last
    expect(reden).to_have_text(afvallers["reden"].iloc[0])
    expect(reden).to_contain_text("knock-out")
    expect(uitkomst).to_contain_text("knock-out: betalingsgedrag minstens 7")
    _geen_fouten(lab)

    # De ranglijst (HTML-staven, eigen tabblad) volgt direct: nummer één bovenaan, afvallers grijs.
    _schermafdruk(lab, "klantrating", rating)
    lab.open_tab("Ranglijst in staven", rating)
    ranking = rating.locator(".kt-rating-ranking")
    expect(ranking.locator(".kt-ranking-rij").first).to_contain_text(f"1. {ko7.index[0]}")
    top = ko7.head(10)  # de standaard van "Toon top" op het tabblad Rangorde
    expect(ranking.locator(".kt-ranking-afgevallen")).to_have_count(
        int((~top["geselecteerd"]).sum())
    )


# ----------------------------------------------------------------------------------
# Strategie-fit
# ----------------------------------------------------------------------------------

FIT_CODE = "from klanttools.widgets import StrategieFit\nStrategieFit()"


def _verwacht_oordeel(fit: Locator, antwoorden: dict[str, int]) -> None:
    """De pagina toont het oordeel van beoordeel(profiel(antwoorden))."""
    b = beoordeel(profiel(antwoorden))
    dominant = NAMEN[b.dominant] if b.dominant else "geen (geen duidelijke keuze)"
    expect(fit.locator(".kt-fit-dominant")).to_have_text(dominant)
    expect(fit.locator(".kt-fit-crm")).to_have_text("ja" if b.crm_fit else "nee")
    expect(fit.locator(".kt-fit-strategie")).to_have_text("ja" if b.strategie_fit else "nee")
    expect(fit.locator(".kt-fit-uitleg")).to_have_text(b.uitleg)
    rijen = fit.locator(".kt-fit-profieltabel tbody tr")
    expect(rijen).to_have_count(len(DISCIPLINES))
    for i, d in enumerate(DISCIPLINES):
        cellen = rijen.nth(i).locator("td")
        expect(cellen.first).to_have_text(NAMEN[d])
        getoond = cellen.nth(1).inner_text()
        assert float(getoond.replace(",", ".")) == pytest.approx(b.profiel[d], abs=0.005), d


def _knop(fit: Locator, code: str, antwoord: int) -> Locator:
    return fit.locator(f".kt-fit-stelling-{code} .widget-toggle-button").filter(
        has_text=re.compile(rf"^\s*{antwoord}\s*$")
    )


@pytest.mark.e2e
def test_strategie_fit_bedrijf_kiezen_en_stelling_aanpassen(lab, lab_server):
    fit = _toon_widget(lab, lab_server, "fit.ipynb", FIT_CODE, ".kt-strategie-fit")
    _verwacht_oordeel(fit, {s.code: 3 for s in STELLINGEN})  # begin: alles neutraal

    # Een voorbeeldbedrijf kiezen: alle antwoorden en het oordeel veranderen.
    naam = "Brinkman ICT-partners"
    antwoorden = dict(VOORBEELDBEDRIJVEN[naam].antwoorden)
    lab.select(fit.locator(".kt-fit-bedrijf"), f"{naam} (voorbeeld)")
    expect(fit.locator(".kt-fit-omschrijving")).to_contain_text(naam)
    _verwacht_oordeel(fit, antwoorden)
    assert beoordeel(profiel(antwoorden)).crm_fit  # CI leidt en alles op orde: CRM past
    expect(fit.locator(".kt-fit-crm")).to_have_text("ja")
    expect(_knop(fit, "CI1", antwoorden["CI1"])).to_have_class(re.compile(r"\bmod-active\b"))

    # Eén stelling anders beantwoorden (CI1 -> 1): customer intimacy leidt niet meer
    # duidelijk, dus CRM past niet meer; de bedrijfskeuze wordt "Eigen antwoorden".
    antwoorden["CI1"] = 1
    assert not beoordeel(profiel(antwoorden)).crm_fit
    lab.click(_knop(fit, "CI1", 1))
    _verwacht_oordeel(fit, antwoorden)
    expect(fit.locator(".kt-fit-bedrijf select")).to_have_value("Eigen antwoorden")
    expect(fit.locator(".kt-fit-omschrijving")).to_have_text("Eigen antwoorden.")
    _geen_fouten(lab)

    # Voor de schermafdruk: terug naar het bedrijf (CRM past).
    lab.select(fit.locator(".kt-fit-bedrijf"), f"{naam} (voorbeeld)")
    _verwacht_oordeel(fit, VOORBEELDBEDRIJVEN[naam].antwoorden)
    # Het profiel (HTML) volgt direct: de kop noemt hetzelfde oordeel als de tabel.
    expect(fit.locator(".kt-fit-profiel .kt-profiel-kop")).to_contain_text("Strategieprofiel:")
    _schermafdruk(lab, "strategie-fit", fit)


# ----------------------------------------------------------------------------------
# DMU-kaart
# ----------------------------------------------------------------------------------

DMU_CODE = "from klanttools.widgets import DmuKaart\nDmuKaart()"


def _verwacht_dekking(kaart: Locator, dmu: dict, koppeling: dict) -> None:
    """De pagina toont de dekking en het advies van dmu_dekking en dmu_advies."""
    d = dmu_dekking(koppeling, dmu)
    expect(kaart.locator(".kt-dmu-samenvatting")).to_contain_text(
        f"{len(d.gedekt)} van de 6 rollen gedekt"
    )
    expect(kaart.locator("tr.kt-dmu-gedekt")).to_have_count(len(d.gedekt))
    expect(kaart.locator("tr.kt-dmu-niet-in-beeld")).to_have_count(len(d.niet_in_beeld))
    expect(kaart.locator(".kt-dmu-advies li")).to_have_text(list(dmu_advies(d)))


@pytest.mark.e2e
def test_dmu_kaart_casus_rollen_en_contact(lab, lab_server):
    kaart = _toon_widget(lab, lab_server, "dmu.ipynb", DMU_CODE, ".kt-dmu-kaart")
    expect(kaart.locator(".kt-dmu-leeg")).to_contain_text("Nog geen rollen")

    # Een andere casus kiezen: de mensen van die klant verschijnen, nog zonder rollen.
    lab.select(
        kaart.locator(".kt-dmu-casus"),
        "Facilitair bedrijf Campus Noord (gewijzigde herhaalaankoop)",
    )
    expect(kaart.locator(".kt-dmu-beschrijving")).to_contain_text("ledverlichting")
    expect(kaart.locator(".kt-dmu-persoon")).to_have_count(4)

    # De rollen uit de casus: het team bereikt de beslisser en de beïnvloeder niet.
    dmu, koppeling = dmu_uit_tabel(laad("dmu_leden"), "Campus Noord")
    lab.click(kaart.locator(".kt-dmu-uit-casus"))
    _verwacht_dekking(kaart, dmu, koppeling)
    expect(kaart.locator(".kt-dmu-advies li").first).to_contain_text(
        "Niemand uit het team spreekt de beslisser (Peter Smit)"
    )

    # De beslisser koppelen aan directie/secretariaat: het gat is dicht.
    peter = kaart.locator(".kt-dmu-persoon", has_text="Peter Smit")
    lab.select(peter.locator(".kt-dmu-contact"), "directie/secretariaat")
    koppeling = {**koppeling, "directie_secretariaat": ("Peter Smit",)}
    _verwacht_dekking(kaart, dmu, koppeling)

    # Een rol aanklikken: Lotte Kramer is ook beïnvloeder (zij heeft een contact).
    lotte = kaart.locator(".kt-dmu-persoon", has_text="Lotte Kramer")
    lab.click(lotte.locator(".kt-dmu-rol-beinvloeder"))
    expect(lotte.locator(".kt-dmu-rol-beinvloeder")).to_have_class(re.compile(r"\bmod-active\b"))
    dmu = {**dmu, "Lotte Kramer": (*dmu["Lotte Kramer"], "beinvloeder")}
    _verwacht_dekking(kaart, dmu, koppeling)
    _geen_fouten(lab)
    _schermafdruk(lab, "dmu-kaart", kaart)


# ----------------------------------------------------------------------------------
# Leesbaarheid: geen afgekapte labels op een gewoon laptopscherm
# ----------------------------------------------------------------------------------

LAPTOP = {"width": 1366, "height": 900}

_AFGEKAPT_JS = """(root) => {
  const ctx = document.createElement('canvas').getContext('2d');
  const breedte = (el, tekst) => {
    const s = getComputedStyle(el);
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    return ctx.measureText(tekst).width;
  };
  const zichtbaar = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const ruimte = (el) => {
    const s = getComputedStyle(el);
    return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  };
  const uit = [];
  for (const el of root.querySelectorAll('label, .widget-label, button, .widget-readout')) {
    if (zichtbaar(el) && el.textContent.trim() && el.scrollWidth > el.clientWidth + 1)
      uit.push(`${el.tagName.toLowerCase()} '${el.textContent.trim()}'`);
  }
  for (const el of root.querySelectorAll('select:not([multiple])')) {
    const tekst = el.selectedIndex >= 0 ? el.options[el.selectedIndex].text : '';
    // JupyterLab tekent het pijltje in de rechterpadding: die ruimte telt niet mee.
    if (zichtbaar(el) && breedte(el, tekst) > ruimte(el))
      uit.push(`keuzelijst '${tekst}'`);
  }
  for (const el of root.querySelectorAll('input[placeholder]')) {
    if (zichtbaar(el) && !el.value && breedte(el, el.placeholder) > ruimte(el))
      uit.push(`invoerveld '${el.placeholder}'`);
  }
  // Een omschrijving hoort naast haar knoppen te staan, niet erboven te zweven.
  for (const rij of root.querySelectorAll('.widget-toggle-buttons')) {
    const label = rij.querySelector(':scope > .widget-label');
    const knop = rij.querySelector('.widget-toggle-button');
    if (!label || !knop || !zichtbaar(label) || !label.textContent.trim()) continue;
    const a = label.getBoundingClientRect(), b = knop.getBoundingClientRect();
    if (Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) > 8)
      uit.push(`omschrijving '${label.textContent.trim()}' staat niet naast haar knoppen`);
  }
  return uit;
}"""


_INVOER_RANDEN_JS = """(rijen) => rijen.map((rij) => {
  const r = rij.querySelector('.slider-container, input, select').getBoundingClientRect();
  const label = rij.querySelector('.widget-label').getBoundingClientRect();
  return [Math.round(r.left), Math.round(r.right), Math.round(label.right)];
})"""
"""Per invoerrij: linker- en rechterrand van de schuif of het invoerveld, rechterrand label."""


def _afgekapt(widget: Locator) -> list[str]:
    return widget.evaluate(_AFGEKAPT_JS)


def _dataset_laden(lab: Lab, calc: Locator) -> None:
    """Met een dataset erbij verschijnen de keuzes voor groepen (tabblad Vergelijken)."""
    lab.select(calc.locator(".kt-nps-dataset"), "NPS-enquête Kruisveld Techniek (synthetisch)")
    lab.click(calc.locator(".kt-nps-laden"))
    expect(calc.locator(".kt-nps-bron")).to_contain_text("geldige antwoorden")


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("code", "klasse", "tabbladen"),
    [
        (NPS_CODE, ".kt-nps-calculator", ["Aantallen", "Vergelijken", "Een 8 is passief"]),
        (
            RATING_CODE,
            ".kt-klantrating",
            ["Rangorde", "Klantgroepen", "ABC-analyse", "Ranglijst in staven"],
        ),
        (FIT_CODE, ".kt-strategie-fit", []),
        (DMU_CODE, ".kt-dmu-kaart", []),
    ],
    ids=["nps-calculator", "klantrating", "strategie-fit", "dmu-kaart"],
)
def test_geen_afgekapte_labels_op_een_laptopscherm(lab, lab_server, code, klasse, tabbladen):
    """Op 1366×900 is elk label, elke knop, keuzelijst en voorbeeldtekst helemaal leesbaar."""
    widget = _toon_widget(lab, lab_server, f"leesbaar-{klasse[4:]}.ipynb", code, klasse)
    lab.page.set_viewport_size(LAPTOP)
    gevonden = [f"[begin] {t}" for t in _afgekapt(widget)]
    if klasse == ".kt-nps-calculator":
        _dataset_laden(lab, widget)
    hoogtes = {}
    for titel in tabbladen:
        lab.open_tab(titel, widget)
        lab.wait_widgets_idle()
        gevonden += [f"[{titel}] {t}" for t in _afgekapt(widget)]
        hoogtes[titel] = widget.evaluate("(w) => w.getBoundingClientRect().height")
    if klasse == ".kt-nps-calculator":  # beide keuzes van Vergelijken, ook de lange
        lab.open_tab("Vergelijken", widget)
        gevonden += [f"[Vergelijken] {t}" for t in _afgekapt(widget)]
    if klasse == ".kt-dmu-kaart":  # de grootste casus met alle rollen en het langste advies
        lab.click(widget.locator(".kt-dmu-uit-casus"))
        expect(widget.locator(".kt-dmu-advies li").first).to_be_visible()
        gevonden += [f"[rollen uit de casus] {t}" for t in _afgekapt(widget)]
    if gevonden:
        lab.screenshot(f"afgekapt-{klasse[4:]}", widget)
    assert not gevonden, "afgekapt op 1366×900:\n" + "\n".join(gevonden)
    if klasse == ".kt-klantrating":
        # Elk tabblad past op een laptopscherm (was 1.200 px hoog met Rangorde open), en de
        # schuifregelaars van één kolom beginnen en eindigen recht onder elkaar.
        lab.screenshot("klantrating-laptop", widget)
        te_hoog = {t: round(h) for t, h in hoogtes.items() if h > 900}
        assert not te_hoog, f"de Klantrating is te hoog op 1366×900: {te_hoog}"
        gewichten = widget.locator(".kt-rating-gewicht").evaluate_all(_INVOER_RANDEN_JS)
        assert len(gewichten) == 3 and len({tuple(r) for r in gewichten}) == 1, gewichten
        regels = widget.locator(
            ".kt-rating-knockout-criterium, .kt-rating-knockout-minimum, .kt-rating-minimumtotaal"
        ).evaluate_all(_INVOER_RANDEN_JS)
        assert len(regels) == 3 and len({r[2] for r in regels}) == 1, regels  # labels gelijk
        assert max(r[0] for r in regels) - min(r[0] for r in regels) <= 8, regels
    if klasse == ".kt-strategie-fit":
        # Vijftien stellingen en het oordeel passen op een laptopscherm (was 2.500 px).
        hoogte = widget.evaluate("(w) => w.getBoundingClientRect().height")
        lab.screenshot("strategie-fit-laptop", widget)
        assert hoogte <= 900, f"de Strategie-fit is {hoogte:.0f} px hoog op 1366×900"
    if klasse == ".kt-dmu-kaart":
        # Zes mensen met hun rollen en contact, en de dekking met advies ernaast.
        hoogte = widget.evaluate("(w) => w.getBoundingClientRect().height")
        lab.screenshot("dmu-kaart-laptop", widget)
        print(f"DMU-kaart: {hoogte:.0f} px hoog op 1366×900")
        assert hoogte <= 900, f"de DMU-kaart is {hoogte:.0f} px hoog op 1366×900"


@pytest.mark.e2e
def test_nps_calculator_past_op_een_laptopscherm(lab, lab_server):
    """Met de dataset geladen past elk tabblad van de NPS-calculator in 900 px hoogte (was 926)."""
    calc = _toon_widget(lab, lab_server, "hoogte-nps.ipynb", NPS_CODE, ".kt-nps-calculator")
    lab.page.set_viewport_size(LAPTOP)
    _dataset_laden(lab, calc)
    expect(calc.locator(".kt-nps-verdeling")).to_be_visible()
    hoogtes = {}
    for titel in ["Aantallen", "Vergelijken", "Een 8 is passief"]:
        lab.open_tab(titel, calc)
        lab.wait_widgets_idle()
        hoogtes[titel] = calc.evaluate("(w) => w.getBoundingClientRect().height")
    lab.open_tab("Aantallen", calc)
    lab.screenshot("nps-calculator-laptop", calc)
    # De verdeling staat naast de uitkomst, niet eronder.
    uitkomst = calc.locator(".kt-nps-uitkomst").bounding_box()
    verdeling = calc.locator(".kt-nps-verdeling").bounding_box()
    assert uitkomst and verdeling and verdeling["x"] >= uitkomst["x"] + uitkomst["width"]
    te_hoog = {t: round(h) for t, h in hoogtes.items() if h > 900}
    assert not te_hoog, f"hoger dan 900 px op 1366×900: {te_hoog}"
