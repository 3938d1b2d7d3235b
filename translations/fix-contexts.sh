#!/bin/sh
# lupdate's C++ parser does not follow `namespace i2v::ui {`: it files every message under the bare
# class name (MainWindow) and marks the translations kept under the qualified name tr() looks up
# (i2v::ui::MainWindow) as vanished. This moves the messages back under i2v::ui::<Class>, keeps each
# source text's existing translation, and drops entries whose source text is gone.
# Run after `cmake --build <dir> --target update_translations`.
cd "$(dirname "$0")" || exit 1
exec python3 - i2v-studio_*.ts <<'PY'
import sys
import xml.etree.ElementTree as ET

GONE = ("vanished", "obsolete")
for path in sys.argv[1:]:
    tree = ET.parse(path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    kept = {}  # (qualified context, source) -> translation text
    for name, ctx in contexts.items():
        if "::" in name:
            for m in ctx.findall("message"):
                t = m.find("translation")
                if t is not None and t.text and t.get("type") != "unfinished":
                    kept[(name, m.findtext("source"))] = t.text
    for name, ctx in list(contexts.items()):
        if "::" in name:
            continue
        qualified = "i2v::ui::" + name
        target = contexts.get(qualified)
        if target is None:
            ctx.find("name").text = qualified
            contexts[qualified] = ctx
            target = ctx
        for m in ctx.findall("message"):
            t = m.find("translation")
            old = kept.get((qualified, m.findtext("source")))
            if old and t is not None and (not t.text or t.get("type") == "unfinished"):
                t.text = old
                t.attrib.pop("type", None)
            if target is not ctx:
                ctx.remove(m)
                target.append(m)
        if target is not ctx:
            root.remove(ctx)
    for ctx in root.findall("context"):
        for m in ctx.findall("message"):
            t = m.find("translation")
            if t is not None and t.get("type") in GONE:
                ctx.remove(m)
        if not ctx.findall("message"):
            root.remove(ctx)
    # Qt Linguist's layout: contexts at the margin, sorted by name.
    ordered = sorted(root.findall("context"), key=lambda c: c.findtext("name"))
    for ctx in root.findall("context"):
        root.remove(ctx)
    root.text = "\n"
    for ctx in ordered:
        ET.indent(ctx, space="    ")
        ctx.tail = "\n"
        root.append(ctx)
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="unicode")
        out.write("\n")
PY
