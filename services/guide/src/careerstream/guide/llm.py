"""Model access through litellm, with the offline engine as a registered provider."""

from __future__ import annotations

import os

# litellm must never reach for the network to fetch its model cost map.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from collections.abc import AsyncIterator
from typing import Any

import litellm
from litellm.llms.custom_llm import CustomLLM

from careerstream.guide.offline import reply_for_messages, stream_tokens

OFFLINE_PROVIDER = "offline"


class ModelError(RuntimeError):
    """The model failed before or while streaming; the turn ends with an error event."""


class OfflineModel(CustomLLM):  # type: ignore[misc]  # litellm is untyped here
    """litellm provider `offline`: answers from the plan in the system prompt."""

    def __init__(self, *, pace_s: float = 0.0) -> None:
        super().__init__()
        self.pace_s = pace_s

    async def astreaming(self, *args: Any, **kwargs: Any) -> AsyncIterator[dict[str, Any]]:
        messages: list[dict[str, Any]] = kwargs.get("messages") or args[1]
        async for token in stream_tokens(reply_for_messages(messages), pace_s=self.pace_s):
            yield {
                "text": token,
                "is_finished": False,
                "finish_reason": "",
                "usage": None,
                "index": 0,
                "tool_use": None,
            }
        yield {
            "text": "",
            "is_finished": True,
            "finish_reason": "stop",
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


async def stream_completion(
    model: str, messages: list[dict[str, str]], *, timeout_s: float
) -> AsyncIterator[str]:
    """Yield the text pieces of one streamed completion."""
    try:
        response = await litellm.acompletion(
            model=model, messages=messages, stream=True, timeout=timeout_s
        )
        async for chunk in response:
            choices = getattr(chunk, "choices", None) or []
            text = choices[0].delta.content if choices else None
            if text:
                yield text
    except Exception as exc:  # litellm raises many provider-specific types
        raise ModelError(f"{type(exc).__name__}: {exc}") from exc
