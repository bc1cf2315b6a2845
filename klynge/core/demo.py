"""Registry of demo builders. Each app adds one in its own ``demo.py``:

    from klynge.core.demo import demo_builder

    @demo_builder(order=20)
    def build(out): ...

`klynge demo` imports every app's ``demo`` module and runs the builders in order,
in one transaction. Builders are idempotent: running the demo twice changes nothing.
"""

from collections.abc import Callable

_BUILDERS: list[tuple[int, str, Callable]] = []


def demo_builder(order: int):
    def register(func):
        key = f"{func.__module__}.{func.__qualname__}"
        if key not in {k for _, k, _ in _BUILDERS}:
            _BUILDERS.append((order, key, func))
        return func

    return register


def builders() -> list[Callable]:
    return [func for _, _, func in sorted(_BUILDERS, key=lambda item: (item[0], item[1]))]
