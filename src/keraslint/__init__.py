"""keraslint: find loss/output-layer mistakes in Keras code, statically."""

__version__ = "0.1.0"
