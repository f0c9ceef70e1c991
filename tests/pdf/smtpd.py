"""A real SMTP server for tests/pdf/send.sh: aiosmtpd's Controller.

  smtpd.py DIR HOST PORTFILE [USER:PASSWORD]

Listens on HOST and a free port, which it writes to PORTFILE once it is
ready; writes each message it takes, as received, to DIR/N.eml and its
envelope recipients to DIR/N.rcpt (N counts from 1); refuses, with 550,
any recipient whose address starts with "refuse".  With USER:PASSWORD,
a client must log in (AUTH PLAIN or LOGIN, allowed without TLS here).
Runs until killed.
"""
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

DIR, HOST, PORTFILE = sys.argv[1:4]
LOGIN = sys.argv[4].encode() if len(sys.argv) > 4 else None
lock = threading.Lock()


class Keep:
    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.startswith("refuse"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with lock:
            n = len([f for f in os.listdir(DIR) if f.endswith(".eml")]) + 1
            with open(f"{DIR}/{n}.rcpt", "w") as f:
                f.write("\n".join(envelope.rcpt_tos) + "\n")
            with open(f"{DIR}/{n}.eml.tmp", "wb") as f:
                f.write(envelope.original_content)
            os.rename(f"{DIR}/{n}.eml.tmp", f"{DIR}/{n}.eml")
        return "250 OK"


def check(server, session, envelope, mechanism, auth_data):
    ok = LOGIN is not None and auth_data.login + b":" + auth_data.password == LOGIN
    return AuthResult(success=ok)


def free_port():
    s = socket.socket()
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
port = free_port()
extra = {}
if LOGIN is not None:
    extra = dict(authenticator=check, auth_required=True, auth_require_tls=False)
c = Controller(Keep(), hostname=HOST, port=port, **extra)
c.start()
with open(PORTFILE + ".tmp", "w") as f:
    f.write(f"{port}\n")
os.rename(PORTFILE + ".tmp", PORTFILE)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
c.stop()
