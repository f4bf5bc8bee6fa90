"""Run Streamlit as `streamlit run` does, with one fix: TCP_NODELAY on the connections it accepts.

    python deploy/serve.py run app.py --server.port 8501 --server.address 127.0.0.1

Streamlit 1.67 binds its listening socket itself (`socket.socket(family=...)`, protocol number 0), and asyncio turns
Nagle's algorithm off only for sockets whose protocol reads IPPROTO_TCP, so every accepted websocket keeps Nagle on.
The last small messages of a run (`delta`, `script_finished`) then wait for the client's delayed ACK: ≈40 ms added
to every script run on Linux, measured on loopback (scripts/loadgen.py, runner.postScriptGC off: an empty page's
rerun takes 44 ms, 6 ms with this fix). Re-wrapping the bound socket lets the kernel report its real protocol,
so asyncio sets TCP_NODELAY on each accepted connection as it does for servers it binds itself."""

import socket
import sys


def _patch() -> None:
    try:
        from streamlit.web.server.starlette import starlette_server
    except ImportError:  # another Streamlit layout: run it unchanged
        return
    bind = getattr(starlette_server, "_bind_socket", None)
    if bind is None:
        return

    def bind_tcp(*args, **kwargs) -> socket.socket:
        sock = bind(*args, **kwargs)
        return socket.socket(fileno=sock.detach())  # family, type and protocol read back from the descriptor

    starlette_server._bind_socket = bind_tcp


if __name__ == "__main__":
    _patch()
    from streamlit.web.cli import main

    sys.exit(main())
