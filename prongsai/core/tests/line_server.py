"""A local stand-in for the LINE Messaging API: the endpoints Prongsai uses, as LINE documents them.

* ``POST /v2/bot/message/push``: ``Authorization: Bearer <token>`` (401 otherwise), a JSON body with ``to``
  and 1–5 ``messages`` (400 otherwise); ``X-Line-Retry-Key``: a key already accepted is answered 409 with
  ``X-Line-Accepted-Request-Id`` and the message is not delivered again.
* ``POST /v2/bot/message/reply``: the same authorisation, ``replyToken`` and ``messages``; a reply token
  works once (400 the second time).
* ``fail_next(n, status)`` makes the next ``n`` calls fail, as LINE does when it is overloaded (500, 429).

``sign(secret, body)`` gives the ``X-Line-Signature`` LINE puts on a webhook call.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def sign(secret: str, body: bytes) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


@dataclass
class LineState:
    token: str
    pushed: list[dict[str, Any]] = field(default_factory=list)
    replied: list[dict[str, Any]] = field(default_factory=list)
    retry_keys: dict[str, str] = field(default_factory=dict)
    used_reply_tokens: set[str] = field(default_factory=set)
    failures: list[int] = field(default_factory=list)
    calls: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, n: int, status: int = 500) -> None:
        with self.lock:
            self.failures.extend([status] * n)


class _Handler(BaseHTTPRequestHandler):
    state: LineState

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        state = self.state
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with state.lock:
            state.calls += 1
            if state.failures:
                status = state.failures.pop(0)
                self._answer(status, {"message": "simulated failure"})
                return
            if self.headers.get("Authorization") != f"Bearer {state.token}":
                self._answer(
                    401, {"message": "Authentication failed. Confirm that the access token is valid."}
                )
                return
            try:
                payload = json.loads(raw)
            except ValueError:
                self._answer(400, {"message": "The request body has 1 error(s)"})
                return
            messages = payload.get("messages")
            if not isinstance(messages, list) or not 1 <= len(messages) <= 5:
                self._answer(400, {"message": "The request body has 1 error(s)"})
                return
            request_id = str(uuid.uuid4())
            if self.path == "/v2/bot/message/push":
                key = self.headers.get("X-Line-Retry-Key")
                if key and key in state.retry_keys:
                    self._answer(
                        409,
                        {"message": "The retry key is already accepted"},
                        {"X-Line-Accepted-Request-Id": state.retry_keys[key]},
                    )
                    return
                if not payload.get("to"):
                    self._answer(400, {"message": "The request body has 1 error(s)"})
                    return
                if key:
                    state.retry_keys[key] = request_id
                state.pushed.append(payload)
                self._answer(
                    200,
                    {"sentMessages": [{"id": request_id, "quoteToken": "q"}]},
                    {"X-Line-Request-Id": request_id},
                )
            elif self.path == "/v2/bot/message/reply":
                token = payload.get("replyToken")
                if not token or token in state.used_reply_tokens:
                    self._answer(400, {"message": "Invalid reply token"})
                    return
                state.used_reply_tokens.add(token)
                state.replied.append(payload)
                self._answer(200, {"sentMessages": [{"id": request_id, "quoteToken": "q"}]})
            else:
                self._answer(404, {"message": "Not found"})


class LineTestServer:
    def __init__(self, token: str) -> None:
        self.state = LineState(token=token)
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> LineTestServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
