"""One mistake, one finding: findings that describe the same mistake of one
model are folded into one, the root, and the others ride along with it.

A 1-unit output is one mistake however many rules see it: a `softmax`
over it (KL101), a categorical loss trained on it (KL103), a unit count
that contradicts the targets' classes (KL204), a binary loss given more
classes than it can tell apart (KL205), `categorical_crossentropy` on the
0/1 labels of a binary problem (KL202, only then: with more classes its
integer labels are a second mistake, which stays a finding of its own).
A `sigmoid` head under a categorical loss is one mistake too (KL107), with
`from_logits=True` or not: the loss squashing the sigmoid a second time
(KL105) is part of it.

**The subject.** A rule that reports on an output says what it is about:
``Diagnostic.subject`` is the output layer's span and the compile's (None
for KL101, which the output's activation alone decides, whatever it is
compiled with). Findings share a subject when their outputs are the same
and so are their compiles (None matches any).

**The root.** Among the findings that share a subject, the root is the one
whose code comes first in ``PRECEDENCE``: the finding that names the cause
before those that name a consequence (a constant `softmax` output before
the loss that cannot train on it). Ties (the same code) do not fold. The
order is fixed, findings are taken in their sort order within a code, so
the same findings always fold the same way.

**What the user sees.** The root, with each folded finding appended to its
related information (``Diagnostic.related``: JSON ``related``, SARIF
``relatedLocations``, LSP ``relatedInformation``) as "KL103: message",
and kept whole in ``Diagnostic.folded``: ``--fix`` applies their fixes
too, ``# noqa`` of the root's code suppresses them with it, and a
``# noqa`` naming a folded code on its line is used (not KL003), and
removes that finding from the root's related information.

Folding runs on the findings the settings select (``--select``,
``--ignore``, per-file ignores): with KL101 not selected, KL103 is the
root, or stands alone.
"""

from __future__ import annotations

from dataclasses import replace

from keraslint.diagnostics import Diagnostic, Span

# The codes that fold, root first (see above).
PRECEDENCE: tuple[str, ...] = ("KL101", "KL103", "KL204", "KL205", "KL202", "KL107", "KL105")
_RANK = {code: rank for rank, code in enumerate(PRECEDENCE)}


def _covers(root: tuple[Span, Span | None], other: tuple[Span, Span | None]) -> bool:
    return root[0] == other[0] and (root[1] is None or other[1] is None or root[1] == other[1])


def fold(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` with each finding that shares a subject with a root
    folded into it; the others (and their order) as they were."""
    candidates = sorted(
        (d for d in diagnostics if d.subject is not None and d.code in _RANK),
        key=lambda d: (_RANK[d.code], d.sort_key()),
    )
    if len(candidates) < 2:
        return diagnostics
    roots: list[Diagnostic] = []
    children: dict[int, list[Diagnostic]] = {}
    folded: set[int] = set()
    for diagnostic in candidates:
        assert diagnostic.subject is not None
        root = next(
            (r for r in roots if r.code != diagnostic.code and _covers(r.subject, diagnostic.subject)),  # type: ignore[arg-type]
            None,
        )
        if root is None:
            roots.append(diagnostic)
            children[id(diagnostic)] = []
        else:
            children[id(root)].append(diagnostic)
            folded.add(id(diagnostic))
    if not folded:
        return diagnostics
    return [
        with_folded(d, [*d.folded, *children[id(d)]]) if children.get(id(d)) else d
        for d in diagnostics
        if id(d) not in folded
    ]


def with_folded(root: Diagnostic, children: list[Diagnostic]) -> Diagnostic:
    """``root`` carrying ``children`` as its folded findings (replacing the
    ones it carried), each also the last of its related information."""
    own = root.related[: len(root.related) - len(root.folded)]
    ordered = tuple(sorted(dict.fromkeys(children), key=Diagnostic.sort_key))
    related = own + tuple((child.span, f"{child.code}: {child.message}") for child in ordered)
    return replace(root, related=related, folded=ordered)
