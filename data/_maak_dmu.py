"""DMU-casussen: drie koopsituaties bij klanten van Kruisveld Techniek (synthetisch).

Geen toeval: de casussen zijn met de hand geschreven (eenheid 5, *Mensen*). Elke casus is
een andere koopsituatie uit het *buygrid* van Robinson, Faris en Wind (1967):

* **nieuwe aankoop** (*new task*): de klant koopt iets voor het eerst; de DMU is groot en
  zoekt veel informatie;
* **gewijzigde herhaalaankoop** (*modified rebuy*): de klant koopt opnieuw, maar met
  andere eisen of een ander product;
* **herhaalaankoop** (*straight rebuy*): de klant bestelt wat hij altijd bestelt; de DMU
  is klein en de aankoop loopt op routine.

`CASUSSEN` geeft per casus de klant, de koopsituatie en een beschrijving; `LEDEN` de
mensen in de DMU van de klant met hun functie, wat ze doen, hun rol(len) volgens Webster
en Wind (1972) en Bonoma (1982), en wie van Kruisveld nu contact met hen heeft (een functie
uit het klantenteam, of niemand). Eén persoon kan meer rollen hebben: de tabel
``dmu_leden`` heeft één rij per persoon per rol.

Wat er bewust in zit (voor docenten): bij Vandermeer (nieuwe klant) spreekt Kruisveld
alleen de inkoper; bij Campus Noord bereikt het team niet de beslisser en niet de
beïnvloeder; bij Okkerse is er geen poortwachter in beeld en spreekt niemand de gebruiker.
Karin de Wit (Vandermeer) en Johan Mulder (Campus Noord) zijn inkoper én poortwachter;
de beïnvloederrol komt bij Vandermeer twee keer voor.
"""

from __future__ import annotations

CASUSSEN: dict[str, tuple[str, str, str]] = {
    "Vandermeer": (
        "Vandermeer Installatietechniek",
        "nieuwe aankoop",
        "Vandermeer Installatietechniek (45 medewerkers) plaatst warmtepompen bij "
        "woningcorporaties. Projecten lopen steeds vaker vertraging op omdat onderdelen te "
        "laat komen. Het bedrijf wil daarom voor het eerst één groothandel kiezen voor alle "
        "warmtepompen en onderdelen, met een voorraad op locatie. Kruisveld is nieuw bij "
        "deze klant en heeft pas één keer met de inkoper gesproken.",
    ),
    "Campus Noord": (
        "Facilitair bedrijf Campus Noord",
        "gewijzigde herhaalaankoop",
        "Het facilitair bedrijf van een hogeschool koopt al jaren verlichting bij Kruisveld. "
        "Nu wil het overstappen van losse tl-buizen naar ledverlichting met "
        "aanwezigheidssensoren, zodat de gebouwen minder stroom gebruiken. Het product "
        "verandert, de leverancier mag blijven als het aanbod past.",
    ),
    "Okkerse": (
        "Metaalbewerking Okkerse",
        "herhaalaankoop",
        "Metaalbewerking Okkerse bestelt elke maand dezelfde boren, slijpschijven en "
        "verbruiksmaterialen in de webshop van Kruisveld, binnen een raamcontract dat "
        "twee jaar geleden is afgesloten. Er wordt niet opnieuw vergeleken zolang alles "
        "goed geleverd wordt.",
    ),
}
"""Casus → (klant, koopsituatie, beschrijving)."""

LEDEN: tuple[tuple[str, str, str, str, tuple[str, ...], str], ...] = (
    # casus, persoon, functie bij de klant, wat hij of zij doet, rollen, contact bij Kruisveld
    (
        "Vandermeer",
        "Sanne Vermeulen",
        "projectleider duurzame installaties",
        "Zag dat projecten stilvielen door late leveringen en zette de zoektocht naar één "
        "groothandel in gang; schrijft de eisen voor de voorraad op locatie.",
        ("initiatiefnemer", "beïnvloeder"),
        "",
    ),
    (
        "Vandermeer",
        "Erik Bos",
        "ploegleider monteurs",
        "Haalt met zijn monteurs elke dag de onderdelen op en installeert de warmtepompen.",
        ("gebruiker",),
        "",
    ),
    (
        "Vandermeer",
        "Ahmed El Amrani",
        "extern installatieadviseur",
        "Adviseert Vandermeer over welke merken warmtepomp passen bij de eisen van de "
        "woningcorporaties.",
        ("beïnvloeder",),
        "",
    ),
    (
        "Vandermeer",
        "Karin de Wit",
        "inkoper",
        "Vraagt offertes aan, onderhandelt over prijs en levertijd en plaatst de orders; "
        "alle leveranciers lopen via haar.",
        ("inkoper", "poortwachter"),
        "accountmanager",
    ),
    (
        "Vandermeer",
        "Mark Vandermeer",
        "directeur-eigenaar",
        "Tekent het contract en kiest uiteindelijk welke groothandel het wordt.",
        ("beslisser",),
        "",
    ),
    (
        "Vandermeer",
        "Ilse Jansen",
        "officemanager",
        "Beheert de agenda van de directeur en beslist welke verkopers een afspraak krijgen.",
        ("poortwachter",),
        "",
    ),
    (
        "Campus Noord",
        "Peter Smit",
        "hoofd facilitaire dienst",
        "Beheert het budget voor de gebouwen en geeft het laatste woord over de overstap.",
        ("beslisser",),
        "",
    ),
    (
        "Campus Noord",
        "Lotte Kramer",
        "medewerker technisch onderhoud",
        "Vervangt de lampen in de gebouwen en stelde zelf voor om op led over te stappen.",
        ("initiatiefnemer", "gebruiker"),
        "technische_dienst",
    ),
    (
        "Campus Noord",
        "Johan Mulder",
        "inkoopadviseur",
        "Stelt het bestek op, vraagt prijzen op en plaatst de bestellingen; verkopers moeten "
        "eerst langs hem.",
        ("inkoper", "poortwachter"),
        "accountmanager",
    ),
    (
        "Campus Noord",
        "Fatima Yilmaz",
        "duurzaamheidscoördinator",
        "Stelt de eisen voor stroomverbruik en certificaten op waaraan elk aanbod moet voldoen.",
        ("beïnvloeder",),
        "",
    ),
    (
        "Okkerse",
        "Bram Okkerse",
        "directeur",
        "Sloot twee jaar geleden het raamcontract af en beslist of het wordt verlengd.",
        ("beslisser",),
        "accountmanager",
    ),
    (
        "Okkerse",
        "Yvonne de Graaf",
        "magazijnbeheerder",
        "Ziet wanneer de voorraad opraakt en bestelt dan zelf in de webshop.",
        ("initiatiefnemer", "inkoper"),
        "verkoopbinnendienst",
    ),
    (
        "Okkerse",
        "Dennis Visser",
        "werkplaatschef",
        "Werkt met de boren en schijven en zegt welk merk beter of slechter bevalt.",
        ("gebruiker", "beïnvloeder"),
        "",
    ),
)
"""De DMU-leden per casus."""


def maak_dmu_casussen() -> tuple[list[str], list[list[object]]]:
    """Eén rij per casus: casus, klant, koopsituatie, beschrijving."""
    rijen: list[list[object]] = [[c, *waarden] for c, waarden in CASUSSEN.items()]
    return ["casus", "klant", "koopsituatie", "beschrijving"], rijen


def maak_dmu_leden() -> tuple[list[str], list[list[object]]]:
    """Eén rij per persoon per rol: casus, persoon, functie, wat, rol, contact."""
    rijen: list[list[object]] = []
    for casus, persoon, functie, wat, rollen, contact in LEDEN:
        for rol in rollen:
            rijen.append([casus, persoon, functie, wat, rol, contact])
    return ["casus", "persoon", "functie", "wat", "rol", "contact"], rijen
