"""What a scikit-learn dataset loader's ``Bunch`` holds, as a value.

Only attributes fixed by the library are given (``knowledge/datasets.py``):
``fetch_20newsgroups(...).target_names`` is a list of known newsgroup names,
so ``len(data.target_names)`` or ``{n: i for i, n in enumerate(...)}`` are
known numbers. Every other attribute stays unknown, as does the whole call
when an argument may change what it returns (``return_X_y``, a category list
that is not a known list of newsgroup names, arguments by position).
"""

from __future__ import annotations

from typing import Callable

import libcst as cst

from keraslint.analysis import values as v
from keraslint.analysis.values import UNKNOWN, Const, Instance, Sequence, Value
from keraslint.knowledge import datasets

# The class name of the value: no user class can be spelled with dots.
BUNCH = "sklearn.utils.Bunch"


def newsgroups_loader(qualname: str | None) -> str | None:
    """``fetch_20newsgroups`` for ``sklearn.datasets.fetch_20newsgroups``."""
    if not qualname or not qualname.startswith("sklearn.datasets."):
        return None
    name = qualname.rsplit(".", 1)[-1]
    return name if name in datasets.NEWSGROUPS_LOADERS else None


def newsgroups_bunch(loader: str, call: cst.Call, evaluate: Callable[[cst.BaseExpression], Value]) -> Value:
    """The Bunch ``fetch_20newsgroups(...)`` returns, with its ``target_names``."""
    names: tuple[str, ...] = datasets.NEWSGROUPS_NAMES
    for arg in call.args:
        if arg.star or arg.keyword is None:
            return UNKNOWN  # keyword-only parameters since scikit-learn 0.23
        keyword = arg.keyword.value
        if keyword == "return_X_y":
            if evaluate(arg.value) != Const(False):
                return UNKNOWN
        elif keyword == "categories":
            if loader != "fetch_20newsgroups":
                return UNKNOWN  # not a parameter there: a TypeError
            chosen = newsgroups_categories(evaluate(arg.value))
            if chosen is None:
                return UNKNOWN
            names = chosen
    listed = Sequence("list", tuple(Const(name) for name in names))
    return Instance(BUNCH, (("target_names", listed),))


def newsgroups_categories(value: Value) -> tuple[str, ...] | None:
    """``categories=[...]``: the names kept, in the loader's order (sorted
    by their index in the full list, a repeated name kept twice); all
    twenty for None; None when any name is not certainly a newsgroup."""
    if value == Const(None):
        return datasets.NEWSGROUPS_NAMES
    if not isinstance(value, Sequence) or value.open:
        return None
    chosen: list[str] = []
    for item in value.items:
        name = v.as_str(item)
        if name not in datasets.NEWSGROUPS_NAMES:
            return None  # an unknown name (a ValueError at run time) or a value not known
        if not (value.kind == "set" and name in chosen):
            chosen.append(name)  # type: ignore[arg-type]
    return tuple(sorted(chosen, key=datasets.NEWSGROUPS_NAMES.index))
