"""A local OpenAI-compatible server with scripted answers, for the model path's tests.

Real HTTP on a loopback port, so litellm's own client and parsing run. The model
name picks the script:

* `scripted-ok` streams `REPLY` word by word (or answers `EXTRACTION` as JSON when
  not streaming);
* `scripted-500` fails before streaming;
* `scripted-midstream` streams a few words, then drops the connection;
* `scripted-slow` waits longer than any test's timeout before answering;
* `scripted-trickle` streams a long reply one word every `TRICKLE_PAUSE_S`, each
  read quick but the whole far longer than a turn may take. The server notes how
  each stream ended (`stream_ends`): "finished", or "cut off" when the client closed
  the connection before the reply was sent.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.support.served import served

REPLY = "Hello from the scripted model, nice to meet you."
EXTRACTION = {"skills": ["negotiation"], "values": ["autonomy"]}
TRICKLE = " ".join(f"word{n}" for n in range(200))  # litellm refuses a repeated chunk
TRICKLE_PAUSE_S = 0.1


def _chunk(model: str, delta: dict[str, Any], finish: str | None = None) -> bytes:
    body = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


class ScriptedModelServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.port = 0
        self.stream_ends: list[str] = []
        self.stream_ended = asyncio.Event()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def count(self, model: str) -> int:
        return sum(1 for r in self.requests if r.get("model") == model)

    async def completions(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        model = str(body.get("model", ""))
        if model == "scripted-500":
            return JSONResponse({"error": {"message": "scripted failure"}}, status_code=500)
        if model == "scripted-slow":
            await asyncio.sleep(30)
        if not body.get("stream"):
            return JSONResponse(
                {
                    "id": "chatcmpl-test",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": json.dumps(EXTRACTION)},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
            )
        return StreamingResponse(self._stream(model), media_type="text/event-stream")

    async def _stream(self, model: str) -> AsyncIterator[bytes]:
        trickle = model == "scripted-trickle"
        words = (TRICKLE if trickle else REPLY).split(" ")
        pause = TRICKLE_PAUSE_S if trickle else 0.005
        end = "cut off"
        try:
            yield _chunk(model, {"role": "assistant", "content": ""})
            for index, word in enumerate(words):
                if model == "scripted-midstream" and index == 3:
                    raise ConnectionResetError("scripted drop mid-stream")
                yield _chunk(model, {"content": word if index == 0 else " " + word})
                await asyncio.sleep(pause)
            yield _chunk(model, {}, "stop")
            yield b"data: [DONE]\n\n"
            end = "finished"
        finally:
            # Starlette stops this generator when the client disconnects mid-reply.
            self.stream_ends.append(end)
            self.stream_ended.set()

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/v1/chat/completions", self.completions, methods=["POST"])])


@asynccontextmanager
async def scripted_model_server() -> AsyncIterator[ScriptedModelServer]:
    server = ScriptedModelServer()
    async with served(server.app()) as port:
        server.port = port
        yield server
