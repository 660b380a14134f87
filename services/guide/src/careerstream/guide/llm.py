"""Model access through litellm's Router, with the offline engine as a registered provider.

`GuideModel.stream` yields the text of one reply. A configured model is tried
with retries and its configured fallbacks; whatever still fails raises
`ModelError`, and the caller falls back to the offline engine.
"""

from __future__ import annotations

import json
import os

# litellm must never reach for the network to fetch its model cost map.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from collections.abc import AsyncIterator
from typing import Any

import litellm
from litellm import Router
from litellm.llms.custom_llm import CustomLLM

from careerstream.guide.offline import reply_for_messages, stream_tokens
from careerstream.guide.settings import OFFLINE_MODEL, GuideSettings

OFFLINE_PROVIDER = "offline"


class ModelError(RuntimeError):
    """The model failed before or while streaming."""


class OfflineModel(CustomLLM):  # type: ignore[misc]  # litellm is untyped here
    """litellm provider `offline`: answers from the plan in the system prompt."""

    def __init__(self, *, pace_s: float = 0.0) -> None:
        super().__init__()
        self.pace_s = pace_s

    async def astreaming(self, *args: Any, **kwargs: Any) -> AsyncIterator[dict[str, Any]]:
        messages: list[dict[str, Any]] = kwargs.get("messages") or args[1]
        async for token in stream_tokens(reply_for_messages(messages), pace_s=self.pace_s):
            yield _chunk(token, finished=False)
        yield _chunk("", finished=True)


def _chunk(text: str, *, finished: bool) -> dict[str, Any]:
    return {
        "text": text,
        "is_finished": finished,
        "finish_reason": "stop" if finished else "",
        "usage": None,
        "index": 0,
        "tool_use": None,
    }


def register_offline_provider(*, pace_s: float = 0.0) -> None:
    litellm.suppress_debug_info = True
    litellm.telemetry = False
    others = [p for p in litellm.custom_provider_map if p.get("provider") != OFFLINE_PROVIDER]
    litellm.custom_provider_map = [
        *others,
        {"provider": OFFLINE_PROVIDER, "custom_handler": OfflineModel(pace_s=pace_s)},
    ]
    litellm.utils.custom_llm_setup()


async def _texts(response: Any) -> AsyncIterator[str]:
    async for chunk in response:
        choices = getattr(chunk, "choices", None) or []
        text = choices[0].delta.content if choices else None
        if text:
            yield text


class GuideModel:
    def __init__(self, settings: GuideSettings) -> None:
        register_offline_provider(pace_s=settings.typing_pace_ms / 1000)
        self.settings = settings
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

    @property
    def offline(self) -> bool:
        return self.settings.model == OFFLINE_MODEL

    async def stream(self, messages: list[dict[str, str]]) -> AsyncIterator[str]:
        try:
            response = await self.router.acompletion(model="guide", messages=messages, stream=True)
            async for text in _texts(response):
                yield text
        except Exception as exc:  # litellm raises many provider-specific types
            raise ModelError(f"{type(exc).__name__}: {exc}") from exc

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


async def stream_offline(messages: list[dict[str, str]]) -> AsyncIterator[str]:
    """The deterministic engine through the same litellm path; it has nothing to fail on."""
    response = await litellm.acompletion(model=OFFLINE_MODEL, messages=messages, stream=True)
    async for text in _texts(response):
        yield text
