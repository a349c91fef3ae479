"""Build small input archives of every kind on the fly."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

from batch_texts import REPORTS, html_page, split_title


def write_tree(root: Path) -> Path:
    """A fan-site folder: plain text, Markdown, HTML and a Latin-1 file."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "2019").mkdir()
    (root / "2020").mkdir()
    (root / "2019" / "sachsenring.txt").write_text(REPORTS[0], encoding="utf-8")
    title, body = split_title(REPORTS[1])
    (root / "2019" / "lausitz.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    title, body = split_title(REPORTS[2])
    (root / "2020" / "nordschleife.html").write_text(html_page(title, body), encoding="utf-8")
    # Old archives: Windows-1252 with German umlauts and typographic quotes.
    (root / "2020" / "hockenheim.txt").write_bytes(REPORTS[3].encode("cp1252"))
    (root / "2020" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return root


def jsonl_records() -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for i, report in enumerate(REPORTS):
        title, body = split_title(report)
        record: dict[str, object] = {
            "id": f"art-{i}",
            "title": title,
            "published": f"2021-0{i + 1}-1{i}",
        }
        if i % 2:
            record["html"] = html_page(title, body)
        else:
            record["text"] = body
        records.append(record)
    return records


def write_jsonl(path: Path, records: list[dict[str, object]] | None = None) -> Path:
    records = jsonl_records() if records is None else records
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def write_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("berichte/sachsenring.txt", REPORTS[0])
        archive.writestr("berichte/oschersleben.txt", REPORTS[4].encode("latin-1", "replace"))
        title, body = split_title(REPORTS[2])
        archive.writestr("berichte/nordschleife.htm", html_page(title, body))
        archive.writestr(
            "export.jsonl", json.dumps({"id": "zip-json-1", "text": REPORTS[1]}) + "\n"
        )
        archive.writestr("bilder/ziel.jpg", b"\xff\xd8\xff" + bytes(32))
    return path


def write_tar(path: Path) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, text in (("a/hockenheim.txt", REPORTS[3]), ("a/lausitz.md", REPORTS[1])):
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def write_warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        pages = [
            (
                "https://fanseite.example/2021/sachsenring",
                REPORTS[0],
                "200 OK",
                "text/html; charset=utf-8",
            ),
            (
                "https://fanseite.example/2021/oschersleben",
                REPORTS[4],
                "200 OK",
                "text/html; charset=utf-8",
            ),
            ("https://fanseite.example/fehlt", "Nicht gefunden", "404 Not Found", "text/html"),
            ("https://fanseite.example/style.css", "body { color: red }", "200 OK", "text/css"),
        ]
        for url, report, status, ctype in pages:
            title, body = split_title(report)
            payload = (
                html_page(title, body).encode("utf-8")
                if ctype.startswith("text/html") and status.startswith("200")
                else report.encode()
            )
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
    return path
