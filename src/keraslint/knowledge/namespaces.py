"""Objects whose attributes are the keys they are made from.

Configuration code often turns a dict into an object read with dots
(``flags = SimpleNamespace(**CONFIG)``, ``cfg = EasyDict(CONFIG)``, then
``Dense(cfg.num_classes)``). Each entry says how the constructor takes the
keys and whether nested dicts become such objects too:

- ``types.SimpleNamespace(**kwargs)``: one attribute per keyword; nested
  dicts stay dicts (CPython ``Objects/namespaceobject.c``; Python 3.13 adds
  a positional mapping, read here too).
- ``argparse.Namespace(**kwargs)``: ``setattr`` for each keyword
  (CPython ``Lib/argparse.py``, ``Namespace.__init__``).
- ``easydict.EasyDict(d=None, **kwargs)``: a dict subclass that sets an
  attribute for every key of ``d`` and of the keywords, turning nested
  dicts into ``EasyDict``s (``easydict/__init__.py``).
- ``munch.munchify(d)``: a ``Munch`` (a dict with attribute access) of
  ``d``, nested dicts converted (``munch/__init__.py``).
- ``ml_collections.ConfigDict(initial_dictionary)``: nested dicts become
  ``ConfigDict``s (``ml_collections/config_dict/config_dict.py``).
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Namespace(NamedTuple):
    # Whether one positional mapping gives keys (besides the keywords).
    positional: bool
    # Whether dict values become namespaces of the same kind.
    nested: bool


NAMESPACES: Final[dict[str, Namespace]] = {
    "types.SimpleNamespace": Namespace(positional=True, nested=False),
    "argparse.Namespace": Namespace(positional=False, nested=False),
    "easydict.EasyDict": Namespace(positional=True, nested=True),
    "munch.munchify": Namespace(positional=True, nested=True),
    "ml_collections.ConfigDict": Namespace(positional=True, nested=True),
    "ml_collections.config_dict.ConfigDict": Namespace(positional=True, nested=True),
}

# The names the constructors are called by, unless imported under another.
CALLED_AS: Final[frozenset[str]] = frozenset(path.rsplit(".", 1)[1] for path in NAMESPACES)
