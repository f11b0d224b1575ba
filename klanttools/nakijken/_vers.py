"""Controles vers van schijf, voor de verborgen tests van een opdracht met cijfer.

Een nbgrader-testcel draait in dezelfde kernel als de code van de student. Wat de
student daar eerder deed, kan een gewone ``from klanttools.nakijken import ...``
ongemerkt raken: een controle vervangen door een functie die niets doet
(``klanttools.nakijken.controleer_nps = lambda *a, **k: None``), ``klanttools.nps.nps``
of ``laad`` laten liegen, of een ingebouwde functie als ``abs`` of ``isinstance``
vervangen. Daarom laadt een verborgen test dit bestand **zelf van schijf** (met
``importlib``, zonder ``import klanttools``) en haalt daarmee een verse kopie van de
controles en de rekenkern op. Wat de student in het geheugen veranderde, zit daar niet
in; de modules van de student blijven daarna gewoon staan.

Drie dingen die een verborgen test hiermee doet:

- :func:`controles` — een verse ``klanttools.nakijken._controles``, ``klanttools.nps`` en
  ``klanttools.datasets`` (de juiste waarden rekent de test daarmee zelf uit de data);
  eerst controleert hij dat de ingebouwde functies van Python niet vervangen zijn;
- :func:`zonder_klanttools` — voor delen die de student *met de hand* moet doen: de code
  waarmee de student een variabele of functie maakte, mag geen functie uit klanttools
  gebruiken (alleen ``laad`` om de data te laden);
- :func:`tel_aanroepen` — een eigen functie van de student écht aanroepen en dat bewijzen.

Grenzen (ook in ``docs/nieuwe-les.md``): een testcel is geen zandbak. Wie de
importmachine zelf vervangt (``builtins.__import__``, ``sys.modules``, ``importlib``) of
bestanden op schijf overschrijft, valt hier niet onder; zulke code staat zichtbaar in de
inlevering.

Dit bestand gebruikt bij het laden alleen de standaardbibliotheek.

Examples
--------
De kop van een verborgen test (de docent kopieert hem; de student ziet hem nooit)::

    _il = __import__("importlib.util")
    _p = _il.util.find_spec("klanttools").submodule_search_locations[0]
    _s = _il.util.spec_from_file_location("_vers", _p + "/nakijken/_vers.py")
    _v = _il.util.module_from_spec(_s)
    _s.loader.exec_module(_v)
    _nk = _v.controles()
    _nk.controleer_nps(mijn_nps, _nk.scores("voorjaar 2025"), naam="mijn_nps")
"""

from __future__ import annotations

import ast
import importlib
import os
import sys
import types

__all__ = ["Controles", "controles", "ingebouwd_ongewijzigd", "tel_aanroepen", "zonder_klanttools"]

_TYPE = (0).__class__.__class__
"""``type``, zonder de naam ``type`` op te zoeken (die kan vervangen zijn)."""
_INGEBOUWDE_FUNCTIE = _TYPE((0).__class__.__new__)
"""Het type van een echte ingebouwde functie (``builtin_function_or_method``)."""
_HEAPTYPE = 1 << 9
"""Vlag van een klasse die in Python is gemaakt (een echte ingebouwde klasse heeft hem niet)."""

_FUNCTIES = (
    "abs all any callable chr divmod format getattr globals hasattr hash id isinstance "
    "issubclass iter len locals max min next ord pow print repr round setattr sorted sum vars "
    "__import__ __build_class__"
).split()
_KLASSEN = (
    "bool dict float frozenset int list object range set slice str tuple type zip map filter "
    "enumerate reversed BaseException Exception AssertionError AttributeError KeyError NameError "
    "TypeError ValueError ZeroDivisionError"
).split()

_TOEGESTAAN = ("klanttools.datasets",)
"""Uit deze modules mag een met-de-hand-antwoord wel iets gebruiken (de data laden)."""


def ingebouwd_ongewijzigd(kader: types.FrameType | None = None) -> list[str]:
    """Namen van ingebouwde functies en klassen die niet meer de echte zijn.

    Een echte ingebouwde functie is van het C-type ``builtin_function_or_method`` en
    hoort bij de module ``builtins``; een echte ingebouwde klasse is niet in Python
    gemaakt. Een vervanging (``builtins.abs = lambda x: 0``, een eigen subklasse van
    ``AssertionError``) valt daardoor op, hoe hij ook heet.

    Examples
    --------
    >>> ingebouwd_ongewijzigd()
    []
    """
    import builtins

    tabel = vars(builtins)
    fout = []
    for naam in _FUNCTIES:
        obj = tabel.get(naam)
        if (
            _TYPE(obj) is not _INGEBOUWDE_FUNCTIE
            or obj.__name__ != naam
            or _TYPE(obj.__self__) is not types.ModuleType
            or obj.__self__.__name__ != "builtins"
        ):
            fout.append(naam)
    for naam in _KLASSEN:
        obj = tabel.get(naam)
        if (
            _TYPE(obj) is not _TYPE
            or _TYPE.__dict__["__flags__"].__get__(obj) & _HEAPTYPE
            or _TYPE.__dict__["__name__"].__get__(obj) != naam
        ):
            fout.append(naam)
    if kader is not None and kader.f_builtins is not sys._getframe(0).f_builtins:
        fout.append("__builtins__")
    return fout


class Controles(types.SimpleNamespace):
    """Verse controles en rekenkern; attributen zoals in :mod:`klanttools.nakijken`."""

    def scores(self, meting: str):
        """De scores van één meting uit een vers geladen ``nps_enquete``."""
        df = self.laad("nps_enquete")
        return df.loc[df["meting"] == meting, "score"]


def _laad_vers(map_: str) -> dict[str, types.ModuleType]:
    """Laad de nodige klanttools-modules opnieuw van schijf; zet die van de student terug."""
    eigen = {
        k: sys.modules.pop(k)
        for k in list(sys.modules)
        if k == "klanttools" or k.startswith("klanttools.")
    }
    try:
        # Kale pakketten: alleen de modules die de controles nodig hebben, niet het hele
        # pakket (klanttools/__init__ laadt ook de enquête-import).
        for naam, pad in (
            ("klanttools", map_),
            ("klanttools.nakijken", os.path.join(map_, "nakijken")),
        ):
            kaal = types.ModuleType(naam)
            kaal.__path__ = [pad]
            sys.modules[naam] = kaal
        return {
            naam: importlib.import_module(f"klanttools.{naam}")
            for naam in ("nakijken._controles", "nps", "datasets")
        }
    finally:
        for k in [k for k in sys.modules if k == "klanttools" or k.startswith("klanttools.")]:
            del sys.modules[k]
        sys.modules.update(eigen)


def controles() -> Controles:
    """Verse controles; eerst een fout als de ingebouwde functies zijn vervangen.

    Raises
    ------
    AssertionError
        Met een Nederlandse uitleg, als ``abs``, ``isinstance``, ``AssertionError`` …
        niet meer de echte zijn: dan kan geen enkele controle nog iets bewijzen.
    """
    vervangen = ingebouwd_ongewijzigd(sys._getframe(1))
    if vervangen:
        raise AssertionError(
            "Ingebouwde functies van Python zijn veranderd ("
            + ", ".join(vervangen)
            + "). Dan kan het nakijken niets meer controleren: deze vraag levert geen punten "
            "op. Haal de code weg die ingebouwde functies vervangt."
        )
    # Dit bestand is klanttools/nakijken/_vers.py: het pakket staat twee mappen hoger.
    modules = _laad_vers(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ns = Controles()
    for module in modules.values():
        for naam in getattr(module, "__all__", ()):
            setattr(ns, naam, getattr(module, naam))
    ns.zonder_klanttools = zonder_klanttools
    ns.tel_aanroepen = tel_aanroepen
    return ns


# ---------------------------------------------------------------------------
# Met de hand: gebruikte de student klanttools?
# ---------------------------------------------------------------------------


def _module_van(obj: object) -> str:
    """De module waar ``obj`` vandaan komt (voor een gewone waarde: die van zijn type)."""
    if isinstance(obj, types.ModuleType):
        module = obj.__name__
    elif isinstance(obj, type | types.FunctionType | types.BuiltinFunctionType | types.MethodType):
        module = getattr(obj, "__module__", "")
    else:
        module = getattr(_TYPE(obj), "__module__", "")
    return module if isinstance(module, str) else ""


def _openbaar(module: str) -> str:
    """De module zoals de student hem kent: ``klanttools.nps._tellen`` → ``klanttools.nps``."""
    delen = module.split(".")
    while len(delen) > 1 and delen[-1].startswith("_"):
        delen.pop()
    return ".".join(delen)


def _is_klanttools(module: str) -> bool:
    return module == "klanttools" or module.startswith("klanttools.")


def _namen_in_code(code: types.CodeType) -> set[str]:
    namen = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            namen |= _namen_in_code(const)
    return namen


def _geschiedenis() -> list[str]:
    """De uitgevoerde cellen van deze kernel (IPython), oudste eerst; buiten IPython leeg."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return []
    return list(shell.history_manager.input_hist_raw)


def _doelen(knoop: ast.AST) -> list[ast.AST]:
    if isinstance(knoop, ast.Assign):
        return list(knoop.targets)
    if isinstance(knoop, ast.AugAssign | ast.AnnAssign | ast.For | ast.NamedExpr):
        return [knoop.target]
    if isinstance(knoop, ast.With):
        return [i.optional_vars for i in knoop.items if i.optional_vars is not None]
    return []


_AANVULLERS = frozenset({"append", "extend", "add", "update", "insert"})
"""Methoden die een lijst, verzameling of dict aanvullen (``niet_gedekt.append(rol)``)."""


def _vult_aan(knoop: ast.AST, naam: str) -> bool:
    """True voor ``naam.append(...)`` en dergelijke: de waarde groeit, bijvoorbeeld in een lus."""
    return (
        isinstance(knoop, ast.Expr)
        and isinstance(knoop.value, ast.Call)
        and isinstance(knoop.value.func, ast.Attribute)
        and knoop.value.func.attr in _AANVULLERS
        and isinstance(knoop.value.func.value, ast.Name)
        and knoop.value.func.value.id == naam
    )


def _bindt(boom: ast.AST, naam: str) -> list[ast.AST]:
    """De opdrachten in een cel die ``naam`` een waarde geven of aanvullen."""
    gevonden = []
    for knoop in ast.walk(boom):
        if _vult_aan(knoop, naam):
            gevonden.append(knoop)
            continue
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if knoop.name == naam:
                gevonden.append(knoop)
        elif isinstance(knoop, ast.Import | ast.ImportFrom):
            if any((a.asname or a.name.split(".")[0]) == naam for a in knoop.names):
                gevonden.append(knoop)
        elif any(
            isinstance(d, ast.Name) and d.id == naam for t in _doelen(knoop) for d in ast.walk(t)
        ):
            gevonden.append(knoop)
    return gevonden


def _alleen_gewijzigd(knoop: ast.AST, naam: str) -> bool:
    """True als ``knoop`` ``naam`` niet opnieuw maakt maar aanvult (``df["x"] = ...``).

    Dan komt de waarde ook nog uit een eerdere cel (waar ``df`` gemaakt werd). Zo ook
    ``lijst.append(x)``: de lijst zelf is eerder gemaakt.
    """
    if _vult_aan(knoop, naam):
        return True
    doelen = _doelen(knoop)
    if not doelen or not isinstance(knoop, ast.Assign | ast.AugAssign | ast.AnnAssign):
        return False
    for doel in doelen:
        for d in ast.walk(doel):
            if isinstance(d, ast.Name) and d.id == naam and doel is d:
                return False  # naam = ...: echt opnieuw gemaakt
            if isinstance(d, ast.Tuple | ast.List) and any(
                isinstance(e, ast.Name) and e.id == naam for e in d.elts
            ):
                return False
    return True


def _lusnamen(boom: ast.AST, knoop: ast.AST) -> set[str]:
    """Namen in de kop van de lussen en ``if``'s om ``knoop`` heen.

    ``aantal = aantal + 1`` in ``for p in klant["persoon"]:`` hangt af van ``klant``, ook al
    staat die naam niet in de opdracht zelf.
    """
    ouders = {kind: ouder for ouder in ast.walk(boom) for kind in ast.iter_child_nodes(ouder)}
    namen: set[str] = set()
    while knoop in ouders:
        knoop = ouders[knoop]
        if isinstance(knoop, ast.For | ast.AsyncFor):
            namen |= _gebruikte_namen(knoop.iter)
        elif isinstance(knoop, ast.If | ast.While):
            namen |= _gebruikte_namen(knoop.test)
    return namen


def _gebruikte_namen(knoop: ast.AST) -> set[str]:
    if isinstance(knoop, ast.Import | ast.ImportFrom):
        module = getattr(knoop, "module", None) or ""
        namen = {a.name for a in knoop.names}
        return {f"import:{module or n}" for n in namen}
    return {
        n.id for n in ast.walk(knoop) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }


class _Speurder:
    """Volgt waar een waarde vandaan komt: objecten, eigen functies en de cellen ervoor."""

    def __init__(self, ns: dict, cellen: list[str]) -> None:
        self.ns, self.cellen, self.gezien = ns, cellen, set()
        self.gevonden: list[str] = []
        self.uit_data = False  # kwam de keten bij laad (de data) uit?
        self.bomen: dict[int, ast.AST | None] = {}

    def object(self, naam: str, obj: object, diepte: int) -> None:
        module = _module_van(obj)
        if _is_klanttools(module):
            if module.startswith(_TOEGESTAAN):
                self.uit_data = True
            else:
                self.gevonden.append(f"{naam} ({_openbaar(module)})")
        elif isinstance(obj, types.FunctionType) and diepte < 6 and id(obj) not in self.gezien:
            self.gezien.add(id(obj))
            for sub in sorted(_namen_in_code(obj.__code__)):
                if sub in obj.__globals__:
                    self.object(sub, obj.__globals__[sub], diepte + 1)
            for cel in obj.__closure__ or ():
                try:
                    self.object(naam, cel.cell_contents, diepte + 1)
                except ValueError:
                    pass

    def _boom(self, i: int) -> ast.AST | None:
        """De geparste cel ``i`` (één keer parsen per controle)."""
        if i not in self.bomen:
            try:
                self.bomen[i] = ast.parse(self.cellen[i])
            except SyntaxError:
                self.bomen[i] = None
        return self.bomen[i]

    def naam(self, naam: str, tot: int, diepte: int = 0) -> None:
        if naam.startswith("import:"):
            module = naam.removeprefix("import:")
            if module.startswith("klanttools") and not module.startswith(_TOEGESTAAN):
                self.gevonden.append(module)
            return
        if (naam, tot) in self.gezien or diepte > 8:
            return
        self.gezien.add((naam, tot))
        if naam in self.ns:
            self.object(naam, self.ns[naam], diepte)
        for i in range(min(tot, len(self.cellen)) - 1, -1, -1):
            boom = self._boom(i)
            if boom is None:
                continue
            knopen = _bindt(boom, naam)
            if knopen:
                for knoop in knopen:
                    for sub in (_gebruikte_namen(knoop) | _lusnamen(boom, knoop)) - {naam}:
                        self.naam(sub, i + 1, diepte + 1)
                if not all(_alleen_gewijzigd(k, naam) for k in knopen):
                    return


def zonder_klanttools(
    naam: str,
    *,
    wat: str | None = None,
    uit_data: bool = True,
    tip: str = 'Tel zelf, zoals in les 2 (bijvoorbeeld (najaar["score"] >= 9).sum()).',
    data: str = "de tabel najaar",
) -> None:
    """Controleer dat ``naam`` (variabele of functie) met de hand is gemaakt.

    Volgt in de notebookcode terug waar de waarde vandaan komt (de cel die ``naam``
    maakte, de namen die daarin staan, de cellen daarvoor, en de code van eigen
    functies). Staat er een functie, klasse of uitkomst uit ``klanttools`` in die
    keten (behalve ``laad`` om de data te laden), dan volgt een Nederlandse fout.

    Parameters
    ----------
    naam : str
        De variabele of functie van de student, bijvoorbeeld ``"promotors"``.
    wat : str, optional
        Hoe het deel in de melding heet (standaard ``naam``).
    uit_data : bool, default True
        Eis ook dat de keten bij de data uitkomt (``laad``): een overgetypt getal
        (``nps_najaar = 15.7``) is niet met de hand uitgerekend. False voor een functie.
    tip : str
        De laatste zin van de melding bij klanttools: hoe het wel met de hand kan.
    data : str
        Waar het antwoord uit moet komen, voor de melding bij een ingetypt getal.

    Raises
    ------
    AssertionError
    """
    ns = sys._getframe(1).f_globals
    cellen = _geschiedenis()
    speurder = _Speurder(ns, cellen[:-1] if cellen else cellen)  # zonder de testcel zelf
    speurder.naam(naam, len(speurder.cellen))
    if speurder.gevonden:
        gebruikt = ", ".join(dict.fromkeys(speurder.gevonden))
        raise AssertionError(
            f"{wat or naam} moest je met de hand uitrekenen (met pandas of Python, zonder "
            f"klanttools), maar je code gebruikt klanttools: {gebruikt}. Voor dit deel krijg "
            f"je daarom geen punten. {tip}"
        )
    if uit_data and cellen and not speurder.uit_data:
        raise AssertionError(
            f"{wat or naam} moest je met code uit de data uitrekenen (uit {data}), maar "
            "je code gebruikt de data niet: een ingetypt getal telt niet als uitgerekend. Voor dit "
            "deel krijg je daarom geen punten."
        )


def tel_aanroepen(functie, naam: str = "je functie"):
    """Een omhulsel dat telt hoe vaak de functie van de student écht werd aangeroepen.

    Examples
    --------
    >>> f = tel_aanroepen(lambda s: "promotor")
    >>> f(10), f.aantal
    ('promotor', 1)
    """
    if not callable(functie):
        raise AssertionError(f"{naam} is geen functie. Schrijf hem met def {naam}(score): ...")

    def omhulsel(*args, **kwargs):
        omhulsel.aantal += 1
        return functie(*args, **kwargs)

    omhulsel.aantal = 0
    return omhulsel
