"""De cursusdatasets laden op naam, vanuit elke map.

De kit heeft datasets over **Kruisveld Techniek B.V.**, een verzonnen
technische groothandel. **Alle gegevens zijn synthetisch**: gemaakt met een
vast startgetal door ``data/maak_datasets.py`` en beschreven in
``data/README.md``. Ze lijken op echte gegevens, maar gaan niet over bestaande
bedrijven of personen.

``laad(naam)`` vindt een dataset altijd, ook als het notebook in ``notebooks/``
staat, in een nbgrader-map als ``release/`` of ``autograded/``, of als
klanttools als wheel is geïnstalleerd. Er wordt gezocht, in deze volgorde:

1. in de map uit de omgevingsvariabele ``KLANTTOOLS_DATA`` (als die is gezet),
   zodat een docent een eigen versie van een bestand kan gebruiken;
2. in het geïnstalleerde pakket (``klanttools._data``, de map ``data/`` van het
   project);
3. in de map ``data/`` naast de broncode (als klanttools niet is geïnstalleerd).

De huidige werkmap speelt dus nooit een rol.

Examples
--------
>>> from klanttools.datasets import laad, beschikbare_datasets
>>> list(beschikbare_datasets())
['nps_enquete', 'accounts', 'leads', 'waardestrategie', 'orders', 'orders_ruw', 'dmu_casussen', 'dmu_leden']
>>> enquete = laad("nps_enquete")
>>> enquete["score"].dtype
Int64Dtype()
>>> list(enquete["meting"].cat.categories)
['voorjaar 2025', 'najaar 2025', 'voorjaar 2026', 'najaar 2026']
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pandas as pd

from klanttools._controle import opsomming, toon

__all__ = ["OMGEVINGSVARIABELE", "beschikbare_datasets", "laad"]

OMGEVINGSVARIABELE = "KLANTTOOLS_DATA"
"""Naam van de omgevingsvariabele waarmee je een eigen datamap kunt aanwijzen."""

_PAKKET = "klanttools._data"

_REGIO = ("Noord", "Oost", "Midden", "Zuid", "West")
_SECTOREN = (
    "Installatietechniek",
    "Bouw",
    "Industrie",
    "Facilitair onderhoud",
    "Overheid en onderwijs",
)
_SEGMENTEN = ("Key account", "MKB", "Klein zakelijk")
_ROLLEN = ("Inkoper", "Projectleider", "Monteur", "Directie")
_METINGEN = ("voorjaar 2025", "najaar 2025", "voorjaar 2026", "najaar 2026")
_BRONNEN = ("inbound", "koude acquisitie", "netwerk", "beurs", "aanbesteding")
_FASEN = ("suspect", "lead", "prospect", "klant")
_KANALEN = ("accountmanager", "telefoon", "e-mail", "webshop")
_KOOPSITUATIES = ("nieuwe aankoop", "gewijzigde herhaalaankoop", "herhaalaankoop")
_DMU_ROLLEN = (
    "initiatiefnemer",
    "gebruiker",
    "beïnvloeder",
    "inkoper",
    "beslisser",
    "poortwachter",
)


@dataclass(frozen=True)
class _Dataset:
    """Beschrijving van één dataset: bestand, kolommen en hun type."""

    bestand: str
    omschrijving: str
    kolommen: tuple[str, ...]
    gehele_getallen: tuple[str, ...] = ()
    gehele_getallen_met_leeg: tuple[str, ...] = ()
    kommagetallen: tuple[str, ...] = ()
    datums: tuple[str, ...] = ()
    categorieen: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    scheidingsteken: str = ","


_DATASETS: dict[str, _Dataset] = {
    "nps_enquete": _Dataset(
        bestand="nps_enquete.csv",
        omschrijving=(
            "NPS-enquête onder klanten van Kruisveld Techniek B.V.: vier metingen "
            "(2025–2026), score 0–10 en het open antwoord op de verbetervraag."
        ),
        kolommen=(
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
        ),
        gehele_getallen_met_leeg=("score",),
        datums=("datum",),
        categorieen={
            "meting": (_METINGEN, True),
            "segment": (_SEGMENTEN, False),
            "sector": (_SECTOREN, False),
            "regio": (_REGIO, False),
            "rol": (_ROLLEN, False),
        },
    ),
    "accounts": _Dataset(
        bestand="accounts.csv",
        omschrijving=(
            "300 zakelijke klanten met omzet, marge, groei, relatie- en koopgedrag, "
            "share of wallet en betalingsgedrag."
        ),
        kolommen=(
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
        ),
        gehele_getallen=(
            "klant_sinds",
            "omzet",
            "orders_per_jaar",
            "relatiegedrag",
            "koopgedrag",
            "betalingsgedrag",
        ),
        kommagetallen=("marge", "groei", "share_of_wallet"),
        categorieen={
            "sector": (_SECTOREN, False),
            "regio": (_REGIO, False),
            "segment": (_SEGMENTEN, False),
        },
    ),
    "leads": _Dataset(
        bestand="leads.csv",
        omschrijving=(
            "Salesfunnel van nieuwe klanten: per suspect de bron en de datum van elke "
            "fase (suspect, lead, prospect, klant)."
        ),
        kolommen=(
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
        ),
        gehele_getallen_met_leeg=("offertebedrag",),
        datums=("datum_suspect", "datum_lead", "datum_prospect", "datum_klant"),
        categorieen={
            "bron": (_BRONNEN, False),
            "sector": (_SECTOREN, False),
            "regio": (_REGIO, False),
            "fase": (_FASEN, True),
        },
    ),
    "waardestrategie": _Dataset(
        bestand="waardestrategie.csv",
        omschrijving=(
            "Zelfbeoordeling van de waardestrategie door vier medewerkers van elk van "
            "zeven bedrijven: antwoord 1–5 op de stellingen OE1–PL5 (lange tabel)."
        ),
        kolommen=("bedrijf", "respondent", "stelling", "antwoord"),
        gehele_getallen=("antwoord",),
    ),
    "orders": _Dataset(
        bestand="orders.csv",
        omschrijving=(
            "Grote orders (vanaf 1.000 euro) van november 2025 tot en met oktober 2026: "
            "datum, klant, kanaal en bedrag, uit het datawarehouse."
        ),
        kolommen=("order_id", "datum", "account_id", "kanaal", "bedrag"),
        kommagetallen=("bedrag",),
        datums=("datum",),
        categorieen={"kanaal": (_KANALEN, False)},
    ),
    "orders_ruw": _Dataset(
        bestand="orders_ruw.csv",
        omschrijving=(
            "Ruwe export van de orders van september 2026 uit Nederlandse Excel: alles als "
            "tekst, met dubbele rijen, lege cellen en bedragen als 1.234,56."
        ),
        kolommen=("order_id", "datum", "account_id", "kanaal", "bedrag"),
        scheidingsteken=";",
    ),
    "dmu_casussen": _Dataset(
        bestand="dmu_casussen.csv",
        omschrijving=(
            "Drie koopsituaties bij klanten van Kruisveld (nieuwe aankoop, gewijzigde "
            "herhaalaankoop, herhaalaankoop), met een beschrijving."
        ),
        kolommen=("casus", "klant", "koopsituatie", "beschrijving"),
        categorieen={"koopsituatie": (_KOOPSITUATIES, False)},
    ),
    "dmu_leden": _Dataset(
        bestand="dmu_leden.csv",
        omschrijving=(
            "De DMU van de drie klanten uit dmu_casussen: één rij per persoon per rol, met "
            "het contact in het klantenteam van Kruisveld."
        ),
        kolommen=("casus", "persoon", "functie", "wat", "rol", "contact"),
        categorieen={"rol": (_DMU_ROLLEN, False)},
    ),
}


def beschikbare_datasets() -> dict[str, str]:
    """Geef de namen van alle datasets, elk met een korte omschrijving.

    Returns
    -------
    dict of str to str
        Naam (zoals je die aan `laad` geeft) → omschrijving in één zin.

    Examples
    --------
    >>> for naam, omschrijving in beschikbare_datasets().items():
    ...     print(naam)
    nps_enquete
    accounts
    leads
    waardestrategie
    orders
    orders_ruw
    dmu_casussen
    dmu_leden
    >>> beschikbare_datasets()["accounts"][:30]
    '300 zakelijke klanten met omze'
    """
    return {naam: d.omschrijving + " (synthetisch)" for naam, d in _DATASETS.items()}


def _controleer_naam(naam: object) -> str:
    """Zet de naam om naar de sleutel van een dataset, of geef een Nederlandse fout."""
    beschikbaar = opsomming([repr(n) for n in _DATASETS], len(_DATASETS))
    if not isinstance(naam, str):
        raise TypeError(
            f"naam: verwacht de naam van een dataset als tekst, kreeg {type(naam).__name__} "
            f"{toon(naam)}. Beschikbaar: {beschikbaar}."
        )
    sleutel = naam.strip().lower().removesuffix(".csv")
    if sleutel in _DATASETS:
        return sleutel
    tip = difflib.get_close_matches(sleutel, list(_DATASETS), n=1, cutoff=0.5)
    if not tip:
        tip = [n for n in _DATASETS if sleutel and (sleutel in n or n in sleutel)][:1]
    extra = f" Bedoelde je {tip[0]!r}?" if tip else ""
    raise ValueError(
        f"naam: {naam!r} is geen dataset van klanttools.{extra} Beschikbaar: {beschikbaar}. "
        "Zie beschikbare_datasets() voor een omschrijving."
    )


def _zoekplekken() -> Iterator[tuple[str, Traversable | Path]]:
    """De plekken waar een dataset kan staan, in zoekvolgorde, met een omschrijving."""
    eigen = os.environ.get(OMGEVINGSVARIABELE, "").strip()
    if eigen:
        yield f"de map uit {OMGEVINGSVARIABELE}", Path(eigen).expanduser()
    try:
        pakket: Traversable | None = resources.files(_PAKKET)
    except (ModuleNotFoundError, TypeError):
        pakket = None
    if pakket is not None:
        yield f"het geïnstalleerde pakket ({_PAKKET})", pakket
    yield "de map data/ naast de broncode", Path(__file__).resolve().parent.parent / "data"


def _zoek(naam: str) -> Traversable | Path:
    """Vind het bestand van een (gecontroleerde) dataset, of geef een duidelijke fout."""
    bestand = _DATASETS[naam].bestand
    gezocht = []
    for omschrijving, map_ in _zoekplekken():
        kandidaat = map_ / bestand
        if kandidaat.is_file():
            return kandidaat
        gezocht.append(f"{omschrijving}: {kandidaat}")
    lijst = "\n".join(f"  {i}. {g}" for i, g in enumerate(gezocht, start=1))
    raise FileNotFoundError(
        f"Dataset {naam!r} niet gevonden: het bestand {bestand} staat op geen van deze "
        f"plekken:\n{lijst}\n"
        "Installeer klanttools opnieuw (pip install klanttools, of pip install -e . in de "
        f"projectmap), of zet de omgevingsvariabele {OMGEVINGSVARIABELE} op een map met "
        f"{bestand}."
    )


def _zet_types(df: pd.DataFrame, d: _Dataset, naam: str, bron: str) -> pd.DataFrame:
    """Geef elke kolom het juiste type; onverwachte waarden geven een fout."""
    ontbreekt = [k for k in d.kolommen if k not in df.columns]
    if ontbreekt:
        raise ValueError(
            f"Dataset {naam!r} ({bron}) mist de kolom(men) "
            f"{opsomming([repr(k) for k in ontbreekt], 20)}. "
            f"Verwacht: {opsomming([repr(k) for k in d.kolommen], 20)}."
        )

    def fout(kolom: str, waarden: pd.Series, verwacht: str) -> ValueError:
        rijen = [f"{toon(v)} (rij {r + 2})" for r, v in waarden.head(5).items()]
        return ValueError(
            f"Dataset {naam!r} ({bron}), kolom {kolom!r}: {len(waarden)} onverwachte "
            f"waarde(n): {opsomming(rijen)}. Verwacht: {verwacht}."
        )

    leeg = df.isna()
    for kolom in d.gehele_getallen + d.gehele_getallen_met_leeg:
        getal = pd.to_numeric(df[kolom], errors="coerce")
        mag_leeg = kolom in d.gehele_getallen_met_leeg
        slecht = (getal.isna() & ~(leeg[kolom] & mag_leeg)) | (getal.notna() & (getal % 1 != 0))
        if slecht.any():
            soort = "een heel getal" + (" of een lege cel" if mag_leeg else "")
            raise fout(kolom, df.loc[slecht, kolom], soort)
        df[kolom] = getal.astype("Int64" if mag_leeg else "int64")
    for kolom in d.kommagetallen:
        getal = pd.to_numeric(df[kolom], errors="coerce")
        slecht = getal.isna() & ~leeg[kolom]
        if slecht.any():
            raise fout(kolom, df.loc[slecht, kolom], "een getal met een punt als decimaalteken")
        df[kolom] = getal.astype("float64")
    for kolom in d.datums:
        datum = pd.to_datetime(df[kolom], format="%Y-%m-%d", errors="coerce")
        slecht = datum.isna() & ~leeg[kolom]
        if slecht.any():
            raise fout(kolom, df.loc[slecht, kolom], "een datum als JJJJ-MM-DD of een lege cel")
        df[kolom] = datum
    for kolom, (categorieen, geordend) in d.categorieen.items():
        slecht = ~df[kolom].isin(categorieen) & ~leeg[kolom]
        if slecht.any():
            raise fout(kolom, df.loc[slecht, kolom], opsomming([repr(c) for c in categorieen], 20))
        df[kolom] = df[kolom].astype(pd.CategoricalDtype(list(categorieen), ordered=geordend))
    return df


def laad(naam: str) -> pd.DataFrame:
    """Laad een cursusdataset als pandas DataFrame.

    De plek van het notebook maakt niet uit: de bestanden worden in het pakket
    gezocht, niet in de huidige map. Alle gegevens zijn synthetisch (verzonnen);
    ``data/README.md`` beschrijft elke kolom.

    Parameters
    ----------
    naam : str
        Naam van de dataset: ``"nps_enquete"``, ``"accounts"``, ``"leads"``,
        ``"waardestrategie"``, ``"orders"``, ``"orders_ruw"``, ``"dmu_casussen"`` of
        ``"dmu_leden"`` (zie
        `beschikbare_datasets`). ``"orders_ruw"`` komt bewust ongeschoond binnen: elke
        kolom als tekst, precies zoals in het bestand (om zelf op te schonen). Hoofdletters en een
        achtervoegsel ``.csv`` mogen.

    Returns
    -------
    pandas.DataFrame
        Met de juiste types: datums als ``datetime64``, vaste keuzelijsten (zoals
        ``meting``, ``segment``, ``regio`` en ``fase``) als ``category``, en scores
        en bedragen die leeg kunnen zijn (``score``, ``offertebedrag``) als
        ``Int64``, waarin een leeg antwoord ``<NA>`` is. ``df.attrs["dataset"]``
        en ``df.attrs["bestand"]`` zeggen wat er geladen is.

    Raises
    ------
    ValueError
        Als ``naam`` geen dataset is (de melding noemt de beschikbare namen), of
        als het bestand niet de verwachte kolommen of waarden heeft.
    TypeError
        Als ``naam`` geen tekst is.
    FileNotFoundError
        Als het bestand nergens te vinden is (de melding noemt waar is gezocht).

    Examples
    --------
    >>> accounts = laad("accounts")
    >>> accounts.shape
    (300, 14)
    >>> print(accounts.loc[0, "bedrijfsnaam"], accounts.loc[0, "omzet"])
    Installatiebedrijf Brakdijk 30240
    >>> leads = laad("leads")
    >>> leads["fase"].value_counts().index[0]
    'suspect'
    >>> laad("nps")
    Traceback (most recent call last):
    ...
    ValueError: naam: 'nps' is geen dataset van klanttools. Bedoelde je 'nps_enquete'? Beschikbaar: 'nps_enquete', 'accounts', 'leads', 'waardestrategie', 'orders', 'orders_ruw', 'dmu_casussen' en 'dmu_leden'. Zie beschikbare_datasets() voor een omschrijving.
    """
    sleutel = _controleer_naam(naam)
    d = _DATASETS[sleutel]
    pad = _zoek(sleutel)
    with pad.open("rb") as f:
        df = pd.read_csv(
            f,
            sep=d.scheidingsteken,
            encoding="utf-8",
            dtype=str,
            keep_default_na=False,
            na_values=[""],
        )
    df = _zet_types(df, d, sleutel, str(pad))
    df.attrs["dataset"] = sleutel
    df.attrs["bestand"] = str(pad)
    return df
