"""What the API and the web pages share: the corpus path, the pipeline, the token, and the dependencies
that open a read-only connection, wait for the model, and check write access."""

import logging
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from vigie.pipeline import Pipeline
from vigie.store import NotACorpus, open_readonly

log = logging.getLogger("vigie.api")


class ServerState:
    """What the app shares between requests: the corpus path, the pipeline and whether it is ready."""

    def __init__(self, db_path: Path, token: str | None, pipeline: Pipeline, max_bytes: int) -> None:
        self.db_path = db_path
        self.token = token
        self.pipeline = pipeline
        self.max_bytes = max_bytes
        self.ready = threading.Event()
        self.failed = False
        self.write_lock = threading.Lock()
        self.extract_lock = threading.Lock()

    def warm_up(self) -> None:
        try:
            self.pipeline.prime()
            self.ready.set()
        except Exception:
            log.exception("the language model could not be loaded")
            self.failed = True


def server_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.vigie
    return state


def corpus(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the corpus for one request."""
    try:
        connection = open_readonly(server_state(request).db_path)
    except NotACorpus as exc:
        raise HTTPException(503, str(exc)) from None
    try:
        yield connection
    finally:
        connection.close()


def ready_pipeline(request: Request) -> Pipeline:
    """The pipeline, once its model is loaded (503 before)."""
    state = server_state(request)
    if not state.ready.is_set():
        raise HTTPException(503, "the language model is " + ("unavailable" if state.failed else "still loading"))
    return state.pipeline


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need the token given at start-up."""
    state = server_state(request)
    if state.token is None:
        raise HTTPException(403, "this server is read-only: start it with a token to allow writes")
    if not token_matches(state, (authorization or "").removeprefix("Bearer ").strip()):
        raise HTTPException(403, "a valid token is needed to write (Authorization: Bearer TOKEN)")


def token_matches(state: ServerState, given: str) -> bool:
    """Whether ``given`` is the write token (compared in constant time)."""
    return state.token is not None and secrets.compare_digest(given.encode(), state.token.encode())


Corpus = Annotated[sqlite3.Connection, Depends(corpus)]
ReadyPipeline = Annotated[Pipeline, Depends(ready_pipeline)]
