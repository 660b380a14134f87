"""Typed API errors: every failure answers `{"error": {"code", "message"}}`.

The sessions wing says *why* it turns a request down (`SessionError`); the status
each kind answers with is decided here.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from careerstream.gateway.sessions.errors import (
    Invalid,
    NotFound,
    Refused,
    SessionError,
    Unreachable,
)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


SESSION_ERROR_STATUS: dict[type[SessionError], int] = {
    NotFound: 404,
    Refused: 409,
    Invalid: 422,
    Unreachable: 503,
}


def _body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, **extra}}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(_body(exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(SessionError)
    async def on_session_error(request: Request, exc: SessionError) -> JSONResponse:
        status = SESSION_ERROR_STATUS.get(type(exc), 500)
        return JSONResponse(_body(exc.code, exc.message), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"field": ".".join(str(p) for p in err["loc"][1:]) or "body", "problem": err["msg"]}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{d['field']}: {d['problem']}" for d in details)
        return JSONResponse(
            _body("invalid_request", f"The request is not valid: {summary}", details=details),
            status_code=422,
        )

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Logged by the server; the client still gets the typed shape.
        return JSONResponse(
            _body("internal_error", "Something went wrong on our side."), status_code=500
        )

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(_body(code, str(exc.detail)), status_code=exc.status_code)
