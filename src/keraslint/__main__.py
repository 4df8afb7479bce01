"""``python -m keraslint``.

``python -m`` puts the current directory first on ``sys.path``: run inside
an untrusted tree, a ``json.py`` or ``tomllib.py`` there would be imported
in place of the standard library's. keraslint itself is already imported
(from where it is installed) when this runs, so the entry is dropped before
anything else is imported.
"""

import os
import sys

if not sys.flags.safe_path and sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from keraslint.cli import main  # noqa: E402

raise SystemExit(main())
