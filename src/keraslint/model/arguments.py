"""Reading a call's arguments the way Python binds them."""

from __future__ import annotations

import libcst as cst


def argument(call: cst.Call, position: int | None, keyword: str) -> cst.BaseExpression | None:
    """The argument bound to a parameter, by keyword or by position.

    None when it is not given, or when ``*args``/``**kwargs`` make it unknown.
    """
    positional = 0
    for arg in call.args:
        if arg.star:
            return None
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg.value
        else:
            if position is not None and positional == position:
                return arg.value
            positional += 1
    return None
