#!/usr/bin/env python3
"""A stand-in for the Hugging Face Hub, for I2V Studio's tests (Python 3.11 standard library only).

What: a local Hub that publishes one diffusers model folder as a repo (default `ali-vilab/i2vgen-xl`) and speaks
the protocol of huggingface_hub 0.21.4 as docs/hub-protocol.md states it: repo info, tree, `resolve` with HEAD,
302 redirects of LFS files to a second listener that plays the CDN (signed, expiring links; byte ranges), error
headers (`X-Error-Code`, `X-Error-Message`, `X-Request-Id`), gated repos, and faults injected on demand (cut
connections, ignored ranges, flipped bytes, error statuses, stalls, expired links, missing files).

Why: the app's downloader must be tested against the real protocol without the network, including the failures
the real Hub and CDN produce only now and then. The real huggingface_hub client can be pointed at it too
(HF_ENDPOINT=http://127.0.0.1:<hub port>), which keeps the stand-in honest.

The served repo: every file of --model DIR, plus for each `*.safetensors` a `.fp16.safetensors` twin really
converted to F16, plus `models/` with two fake original-format checkpoints that a correct client never fetches,
plus README.md and .gitattributes. Generated files are cached under --work (reused while the model folder's
files keep their sizes and mtimes).

Start-up contract: once both listeners are up, exactly one line goes to stdout:
    READY hub=<port> cdn=<port> commit=<sha>
Everything else goes to stderr. The server stops after --max-seconds, at EOF on stdin (unless --ignore-stdin),
on SIGTERM/SIGINT, or on POST /__stop.

Control endpoints on the hub port (never gated, never logged): GET /__log (JSON array of the requests so far),
GET /__faults, GET /__manifest, POST /__fault (a fault object or an array of them), POST /__reset (clears faults
and the in-memory log), POST /__stop. A log entry: {"t", "listener": "hub"|"cdn", "method", "path" (URL path
as sent), "repo_path", "range", "authorization": bool, "status", "faults": [kinds fired], "bytes" (body bytes
the server means to send), "request_id"}; it is written before the response goes out.

Run `hub_server.py --help` for options; faults are described in the "Faults" section below.
"""

import argparse
import array
import fnmatch
import hashlib
import hmac
import itertools
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import socketserver
import struct
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GENERATOR_VERSION = 1  # bump when generated files or the manifest change, so stale caches are not reused
CHUNK = 64 * 1024  # bodies go out in chunks of this size, so a cut mid-file is real
LFS_SUFFIXES = (".safetensors", ".pth", ".bin", ".ckpt")
FAKE_CHECKPOINTS = {"models/i2vgen_xl_00854500.pth": 384 * 1024, "models/open_clip_pytorch_model.bin": 256 * 1024}
MAX_STALL_SECONDS = 600.0
F32_CHUNK_BYTES = 4 * 1024 * 1024  # F32 -> F16 conversion works on slices of this size

GITATTRIBUTES = "".join(f"*{s} filter=lfs diff=lfs merge=lfs -text\n" for s in LFS_SUFFIXES)


def err(*parts):
    print(*parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# Hashes as git and git-lfs compute them
# ---------------------------------------------------------------------------------------------------------------

def git_blob_sha1(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def hash_file(path):
    """(size, sha256 of the content, git blob sha1 of the content) in one pass."""
    size = os.path.getsize(path)
    h256, h1 = hashlib.sha256(), hashlib.sha1(b"blob %d\0" % size)
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h256.update(block)
            h1.update(block)
    return size, h256.hexdigest(), h1.hexdigest()


def lfs_pointer(sha256, size):
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size}\n".encode()


def is_lfs(path):
    return path.endswith(LFS_SUFFIXES)


# ---------------------------------------------------------------------------------------------------------------
# safetensors F32 -> F16
# ---------------------------------------------------------------------------------------------------------------

def read_safetensors_header(f):
    """(header dict, offset of the data section). Header = 8-byte little-endian length, then JSON."""
    (n,) = struct.unpack("<Q", f.read(8))
    header = json.loads(f.read(n))
    return header, 8 + n


def f32_to_f16(raw):
    """Little-endian F32 bytes -> little-endian F16 bytes, round to nearest even (as numpy's astype does)."""
    values = array.array("f")
    values.frombytes(raw)
    if sys.byteorder == "big":
        values.byteswap()
    try:
        return struct.pack("<%de" % len(values), *values)
    except OverflowError:  # |x| >= 65520 rounds past the largest half: numpy gives +-inf
        return b"".join(f16_one(v) for v in values)


def f16_one(v):
    try:
        return struct.pack("<e", v)
    except OverflowError:
        return b"\x00\x7c" if v > 0 else b"\x00\xfc"


def fp16_header(header):
    """The twin's header: F32 tensors become F16, data laid out in the source's order, offsets rewritten."""
    out = {}
    if "__metadata__" in header:
        out["__metadata__"] = header["__metadata__"]
    tensors = sorted((k for k in header if k != "__metadata__"), key=lambda k: header[k]["data_offsets"][0])
    offset = 0
    for name in tensors:
        info = header[name]
        begin, end = info["data_offsets"]
        dtype, nbytes = info["dtype"], end - begin
        if dtype == "F32":
            if nbytes % 4:
                raise ValueError(f"F32 tensor {name} has {nbytes} bytes")
            dtype, nbytes = "F16", nbytes // 2
        out[name] = {"dtype": dtype, "shape": info["shape"], "data_offsets": [offset, offset + nbytes]}
        offset += nbytes
    return out, tensors


def encode_header(header):
    data = json.dumps(header, separators=(",", ":")).encode()
    return data + b" " * (-len(data) % 8)


def convert_safetensors_to_fp16(src, dst):
    with open(src, "rb") as f, open(dst, "wb") as out:
        header, base = read_safetensors_header(f)
        new_header, order = fp16_header(header)
        encoded = encode_header(new_header)
        out.write(struct.pack("<Q", len(encoded)) + encoded)
        for name in order:
            begin, end = header[name]["data_offsets"]
            f.seek(base + begin)
            convert = header[name]["dtype"] == "F32"
            for pos in range(begin, end, F32_CHUNK_BYTES):
                raw = f.read(min(F32_CHUNK_BYTES, end - pos))
                out.write(f32_to_f16(raw) if convert else raw)


def fp16_twin_name(path):
    return path[: -len(".safetensors")] + ".fp16.safetensors"


# ---------------------------------------------------------------------------------------------------------------
# Generated extras
# ---------------------------------------------------------------------------------------------------------------

def fake_bytes(name, size):
    """Deterministic filler: SHA-256 in counter mode, seeded by the file name."""
    seed = hashlib.sha256(name.encode()).digest()
    blocks = (hashlib.sha256(seed + i.to_bytes(8, "little")).digest() for i in range((size + 31) // 32))
    return b"".join(blocks)[:size]


def readme_text(repo_id):
    return (
        "---\nlicense: mit\nlibrary_name: diffusers\npipeline_tag: image-to-video\n---\n\n"
        f"# {repo_id}\n\nA test stand-in served by I2V Studio's tests/support/hub_server.py: a small diffusers model "
        "with fp32 and fp16 weights. The files under models/ are filler in place of the original-format "
        "checkpoints; a correct client never downloads them.\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# The served repo, built once and cached under --work
# ---------------------------------------------------------------------------------------------------------------

class RepoFile:
    """One served file: where its bytes are on disk and the hashes the Hub reports."""

    def __init__(self, path, disk, size, sha256, sha1):
        self.path, self.disk, self.size, self.sha256, self.sha1 = path, disk, size, sha256, sha1
        self.lfs = is_lfs(path)
        pointer = lfs_pointer(sha256, size) if self.lfs else None
        self.pointer_size = len(pointer) if pointer else None
        self.blob_id = git_blob_sha1(pointer) if pointer else sha1  # git's id of what the repo stores
        self.etag = sha256 if self.lfs else sha1

    def manifest(self):
        entry = {"path": self.path, "size": self.size, "lfs": self.lfs, "etag": self.etag, "sha256": self.sha256,
                 "git_sha1": self.sha1, "blob_id": self.blob_id}
        if self.lfs:
            entry["pointer_size"] = self.pointer_size
        return entry


class Repo:
    """The served files; the commit is the SHA-1 of the lines "<path>\0<etag>\n" over the files sorted by path."""

    def __init__(self, repo_id, files, last_modified):
        self.repo_id = repo_id
        self.files = {f.path: f for f in sorted(files, key=lambda f: f.path)}
        self.last_modified = last_modified
        self.commit = hashlib.sha1("".join(f"{p}\0{f.etag}\n" for p, f in self.files.items()).encode()).hexdigest()
        self.blobs = {}  # sha256 -> paths with that content (LFS files, i.e. what the CDN serves)
        for f in self.files.values():
            if f.lfs:
                self.blobs.setdefault(f.sha256, []).append(f.path)
        self.dirs = sorted({p.rsplit("/", i)[0] for p in self.files for i in range(1, p.count("/") + 1)})

    def manifest(self):
        return {"repo": self.repo_id, "commit": self.commit, "files": [f.manifest() for f in self.files.values()]}


def scan_source(model_dir):
    """[(repo path, absolute path, size, mtime_ns)] of every file under model_dir, .git excluded."""
    found = []
    for root, dirs, names in os.walk(model_dir):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        for name in sorted(names):
            disk = os.path.join(root, name)
            st = os.stat(disk)
            found.append((os.path.relpath(disk, model_dir).replace(os.sep, "/"), disk, st.st_size, st.st_mtime_ns))
    return found


def cache_key(model_dir, repo_id, source):
    stamp = [GENERATOR_VERSION, repo_id, model_dir, [(p, s, m) for p, _, s, m in source]]
    return hashlib.sha1(json.dumps(stamp).encode()).hexdigest()[:20]


def generate_extras(source, repo_id, out_dir):
    """Writes the generated files into out_dir; returns their repo paths."""
    present = {p for p, *_ in source}
    made = []

    def target(path):
        disk = os.path.join(out_dir, *path.split("/"))
        os.makedirs(os.path.dirname(disk), exist_ok=True)
        made.append(path)
        return disk

    for path, disk, *_ in source:
        if path.endswith(".safetensors") and not path.endswith(".fp16.safetensors"):
            twin = fp16_twin_name(path)
            if twin not in present:
                convert_safetensors_to_fp16(disk, target(twin))
    extras = {p: fake_bytes(p, n) for p, n in FAKE_CHECKPOINTS.items()}
    extras["README.md"] = readme_text(repo_id).encode()
    extras[".gitattributes"] = GITATTRIBUTES.encode()
    for path, data in extras.items():
        if path not in present:
            with open(target(path), "wb") as f:
                f.write(data)
    return made


def build_cache(source, repo_id, final_dir):
    """Builds into a private temp folder, then renames it into place (a concurrent builder may win)."""
    parent = os.path.dirname(final_dir)
    tmp = tempfile.mkdtemp(prefix="building-", dir=parent)
    try:
        generated = generate_extras(source, repo_id, os.path.join(tmp, "files"))
        entries = []
        for path, disk, *_ in source:
            entries.append(dict(zip(("size", "sha256", "sha1"), hash_file(disk)), path=path, disk=disk))
        for path in generated:
            disk = os.path.join(tmp, "files", *path.split("/"))
            entries.append(dict(zip(("size", "sha256", "sha1"), hash_file(disk)), path=path, disk=None))
        with open(os.path.join(tmp, "manifest.json"), "w") as f:
            json.dump({"version": GENERATOR_VERSION, "files": entries}, f)
        try:
            os.rename(tmp, final_dir)
        except OSError:
            if not os.path.exists(os.path.join(final_dir, "manifest.json")):
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def load_repo(model_dir, repo_id, work_dir):
    model_dir = os.path.abspath(model_dir)
    if not os.path.isdir(model_dir):
        raise SystemExit(f"hub_server: --model {model_dir} is not a folder")
    source = scan_source(model_dir)
    final_dir = os.path.join(os.path.abspath(work_dir), "repo-" + cache_key(model_dir, repo_id, source))
    manifest_path = os.path.join(final_dir, "manifest.json")
    if not os.path.exists(manifest_path):
        build_cache(source, repo_id, final_dir)
    with open(manifest_path) as f:
        entries = json.load(f)["files"]
    files = []
    for e in entries:
        disk = e["disk"] or os.path.join(final_dir, "files", *e["path"].split("/"))
        files.append(RepoFile(e["path"], disk, e["size"], e["sha256"], e["sha1"]))
    newest = max((m for *_, m in source), default=0) / 1e9
    return Repo(repo_id, files, time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(newest)))


# ---------------------------------------------------------------------------------------------------------------
# Faults
# ---------------------------------------------------------------------------------------------------------------
# A fault is {"kind": K, "path": P, "count": N, ...}: P is a repo path or an fnmatch pattern ("*" = any file;
# default "*"), N how many responses it spoils (default 1; -1 = every one). It fires on the next matching
# response and is used up by it; with after=M (default 0) it first lets M responses it would have spoiled go
# through untouched. Kinds and their own fields:
#   cut          body GET (CDN, or hub for a small file): send `at` bytes of this response's body (default half),
#                then shut the socket down and close it (reset=true: close with an RST instead of a FIN).
#                Content-Length still announces the whole body.
#   stall        body GET: send `at` bytes (default half), sleep `seconds` (default 30, at most 600), then go
#                on (then=continue, default) or close the socket (then=close).
#   wrong_bytes  body GET: same length, `bytes` bytes (default 16) from `at` (default half) XORed with 0xFF.
#   ignore_range body GET carrying a Range header: answer 200 with the whole body.
#   status       answer `status` (default 503) with an error body, and `Retry-After: <retry_after>` if given.
#                where=both (default): hub HEAD/GET resolve and CDN GET/HEAD of the path; hub; cdn; or api
#                (repo info, tree and refs of the repo; path is ignored).
#   not_found    hub HEAD/GET resolve of the path: 404 EntryNotFound (X-Repo-Commit still set).
#   expire_links CDN GET/HEAD of the path: every link issued before this request becomes expired (so this
#                request gets 403 AccessDenied too); links issued afterwards work.
# For body faults `at`/`bytes` count from the start of this response's body (a resumed GET's body starts at
# its range) and are clamped inside the body; an empty body never fires them. HEAD never fires body faults.
# Several faults of different kinds may fire on one response (e.g. ignore_range and cut).

FAULT_KINDS = ("cut", "stall", "wrong_bytes", "ignore_range", "status", "not_found", "expire_links")
WHERE = ("both", "hub", "cdn", "api")


def to_bool(v):
    if isinstance(v, bool):
        return v
    if str(v).lower() in ("1", "true", "yes", "on"):
        return True
    if str(v).lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"not a boolean: {v!r}")


FAULT_FIELDS = {"kind": str, "path": str, "count": int, "at": int, "seconds": float, "status": int,
                "retry_after": int, "where": str, "then": str, "bytes": int, "reset": to_bool, "after": int}


def make_fault(spec):
    """A validated fault from a dict (JSON) of field -> value; raises ValueError with the reason."""
    if not isinstance(spec, dict):
        raise ValueError("a fault is a JSON object")
    unknown = set(spec) - set(FAULT_FIELDS)
    if unknown:
        raise ValueError(f"unknown fault field(s): {', '.join(sorted(unknown))}")
    fault = {"path": "*", "count": 1, "at": None, "seconds": 30.0, "status": 503, "retry_after": None,
             "where": "both", "then": "continue", "bytes": 16, "reset": False, "after": 0}
    for key, value in spec.items():
        try:
            fault[key] = FAULT_FIELDS[key](value) if value is not None else None
        except (TypeError, ValueError):
            raise ValueError(f"fault field {key}: bad value {value!r}") from None
    if fault.get("kind") not in FAULT_KINDS:
        raise ValueError(f"fault kind must be one of {', '.join(FAULT_KINDS)}")
    if fault["where"] not in WHERE or fault["then"] not in ("continue", "close"):
        raise ValueError("where must be both|hub|cdn|api, then continue|close")
    if not 100 <= fault["status"] <= 599:
        raise ValueError("status must be an HTTP status code")
    fault["seconds"] = max(0.0, min(fault["seconds"], MAX_STALL_SECONDS))
    fault["remaining"], fault["fired"] = fault["count"], 0
    return fault


def parse_fault_cli(text):
    """'kind=cut,path=unet/x.safetensors,at=100000,count=1' -> fault."""
    spec = {}
    for item in filter(None, text.split(",")):
        key, eq, value = item.partition("=")
        if not eq:
            raise ValueError(f"fault item {item!r} is not key=value")
        spec[key.strip()] = value.strip()
    return make_fault(spec)


class FaultBook:
    def __init__(self, faults=()):
        self.lock = threading.Lock()
        self.faults = list(faults)

    def add(self, fault):
        with self.lock:
            self.faults.append(fault)

    def reset(self):
        with self.lock:
            self.faults.clear()

    def listing(self):
        with self.lock:
            return [dict(f) for f in self.faults]

    def take(self, kind, paths, where=None):
        """Uses up one firing of the first live fault of `kind` that matches one of `paths` (and `where`)."""
        with self.lock:
            for f in self.faults:
                if f["kind"] != kind or f["remaining"] == 0 or not self.matches(f, paths, where):
                    continue
                if f["after"] > 0:  # lets this one through
                    f["after"] -= 1
                    continue
                if f["remaining"] > 0:
                    f["remaining"] -= 1
                f["fired"] += 1
                return dict(f)
        return None

    @staticmethod
    def matches(fault, paths, where):
        if where is not None and where_mismatch(fault, where):
            return False
        if where == "api":
            return True
        return any(fnmatch.fnmatchcase(p, fault["path"]) for p in paths)


def where_mismatch(fault, where):
    want = fault["where"]
    return want != where and not (want == "both" and where in ("hub", "cdn"))


# ---------------------------------------------------------------------------------------------------------------
# Signed CDN links
# ---------------------------------------------------------------------------------------------------------------
# Link = /blobs/<sha256>?expires=<unix time>&sig=<hex HMAC-SHA256(secret, "<sha256>:<expires>")>, expires =
# ceil(now + ttl); valid while time.time() <= expires. The secret is random per process unless --link-secret.

class LinkSigner:
    def __init__(self, secret, ttl):
        self.secret, self.ttl = secret, ttl
        self.lock = threading.Lock()
        self.serial, self.cutoff, self.issued = 0, -1, {}  # issued: sig -> serial; serial <= cutoff: expired

    def sign(self, sha256, expires):
        return hmac.new(self.secret, f"{sha256}:{expires}".encode(), hashlib.sha256).hexdigest()

    def make(self, sha256):
        expires = math.ceil(time.time() + self.ttl)
        sig = self.sign(sha256, expires)
        with self.lock:
            self.serial += 1
            self.issued[sig] = self.serial
        return f"/blobs/{sha256}?expires={expires}&sig={sig}"

    def expire_all(self):
        with self.lock:
            self.cutoff = self.serial

    def check(self, sha256, expires, sig):
        """None if the link is good, else the reason it is refused."""
        if not expires or not sig or not expires.isdigit():
            return "Query-string authentication requires the expires and sig parameters"
        if not hmac.compare_digest(self.sign(sha256, int(expires)), sig):
            return "The request signature we calculated does not match the signature you provided"
        with self.lock:
            expired_early = self.issued.get(sig, 0) <= self.cutoff
        if expired_early or time.time() > int(expires):
            return "Request has expired"
        return None


# ---------------------------------------------------------------------------------------------------------------
# Request log
# ---------------------------------------------------------------------------------------------------------------

class RequestLog:
    def __init__(self, path):
        self.lock = threading.Lock()
        self.entries = []
        self.file = open(path, "a", buffering=1) if path else None

    def append(self, entry):
        with self.lock:
            self.entries.append(entry)
            if self.file:
                self.file.write(json.dumps(entry) + "\n")

    def reset(self):
        with self.lock:
            self.entries.clear()
            if self.file:
                self.file.write(json.dumps({"t": time.time(), "reset": True}) + "\n")

    def listing(self):
        with self.lock:
            return list(self.entries)


class State:
    """What both listeners share."""

    def __init__(self, args, repo, faults):
        self.repo, self.faults = repo, FaultBook(faults)
        self.signer = LinkSigner(args.link_secret.encode() if args.link_secret else secrets.token_bytes(32),
                                 args.link_ttl)
        self.log = RequestLog(args.log)
        self.verbose, self.token, self.gated = args.verbose, args.token, args.gated
        self.gated_info_public, self.disabled = args.gated_info_public, args.disabled
        self.bare_listing = args.bare_listing
        self.refs = ["main"] + list(args.extra_ref or [])
        self.stop = threading.Event()
        self.cdn_port = None
        self.request_ids = itertools.count(1)  # next() on a count is atomic under the GIL

    def new_request_id(self):
        n = next(self.request_ids)
        return f"Root=1-{int(time.time()):08x}-{n:08x}{secrets.token_hex(8)}"

    def resolve_revision(self, rev):
        """The commit a revision names, or None."""
        names = {self.repo.commit}
        for ref in self.refs:
            names.update({ref, "refs/heads/" + ref} if not ref.startswith("refs/") else {ref})
        return self.repo.commit if rev in names else None


# ---------------------------------------------------------------------------------------------------------------
# HTTP plumbing shared by both listeners
# ---------------------------------------------------------------------------------------------------------------

UNSATISFIABLE = "unsatisfiable"


def parse_range(value, size):
    """(start, end) inclusive, UNSATISFIABLE, or None (no usable single range: serve everything)."""
    m = re.fullmatch(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", value or "")
    if not m or m[1] == m[2] == "":
        return None
    if m[1] == "":  # suffix range: the last N bytes
        n = int(m[2])
        return (max(0, size - n), size - 1) if n > 0 and size > 0 else UNSATISFIABLE
    start = int(m[1])
    end = int(m[2]) if m[2] else size - 1
    if m[2] and end < start:
        return None
    return UNSATISFIABLE if start >= size else (start, min(end, size - 1))


class BodyPlan:
    """Where a body fault strikes in one response body of `length` bytes."""

    def __init__(self, length, cut=None, stall=None, wrong=None):
        def spot(fault):
            at = fault["at"] if fault["at"] is not None else length // 2
            return max(0, min(at, length - 1))

        self.cut_at = spot(cut) if cut else None
        self.reset = bool(cut and cut["reset"])
        self.stall_at = spot(stall) if stall else None
        self.stall_seconds = stall["seconds"] if stall else 0
        self.stall_close = bool(stall and stall["then"] == "close")
        self.flip = (spot(wrong), spot(wrong) + max(1, wrong["bytes"])) if wrong else None

    def planned_bytes(self, length):
        """How much of the body the client will get (the log says this before the body goes out)."""
        stops = [length, self.cut_at, self.stall_at if self.stall_close else None]
        return min(x for x in stops if x is not None)

    def next_stop(self, sent):
        later = [x for x in (self.cut_at, self.stall_at) if x is not None and x > sent]
        return min(later) if later else None

    def mangle(self, data, offset):
        if not self.flip:
            return data
        lo, hi = max(self.flip[0], offset), min(self.flip[1], offset + len(data))
        if lo >= hi:
            return data
        buf = bytearray(data)
        for i in range(lo - offset, hi - offset):
            buf[i] ^= 0xFF
        return bytes(buf)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, port, handler, state):
        self.state = state
        super().__init__(("127.0.0.1", port), handler)

    def server_bind(self):  # skip HTTPServer's getfqdn(), which may wait on DNS
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionError, socket.timeout)):
            super().handle_error(request, client_address)


class BaseHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "i2v-hub-stand-in/1"
    listener = "?"
    timeout = 300  # idle keep-alive connections and dead clients go away after this

    @property
    def state(self):
        return self.server.state

    def log_message(self, fmt, *args):
        if self.state.verbose:
            err(f"[{self.listener}] {self.address_string()} {fmt % args}")

    def do_GET(self):
        self.dispatch("GET")

    def do_HEAD(self):
        self.dispatch("HEAD")

    def do_POST(self):
        self.dispatch("POST")

    def dispatch(self, method):
        self.request_id = self.state.new_request_id()
        self.url_path, _, query = self.path.partition("?")
        self.query = urllib.parse.parse_qs(query)
        length = self.headers.get("Content-Length", "0")
        self.body = self.rfile.read(int(length)) if length.isdigit() and int(length) > 0 else b""
        try:
            self.route(method)
        except (ConnectionError, socket.timeout):
            self.close_connection = True

    def record(self, status, repo_path=None, faults=(), sent=0):
        entry = {"t": time.time(), "listener": self.listener, "method": self.command, "path": self.url_path,
                 "repo_path": repo_path, "range": self.headers.get("Range"),
                 "authorization": "Authorization" in self.headers, "status": status,
                 "faults": list(faults), "bytes": sent, "request_id": self.request_id}
        self.state.log.append(entry)

    def start(self, status, headers, length):
        self.send_response(status)
        self.send_header("X-Request-Id", self.request_id)
        for key, value in headers:
            self.send_header(key, header_safe(value))
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def respond(self, status, headers=(), body=b"", repo_path=None, faults=(), log=True):
        """A whole response; the log entry is written before the client can see the answer."""
        head = self.command == "HEAD"
        if log:
            self.record(status, repo_path, faults, 0 if head else len(body))
        self.start(status, headers, len(body))
        if body and not head:
            self.wfile.write(body)

    def respond_json(self, status, value, log=False):
        body = json.dumps(value).encode()
        self.respond(status, [("Content-Type", "application/json; charset=utf-8")], body, log=log)

    def abort_connection(self, reset):
        """Ends the connection mid-body: no more bytes, the client sees EOF (or RST) before Content-Length."""
        self.close_connection = True
        try:
            if reset:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()

    def serve_content(self, rf, headers, fault_paths):
        """200/206/416 for a file's bytes, honouring Range and the body faults."""
        size, faults = rf.size, []
        rng = parse_range(self.headers.get("Range"), size) if "Range" in self.headers else None
        if rng is not None and self.command == "GET" and self.state.faults.take("ignore_range", fault_paths):
            rng = None
            faults.append("ignore_range")
        if rng == UNSATISFIABLE:
            return self.respond(416, headers + [("Content-Range", f"bytes */{size}")], repo_path=rf.path)
        start, end = rng if rng else (0, size - 1)
        length = end - start + 1
        headers = headers + [("Accept-Ranges", "bytes"), ("Content-Type", content_type(rf.path))]
        if rng:
            headers.append(("Content-Range", f"bytes {start}-{end}/{size}"))
        plan = self.body_plan(length, fault_paths, faults)
        status = 206 if rng else 200
        self.record(status, rf.path, faults, 0 if self.command == "HEAD" else plan.planned_bytes(length))
        self.start(status, headers, length)
        if self.command == "GET":
            self.stream(rf.disk, start, length, plan)

    def body_plan(self, length, fault_paths, fired):
        if self.command != "GET" or length <= 0:
            return BodyPlan(length)
        taken = {k: self.state.faults.take(k, fault_paths) for k in ("cut", "stall", "wrong_bytes")}
        fired.extend(k for k, f in taken.items() if f)
        return BodyPlan(length, taken["cut"], taken["stall"], taken["wrong_bytes"])

    def stream(self, disk, start, length, plan):
        sent = 0
        with open(disk, "rb") as f:
            f.seek(start)
            while True:
                if sent == plan.stall_at:
                    plan.stall_at = None
                    self.state.stop.wait(plan.stall_seconds)
                    if plan.stall_close:
                        return self.abort_connection(False)
                if sent == plan.cut_at:
                    return self.abort_connection(plan.reset)
                if sent >= length:
                    return
                stop = plan.next_stop(sent)
                n = min(CHUNK, length - sent, (stop - sent) if stop is not None else CHUNK)
                data = f.read(n)
                if not data:  # the file shrank under us: end the connection rather than lie
                    return self.abort_connection(False)
                self.wfile.write(plan.mangle(data, sent))
                sent += len(data)


def header_safe(value):
    """A header value as ASCII on one line (names taken from the URL may hold anything)."""
    text = str(value).encode("ascii", "backslashreplace").decode()
    return text.replace("\r", "\\r").replace("\n", "\\n")


def content_type(path):
    if path.endswith(".json"):
        return "application/json; charset=utf-8"
    if path.endswith((".txt", ".md", ".gitattributes")):
        return "text/plain; charset=utf-8"
    return "application/octet-stream"


# ---------------------------------------------------------------------------------------------------------------
# The hub listener
# ---------------------------------------------------------------------------------------------------------------

class HubHandler(BaseHandler):
    listener = "hub"

    def route(self, method):
        if self.url_path.startswith("/__"):
            return self.control(method)
        segs = self.url_path.split("/")[1:]  # still URL-quoted
        if method not in ("GET", "HEAD"):
            return self.hub_error(405, None, "Method not allowed")
        if segs[:2] == ["api", "models"] and len(segs) >= 4:
            return self.api(segs[2], segs[3], segs[4:])
        if len(segs) >= 4 and segs[2] == "resolve":
            return self.resolve(segs[0], segs[1], segs[3], segs[4:])
        self.hub_error(404, None, "Sorry, we can't find the page you are looking for.")

    # -- errors and access ---------------------------------------------------------------------------------

    def hub_error(self, status, code, message, headers=(), repo_path=None, faults=()):
        extra = [("X-Error-Code", code)] if code else []
        extra.append(("X-Error-Message", message))
        body = json.dumps({"error": message}).encode()
        self.respond(status, list(headers) + extra + [("Content-Type", "application/json; charset=utf-8")],
                     body, repo_path=repo_path, faults=faults)

    def bearer(self):
        scheme, _, value = (self.headers.get("Authorization") or "").partition(" ")
        return value.strip() if scheme.lower() == "bearer" else None

    def admit(self, org, name, api):
        """True if the request may see the repo; otherwise answers as the Hub would and returns False."""
        refusal = self.refusal(f"{urllib.parse.unquote(org)}/{urllib.parse.unquote(name)}", api)
        if refusal:
            self.hub_error(*refusal)
        return refusal is None

    def refusal(self, repo_id, api):
        """(status, X-Error-Code, X-Error-Message) refusing access to repo_id, or None."""
        st = self.state
        if repo_id != st.repo.repo_id:
            return 401, "RepoNotFound", "Repository not found"
        if st.disabled:
            return 403, None, "Access to this resource is disabled."
        has_auth = "Authorization" in self.headers
        token_ok = st.token is not None and self.bearer() == st.token
        if st.gated and not (api and st.gated_info_public) and not token_ok:
            return (403 if has_auth else 401, "GatedRepo",
                    f"Access to model {st.repo.repo_id} is restricted. You must have access to it and be "
                    "authenticated to access it. Please log in.")
        if st.token is not None and has_auth and not token_ok:
            return 401, None, "Invalid credentials in Authorization header"
        return None

    def revision(self, rev, repo_path=None):
        commit = self.state.resolve_revision(rev)
        if commit is None:
            self.hub_error(404, "RevisionNotFound", f"Invalid rev id: {rev}", repo_path=repo_path)
        return commit

    def status_fault(self, where, paths, repo_path=None):
        fault = self.state.faults.take("status", paths, where)
        if not fault:
            return False
        headers = [("Retry-After", fault["retry_after"])] if fault["retry_after"] is not None else []
        self.hub_error(fault["status"], None, f"injected status {fault['status']}", headers, repo_path, ["status"])
        return True

    # -- /api/models/... ------------------------------------------------------------------------------------

    def api(self, org, name, rest):
        if not self.admit(org, name, api=True):
            return
        if self.status_fault("api", []):
            return
        action = rest[0] if rest else ""
        if action in ("", "revision"):
            return self.api_info(urllib.parse.unquote("/".join(rest[1:])) if rest else "main")
        if action == "tree" and len(rest) >= 2:
            return self.api_tree(urllib.parse.unquote(rest[1]), urllib.parse.unquote("/".join(rest[2:])))
        if action == "refs":
            return self.api_refs()
        self.hub_error(404, None, "Sorry, we can't find the page you are looking for.")

    def api_json(self, value):
        self.respond_json(200, value, log=True)

    def api_info(self, rev):
        if self.revision(rev) is None:
            return
        self.api_json(self.info_json())

    def info_json(self):
        st, repo = self.state, self.state.repo
        siblings = []
        for f in repo.files.values():
            if st.bare_listing:   # a mirror's listing: names only, sizes and hashes left to HEAD
                siblings.append({"rfilename": f.path})
                continue
            entry = {"rfilename": f.path, "size": f.size, "blobId": f.blob_id}
            if f.lfs:
                entry["lfs"] = {"size": f.size, "sha256": f.sha256, "pointerSize": f.pointer_size}
            siblings.append(entry)
        org = repo.repo_id.split("/")[0]
        return {"_id": repo.commit[:24], "id": repo.repo_id, "modelId": repo.repo_id, "author": org,
                "sha": repo.commit, "lastModified": repo.last_modified, "createdAt": repo.last_modified,
                "private": False, "gated": "manual" if st.gated else False, "disabled": st.disabled,
                "downloads": 0, "likes": 0, "library_name": "diffusers", "pipeline_tag": "image-to-video",
                "tags": ["diffusers", "safetensors", "image-to-video", "license:mit"],
                "cardData": {"license": "mit", "library_name": "diffusers", "pipeline_tag": "image-to-video"},
                "spaces": [], "siblings": siblings,
                "usedStorage": sum(f.size for f in repo.files.values())}

    def api_tree(self, rev, path):
        if self.revision(rev) is None:
            return
        repo, path = self.state.repo, path.strip("/")
        if path and path not in repo.dirs:
            message = f"{path} does not exist on \"{rev}\"" if path not in repo.files else f"{path} is not a folder"
            return self.hub_error(404, "EntryNotFound", message, [("X-Repo-Commit", repo.commit)])
        recursive = self.query.get("recursive", ["false"])[0].lower() in ("1", "true")
        expand = self.query.get("expand", ["false"])[0].lower() in ("1", "true")
        self.api_json([self.tree_item(p, expand) for p in tree_paths(repo, path, recursive)])

    def tree_item(self, path, expand):
        repo = self.state.repo
        f = repo.files.get(path)
        if f is None:
            item = {"type": "directory", "oid": dir_oid(repo, path), "size": 0, "path": path}
        else:
            item = {"type": "file", "oid": f.blob_id, "size": f.size, "path": path}
            if f.lfs:
                item["lfs"] = {"oid": f.sha256, "size": f.size, "pointerSize": f.pointer_size}
        if expand:
            item["lastCommit"] = {"id": repo.commit, "title": "Upload", "date": repo.last_modified}
        return item

    def api_refs(self):
        st = self.state
        branches = [r for r in st.refs if not r.startswith("refs/")]
        prs = [r for r in st.refs if r.startswith("refs/pr/")]
        entry = lambda name, ref: {"name": name, "ref": ref, "targetCommit": st.repo.commit}
        self.api_json({"branches": [entry(b, "refs/heads/" + b) for b in branches], "converts": [], "tags": [],
                       "pullRequests": [entry(r.split("/")[-1], r) for r in prs]})

    # -- /{org}/{name}/resolve/{rev}/{path} -----------------------------------------------------------------

    def resolve(self, org, name, rev, rest):
        path = urllib.parse.unquote("/".join(rest))
        if not self.admit(org, name, api=False):
            return
        commit = self.revision(urllib.parse.unquote(rev), path)
        if commit is None or self.status_fault("hub", [path], path):
            return
        rf = self.state.repo.files.get(path)
        gone = self.state.faults.take("not_found", [path]) if rf else None
        if rf is None or gone:
            return self.hub_error(404, "EntryNotFound", "Entry not found", [("X-Repo-Commit", commit)], path,
                                  ["not_found"] if gone else [])
        headers = [("X-Repo-Commit", commit)]
        if not rf.lfs:
            return self.serve_content(rf, headers + [("ETag", f'"{rf.etag}"')], [path])
        location = f"http://127.0.0.1:{self.state.cdn_port}{self.state.signer.make(rf.sha256)}"
        self.respond(302, headers + [("Location", location), ("X-Linked-Etag", f'"{rf.sha256}"'),
                                     ("X-Linked-Size", rf.size), ("ETag", f'"{rf.blob_id}"')], repo_path=path)

    # -- /__ control endpoints (never gated, never logged) --------------------------------------------------

    def control(self, method):
        st, what = self.state, (method, self.url_path.rstrip("/"))
        if what == ("GET", "/__log"):
            return self.respond_json(200, st.log.listing())
        if what == ("GET", "/__faults"):
            return self.respond_json(200, st.faults.listing())
        if what == ("GET", "/__manifest"):
            return self.respond_json(200, st.repo.manifest())
        if what == ("POST", "/__fault"):
            return self.control_add_fault()
        if what == ("POST", "/__reset"):
            st.faults.reset()
            st.log.reset()
            return self.respond_json(200, {"ok": True})
        if what == ("POST", "/__stop"):
            st.stop.set()
            return self.respond_json(200, {"ok": True})
        self.respond_json(404, {"error": f"no control endpoint {method} {self.url_path}"})

    def control_add_fault(self):
        try:
            spec = json.loads(self.body or b"null")
            faults = [make_fault(s) for s in (spec if isinstance(spec, list) else [spec])]
        except ValueError as e:
            return self.respond_json(400, {"error": str(e)})
        for fault in faults:
            self.state.faults.add(fault)
        self.respond_json(200, {"ok": True, "faults": faults})


def tree_paths(repo, folder, recursive):
    """Files and folders under `folder` ("" = root), sorted; only its direct children unless recursive."""
    prefix = folder + "/" if folder else ""
    inside = [p for p in list(repo.dirs) + list(repo.files) if p.startswith(prefix) and p != folder]
    return sorted(p for p in inside if recursive or "/" not in p[len(prefix):])


def dir_oid(repo, folder):
    """A stand-in git tree id: SHA-1 over the ids of everything below the folder."""
    below = sorted((p, f.blob_id) for p, f in repo.files.items() if p.startswith(folder + "/"))
    return hashlib.sha1(json.dumps(below).encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------
# The CDN listener
# ---------------------------------------------------------------------------------------------------------------

class CdnHandler(BaseHandler):
    listener = "cdn"

    def s3_error(self, status, code, message, paths=(), faults=(), headers=()):
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f"<Error><Code>{code}</Code><Message>{message}</Message>"
                f"<RequestId>{self.request_id}</RequestId></Error>").encode()
        self.respond(status, list(headers) + [("Content-Type", "application/xml")], body,
                     repo_path=paths[0] if paths else None, faults=faults)

    def route(self, method):
        segs = self.url_path.split("/")[1:]
        if method not in ("GET", "HEAD"):
            return self.s3_error(405, "MethodNotAllowed", "The specified method is not allowed")
        if len(segs) != 2 or segs[0] != "blobs":
            return self.s3_error(404, "NoSuchKey", "The specified key does not exist.")
        sha256 = segs[1]
        paths = self.state.repo.blobs.get(sha256, [])
        faults = []
        if self.state.faults.take("expire_links", paths):
            self.state.signer.expire_all()
            faults.append("expire_links")
        q = lambda k: self.query.get(k, [None])[0]
        refused = self.state.signer.check(sha256, q("expires"), q("sig"))
        if refused:
            return self.s3_error(403, "AccessDenied", refused, paths, faults)
        if not paths:
            return self.s3_error(404, "NoSuchKey", "The specified key does not exist.")
        status = self.state.faults.take("status", paths, "cdn")
        if status:
            retry = [("Retry-After", status["retry_after"])] if status["retry_after"] is not None else []
            return self.s3_error(status["status"], "InjectedFault", f"injected status {status['status']}",
                                 paths, faults + ["status"], retry)
        rf = self.state.repo.files[paths[0]]
        self.serve_content(rf, [("ETag", f'"{sha256}"')], paths)


# ---------------------------------------------------------------------------------------------------------------
# Start-up and lifetime
# ---------------------------------------------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description="A local stand-in for the Hugging Face Hub (see the file's header).")
    p.add_argument("--model", required=True, help="diffusers model folder to publish")
    p.add_argument("--repo", default="ali-vilab/i2vgen-xl", help="repo id ORG/NAME (default %(default)s)")
    p.add_argument("--port", type=int, default=0, help="hub port on 127.0.0.1 (0 = pick one)")
    p.add_argument("--cdn-port", type=int, default=0, help="CDN port on 127.0.0.1 (0 = pick one)")
    p.add_argument("--work", help="cache of generated files (default: a temp folder removed at exit)")
    p.add_argument("--extra-ref", action="append", help="another revision naming the same commit (repeatable; "
                   "a branch name or refs/pr/N)")
    p.add_argument("--gated", action="store_true", help="repo is gated: needs Authorization: Bearer <--token>")
    p.add_argument("--gated-info-public", action="store_true",
                   help="with --gated, let repo info/tree/refs through without a token (as the real Hub does)")
    p.add_argument("--token", help="the one accepted token; without --gated a different token gets 401")
    p.add_argument("--bare-listing", action="store_true",
                   help="repo info lists file names only (no size, blobId, lfs), as some mirrors do")
    p.add_argument("--disabled", action="store_true", help="repo is disabled: 403 on every repo request")
    p.add_argument("--link-ttl", type=float, default=3600, help="CDN link lifetime in seconds (default 3600)")
    p.add_argument("--link-secret", help="HMAC key for CDN links (default: random per start)")
    p.add_argument("--fault", action="append", default=[], help="kind=K,path=P,count=N,... (repeatable)")
    p.add_argument("--log", help="also append every request as a JSON line to this file")
    p.add_argument("--max-seconds", type=float, default=900, help="stop after this long (<= 0: never)")
    p.add_argument("--ignore-stdin", action="store_true", help="do not stop at EOF on stdin")
    p.add_argument("--print-manifest", action="store_true", help="print the served files as JSON and exit")
    p.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = p.parse_args(argv)
    if args.repo.count("/") != 1 or "" in args.repo.split("/"):
        p.error("--repo must be ORG/NAME")
    if args.gated and not args.token:
        p.error("--gated needs --token")
    try:
        args.faults = [parse_fault_cli(spec) for spec in args.fault]
    except ValueError as e:
        p.error(f"--fault: {e}")
    return args


def watch_stdin(stop):
    """Stops the server at EOF on stdin. os.read, not sys.stdin: a daemon thread must hold no io lock at exit."""
    try:
        while os.read(0, 65536):
            pass
    except OSError:
        pass
    stop.set()


def serve(args, repo):
    state = State(args, repo, args.faults)
    try:
        cdn = QuietServer(args.cdn_port, CdnHandler, state)
        hub = QuietServer(args.port, HubHandler, state)
    except OSError as e:
        err(f"hub_server: cannot listen: {e}")
        return 2
    state.cdn_port = cdn.server_address[1]
    for server in (cdn, hub):
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: state.stop.set())
    if not args.ignore_stdin:
        threading.Thread(target=watch_stdin, args=(state.stop,), daemon=True).start()
    print(f"READY hub={hub.server_address[1]} cdn={state.cdn_port} commit={repo.commit}", flush=True)
    state.stop.wait(args.max_seconds if args.max_seconds > 0 else None)
    for server in (hub, cdn):
        server.shutdown()
        server.server_close()
    return 0


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    own_work = args.work is None
    work = tempfile.mkdtemp(prefix="hub-server-") if own_work else args.work
    try:
        os.makedirs(work, exist_ok=True)
        started = time.monotonic()
        repo = load_repo(args.model, args.repo, work)
        if args.verbose:
            err(f"hub_server: repo {repo.repo_id} ready in {time.monotonic() - started:.2f} s "
                f"({len(repo.files)} files, commit {repo.commit})")
        if args.print_manifest:
            print(json.dumps(repo.manifest(), indent=1), flush=True)
            return 0
        return serve(args, repo)
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
