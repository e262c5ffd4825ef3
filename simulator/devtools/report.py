"""The session report: traffic and audit findings as JSON and as one self-contained HTML page.

WeChat DevTools cannot save its Audits; this report can be attached to a bug or kept by CI.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from pathlib import Path
from typing import Any

from simulator.devtools.audit import DOC, summarize
from simulator.devtools.traffic import TrafficLog, format_bytes


def build_report(log: TrafficLog, project: str = "", device: str = "") -> dict:
    """Plain data: meta, finding counts, findings and every message (payload included)."""
    return {
        "tool": "wxsim",
        "generated": _dt.datetime.now().isoformat(timespec="seconds"),
        "project": project,
        "device": device,
        "summary": {**summarize(log.findings), "messages": len(log.rows),
                    "setData": sum(1 for r in log.rows if r.kind == "setData"),
                    "bytes": sum(int(r.record.get("bytes") or 0) for r in log.rows)},
        "findings": [f.to_dict() for f in log.findings],
        "traffic": [r.to_dict() for r in log.rows],
    }


def write_json(path: str | Path, report: dict) -> Path:
    out = Path(path)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=repr), encoding="utf-8")
    return out


_CSS = """
body{font:13px/1.45 -apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:24px;color:#1f2329;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 8px}
.meta{color:#646a73}.cards{display:flex;gap:12px;margin:16px 0}
.card{border:1px solid #dee0e3;border-radius:6px;padding:8px 14px;min-width:90px}
.card b{display:block;font-size:20px}.error b{color:#d83931}.warning b{color:#b26a00}.info b{color:#3370ff}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eff0f1;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f5f6f7;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.sev-error td{background:#fdecea}tr.sev-warning td{background:#fff6e5}
.sev{font-weight:600;text-transform:uppercase;font-size:11px}.sev.error{color:#d83931}.sev.warning{color:#b26a00}.sev.info{color:#3370ff}
code,pre{font:12px/1.4 "JetBrains Mono",Menlo,Consolas,monospace}pre{margin:0;white-space:pre-wrap;max-height:240px;overflow:auto}
details summary{cursor:pointer;color:#3370ff}input{margin:0 0 8px;padding:4px 8px;width:280px}
"""

_JS = """
document.getElementById('q').addEventListener('input',function(e){var q=e.target.value.toLowerCase();
document.querySelectorAll('#traffic tbody tr').forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':''})});
"""


def render_html(report: dict) -> str:
    """The report as one HTML page (inline CSS and a tiny filter script, no external files)."""
    e = html.escape
    s = report["summary"]
    cards = "".join(f'<div class="card {k}"><b>{s.get(k, 0)}</b>{label}</div>' for k, label in
                    (("error", "errors"), ("warning", "warnings"), ("info", "notes"),
                     ("messages", "messages"), ("setData", "setData calls")))
    finding_rows = "".join(
        f'<tr class="sev-{e(f["severity"])}"><td class="sev {e(f["severity"])}">{e(f["severity"])}</td>'
        f'<td><code>{e(f["rule"])}</code></td><td>{e(f["message"])}</td><td>{e(f.get("page") or "")}</td>'
        f'<td class="num">{"" if f.get("seq") is None else f["seq"]}</td><td class="num">{f.get("time", 0):.1f}</td></tr>'
        for f in report["findings"]) or '<tr><td colspan="6">No findings.</td></tr>'
    traffic_rows = "".join(_traffic_row(r) for r in report["traffic"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>wxsim report — {e(report.get("project") or "")}</title>
<style>{_CSS}</style></head><body>
<h1>wxsim session report</h1>
<div class="meta">{e(report.get("project") or "")} · {e(report.get("device") or "")} · {e(report["generated"])} ·
{e(format_bytes(int(s.get("bytes", 0))))} crossed the bridge</div>
<div class="cards">{cards}</div>
<h2>Audit findings</h2>
<table id="findings"><thead><tr><th>severity</th><th>rule</th><th>message</th><th>page</th><th>seq</th><th>time ms</th></tr></thead>
<tbody>{finding_rows}</tbody></table>
<p class="meta">Thresholds follow WeChat's Audits rules: <a href="{e(DOC)}">{e(DOC)}</a></p>
<h2>Bridge traffic</h2>
<input id="q" placeholder="filter rows…">
<table id="traffic"><thead><tr><th>seq</th><th>time ms</th><th>direction</th><th>kind</th><th>target</th>
<th>bytes</th><th>changed paths</th><th>applied ms</th><th>payload</th></tr></thead>
<tbody>{traffic_rows}</tbody></table>
<script>{_JS}</script>
</body></html>
"""


def _traffic_row(r: dict) -> str:
    e = html.escape
    cls = ' class="sev-warning"' if r.get("findings") else ""
    paths = ", ".join(r.get("changedPaths", r.get("paths") or []))
    applied = r.get("applied_ms")
    payload = json.dumps(r.get("payload"), ensure_ascii=False, indent=1, default=repr)
    if len(payload) > 4000:
        payload = payload[:4000] + f"\n… ({len(payload) - 4000:,} more characters in the JSON export)"
    return (f'<tr{cls}><td class="num">{r["seq"]}</td><td class="num">{r.get("time", 0):.1f}</td>'
            f'<td>{e(r.get("direction", ""))}</td><td>{e(str(r.get("kind", "")))}</td>'
            f'<td>{e(r.get("targetLabel") or "")}</td><td class="num">{e(format_bytes(int(r.get("bytes") or 0)))}</td>'
            f'<td><code>{e(paths)}</code></td><td class="num">{"" if applied is None else f"{applied:.1f}"}</td>'
            f'<td><details><summary>{e(_preview(r.get("payload")))}</summary><pre>{e(payload)}</pre></details></td></tr>')


def _preview(payload: Any) -> str:
    text = json.dumps(payload, ensure_ascii=False, default=repr)
    return text if len(text) <= 60 else text[:57] + "…"


def write_html(path: str | Path, report: dict) -> Path:
    out = Path(path)
    out.write_text(render_html(report), encoding="utf-8")
    return out


def export_session(log: TrafficLog, path: str | Path, project: str = "", device: str = "") -> Path:
    """Write the report as HTML (`.html`/`.htm`) or JSON (anything else) depending on the suffix."""
    report = build_report(log, project, device)
    p = Path(path)
    return write_html(p, report) if p.suffix.lower() in (".html", ".htm") else write_json(p, report)
