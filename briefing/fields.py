"""Rules on a field, written on its annotation, that pydantic compiles when a file is checked.

The pack and the save are plain dataclasses: a quiz started from a pack already
checked (`briefing.pack_cache`) never imports pydantic, which is a third of the
time to the briefing's first frame. pydantic still checks every file read
(`pack.load` on a new or changed pack, `store` on every save read), from these
same annotations: each class below adds to the core schema pydantic builds for
its field. This module imports nothing; pydantic-core only when it compiles.

    Text = Annotated[str, Rules(min_length=1, strict=True)]
    unit: Annotated[str, After(to_code)] = ""
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The core schema types each rule may be set on (pydantic-core's own key names).
_RULES_ON = {
    "pattern": ("str",),
    "min_length": ("str", "list", "dict"),
    "max_length": ("str", "list", "dict"),
    "strip_whitespace": ("str",),
    "ge": ("int", "float"),
    "le": ("int", "float"),
    "strict": ("str", "int", "float", "bool", "list", "dict"),
}


class Rules:
    """Constraints pydantic-core checks in its compiled validator (a pattern costs no
    Python call per string): pattern, min_length, max_length, strip_whitespace, ge, le,
    and strict ("70" is not a number, "yes" is not a boolean)."""

    __slots__ = ("rules",)

    def __init__(self, **rules: object) -> None:
        unknown = set(rules) - set(_RULES_ON)
        if unknown:
            raise TypeError(f"Rules: no such rule: {', '.join(sorted(unknown))}")
        self.rules = rules

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = handler(source)
        for rule, value in self.rules.items():
            if schema["type"] not in _RULES_ON[rule]:  # a mistake in a model, found when it compiles
                raise TypeError(f"Rules: {rule} does not apply to a {schema['type']} field")
            schema[rule] = value
        return schema

    def __repr__(self) -> str:
        return f"Rules({', '.join(f'{k}={v!r}' for k, v in self.rules.items())})"


class After:
    """A function run on the value once its type and rules pass: it returns the value
    (perhaps rewritten, as a unit is read into its code) or raises ValueError."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))


class Before:
    """A function run on the value as read, before its type is checked (a spelling
    read as another: "organization" is "organisation")."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.function, handler(source))


class Tagged:
    """A union of dataclasses told apart by one field, as a question by its `kind`: an entry
    is checked against its own kind only, and a missing or unknown kind is one error."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from typing import Annotated

        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(discriminator=self.key)])
