"""The review desk: where supervisors work the queue of flags in a browser.

One concern a module: `sessions` (signed cookies, CSRF tokens), `auth` (sign-in, who asks),
`oidc` (sign-in through an OpenID provider),
`scope` (who sees which flags, as an Elasticsearch filter), `queue` (filters and the order of
work), `store` (Elasticsearch reads and conditional writes), `verdicts` (to the reviews topic),
`rulestats` (precision and suggested thresholds), `pages` and `api` (the routes), `views`
(templates, headers), `wiring` (what the desk is given) and `app` (the application factory).
"""

from netra.desk.app import create_app
from netra.desk.wiring import Desk, desk_from_settings

__all__ = ["Desk", "create_app", "desk_from_settings"]
