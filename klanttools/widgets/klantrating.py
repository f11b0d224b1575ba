"""Klantrating: criteria wegen, cut-offregels toepassen, klantgroepen en ABC-analyse.

De widget rekent zelf niets uit: de rangorde komt uit
:func:`klanttools.klantrating.klantrating`, de klantgroepen en de ABC-analyse uit
:mod:`klanttools.klantgroepen`, de grafieken uit :mod:`klanttools.grafieken`.

Examples
--------
>>> rating = Klantrating()
>>> sorted(rating.gewichten)
['betalingsgedrag', 'koopgedrag', 'relatiegedrag']
>>> rating.gewichten["koopgedrag"].value
5
>>> len(rating.resultaat)
300
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd

from klanttools import grafieken
from klanttools._controle import getal_nl
from klanttools.klantgroepen import ADVIES, abc_analyse, abc_samenvatting, klantgroepen
from klanttools.klantrating import klantrating
from klanttools.widgets._gemeen import (
    INVOERFOUTEN,
    Melding,
    Stil,
    Tekenaar,
    afbeelding,
    breed,
    html_tabel,
    html_widget,
    ja_nee,
    procent_nl,
)
from klanttools.widgets._html_staven import ranking_html

__all__ = ["Klantrating"]

STANDAARD_CRITERIA: tuple[str, ...] = ("koopgedrag", "relatiegedrag", "betalingsgedrag")
"""Criteria die de widget kiest als ze in de tabel staan (allemaal scores 1–10)."""

STANDAARD_GEWICHTEN: dict[str, int] = {"koopgedrag": 5, "relatiegedrag": 3, "betalingsgedrag": 2}
"""Startgewichten; een criterium dat hier niet staat begint met gewicht 1."""

ABC_VOORKEUR: tuple[str, ...] = ("omzet", "orders_per_jaar", "marge")
"""Kolommen voor de ABC-analyse, als ze in de tabel staan."""

_RELATIE, _KOOP = "relatiegedrag", "koopgedrag"
_TAB_RANGORDE, _TAB_GROEPEN, _TAB_ABC = 0, 1, 2


def _klasse(naam: Any) -> str:
    """Maak van een criteriumnaam een geldig stukje CSS-klasse."""
    return re.sub(r"[^0-9a-zA-Z_-]+", "-", str(naam)).strip("-").lower() or "x"


def _toon(waarde: Any) -> str:
    """Een score of waarde zoals een Nederlandse lezer hem verwacht."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        try:
            waarde = float(waarde)
        except (TypeError, ValueError):
            return str(waarde)
    if float(waarde).is_integer():
        return getal_nl(waarde, 0)
    return getal_nl(waarde, 2)


def _kolomstijl(labels: Sequence[Any]) -> dict[str, str]:
    """Eén labelbreedte voor een kolom invoer, zodat de schuifregelaars recht onder elkaar staan.

    De breedte volgt het langste label (in ``ch``, de breedte van een cijfer), zodat ook een
    lange criteriumnaam helemaal leesbaar blijft.

    >>> _kolomstijl(["koopgedrag", "betalingsgedrag"])
    {'description_width': '16ch'}
    """
    langste = max((len(str(label)) for label in labels), default=8)
    return {"description_width": f"{langste + 1}ch"}


def _bereik(tabel: pd.DataFrame, criteria: Sequence[Any]) -> tuple[int, int]:
    """Laagste en hoogste score in de criteria (voor de schuifregelaar van de knock-out)."""
    getallen = tabel[list(criteria)].apply(pd.to_numeric, errors="coerce")
    laag, hoog = getallen.min().min(), getallen.max().max()
    if pd.isna(laag) or pd.isna(hoog):
        return 0, 10
    return math.floor(laag), max(math.ceil(hoog), math.floor(laag) + 1)


def _naast_elkaar(*kinderen: widgets.Widget) -> widgets.HBox:
    """Uitkomst en grafiek naast elkaar; op een smal scherm schuift de grafiek eronder."""
    return widgets.HBox(
        list(kinderen), layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start")
    )


class Klantrating(widgets.VBox):
    """Interactieve customer rating: gewichten, knock-out, minimumtotaal, klantgroepen en ABC.

    Parameters
    ----------
    accounts : pandas.DataFrame, optioneel
        Eén rij per account. Standaard ``laad("accounts")`` (300 verzonnen klanten van
        Kruisveld Techniek). Heeft de tabel een unieke kolom ``bedrijfsnaam``, dan
        wordt die de naam van elk account.
    criteria : list of str, optioneel
        De kolommen waarop geselecteerd wordt. Standaard koopgedrag, relatiegedrag en
        betalingsgedrag (alle drie een score 1–10).
    gewichten : dict, optioneel
        Startgewicht (heel getal 0–10) per criterium. Standaard 5, 3 en 2.

    Attributes
    ----------
    gewichten : dict of str to ipywidgets.IntSlider
        Per criterium de schuifregelaar van het gewicht (0–10).
    knock_out_aan, knock_out_criterium, knock_out_minimum : ipywidgets widgets
        De knock-outregel: aan/uit (Checkbox), het criterium (Dropdown) en de
        minimumscore (IntSlider).
    minimum_totaal_aan, minimum_totaal : ipywidgets.Checkbox, ipywidgets.IntText
        De regel voor het minimumtotaal: aan/uit en de grens.
    top : ipywidgets.IntSlider
        Hoeveel accounts de rangorde toont.
    grens : ipywidgets.Dropdown
        Vanaf welke score relatie- en koopgedrag "hoog" zijn (``"mediaan"`` of 1–10).
    abc_kolom : ipywidgets.Dropdown
        De waarde waarop de ABC-analyse sorteert (bijvoorbeeld omzet).
    resultaat : pandas.DataFrame or None
        De laatste geldige uitkomst van :func:`klanttools.klantrating.klantrating`.
    groepen : pandas.Series or None
        De klantgroep per account (:func:`klanttools.klantgroepen.klantgroepen`).
    abc, abc_overzicht : pandas.DataFrame or None
        De ABC-analyse per account en de samenvatting per klasse.
    uitkomst, rangorde, afvallers, klantgroepen_uitkomst, abc_uitkomst, melding : ipywidgets.HTML
        Wat de widget laat zien.
    ranking : ipywidgets.HTML
        De ranglijst als staven (HTML, direct bij elke schuif).
    matrix, abc_grafiek : ipywidgets.Image
        De grafieken (PNG).
    tabs : ipywidgets.Tab
        Tabbladen Rangorde, Klantgroepen, ABC-analyse en Ranglijst in staven. Uitkomst en
        grafiek staan naast elkaar, zodat de widget op een laptopscherm (1366×900) past.

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame(
    ...     {"omzetpotentie": [8, 9, 5], "relatie": [6, 8, 5], "betrouwbaarheid": [7, 3, 4]},
    ...     index=["Bakker BV", "De Vries", "Jansen"],
    ... )
    >>> rating = Klantrating(scores, gewichten={"omzetpotentie": 5, "relatie": 3,
    ...                                         "betrouwbaarheid": 2})
    >>> rating.resultaat["totaal"].tolist()
    [75.0, 72.0, 48.0]
    >>> rating.knock_out_criterium.value = "betrouwbaarheid"
    >>> rating.knock_out_minimum.value = 5
    >>> rating.knock_out_aan.value = True
    >>> rating.resultaat.loc["De Vries", "reden"]
    'knock-out: betrouwbaarheid 3 < 5'
    """

    def __init__(
        self,
        accounts: pd.DataFrame | None = None,
        criteria: Sequence[Any] | None = None,
        gewichten: Mapping[Any, int] | None = None,
    ) -> None:
        if accounts is None:
            from klanttools.datasets import laad

            accounts = laad("accounts")
        if not isinstance(accounts, pd.DataFrame):
            raise TypeError(
                "accounts: verwacht een pandas DataFrame met één rij per account, kreeg "
                f"{type(accounts).__name__}."
            )
        tabel = accounts
        if "bedrijfsnaam" in accounts.columns and accounts["bedrijfsnaam"].is_unique:
            tabel = accounts.set_index("bedrijfsnaam")
        if criteria is None:
            criteria = [c for c in STANDAARD_CRITERIA if c in tabel.columns] or list(
                tabel.select_dtypes("number").columns
            )
        criteria = list(criteria)
        onbekend = [c for c in criteria if c not in tabel.columns]
        if not criteria or onbekend:
            raise ValueError(
                f"criteria: {', '.join(repr(c) for c in onbekend) or 'geen criteria'} "
                f"{'staat' if len(onbekend) == 1 else 'staan'} niet in de tabel. Kies kolommen "
                f"uit: {', '.join(repr(c) for c in list(tabel.columns)[:15])}."
            )
        self.accounts = tabel
        self.criteria = criteria
        self._stil = Stil()
        self.resultaat: pd.DataFrame | None = None
        self.groepen: pd.Series | None = None
        self.abc: pd.DataFrame | None = None
        self.abc_overzicht: pd.DataFrame | None = None

        # --- Invoer -------------------------------------------------------------------
        start = dict(gewichten) if gewichten is not None else {}
        self.gewichten: dict[Any, widgets.IntSlider] = {}
        stijl_gewichten = _kolomstijl(criteria)
        stijl_regels = _kolomstijl(["Knock-out op", "Minimumscore", "Totaal minstens"])
        for c in criteria:
            slider = widgets.IntSlider(
                value=int(start.get(c, STANDAARD_GEWICHTEN.get(c, 1))),
                min=0,
                max=10,
                step=1,
                description=str(c),
                continuous_update=False,
                style=stijl_gewichten,
                layout=widgets.Layout(width="340px"),
            )
            slider.add_class("kt-rating-gewicht")
            slider.add_class(f"kt-rating-gewicht-{_klasse(c)}")
            self.gewichten[c] = slider

        laag, hoog = _bereik(tabel, criteria)
        self.knock_out_aan = widgets.Checkbox(
            value=False, description="Knock-out per criterium", indent=False
        )
        self.knock_out_aan.add_class("kt-rating-knockout-aan")
        self.knock_out_criterium = widgets.Dropdown(
            options=[(str(c), c) for c in criteria],
            value="betalingsgedrag" if "betalingsgedrag" in criteria else criteria[0],
            description="Knock-out op",
            style=stijl_regels,
            layout=widgets.Layout(width="340px"),
        )
        self.knock_out_criterium.add_class("kt-rating-knockout-criterium")
        self.knock_out_minimum = widgets.IntSlider(
            value=min(max(5, laag), hoog),
            min=laag,
            max=hoog,
            description="Minimumscore",
            continuous_update=False,
            style=stijl_regels,
            layout=widgets.Layout(width="340px"),
        )
        self.knock_out_minimum.add_class("kt-rating-knockout-minimum")
        self.minimum_totaal_aan = widgets.Checkbox(
            value=False, description="Minimumtotaal", indent=False
        )
        self.minimum_totaal_aan.add_class("kt-rating-minimumtotaal-aan")
        self.minimum_totaal = widgets.IntText(
            value=50,
            description="Totaal minstens",
            style=stijl_regels,
            layout=widgets.Layout(width="340px"),
        )
        self.minimum_totaal.add_class("kt-rating-minimumtotaal")
        self.top = widgets.IntSlider(
            value=min(10, max(len(tabel), 1)),
            min=1,
            max=max(len(tabel), 1),
            description="Toon top",
            continuous_update=False,
            style=breed(),
        )
        self.top.add_class("kt-rating-top")
        self.grens = widgets.Dropdown(
            options=[("mediaan", "mediaan"), *[(str(i), i) for i in range(1, 11)]],
            value="mediaan",
            description="Hoog vanaf",
            style=breed(),
        )
        self.grens.add_class("kt-rating-grens")
        abc_opties = [c for c in ABC_VOORKEUR if c in tabel.columns] or [
            c for c in tabel.select_dtypes("number").columns if c not in criteria
        ]
        self.abc_kolom = widgets.Dropdown(
            options=[(str(c), c) for c in abc_opties],
            value=abc_opties[0] if abc_opties else None,
            description="ABC op",
            style=breed(),
        )
        self.abc_kolom.add_class("kt-rating-abc-kolom")

        # --- Uitvoer ------------------------------------------------------------------
        self.melding = Melding("kt-rating-melding")
        self.uitkomst = html_widget("kt-rating-uitkomst")
        self.rangorde = html_widget("kt-rating-rangorde")
        self.afvallers = html_widget("kt-rating-afvallers")
        self.ranking = html_widget("kt-rating-ranking")
        self.klantgroepen_uitkomst = html_widget("kt-rating-klantgroepen")
        self.matrix = afbeelding("kt-rating-matrix", breedte="480px")
        self.abc_uitkomst = html_widget("kt-rating-abc")
        self.abc_grafiek = afbeelding("kt-rating-abc-curve", breedte="520px")

        heeft_assen = _RELATIE in tabel.columns and _KOOP in tabel.columns
        for uitkomst in (self.klantgroepen_uitkomst, self.abc_uitkomst):
            uitkomst.layout = widgets.Layout(
                flex="1 1 400px", max_width="620px", margin="0 16px 0 0"
            )
        self.tabs = widgets.Tab(
            children=[
                widgets.VBox([self.top, self.rangorde, self.afvallers]),
                widgets.VBox(
                    [
                        widgets.HTML(
                            "<b>Klantgroepen</b> naar actief relatiegedrag en koopgedrag: "
                            "Partner, Vriend, Economicus en Dog."
                            if heeft_assen
                            else "Voor de klantgroepen zijn de kolommen relatiegedrag en "
                            "koopgedrag nodig; die staan niet in deze tabel."
                        ),
                        self.grens,
                        _naast_elkaar(self.klantgroepen_uitkomst, self.matrix),
                    ]
                ),
                widgets.VBox([self.abc_kolom, _naast_elkaar(self.abc_uitkomst, self.abc_grafiek)]),
                widgets.VBox(
                    [
                        widgets.HTML(
                            "Dezelfde ranglijst als op het tabblad Rangorde (ook dezelfde top), "
                            "als staven: grijs is afgevallen."
                        ),
                        self.ranking,
                    ]
                ),
            ],
            titles=("Rangorde", "Klantgroepen", "ABC-analyse", "Ranglijst in staven"),
        )
        self.tabs.add_class("kt-rating-tabs")
        self._tekenaar = Tekenaar(self.tabs, self.melding)
        self._tekenaar.registreer("matrix", self.matrix, _TAB_GROEPEN)
        self._tekenaar.registreer("abc", self.abc_grafiek, _TAB_ABC)

        regels = widgets.VBox(
            [
                widgets.HTML(
                    "<b>Cut-offregels</b> (twee verschillende regels, elk apart aan te zetten)"
                ),
                self.knock_out_aan,
                self.knock_out_criterium,
                self.knock_out_minimum,
                self.minimum_totaal_aan,
                self.minimum_totaal,
            ],
            layout=widgets.Layout(margin="0 0 0 24px"),
        )
        super().__init__(
            [
                widgets.HTML("<h3 style='margin:4px 0'>Customer rating</h3>"),
                widgets.HTML(
                    "Waarde van een account = Σ gewicht × score. Verschuif de gewichten en "
                    "zet de cut-offregels aan om te zien wie er afvalt en waarom."
                ),
                self.melding,
                widgets.HBox(
                    [
                        widgets.VBox(
                            [widgets.HTML("<b>Gewichten</b> (0–10)"), *self.gewichten.values()]
                        ),
                        regels,
                    ],
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                self.uitkomst,
                self.tabs,
            ]
        )
        self.add_class("kt-klantrating")

        # --- Koppelingen ----------------------------------------------------------------
        for w in (
            *self.gewichten.values(),
            self.knock_out_aan,
            self.knock_out_criterium,
            self.knock_out_minimum,
            self.minimum_totaal_aan,
            self.minimum_totaal,
            self.top,
        ):
            w.observe(self._rating_gewijzigd, names="value")
        self.grens.observe(self._grens_gewijzigd, names="value")
        self.abc_kolom.observe(self._abc_gewijzigd, names="value")

        self._zet_regels_aan_uit()
        self._werk_abc()
        self._werk_rating()
        if heeft_assen:
            self._werk_groepen()

    # ------------------------------------------------------------------------------
    # Callbacks: lezen -> rekenkern -> tonen
    # ------------------------------------------------------------------------------

    def _rating_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        if self._stil:
            return
        self._zet_regels_aan_uit()
        self._werk_rating()

    def _grens_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        self._werk_groepen()

    def _abc_gewijzigd(self, _wijziging: dict[str, Any]) -> None:
        self._werk_abc()
        self._toon_afvallers()

    def _zet_regels_aan_uit(self) -> None:
        self.knock_out_criterium.disabled = not self.knock_out_aan.value
        self.knock_out_minimum.disabled = not self.knock_out_aan.value
        self.minimum_totaal.disabled = not self.minimum_totaal_aan.value

    def _regels(self) -> tuple[dict[Any, int] | None, int | None]:
        knock_out = (
            {self.knock_out_criterium.value: self.knock_out_minimum.value}
            if self.knock_out_aan.value
            else None
        )
        minimum = self.minimum_totaal.value if self.minimum_totaal_aan.value else None
        return knock_out, minimum

    # ------------------------------------------------------------------------------
    # Rangorde en afvallers
    # ------------------------------------------------------------------------------

    def _werk_rating(self) -> None:
        knock_out, minimum = self._regels()
        gewichten = {c: s.value for c, s in self.gewichten.items()}
        try:
            tabel = klantrating(self.accounts[self.criteria], gewichten, knock_out, minimum)
        except INVOERFOUTEN as fout:
            self.melding.zet("rating", f"Customer rating: {fout}")
            return
        self.melding.zet("rating", None)
        self.resultaat = tabel
        geselecteerd = tabel[tabel["geselecteerd"]]
        regels = []
        if knock_out:
            ((criterium, grens),) = knock_out.items()
            regels.append(f"knock-out: {criterium} minstens {_toon(grens)}")
        if minimum is not None:
            regels.append(f"minimumtotaal: minstens {_toon(minimum)}")
        regeltekst = "; ".join(regels) if regels else "geen cut-offregel aan"
        beste = tabel.index[0]
        self.uitkomst.value = (
            f'<p><b class="kt-rating-aantal">{getal_nl(len(geselecteerd), 0)}</b> van de '
            f"{getal_nl(len(tabel), 0)} accounts geselecteerd ({regeltekst}). Hoogste totaal: "
            f"<b>{_toon(tabel['totaal'].iloc[0])}</b> ({_escape(beste)}).</p>"
        )
        top = tabel.head(self.top.value)
        koppen = ["rang", "account", *map(str, self.criteria), "totaal", "geselecteerd", "reden"]
        rijen = [
            [
                rij["rang"],
                naam,
                *[_toon(rij[c]) for c in self.criteria],
                getal_nl(rij["totaal"], 1),
                ja_nee(rij["geselecteerd"]),
                rij["reden"],
            ]
            for naam, rij in top.iterrows()
        ]
        klassen = ["" if s else "kt-rating-afgevallen" for s in top["geselecteerd"]]
        self.rangorde.value = (
            f"<b>Top {len(top)}</b>"
            '<div style="max-height:420px; overflow-y:auto">'
            + html_tabel(koppen, rijen, "kt-rating-tabel", rijklassen=klassen)
            + "</div>"
        )
        self._toon_afvallers()
        aantal = self.top.value
        # HTML in plaats van een matplotlib-PNG: een schuif verschuiven geeft direct de
        # nieuwe ranglijst (zie klanttools.widgets._html_staven).
        self.ranking.value = ranking_html(tabel, minimum_totaal=minimum, max_aantal=aantal)

    def _toon_afvallers(self) -> None:
        tabel = self.resultaat
        if tabel is None:
            return
        af = tabel[~tabel["geselecteerd"]]
        if len(af) == 0:
            self.afvallers.value = (
                '<p class="kt-rating-geen-afvallers">Er valt geen enkel account af.</p>'
            )
            return
        klasse = self.abc["klasse"].astype(object).to_dict() if self.abc is not None else {}
        rijen = [
            [naam, rij["rang"], getal_nl(rij["totaal"], 1), klasse.get(naam, "–"), rij["reden"]]
            for naam, rij in af.iterrows()
        ]
        # Ingeklapt: zo blijft het tabblad op een laptopscherm passen (1366×900); één klik
        # op de regel toont wie er afvalt en waarom.
        self.afvallers.value = (
            '<details class="kt-rating-afvallers-lijst"><summary style="cursor:pointer">'
            f'<b class="kt-rating-aantal-af">{getal_nl(len(af), 0)}</b> '
            f"{'account valt' if len(af) == 1 else 'accounts vallen'} af. Klik hier voor de "
            "lijst en de reden.</summary>"
            '<div style="max-height:260px; overflow-y:auto">'
            + html_tabel(
                ["account", "rang", "totaal", "ABC-klasse", "reden"],
                rijen,
                "kt-rating-afvallers-tabel",
            )
            + "</div></details>"
        )

    # ------------------------------------------------------------------------------
    # Klantgroepen
    # ------------------------------------------------------------------------------

    def _werk_groepen(self) -> None:
        grens = self.grens.value
        try:
            groepen = klantgroepen(self.accounts, _RELATIE, _KOOP, grens)
        except INVOERFOUTEN as fout:
            self.melding.zet("klantgroepen", f"Klantgroepen: {fout}")
            return
        self.melding.zet("klantgroepen", None)
        self.groepen = groepen
        aantallen = groepen.value_counts(sort=False)
        grens_relatie, grens_koop = groepen.attrs["grens"]
        rijen = [[g, getal_nl(aantallen[g], 0), ADVIES[g]] for g in aantallen.index]
        self.klantgroepen_uitkomst.value = (
            f"<p>Hoog vanaf: relatiegedrag {_toon(grens_relatie)}, koopgedrag "
            f"{_toon(grens_koop)}"
            + (" (de mediaan)" if grens == "mediaan" else "")
            + ".</p>"
            + html_tabel(["klantgroep", "accounts", "advies"], rijen, "kt-rating-groepen-tabel")
        )
        accounts = self.accounts
        self._tekenaar.teken(
            "matrix",
            lambda: grafieken.klantgroepen_matrix(
                accounts, relatie=_RELATIE, koop=_KOOP, grens=grens
            ),
        )

    # ------------------------------------------------------------------------------
    # ABC-analyse
    # ------------------------------------------------------------------------------

    def _werk_abc(self) -> None:
        kolom = self.abc_kolom.value
        if kolom is None:
            self.abc_uitkomst.value = "<p>Er is geen kolom met waarden voor een ABC-analyse.</p>"
            return
        try:
            abc = abc_analyse(self.accounts[kolom])
            overzicht = abc_samenvatting(abc)
        except INVOERFOUTEN as fout:
            self.melding.zet("abc", f"ABC-analyse op {kolom!r}: {fout}")
            return
        self.melding.zet("abc", None)
        self.abc, self.abc_overzicht = abc, overzicht
        rijen = [
            [
                klasse,
                getal_nl(rij["aantal_accounts"], 0),
                procent_nl(rij["aandeel_accounts"]),
                _toon(rij["waarde"]),
                procent_nl(rij["aandeel_waarde"]),
            ]
            for klasse, rij in overzicht.iterrows()
        ]
        self.abc_uitkomst.value = (
            f"<p>ABC-analyse op <b>{_escape(kolom)}</b>: klasse A levert samen de eerste 80%, "
            "B de volgende 15% en C de rest.</p>"
            + html_tabel(
                ["klasse", "accounts", "% accounts", str(kolom), f"% {kolom}"],
                rijen,
                "kt-rating-abc-tabel",
            )
        )
        self._tekenaar.teken("abc", lambda: grafieken.abc_curve(abc))


def _escape(tekst: Any) -> str:
    import html

    return html.escape(str(tekst))
