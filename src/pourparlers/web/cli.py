"""``pourparlers serve``: the web page and HTTP API over a store.

``register(app)`` adds the command to the main Typer application.
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import Errors, UsageError

ENV_DB = "POURPARLERS_DB"


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``; any other name or address is not."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port); UsageError if impossible."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise UsageError(Errors.E802.format(host=host, port=port, reason=err.strerror)) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        raise UsageError(Errors.E802.format(host=host, port=port, reason=err.strerror or err)) from None
    sock.set_inheritable(True)
    return sock


def serve(
    db: Annotated[Optional[Path], typer.Option(
        "--db", envvar=ENV_DB, help="The store file (default: pourparlers.duckdb here, or $POURPARLERS_DB).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; only loopback unless --allow-remote.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    allow_remote: Annotated[bool, typer.Option(
        "--allow-remote", help="Allow a non-loopback --host: other machines can then read the store.")] = False,
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request.")] = False,
) -> None:
    """Serve the web page and HTTP API over the store, on 127.0.0.1 (Ctrl-C stops)."""
    import uvicorn

    from ..cli import err_console
    from ..store.store import default_path
    from .app import LOOPBACK_NAMES, create_app

    if not is_loopback(host):
        if not allow_remote:
            raise UsageError(Errors.E801.format(host=host))
        err_console.print("warning: " + Errors.W800.format(host=host), markup=False)
    path = (db if db is not None else default_path()).resolve()
    if not path.exists():
        err_console.print("warning: " + Errors.W801.format(path=path), markup=False)
    sock = bind(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    hosts = None if allow_remote else sorted({*LOOPBACK_NAMES, host.strip("[]").lower()})
    config = uvicorn.Config(create_app(path, hosts=hosts), log_level="warning", access_log=access_log,
                            server_header=False, proxy_headers=False)
    server = uvicorn.Server(config)
    err_console.print(f"serving {path} at http://{shown}:{bound}/ (Ctrl-C to stop)", markup=False)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``pourparlers`` application."""
    app.command("serve")(serve)
