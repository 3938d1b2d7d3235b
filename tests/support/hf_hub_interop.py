#!/usr/bin/env python3
"""The real huggingface_hub client (v0.21.4) on I2V Studio's model cache, for tests/e2e/tst_hf_hub_interop.cpp.

What: runs huggingface_hub's own functions on a Hugging Face cache folder and prints what they found as one JSON
object on stdout (everything else, progress and warnings, goes to stderr):
    check                              huggingface_hub imports; prints {"version", "file"}
    read-offline CACHE REPO [--allow P]...
        with HF_HUB_OFFLINE=1 and HF_HUB_CACHE=CACHE: snapshot_download(REPO, allow_patterns, local_files_only=True),
        hf_hub_download(REPO, F, local_files_only=True) for unet/config.json and every file of that snapshot (each
        must be the snapshot's own path of F, by name and by commit), try_to_load_from_cache, and scan_cache_dir()
        (its warnings, and per repo: size, files, revisions with refs). Prints {"snapshot", "unet_config",
        "files": {path: size}, "commit", "scan": {...}}.
    download ENDPOINT CACHE REPO [--allow P]... [--resume] [--max-workers N]
        with HF_ENDPOINT=ENDPOINT and HF_HUB_CACHE=CACHE: snapshot_download(REPO, allow_patterns) (resume_download
        as given, False being 0.21.4's default); prints {"snapshot", "files": [paths]}.
Exit status: 0 done, 1 huggingface_hub raised (the error on stderr and as {"error", "type"} on stdout),
2 bad arguments, 3 huggingface_hub cannot be imported (the caller skips).

Why: the app shares the Hugging Face cache with huggingface_hub and diffusers; the way to know that the layout
(blob names, relative links, refs, locks, .incomplete files) is the same is to let the real client read and
write it. huggingface_hub comes from its source tree on PYTHONPATH (Debian: python3-requests, python3-filelock,
python3-tqdm, python3-yaml, python3-packaging, python3-fsspec, python3-typing-extensions).

Nothing here reaches any address but 127.0.0.1: `download` refuses another endpoint, and `read-offline` points
HF_ENDPOINT at a closed local port besides setting HF_HUB_OFFLINE. The environment is set before huggingface_hub
is imported, because its constants are read at import.
"""

import argparse
import json
import os
import sys
import tempfile
import urllib.parse

DEFAULT_ALLOW = ["model_index.json", "*/*.json", "*/*.txt", "*/*.fp16.safetensors"]


def fail(message, code):
    print(message, file=sys.stderr, flush=True)
    sys.exit(code)


def set_common_env(cache):
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_ENABLE_HF_TRANSFER", "HUGGINGFACE_HUB_CACHE",
                 "https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        os.environ.pop(name, None)
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1"
    os.environ["HF_HUB_CACHE"] = cache
    if not os.environ.get("HF_HOME"):   # no token file of the machine (and nothing written inside the cache)
        os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="hf-home-")
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    os.environ["HF_HUB_DISABLE_IMPLICIT_TOKEN"] = "1"


def import_hub():
    try:
        import huggingface_hub  # noqa: F401
    except Exception as e:  # ImportError, or a missing dependency of it
        fail(f"huggingface_hub cannot be imported: {type(e).__name__}: {e}", 3)
    return huggingface_hub


def scan_report(hub, cache):
    report = hub.scan_cache_dir(cache)
    repos = []
    for r in sorted(report.repos, key=lambda r: r.repo_id):
        revisions = []
        for rev in sorted(r.revisions, key=lambda v: v.commit_hash):
            revisions.append({
                "commit": rev.commit_hash,
                "refs": sorted(rev.refs),
                "snapshot_path": str(rev.snapshot_path),
                "size_on_disk": rev.size_on_disk,
                "nb_files": rev.nb_files,
                "files": {str(f.file_path.relative_to(rev.snapshot_path)): f.size_on_disk for f in rev.files},
            })
        repos.append({"repo_id": r.repo_id, "repo_type": r.repo_type, "size_on_disk": r.size_on_disk,
                      "nb_files": r.nb_files, "refs": sorted(r.refs), "revisions": revisions})
    return {"size_on_disk": report.size_on_disk, "warnings": [str(w) for w in report.warnings], "repos": repos}


def snapshot_files(snapshot):
    out = {}
    for root, _dirs, names in os.walk(snapshot):
        for name in names:
            path = os.path.join(root, name)
            out[os.path.relpath(path, snapshot).replace(os.sep, "/")] = os.path.getsize(path)
    return dict(sorted(out.items()))


def read_offline(args):
    set_common_env(args.cache)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_ENDPOINT"] = "http://127.0.0.1:9"   # the discard port: nothing to reach even if offline broke
    hub = import_hub()
    repo = args.repo
    allow = args.allow or DEFAULT_ALLOW
    snapshot = hub.snapshot_download(repo, allow_patterns=allow, local_files_only=True)
    commit = os.path.basename(snapshot)
    unet_config = hub.hf_hub_download(repo, "unet/config.json", local_files_only=True)
    files = snapshot_files(snapshot)
    mismatches = []
    for rel in files:
        expected = os.path.join(snapshot, *rel.split("/"))
        by_ref = hub.hf_hub_download(repo, rel, local_files_only=True)
        by_commit = hub.hf_hub_download(repo, rel, revision=commit, local_files_only=True)
        cached = hub.try_to_load_from_cache(repo, rel)
        for how, got in (("revision main", by_ref), ("the commit", by_commit), ("try_to_load_from_cache", cached)):
            if got != expected:
                mismatches.append(f"{rel} by {how}: {got!r}, expected {expected!r}")
    print(json.dumps({"version": hub.__version__, "snapshot": snapshot, "commit": commit, "unet_config": unet_config,
                      "files": files, "mismatches": mismatches, "scan": scan_report(hub, args.cache)}))


def download(args):
    endpoint = urllib.parse.urlsplit(args.endpoint)
    if endpoint.scheme != "http" or endpoint.hostname != "127.0.0.1":
        fail(f"refusing endpoint {args.endpoint!r}: only http://127.0.0.1:<port> (the stand-in hub) is used", 2)
    set_common_env(args.cache)
    os.environ.pop("HF_HUB_OFFLINE", None)
    os.environ["HF_ENDPOINT"] = args.endpoint.rstrip("/")
    hub = import_hub()
    snapshot = hub.snapshot_download(args.repo, allow_patterns=args.allow or DEFAULT_ALLOW,
                                     resume_download=args.resume, max_workers=args.max_workers)
    print(json.dumps({"version": hub.__version__, "snapshot": snapshot, "files": sorted(snapshot_files(snapshot))}))


def check(_args):
    hub = import_hub()
    print(json.dumps({"version": hub.__version__, "file": hub.__file__}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check").set_defaults(run=check)
    p = sub.add_parser("read-offline")
    p.add_argument("cache")
    p.add_argument("repo")
    p.add_argument("--allow", action="append", help="an allow_patterns entry (repeatable)")
    p.set_defaults(run=read_offline)
    p = sub.add_parser("download")
    p.add_argument("endpoint")
    p.add_argument("cache")
    p.add_argument("repo")
    p.add_argument("--allow", action="append", help="an allow_patterns entry (repeatable)")
    p.add_argument("--resume", action="store_true", help="resume_download=True (resume blobs/<etag>.incomplete)")
    p.add_argument("--max-workers", type=int, default=8)
    p.set_defaults(run=download)
    args = parser.parse_args()
    try:
        args.run(args)
    except SystemExit:
        raise
    except Exception as e:
        print(json.dumps({"error": str(e), "type": type(e).__name__}))
        fail(f"{type(e).__name__}: {e}", 1)


if __name__ == "__main__":
    main()
