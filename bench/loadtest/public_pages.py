"""What anyone may read without signing in, as the load test (locustfile.py, which
Locust runs with this folder on its path) and ``nghiquyet bench mix`` ask for it.

``{document}`` is a public document's id. Pages added to the public portal go here, and
nowhere else.
"""

PUBLIC_PAGES = [
    ("public: home", "/"),
    ("public: documents", "/documents/"),
    ("public: document", "/documents/{document}/"),
    ("public: resolutions", "/targets/"),
    ("public API: documents", "/api/documents/"),
    ("public API: targets", "/api/targets/targets?limit=100"),
    ("portal: home", "/public/"),
    ("portal: progress", "/public/progress/"),
    ("portal: news", "/public/news/"),
    ("portal: news feed", "/public/news/rss/"),
]
