"""Reports from the public: a form and a JSON API that turn a report into an event Netra
judges like any post.

`create_intake_router(settings)` (netra.intake.router) gives the FastAPI router the desk
mounts. A report is checked whole before anything is kept (proof of work, rate, sizes, the
image by its bytes), its image kept as evidence by SHA-256, its reporter sealed on a topic of
its own, and the event published on the posts topic with `report` set; the reporter gets a
ticket whose status (received, judged, under review, closed) is all they can look up.
"""
