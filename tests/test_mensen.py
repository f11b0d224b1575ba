"""Tests voor klanttools.mensen (klantenteam en DMU)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from klanttools import mensen
from klanttools.mensen import (
    DMU_ROLLEN,
    FUNCTIE_NAMEN,
    KLANTENTEAM_FUNCTIES,
    DmuDekking,
    DmuRol,
    dmu_dekking,
    rollen_tabel,
)

ROLLEN = ("initiatiefnemer", "gebruiker", "beinvloeder", "inkoper", "beslisser", "poortwachter")

DMU = {
    "Jansen": "beslisser",
    "De Vries": ["inkoper", "poortwachter"],
    "Bakker": ["gebruiker", "beinvloeder"],
}


# --- constanten ---------------------------------------------------------------


def test_dmu_rollen():
    assert tuple(DMU_ROLLEN) == ROLLEN
    for sleutel, rol in DMU_ROLLEN.items():
        assert isinstance(rol, DmuRol)
        assert rol.sleutel == sleutel
        assert sleutel.isidentifier() and sleutel.isascii()
        assert rol.omschrijving and "\n" not in rol.omschrijving
        assert rol.omschrijving.endswith(".")
    assert DMU_ROLLEN["beinvloeder"].naam == "beïnvloeder"


def test_bronnen_genoemd():
    doc = mensen.__doc__
    assert "Webster en Wind (1972)" in doc
    assert "Bonoma" in doc and "initiatiefnemer" in doc


def test_klantenteam_functies():
    assert KLANTENTEAM_FUNCTIES == (
        "accountmanager",
        "marketingmanager",
        "financieel_medewerker",
        "customer_service",
        "verkoopbinnendienst",
        "technische_dienst",
        "productmanager",
        "directie_secretariaat",
    )
    assert list(FUNCTIE_NAMEN) == list(KLANTENTEAM_FUNCTIES)
    assert FUNCTIE_NAMEN["directie_secretariaat"] == "directie/secretariaat"
    assert FUNCTIE_NAMEN["financieel_medewerker"] == "financieel medewerker"
    assert all(f.isidentifier() for f in KLANTENTEAM_FUNCTIES)


def test_rollen_tabel():
    tabel = rollen_tabel()
    assert isinstance(tabel, pd.DataFrame)
    assert tabel.index.name == "rol"
    assert tuple(tabel.index) == ROLLEN
    assert list(tabel.columns) == ["naam", "omschrijving"]
    assert tabel.loc["beinvloeder", "naam"] == "beïnvloeder"


# --- dmu_dekking --------------------------------------------------------------


def test_dmu_dekking_handvoorbeeld():
    d = dmu_dekking({"accountmanager": ["Jansen", "De Vries"]}, DMU)
    assert isinstance(d, DmuDekking)
    assert d.gedekt == ("inkoper", "beslisser", "poortwachter")
    assert d.niet_gedekt == ("initiatiefnemer", "gebruiker", "beinvloeder")
    assert d.niet_in_beeld == ("initiatiefnemer",)
    assert d.personen_zonder_contact == ("Bakker",)
    assert d.via == {
        "inkoper": ("accountmanager",),
        "beslisser": ("accountmanager",),
        "poortwachter": ("accountmanager",),
    }
    assert d.contacten == {
        "Jansen": ("accountmanager",),
        "De Vries": ("accountmanager",),
        "Bakker": (),
    }
    assert d.volledig is False
    assert "2 van de 3 personen" in d.uitleg
    assert "3 van de 6 rollen" in d.uitleg
    assert "Bakker (gebruiker en beïnvloeder)" in d.uitleg
    assert "Nog niet in beeld: initiatiefnemer" in d.uitleg
    assert str(d) == d.uitleg


def test_dmu_dekking_volledig():
    dmu = {**DMU, "Smit": "initiatiefnemer"}
    koppeling = {
        "accountmanager": ["Jansen", "De Vries"],
        "technische_dienst": "Bakker",
        "marketingmanager": "Smit",
        "directie_secretariaat": ["Jansen"],
    }
    d = dmu_dekking(koppeling, dmu)
    assert d.gedekt == ROLLEN
    assert d.niet_gedekt == () and d.niet_in_beeld == () and d.personen_zonder_contact == ()
    assert d.volledig is True
    assert d.via["beslisser"] == ("accountmanager", "directie_secretariaat")
    assert "duurzame partnerrelatie" in d.uitleg
    assert "beslisser (via accountmanager en directie/secretariaat)" in d.uitleg


def test_een_persoon_met_meerdere_rollen_dekt_ze_allemaal():
    d = dmu_dekking({"accountmanager": "Directeur"}, {"Directeur": list(ROLLEN)})
    assert d.volledig


def test_lege_koppeling_dekt_niets():
    d = dmu_dekking({}, DMU)
    assert d.gedekt == ()
    assert d.niet_gedekt == ROLLEN
    assert d.personen_zonder_contact == ("Jansen", "De Vries", "Bakker")
    assert "0 van de 3 personen" in d.uitleg


def test_weergavenamen_en_engelse_termen_worden_herkend():
    dmu = {"Bakker": ["Beïnvloeder", "user"], "Smit": "gatekeeper", "Kok": "Initiator"}
    koppeling = {"technische dienst": "Bakker", "Directie/Secretariaat": "Smit"}
    d = dmu_dekking(koppeling, dmu)
    assert d.gedekt == ("gebruiker", "beinvloeder", "poortwachter")
    assert d.via["poortwachter"] == ("directie_secretariaat",)
    assert d.niet_in_beeld == ("inkoper", "beslisser")
    assert d.personen_zonder_contact == ("Kok",)


def test_dubbele_functienamen_worden_samengevoegd():
    d = dmu_dekking({"directie": "Jansen", "secretariaat": ["De Vries", "Jansen"]}, DMU)
    assert d.contacten["Jansen"] == ("directie_secretariaat",)
    assert d.contacten["De Vries"] == ("directie_secretariaat",)


def test_dmu_dekking_is_bevroren():
    d = dmu_dekking({}, DMU)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.gedekt = ROLLEN  # type: ignore[misc]


def test_invoer_wordt_niet_aangepast():
    dmu = {"Jansen": ["beslisser"]}
    koppeling = {"accountmanager": ["Jansen"]}
    dmu_dekking(koppeling, dmu)
    assert dmu == {"Jansen": ["beslisser"]}
    assert koppeling == {"accountmanager": ["Jansen"]}


# --- foute invoer -------------------------------------------------------------


def test_onbekende_rol_noemt_persoon_en_toegestane_rollen():
    with pytest.raises(ValueError, match="dmu: onbekende rol") as fout:
        dmu_dekking({}, {"Jansen": ["beslisser", "baas"], "Smit": "koffiehaler"})
    tekst = str(fout.value)
    assert "'baas' (bij Jansen)" in tekst and "'koffiehaler' (bij Smit)" in tekst
    for rol in ROLLEN:
        assert repr(rol) in tekst


def test_rol_geen_tekst():
    with pytest.raises(ValueError, match=r"dmu: onbekende rol\(len\) 3 \(bij Jansen\)"):
        dmu_dekking({}, {"Jansen": [3]})
    with pytest.raises(TypeError, match=r"dmu\['Jansen'\]: verwacht een rol"):
        dmu_dekking({}, {"Jansen": 3})


def test_persoon_zonder_rol():
    with pytest.raises(ValueError, match=r"dmu\['Jansen'\]: geen rol opgegeven"):
        dmu_dekking({}, {"Jansen": []})


def test_lege_dmu():
    with pytest.raises(ValueError, match="dmu: de DMU is leeg"):
        dmu_dekking({}, {})


@pytest.mark.parametrize("dmu", [["Jansen"], "Jansen", None])
def test_dmu_geen_dict(dmu):
    with pytest.raises(TypeError, match="dmu: verwacht een dict"):
        dmu_dekking({}, dmu)


@pytest.mark.parametrize("persoon", [3, "", "   "])
def test_persoonsnaam_ongeldig(persoon):
    with pytest.raises(TypeError, match="dmu: elke persoon moet een naam"):
        dmu_dekking({}, {persoon: "beslisser"})


def test_onbekende_teamfunctie():
    with pytest.raises(ValueError, match="koppeling: onbekende teamfunctie") as fout:
        dmu_dekking({"stagiair": "Jansen", "accountmanager": "Jansen"}, DMU)
    tekst = str(fout.value)
    assert "'stagiair'" in tekst
    assert "'accountmanager'" in tekst and "'directie_secretariaat'" in tekst


def test_gekoppelde_persoon_niet_in_dmu():
    with pytest.raises(ValueError, match="koppeling: 'Pietersen' .* staat niet in de DMU") as fout:
        dmu_dekking({"accountmanager": ["Jansen", "Pietersen"]}, DMU)
    assert "'Jansen', 'De Vries' en 'Bakker'" in str(fout.value)


@pytest.mark.parametrize("koppeling", [["accountmanager"], "accountmanager", None])
def test_koppeling_geen_dict(koppeling):
    with pytest.raises(TypeError, match="koppeling: verwacht een dict"):
        dmu_dekking(koppeling, DMU)


def test_koppeling_waarde_geen_naam():
    with pytest.raises(TypeError, match=r"koppeling\['accountmanager'\]: verwacht de naam"):
        dmu_dekking({"accountmanager": 5}, DMU)


# --- eigenschappen (hypothesis) -----------------------------------------------

personen = st.sampled_from(["Jansen", "De Vries", "Bakker", "Smit", "El Amrani"])


@st.composite
def dmu_en_koppeling(draw):
    dmu = draw(
        st.dictionaries(
            personen,
            st.lists(st.sampled_from(ROLLEN), min_size=1, max_size=3),
            min_size=1,
        )
    )
    koppeling = draw(
        st.dictionaries(
            st.sampled_from(KLANTENTEAM_FUNCTIES),
            st.lists(st.sampled_from(sorted(dmu)), max_size=3),
        )
    )
    return dmu, koppeling


@given(dmu_en_koppeling())
def test_dekking_is_consistent(invoer):
    dmu, koppeling = invoer
    d = dmu_dekking(koppeling, dmu)
    assert set(d.gedekt) | set(d.niet_gedekt) == set(ROLLEN)
    assert not set(d.gedekt) & set(d.niet_gedekt)
    assert set(d.niet_in_beeld) <= set(d.niet_gedekt)
    met_contact = {p for namen in koppeling.values() for p in namen}
    assert set(d.personen_zonder_contact) == set(dmu) - met_contact
    for rol in ROLLEN:
        bereikt = any(rol in dmu[p] for p in met_contact)
        assert (rol in d.gedekt) == bereikt
        aanwezig = any(rol in rollen for rollen in dmu.values())
        assert (rol in d.niet_in_beeld) == (not aanwezig)
    assert d.volledig == (len(d.gedekt) == len(ROLLEN))


# --- rollen zijn geen stappen ---------------------------------------------------


def test_rollen_zijn_geen_stappen():
    """Seedfout: de rollen zijn geen stappen van een proces (de poortwachter is geen stap)."""
    bron = open(mensen.__file__, encoding="utf-8").read()
    assert "in de volgorde van het aankoopproces" not in bron
    assert "rollen zijn **geen stappen**" in bron and "(hij is geen stap" in bron


# --- dmu_advies -----------------------------------------------------------------


def test_advies_beslisser_eerst_met_naam_en_aanspreekpunt():
    d = dmu_dekking({"accountmanager": ["De Vries", "Bakker"]}, DMU)
    advies = mensen.dmu_advies(d)
    assert advies[0].startswith("Niemand uit het team spreekt de beslisser (Jansen)")
    assert "accountmanager" in advies[0]
    assert any(z.startswith("Nog niet in beeld: wie is de initiatiefnemer?") for z in advies)
    # Alles via één functie: verdelen over het team (klantkennis, cross-selling).
    assert "Alle contacten lopen via één functie (accountmanager)" in advies[-1]
    assert "cross-selling" in advies[-1]


def test_advies_volledig_en_zonder_contact():
    dmu = {
        "A": ["initiatiefnemer", "gebruiker", "beinvloeder"],
        "B": ["inkoper", "beslisser"],
        "C": "poortwachter",
    }
    vol = mensen.dmu_advies(
        dmu_dekking({"accountmanager": ["A", "B"], "verkoopbinnendienst": "C"}, dmu)
    )
    assert vol == (
        "Elke rol heeft een aanspreekpunt. Houd de koppeling bij: spreek in het klantenteam af "
        "wie wie spreekt, waar, wanneer en hoe vaak.",
    )
    leeg = mensen.dmu_advies(dmu_dekking({}, dmu))
    assert leeg[0].startswith("Niemand uit het team spreekt de beslisser (B)")
    assert leeg[1].startswith("Niemand uit het team spreekt de poortwachter (C)")
    assert leeg[-1].startswith("Nog niemand uit het team heeft contact")


def test_advies_poortwachter_niet_in_beeld():
    d = dmu_dekking({"accountmanager": "Jansen"}, {"Jansen": ["beslisser", "inkoper"]})
    advies = mensen.dmu_advies(d)
    assert advies[0].startswith("Nog niet in beeld: wie is de poortwachter?")


def test_advies_wil_een_dekking():
    with pytest.raises(TypeError, match="dmu_dekking"):
        mensen.dmu_advies({"gedekt": ()})


# --- dmu_uit_tabel --------------------------------------------------------------


def test_dmu_uit_tabel_op_de_dataset():
    from klanttools.datasets import laad

    leden = laad("dmu_leden")
    dmu, koppeling = mensen.dmu_uit_tabel(leden, "Vandermeer")
    assert dmu["Karin de Wit"] == ("inkoper", "poortwachter")
    assert dmu["Sanne Vermeulen"] == ("initiatiefnemer", "beïnvloeder")
    assert koppeling == {"accountmanager": ("Karin de Wit",)}
    d = dmu_dekking(koppeling, dmu)
    assert d.gedekt == ("inkoper", "poortwachter")
    assert d.rollen["Sanne Vermeulen"] == ("initiatiefnemer", "beinvloeder")


def test_dmu_uit_tabel_meldingen():
    from klanttools.datasets import laad

    leden = laad("dmu_leden")
    with pytest.raises(
        ValueError,
        match=r"'Bestaat niet' staat niet in de tabel\. Kies uit: "
        r"'Vandermeer', 'Campus Noord' en 'Okkerse'",
    ):
        mensen.dmu_uit_tabel(leden, "Bestaat niet")
    with pytest.raises(ValueError, match="'contact' ontbreken"):
        mensen.dmu_uit_tabel(leden.drop(columns="contact"), "Okkerse")
    with pytest.raises(TypeError, match="dmu_leden"):
        mensen.dmu_uit_tabel([], "Okkerse")
