"""The footer: Textual's, rebuilt once per change of the keys it shows.

Textual's Footer rebuilds all its keys on every "bindings changed" signal, and a
screen sends several for one step (a screen pushed, a focus moved, a
refresh_bindings): opening the quiz rebuilt it seven times, which is most of
what a key waited for. This one rebuilds at most once per refresh, and only
when the keys it would show differ from those it shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    _pending = False
    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    def _keys(self) -> tuple[tuple[str, str, str, bool, str], ...]:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:  # its screen was closed meanwhile
            return
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
