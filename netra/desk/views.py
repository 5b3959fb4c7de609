"""Rendering the desk's pages: Jinja2 templates with autoescape, and the security headers.

Every value from a post, a note or a name is escaped by the template engine; the only markup
that is passed through is the evidence highlighting, which escapes the text itself
(netra.case.highlight).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from netra.desk.sessions import CSRF_FIELD

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
STATIC_DIR = Path(__file__).parent / "static"
# No inline script, no third-party origin: injected markup could not run even if it got in.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("now", datetime.now(UTC))
    context.setdefault("csrf_field", CSRF_FIELD)
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)
