#!/usr/bin/env python3
"""The misbehaving feed server for BriefingFetchTests: the answers nginx cannot give.

Listens on 127.0.0.1 (a free port, printed as `PORT n` on the first line of standard output), logs every
request as a JSON line to --log, and serves by path:

  /status/N[?retry-after=V]  status N (429, 500, 503, 410…), with Retry-After: V when given
  /redirect/N/TARGET         status N (301, 302, 303, 307, 308) to TARGET (a path here, or an absolute URL)
  /loop/a, /loop/b           redirect to each other
  /chain/N                   302 to /chain/N+1, for ever
  /hang                      reads the request, then says nothing (for at most --hang seconds)
  /trickle                   a 200 whose body comes one byte every 0.2 s (for at most --hang seconds)
  /huge                      a 200 of --huge bytes of a feed-looking body
  /bomb                      gzip of 100 MiB of spaces (about 100 KiB), Content-Encoding: gzip
  /gzip/NAME, /deflate/NAME  the file NAME from --root, compressed, when the request accepts it
  /latin1                    an RSS feed in ISO-8859-1, said only by the Content-Type charset
  /page                      an HTML page with <link rel="alternate"> feed autodiscovery
  /files/NAME                the file NAME from --root, as application/rss+xml, no validators
  /slow/NAME                 the file NAME from --root after 0.3 s; /stats says how many were in flight at most
"""
import argparse
import gzip
import http.server
import json
import os
import signal
import socketserver
import sys
import threading
import time
import zlib

ARGS = None
LOG_LOCK = threading.Lock()
SLOW = {"now": 0, "most": 0}

LATIN1_FEED = (
    '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Caf\u00e9 Tech</title><link>http://example.org/</link>'
    '<description>d</description><item><title>Z\u00fcrich caf\u00e9 opens \u00e0 la carte</title>'
    '<link>http://example.org/cafe</link><guid>cafe-1</guid><pubDate>Tue, 09 Sep 2025 10:00:00 GMT</pubDate>'
    '<description>Cr\u00e8me br\u00fbl\u00e9e for everyone.</description></item></channel></rss>\n'
).encode("iso-8859-1")

PAGE = b"""<!DOCTYPE html>
<html><head><title>A news site</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">
<link rel="alternate" type="application/atom+xml" title="News &amp; more" href="/files/feed.xml">
<link rel="alternate" type="application/feed+json" title="JSON" href="feed.json">
</head><body><p>Hello</p></body></html>
"""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def record(self):
        entry = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}
        with LOG_LOCK, open(ARGS.log, "a") as log:
            log.write(json.dumps(entry) + "\n")

    def send(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.record()
        path, _, query = self.path.partition("?")
        parts = path.strip("/").split("/")
        port = self.server.server_address[1]
        if parts[0] == "status":
            headers = {"Content-Type": "text/plain"}
            if query.startswith("retry-after="):
                headers["Retry-After"] = query[len("retry-after="):].replace("%20", " ")
            self.send(int(parts[1]), b"no feed here\n", headers)
        elif parts[0] == "redirect":
            target = "/".join(parts[2:])
            if not target.startswith("http"):
                target = "/" + target
            self.send(int(parts[1]), b"", {"Location": target.replace("PORT", str(port))})
        elif parts[0] == "loop":
            self.send(302, b"", {"Location": "/loop/" + ("b" if parts[1] == "a" else "a")})
        elif parts[0] == "chain":
            self.send(302, b"", {"Location": "/chain/%d" % (int(parts[1]) + 1)})
        elif parts[0] == "hang":
            self.wfile.flush()
            time.sleep(ARGS.hang)
        elif parts[0] == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            end = time.time() + ARGS.hang
            try:
                while time.time() < end:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        elif parts[0] == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(ARGS.huge))
            self.end_headers()
            chunk = b" " * 65536
            sent = 0
            try:
                while sent < ARGS.huge:
                    piece = chunk[: ARGS.huge - sent]
                    self.wfile.write(piece)
                    sent += len(piece)
            except OSError:
                pass
        elif parts[0] == "bomb":
            compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
            block = b" " * (1 << 20)
            body = b"".join(compressor.compress(block) for _ in range(100)) + compressor.flush()
            self.send(200, body, {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})
        elif parts[0] in ("gzip", "deflate"):
            with open(os.path.join(ARGS.root, parts[1]), "rb") as f:
                raw = f.read()
            accepted = self.headers.get("Accept-Encoding", "")
            if parts[0] not in accepted:
                self.send(200, raw, {"Content-Type": "application/rss+xml"})
            elif parts[0] == "gzip":
                self.send(200, gzip.compress(raw), {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})
            else:
                self.send(200, zlib.compress(raw), {"Content-Type": "application/rss+xml", "Content-Encoding": "deflate"})
        elif parts[0] == "latin1":
            self.send(200, LATIN1_FEED, {"Content-Type": "application/rss+xml; charset=ISO-8859-1"})
        elif parts[0] == "page":
            self.send(200, PAGE, {"Content-Type": "text/html; charset=utf-8"})
        elif parts[0] == "slow":
            with LOG_LOCK:
                SLOW["now"] += 1
                SLOW["most"] = max(SLOW["most"], SLOW["now"])
            time.sleep(0.3)
            with LOG_LOCK:
                SLOW["now"] -= 1
            with open(os.path.join(ARGS.root, os.path.basename(parts[1])), "rb") as f:
                self.send(200, f.read(), {"Content-Type": "application/rss+xml"})
        elif parts[0] == "stats":
            self.send(200, json.dumps(SLOW).encode(), {"Content-Type": "application/json"})
        elif parts[0] == "files":
            try:
                with open(os.path.join(ARGS.root, os.path.basename(parts[1])), "rb") as f:
                    self.send(200, f.read(), {"Content-Type": "application/rss+xml"})
            except OSError:
                self.send(404, b"not found\n", {"Content-Type": "text/plain"})
        else:
            self.send(404, b"not found\n", {"Content-Type": "text/plain"})


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--root", default=".")
    parser.add_argument("--hang", type=float, default=10)
    parser.add_argument("--huge", type=int, default=2 << 20)
    parser.add_argument("--lifetime", type=float, default=120, help="stop by itself after this many seconds")
    ARGS = parser.parse_args()
    # The test runner may start us with SIGTERM blocked or ignored; the tests stop us with it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    threading.Timer(ARGS.lifetime, lambda: os._exit(0)).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
