"""The value engine: what an expression evaluates to, without running it.

``values`` defines the abstract values (constants, containers, instances,
one-of-several, unknown) and Python's operations on them; ``evaluate``
walks LibCST expressions to values, asking an ``Environment`` what names
hold and what calls return. The engine knows Python; the model layer
(``keraslint.model``) supplies the program's scopes and the knowledge of
Keras, NumPy and the rest. Nothing here imports ``keraslint.model``.
"""
