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

        self.stdout.write(f"Serving Qorgau on http://{host}:{port}/ (Ctrl+C to stop)")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="qorgau")
