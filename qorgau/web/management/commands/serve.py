from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the web application (waitress; loopback by default)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, port=8000, host="127.0.0.1", threads=8, **options):
        from waitress import serve

        from qorgau.wsgi import application

        from django.conf import settings

        from qorgau.keys.emergency import unlock_at_start

        message = unlock_at_start()
        if message:
            self.stdout.write(message)

        options = {}
        if settings.QORGAU_TRUSTED_PROXIES:
            # Waitress drops X-Forwarded-For from peers it does not trust; behind our proxy it sets the
            # client's address from it instead.
            options = {"trusted_proxy": settings.QORGAU_TRUSTED_PROXY_ADDRESS,
                       "trusted_proxy_count": settings.QORGAU_TRUSTED_PROXIES,
                       "trusted_proxy_headers": {"x-forwarded-for"}, "clear_untrusted_proxy_headers": True}
        self.stdout.write(f"Serving Qorgau on http://{host}:{port}/ (Ctrl+C to stop)")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="qorgau", **options)
