"""Where a document came from: the fields of a record, an OCDS release or an upload that say so.

A corpus record names its notice's address in ``url`` (or a portal's own key for it), the record's
id, where the record was taken from (``source``) and sometimes when it was fetched; an OCDS release
has its ``ocid`` and release ``id``, and a notice document (``documentType`` ``tenderNotice``,
``awardNotice`` ...) with the address of the published notice; an upload has the file name the
analyst gave it. Every one is kept on :class:`~tendertrace.model.Provenance`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..model import Provenance

# Keys a record or a portal listing entry names its notice's address with (the corpus's records
# use ``url``; ccgp-style listings ``url``, jianyu-style exports ``href`` or ``link``).
URL_KEYS = ("url", "href", "link", "detail_url", "detailUrl", "sourceUrl", "source_url", "noticeUrl")
# Keys a crawler writes the fetch time under.
FETCHED_KEYS = ("fetched_at", "fetchedAt", "fetched", "crawled_at", "crawledAt", "crawl_time", "retrieved_at")
# A listing record's content is parsed for an address only while it is this short: a listing entry
# is a few hundred characters; a long content is a notice body, whose links are not its own address.
MAX_LISTING_CHARS = 20_000
MAX_FIELD_CHARS = 2_000  # a URL or id longer than this is not one


def _text(value: Any) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool):
        text = str(value).strip()
        return text[:MAX_FIELD_CHARS] if text else None
    return None


def _web_address(value: Any) -> str | None:
    text = _text(value)
    return text if text and text.lower().startswith(("http://", "https://")) else None


def _first(obj: Mapping[str, Any], keys: tuple[str, ...], web: bool = False) -> str | None:
    for key in keys:
        value = _web_address(obj.get(key)) if web else _text(obj.get(key))
        if value:
            return value
    return None


def record_provenance(record: Mapping[str, Any], path: str | None, record_id: str | None) -> Provenance:
    """A corpus or uploaded record's origin: its URL (the record's own, else the one its listing
    content names), its id, where it was taken from and when it was fetched."""
    url = _first(record, URL_KEYS, web=True)
    origin = _text(record.get("source"))
    if url is None and origin and _web_address(origin):
        url = origin  # an uploaded record whose source is the notice's address
    content = record.get("content")
    if url is None and isinstance(content, str) and len(content) <= MAX_LISTING_CHARS and content.lstrip().startswith("{"):
        try:
            listing = json.loads(content)
        except ValueError:
            listing = None
        if isinstance(listing, dict):
            url = _first(listing, URL_KEYS, web=True)
    return Provenance(url=url, record_id=record_id, path=path, origin=origin, fetched_at=_first(record, FETCHED_KEYS))


def _notice_url(release: Mapping[str, Any]) -> str | None:
    """The address of the release's published notice: a ``*Notice`` document of its tender, awards
    or contracts."""
    stages: list[Any] = [release.get("tender")]
    for key in ("awards", "contracts"):
        value = release.get(key)
        if isinstance(value, list):
            stages.extend(value)
    for stage in stages:
        documents = stage.get("documents") if isinstance(stage, dict) else None
        for doc in documents if isinstance(documents, list) else []:
            if isinstance(doc, dict) and str(doc.get("documentType") or "").endswith("Notice"):
                url = _web_address(doc.get("url"))
                if url:
                    return url
    return None


def ocds_provenance(release: Mapping[str, Any], package: Mapping[str, Any] | None, path: str | None,
                    record_id: str | None) -> Provenance:
    """An OCDS release's origin: ocid, release id, its notice's URL, else the package's ``uri``."""
    url = _notice_url(release) or (_web_address(package.get("uri")) if package else None)
    published = _text(package.get("publishedDate")) if package else None
    return Provenance(url=url, record_id=record_id, ocid=_text(release.get("ocid")), release_id=_text(release.get("id")),
                      path=path, origin=_text(package.get("publisher", {}).get("name"))
                      if package and isinstance(package.get("publisher"), dict) else None,
                      fetched_at=published)


def complete(provenance: Provenance, path: str | None, upload_name: str | None = None,
             fetched_at: str | None = None) -> Provenance:
    """What the input itself knows, added where the content said nothing: the file read (its
    address, when it was read from the web), the name it was uploaded under and when."""
    provenance.path = provenance.path or path
    if not provenance.url and path and path.startswith(("http://", "https://")):
        provenance.url = path.split("#", 1)[0]  # read from the web: the address is where it was read
    provenance.upload_name = provenance.upload_name or upload_name
    provenance.fetched_at = provenance.fetched_at or fetched_at
    return provenance
