"""A trained model shipped as JSON beside its module: loaded once, replaceable while training.

The heading classifier (``layout.HeadingModel``) and the title-end model (``title_tails.TitleModel``) are both
logistic regressions on standardised features; they share the score and the loading here."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

Model = TypeVar("Model")


def standardised_logit(names: list[str], weights: list[float], bias: float, means: list[float] | None,
                       scales: list[float] | None, features: dict[str, float]) -> float:
    """The log-odds: bias plus each weight times its feature standardised (a missing feature counts 0)."""
    total = bias
    means = means or [0.0] * len(names)
    scales = scales or [1.0] * len(names)
    for name, w, mu, sd in zip(names, weights, means, scales, strict=True):
        total += w * (features.get(name, 0.0) - mu) / sd
    return total


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z > -40 else 0.0


class ShippedModel(Generic[Model]):
    """The model in ``path``, read on first use; ``missing`` when the file is not there."""

    def __init__(self, path: Path, load: Callable[[dict], Model], missing: Model):
        self.path, self.load, self.missing = path, load, missing
        self._model: Model | None = None

    def get(self) -> Model:
        if self._model is None:
            try:
                self._model = self.load(json.loads(self.path.read_text(encoding="utf-8")))
            except FileNotFoundError:
                self._model = self.missing
        return self._model

    def use(self, model: Model | None) -> Model | None:
        """Replace the model (training and cross-validation); returns the old one. None reloads the file."""
        old, self._model = self._model, model
        return old
