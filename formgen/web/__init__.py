"""What formgen serves over HTTP: the public certificate check the QR code points to.

``app.create_app`` builds the FastAPI application on an open register;
``verify`` holds the public routes (``/verify/{number}`` for people,
``/api/v1/certificates/{number}`` for machines), which read the same public
record as ``formgen register show --json``. Pages are server-rendered Jinja2
templates shipped inside the package, with their stylesheet, so the service
works offline and from a plain ``pip install``.
"""
