"""The guide's writers: a configured model through litellm, and the offline engine behind it.

`GuideModel.reply(plan, …)` yields the text of one reply. With the default model
(`offline/guide`) the offline engine words the typed plan directly. A configured
model is asked through litellm's Router, with retries and its fallbacks; whatever
still fails raises `ModelError`, and the turn hands over to the offline engine.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os

# litellm must never reach for the network to fetch its model cost map.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from collections.abc import AsyncIterator
from typing import Any

import litellm
from litellm import Router

from careerstream.contracts import ChatMessage
from careerstream.guide.interview import TurnPlan
from careerstream.guide.offline import split_tokens, write_reply
from careerstream.guide.prompts import build_messages
from careerstream.guide.settings import OFFLINE_MODEL, GuideSettings
from careerstream.runtime.coalesce import paced

litellm.suppress_debug_info = True
litellm.telemetry = False


class ModelError(RuntimeError):
    """The model failed before or while streaming."""


async def _texts(response: Any) -> AsyncIterator[str]:
    async for chunk in response:
        choices = getattr(chunk, "choices", None) or []
        text = choices[0].delta.content if choices else None
        if text:
            yield text


# Closings of streams opened after their turn was cut off, kept until done (see `_open`).
_closing: set[asyncio.Task[None]] = set()


async def _close(response: Any) -> None:
    close = getattr(response, "aclose", None)
    if close is not None:
        with contextlib.suppress(Exception):
            await close()


def _close_when_opened(call: asyncio.Future[Any]) -> None:
    if call.cancelled() or call.exception() is not None:
        return
    task = asyncio.ensure_future(_close_unread(call.result()))
    _closing.add(task)
    task.add_done_callback(_closing.discard)


async def _close_unread(response: Any) -> None:
    """Close a stream nobody read. litellm's router wraps the provider's stream in a
    generator that closes it only once started, so it is started (one piece, bounded)."""
    with contextlib.suppress(Exception):
        async with asyncio.timeout(5):
            await anext(response)
    await _close(response)


class HostedModel:
    """A litellm model with its retries and fallbacks (any provider, by configuration)."""

    def __init__(self, settings: GuideSettings) -> None:
        params: dict[str, Any] = {"timeout": settings.model_timeout_s}
        if settings.api_base:
            params["api_base"] = settings.api_base
        if settings.api_key:
            params["api_key"] = settings.api_key
        model_list = [
            {"model_name": "guide", "litellm_params": {"model": settings.model, **params}}
        ]
        names = []
        for index, fallback in enumerate(settings.fallback_models):
            names.append(f"guide-fallback-{index}")
            model_list.append(
                {"model_name": names[-1], "litellm_params": {"model": fallback, **params}}
            )
        self.router = Router(
            model_list=model_list,
            fallbacks=[{"guide": names}] if names else [],
            num_retries=settings.model_retries,
            timeout=settings.model_timeout_s,
        )

    async def stream(self, messages: list[dict[str, str]]) -> AsyncIterator[str]:
        """The reply's pieces. However the reading ends — done, failed, cancelled by the
        turn's deadline, or closed by the reader — the HTTP stream is closed with it, so a
        cut-off model stops sending instead of lingering on an open connection."""
        response: Any = None
        try:
            response = await self._open(messages)
            async for text in _texts(response):
                yield text
        except Exception as exc:  # litellm raises many provider-specific types
            raise ModelError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            await _close(response)

    async def _open(self, messages: list[dict[str, str]]) -> Any:
        """Start the streaming call.

        Cancelled before the model answered (the turn's deadline), the call is left to
        finish — litellm runs it in tasks of its own, which a cancellation does not reach,
        and would leave its stream open — and its stream is closed as soon as it opens.
        """
        call = asyncio.ensure_future(
            self.router.acompletion(model="guide", messages=messages, stream=True)
        )
        try:
            return await asyncio.shield(call)
        except asyncio.CancelledError:
            call.add_done_callback(_close_when_opened)
            raise

    async def complete_json(self, messages: list[dict[str, str]]) -> dict[str, Any] | None:
        """One JSON object from the model, or None when it fails or answers something else."""
        try:
            response = await self.router.acompletion(
                model="guide", messages=messages, response_format={"type": "json_object"}
            )
            content = response.choices[0].message.content or ""
            data = json.loads(content[content.find("{") : content.rfind("}") + 1])
        except Exception:
            return None
        return data if isinstance(data, dict) else None


class GuideModel:
    def __init__(self, settings: GuideSettings) -> None:
        self.settings = settings
        self.hosted = None if settings.model == OFFLINE_MODEL else HostedModel(settings)

    @property
    def offline(self) -> bool:
        return self.hosted is None

    def reply(self, plan: TurnPlan, history: list[ChatMessage], message: str) -> AsyncIterator[str]:
        if self.hosted is None:
            return self.offline_reply(plan)
        return self.hosted.stream(build_messages(plan, history, message))

    def offline_reply(self, plan: TurnPlan) -> AsyncIterator[str]:
        """The deterministic engine's wording of the plan, streamed like a model's."""
        return paced(split_tokens(write_reply(plan)), self.settings.typing_pace_ms / 1000)
