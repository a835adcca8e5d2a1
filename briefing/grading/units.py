"""The one home of units: what each measures, its scale, how it is written and named.

A `Unit` has a `code` (what numbers.Figure.unit and a pack's `unit` hold once read:
"%", "yuan", "eur", "GWh", "MW", "km", "quarter"), the `dimension` it measures
("money", "energy", "power", "length", "time", "date", ...), a `family` and a `factor`
to the family's base: the units of one family are one unit at several scales
(kW, MW, GW are watts; Wh to TWh watt hours; mm to km metres), so 640 MW is
0.64 GW. Units of different families are never converted, even of one dimension
(miles are no kilometres, hours no days, euros no yuan): a different unit is a
different answer, and a note names it.

How people write a unit is here too: `after` (words and symbols written after the
number: "gwh", "gigawatt", "euros"), `before` ("€", "us$", "eur" before the number),
`multi` (several words: "hong kong dollars", "megawatt hours"). Everything is
matched casefolded (numbers reads normalised text).

Currencies are every ISO 4217 code (case-insensitive: "EUR", "eur"); the common ones
also by symbol and name. CNY is "yuan" (RMB, ¥, 元 and renminbi too): "yuan" stays a
pack unit. A code that is an English word ("ALL", "TOP", "TRY") is a pack unit but
is not read as a bare word in answers ("try 5 times"); its symbol and name are.

Dates are figures of their own: "year" (2025), "half" (H2 2026), "quarter" (Q4 2024)
and "month" (July 2023); a date's value is its first month counted from year 0
(year * 12 + month - 1) and its factor the months it spans.

`lookup(text)` reads a pack's unit: a code or a name of the registry, any case, or
None. Nothing is imported here: pack.py reads the registry to check a pack.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Unit", "UNITS", "lookup", "name", "nearest", "DATES", "MONEY", "TIME", "is_count_noun"]


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    dimension: str  # "money", "energy", "power", "length", "mass", "time", "date", "ratio", ...
    name: str  # how a note names it: "megawatts", "euros"
    family: str = ""  # units of one family convert by factor; "" is the code itself
    factor: float = 1.0  # to the family's base
    after: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    multi: tuple[tuple[str, ...], ...] = ()

    @property
    def kin(self) -> str:
        return self.family or self.code


def _u(code, dimension, name, after="", before="", multi=(), family="", factor=1.0) -> Unit:
    return Unit(
        code,
        dimension,
        name,
        family,
        factor,
        tuple(after.split()),
        tuple(before.split()),
        tuple(tuple(m.split()) for m in multi),
    )


def _dollars(*names: str) -> tuple[str, ...]:
    return tuple(f"{n} {d}" for n in names for d in ("dollar", "dollars"))


# --- plain, ratios ----------------------------------------------------------------
_RATIOS = [
    _u("", "count", "a plain number"),
    _u("%", "ratio", "percent", "% percent pct ٪ ％"),
    _u("x", "ratio", "a multiple", "times x × fold"),
    _u("fraction", "ratio", "a fraction"),
    # percentage points (and basis points, a hundredth of one): a change in a percentage
    _u(
        "pp",
        "percentage points",
        "percentage points",
        "pp ppt ppts",
        multi=("percentage point", "percentage points", "percent points", "per cent points"),
        family="pp",
    ),
    _u(
        "bp",
        "percentage points",
        "basis points",
        "bp bps",
        multi=("basis point", "basis points"),
        family="pp",
        factor=0.01,
    ),
]

# --- money ------------------------------------------------------------------------
# The common currencies: (code, name, words after, symbols/words before, several words)
_CURRENCIES = [
    _u("yuan", "money", "yuan", "yuan renminbi 元 ¥ cny rmb", "¥ cny rmb", ("chinese yuan",)),
    _u("usd", "money", "US dollars", "dollar dollars $ usd", "$ usd us$", _dollars("us", "american")),
    _u("eur", "money", "euros", "euro euros € eur", "€ eur"),
    _u(
        "gbp",
        "money",
        "pounds",
        "pound pounds sterling quid £ gbp",
        "£ gbp",
        ("british pounds", "pounds sterling"),
    ),
    _u("jpy", "money", "yen", "yen jpy", "jpy jp¥", ("japanese yen",)),
    _u("hkd", "money", "Hong Kong dollars", "hkd", "hkd hk$", _dollars("hong kong", "hk")),
    _u("twd", "money", "New Taiwan dollars", "twd ntd", "twd ntd nt$", _dollars("taiwan", "new taiwan")),
    _u("sgd", "money", "Singapore dollars", "sgd", "sgd s$ sg$", _dollars("singapore")),
    _u("aud", "money", "Australian dollars", "aud", "aud a$ au$", _dollars("australian")),
    _u("cad", "money", "Canadian dollars", "cad", "cad c$ ca$", _dollars("canadian")),
    _u("nzd", "money", "New Zealand dollars", "nzd", "nzd nz$", _dollars("new zealand")),
    _u("brl", "money", "Brazilian reais", "brl reais real", "brl r$", ("brazilian reais", "brazilian real")),
    _u("mxn", "money", "Mexican pesos", "mxn", "mxn mx$", ("mexican pesos", "mexican peso")),
    _u("krw", "money", "won", "won krw ₩", "krw ₩", ("korean won", "south korean won")),
    _u("inr", "money", "rupees", "rupee rupees inr ₹", "inr ₹ rs", ("indian rupees", "indian rupee")),
    _u("chf", "money", "Swiss francs", "chf", "chf", ("swiss francs", "swiss franc")),
    _u("sek", "money", "Swedish kronor", "sek", "sek", ("swedish kronor", "swedish krona", "swedish crowns")),
    _u("nok", "money", "Norwegian kroner", "nok", "nok", ("norwegian kroner", "norwegian krone")),
    _u("dkk", "money", "Danish kroner", "dkk", "dkk", ("danish kroner", "danish krone")),
    _u("pln", "money", "zlotys", "pln zloty zlotys złoty złotych", "pln"),
    _u("zar", "money", "rand", "zar rand", "zar", ("south african rand",)),
    _u("rub", "money", "roubles", "rub rouble roubles ruble rubles ₽", "rub ₽"),
    _u("try", "money", "Turkish lira", "lira ₺", "₺", ("turkish lira", "turkish liras")),
    _u("aed", "money", "dirhams", "aed dirham dirhams", "aed", ("uae dirhams", "emirati dirhams")),
    _u("sar", "money", "riyals", "sar riyal riyals", "sar", ("saudi riyals", "saudi riyal")),
]
# Every other ISO 4217 code, read by its code alone ("ISK 5bn", "5 million HUF").
_ISO_4217 = (
    "afn all amd ang aoa ars awg azn bam bbd bdt bgn bhd bif bmd bnd bob bov bsd btn bwp byn bzd "
    "cdf che chw clf clp cop cou crc cup cve czk djf dop dzd egp ern etb fjd fkp gel ghs gip gmd "
    "gnf gtq gyd hnl htg huf idr ils iqd irr isk jmd jod kes kgs khr kmf kpw kwd kyd kzt lak lbp "
    "lkr lrd lsl lyd mad mdl mga mkd mmk mnt mop mru mur mvr mwk mxv myr mzn nad ngn nio npr omr "
    "pab pen pgk php pkr pyg qar ron rsd rwf sbd scr sdg shp sle sll sos srd ssp stn svc syp szl "
    "thb tjs tmt tnd top ttd tzs uah ugx usn uyi uyu uyw uzs ved ves vnd vuv wst xaf xag xau xba "
    "xbb xbc xbd xcd xdr xof xpd xpf xpt xsu xts xua xxx yer zmw zwg zwl"
).split()
# Codes that are words of English (or a name, "Nio", "Ron"): never read as a bare word.
_WORD_CODES = frozenset(
    "all amd bam bob cop cup ern gel lak mad mop nad nio pen ron sos top try std xxx".split()
)

# --- physical ---------------------------------------------------------------------
_PREFIXES = {"": 1.0, "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12}
_PREFIX_WORDS = {"": "", "k": "kilo", "m": "mega", "g": "giga", "t": "tera"}
_PREFIX_CODES = {"": "", "k": "k", "m": "M", "g": "G", "t": "T"}


def _si(symbol: str, word: str, dimension: str, tail: str = "") -> list[Unit]:
    """W, kW, MW, GW, TW (or Wh ... TWh, with `tail` "hour"): one family at five scales."""
    out = []
    for p, factor in _PREFIXES.items():
        code = _PREFIX_CODES[p] + symbol
        full = _PREFIX_WORDS[p] + word
        if tail:
            after = f"{code.casefold()} {full}{tail} {full}{tail}s"
            multi = tuple(f"{full}{s} {d}{tail}{e}" for s in ("", "s") for d in ("", "- ") for e in ("", "s"))
            out.append(
                _u(code, dimension, f"{full} {tail}s", after, multi=multi, family=symbol, factor=factor)
            )
        else:
            out.append(
                _u(
                    code,
                    dimension,
                    f"{full}s",
                    f"{code.casefold()} {full} {full}s",
                    family=symbol,
                    factor=factor,
                )
            )
    return out


_PHYSICAL = [
    *_si("W", "watt", "power"),
    *_si("Wh", "watt", "energy", "hour"),
    # lengths: metres at three scales, and miles, feet, yards of their own ("m" alone
    # is only metres after a scale word: "200 m" may be 200 million)
    _u(
        "km",
        "length",
        "kilometres",
        "km kms kilometre kilometres kilometer kilometers",
        multi=("公 里", "千 米"),
        family="m",
        factor=1e3,
    ),
    _u("m", "length", "metres", "m metre metres meter meters", family="m"),
    _u(
        "cm",
        "length",
        "centimetres",
        "cm centimetre centimetres centimeter centimeters",
        family="m",
        factor=1e-2,
    ),
    _u(
        "mm",
        "length",
        "millimetres",
        "mm millimetre millimetres millimeter millimeters",
        family="m",
        factor=1e-3,
    ),
    _u("mi", "length", "miles", "mi mile miles"),
    _u("ft", "length", "feet", "ft foot feet"),
    _u("yd", "length", "yards", "yd yard yards"),
    # masses: kilograms; tonnes at three scales
    _u("kg", "mass", "kilograms", "kg kgs kilogram kilograms kilo kilos"),
    _u("t", "mass", "tonnes", "t tonne tonnes ton tons", multi=("metric tons", "metric tonnes"), family="t"),
    _u("kt", "mass", "kilotonnes", "kt kilotonne kilotonnes kilotons", family="t", factor=1e3),
    _u("Mt", "mass", "megatonnes", "mt megatonne megatonnes megatons", family="t", factor=1e6),
    # durations: plural, or singular only where the word is no period of a rate
    # ("a year", "year over year", "in one month" keep their meaning)
    _u("sec", "time", "seconds", "second seconds secs sec"),
    _u("min", "time", "minutes", "minute minutes min mins"),
    _u("h", "time", "hours", "hour hours hr hrs h"),
    _u("days", "time", "days", "days"),
    _u("weeks", "time", "weeks", "weeks"),
    _u("months", "time", "months", "months"),
    _u("years", "time", "years", "years yrs"),
]

# --- dates: read by numbers' date reader, not by words after a number ----------------
_DATES = [
    _u("year", "date", "a year", factor=12),
    _u("half", "date", "a half year", factor=6),
    _u("quarter", "date", "a quarter", factor=3),
    _u("month", "date", "a month", factor=1),
]

UNITS: dict[str, Unit] = {u.code: u for u in (*_RATIOS, *_CURRENCIES, *_PHYSICAL, *_DATES)}
for _code in _ISO_4217:
    UNITS.setdefault(
        _code,
        _u(
            _code,
            "money",
            _code.upper(),
            "" if _code in _WORD_CODES else _code,
            "" if _code in _WORD_CODES else _code,
        ),
    )

DATES = frozenset(u.code for u in _DATES)
MONEY = frozenset(u.code for u in UNITS.values() if u.dimension == "money")
TIME = frozenset(u.code for u in UNITS.values() if u.dimension == "time")
LENGTH = frozenset(u.code for u in UNITS.values() if u.dimension == "length")

# --- how units are written, for the scanner -------------------------------------------
# Written after the number (one token): "%", "gwh", "euros".
AFTER: dict[str, str] = {}
# Written before the number: "€", "eur", "us$" (a symbol, a code, or letters and a symbol).
BEFORE: dict[str, str] = {}
# Several words after the number: ("hong", "kong", "dollars").
MULTI: dict[tuple[str, ...], str] = {}
for _unit in UNITS.values():
    for _w in _unit.after:
        AFTER.setdefault(_w, _unit.code)
    for _w in _unit.before:
        BEFORE.setdefault(_w, _unit.code)
    for _m in _unit.multi:
        MULTI.setdefault(_m, _unit.code)

# "HK$", "S$", "US$": letters straight before "$" (or "¥") name the currency.
DOLLAR_PREFIXES = {w[:-1]: c for w, c in BEFORE.items() if w.endswith("$") and len(w) > 1}
YEN_PREFIXES = {w[:-1]: c for w, c in BEFORE.items() if w.endswith("¥") and len(w) > 1}
DOLLARS = frozenset(DOLLAR_PREFIXES.values())

# A pack's unit, any case, by its code or a name: "USD", "usd", "CNY", "RMB", "gwh", "MW".
_LOOKUP: dict[str, str] = {}
for _unit in UNITS.values():
    for _w in (*_unit.after, *(" ".join(m) for m in _unit.multi)):
        _LOOKUP.setdefault(_w.casefold(), _unit.code)
for _unit in UNITS.values():
    _LOOKUP[_unit.code.casefold()] = _unit.code  # a code wins over a word ("m" is metres)
_LOOKUP.update({"cny": "yuan", "rmb": "yuan", "try": "try", "percentage points": "pp"})


def lookup(text: str) -> str | None:
    """The unit a pack's `unit` names (any case: "USD", "GWh", "CNY"), or None."""
    return _LOOKUP.get(" ".join(text.split()).casefold())


def name(code: str) -> str:
    """How a note names a unit: "euros", "megawatts"; a count noun names itself."""
    unit = UNITS.get(code)
    return unit.name if unit is not None else code


def nearest(text: str, cutoff: float = 0.6) -> str | None:
    """The known unit a mistyped one most likely means, as its code, or None."""
    import difflib  # only when a pack names an unknown unit

    key = " ".join(text.split()).casefold()
    hits = difflib.get_close_matches(key, list(_LOOKUP), n=1, cutoff=cutoff)
    return _LOOKUP[hits[0]] if hits else None


def is_count_noun(text: str) -> bool:
    """Whether a pack's unit that is no registry unit reads as what a count counts
    ("vehicles", "staff", "people"): lower-case words of letters, none close to a unit."""
    words = text.split()
    if not words or not all(w.isascii() and w.isalpha() and w.islower() for w in words):
        return False
    if len(text) < 4:
        return False  # "kmh", "gw": a unit mistyped, not a noun
    return nearest(text, 0.85) is None
