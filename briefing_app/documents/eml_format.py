"""E-mail messages (.eml, RFC 5322) by the standard library's `email` package.

The subject is the title, the Date header the date, the sender the source (issuer). The body
is the plain-text part when there is one, else the HTML part read as a web page (the article
only). Attachments are not imported in this version: each is named in a warning, so the user
can save and import the ones Briefing reads.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from dataclasses import replace
from email.message import EmailMessage

from briefing_app.documents.dates import metadata_date
from briefing_app.documents.decoding import NotTextError, decode_bytes, normalise_text
from briefing_app.documents.errors import FormatError
from briefing_app.documents.metadata import real_title
from briefing_app.documents.model import DocumentKind
from briefing_app.documents.parsing import ParsedText, trim_title
from briefing_app.documents.txt_format import parse_txt

MAX_ATTACHMENTS_LISTED = 20


def parse_eml(raw: bytes) -> ParsedText:
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as error:
        raise FormatError("damaged e-mail message") from error
    if not isinstance(message, EmailMessage) or not (message.keys() or message.get_payload()):
        raise FormatError("not an e-mail message")
    if not any(key.lower() in ("from", "subject", "date", "to") for key in message):
        raise FormatError("not an e-mail message (no From, To, Subject or Date)")

    warnings: list[str] = []
    try:
        parsed = _body(message)
    except FormatError:
        raise
    except Exception as error:  # a broken MIME structure or encoding
        raise FormatError("damaged e-mail message") from error

    subject = real_title(_header(message, "subject"))
    title = subject or parsed.title
    date = None
    date_header = _header(message, "date")
    if date_header:
        try:
            date = metadata_date(email.utils.parsedate_to_datetime(date_header))
        except (TypeError, ValueError):
            warnings.append(f"unreadable Date header: {date_header[:40]}")
    sender = _sender(_header(message, "from"))

    names = [_attachment_name(part) for part in message.iter_attachments()]
    for name in names[:MAX_ATTACHMENTS_LISTED]:
        warnings.append(f"attachment not imported: {name}")
    if len(names) > MAX_ATTACHMENTS_LISTED:
        warnings.append(f"and {len(names) - MAX_ATTACHMENTS_LISTED} more attachments")
    return ParsedText(
        title=trim_title(title, limit=300),
        date=date,
        kind=DocumentKind.EMAIL,
        text=parsed.text,
        markdown=parsed.markdown,
        sections=parsed.sections,
        source=sender,
        warnings=tuple(warnings) + parsed.warnings,
    )


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a malformed header the policy cannot parse
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def _sender(value: str) -> str | None:
    if not value:
        return None
    name, address = email.utils.parseaddr(value)
    if name and address:
        return f"{name} <{address}>"
    return name or address or value


def _attachment_name(part: EmailMessage) -> str:
    name = part.get_filename()
    return name if name else f"(unnamed {part.get_content_type()})"


def _body(message: EmailMessage) -> ParsedText:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ParsedText("", None, DocumentKind.EMAIL, "", "", ())
    if part.get_content_type() == "text/html":
        from briefing_app.documents.html_format import parse_html

        payload = part.get_payload(decode=True)
        page = parse_html(payload if isinstance(payload, bytes) else b"")
        # The message's own headers give the date; the page's missing one is no news.
        return replace(page, warnings=())
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or wrong charset
        payload = part.get_payload(decode=True)
        try:
            content = decode_bytes(payload if isinstance(payload, bytes) else b"").text
        except NotTextError as error:
            raise FormatError("e-mail body is not text") from error
    return parse_txt(normalise_text(str(content)))
