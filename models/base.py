"""The base of every jifen model: Tortoise's Model without its source reading.

Why: for each model class Tortoise reads the class's source (`inspect.getsource`, which parses the whole module)
to collect `#:` comments as field descriptions. jifen writes none (field meaning lives in docstrings and
comments), so that was ~0.15 s of every process's start (~75 models) for nothing. `_no_comments` is Tortoise's
own switch; it is read from each class body, so the metaclass sets it for every subclass.
"""

from __future__ import annotations

from typing import Any

from tortoise.models import Model as TortoiseModel
from tortoise.models import ModelMeta


class _NoCommentsMeta(ModelMeta):
    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> Any:
        attrs.setdefault("_no_comments", True)
        return super().__new__(mcs, name, bases, attrs)


class Model(TortoiseModel, metaclass=_NoCommentsMeta):
    class Meta:
        abstract = True
