from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Serve the web application on loopback by default: one process (waitress), or with --workers N several "
            "worker processes (gunicorn) that share the database, the sessions and the rate limiter's counters.")

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--threads", type=int, default=8, help="threads per process")
        parser.add_argument("--workers", type=int, default=1,
                            help="worker processes (more than 1: gunicorn; about one per core)")
        parser.add_argument("--server", choices=["auto", "waitress", "gunicorn", "granian"], default="auto",
                            help="HTTP server: auto = waitress for one process, gunicorn for several; granian "
                                 "(pip install granian) answers with less CPU per request")

    def handle(self, *args, port=8000, host="127.0.0.1", threads=8, workers=1, server="auto", **options):
        if not 1 <= workers <= 64 or not 1 <= threads <= 256:
            raise CommandError("Use 1–64 workers and 1–256 threads.")
        from qorgau.keys.emergency import unlock_at_start

        message = unlock_at_start()  # a panic lock is lifted when the master key comes from outside
        if message:
            self.stdout.write(message)
        self.stdout.write(f"Serving Qorgau on http://{host}:{port}/ with {workers} process(es) of {threads} "
                          "thread(s) (Ctrl+C to stop)")
        self.stdout.flush()
        if server == "granian":
            return self.serve_granian(host, port, threads, workers)
        if server == "gunicorn" or (server == "auto" and workers > 1):
            return self.serve_gunicorn(host, port, threads, workers)
        if workers > 1:
            raise CommandError("waitress runs one process: use --server gunicorn or granian for several workers.")
        from waitress import serve

        from qorgau.wsgi import application

        options = {}
        if settings.QORGAU_TRUSTED_PROXIES:
            # Waitress drops X-Forwarded-For from peers it does not trust; behind our proxy it sets the
            # client's address from it instead.
            options = {"trusted_proxy": settings.QORGAU_TRUSTED_PROXY_ADDRESS,
                       "trusted_proxy_count": settings.QORGAU_TRUSTED_PROXIES,
                       "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
                       "clear_untrusted_proxy_headers": True}
        serve(application, host=host, port=port, threads=threads, ident="qorgau", **options)

    def serve_gunicorn(self, host, port, threads, workers):
        try:
            from gunicorn.app.base import BaseApplication
        except ImportError:
            raise CommandError("Several workers need gunicorn (pip install gunicorn; not on Windows).") from None

        class Server(BaseApplication):
            def load_config(self):
                config = {
                    "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                    "workers": workers, "threads": threads, "worker_class": "gthread",
                    # Each worker imports the application itself: no database connection crosses a fork.
                    "preload_app": False,
                    "forwarded_allow_ips": settings.QORGAU_TRUSTED_PROXY_ADDRESS,
                    "proc_name": "qorgau", "accesslog": None, "keepalive": 5, "timeout": 60,
                    "graceful_timeout": 20, "max_requests": 20000, "max_requests_jitter": 2000,
                }
                for key, value in config.items():
                    self.cfg.set(key, value)

            def load(self):
                from qorgau.wsgi import application

                return application

        Server().run()

    def serve_granian(self, host, port, threads, workers):
        """Granian: HTTP in Rust, the WSGI application on `threads` blocking threads in each of `workers` processes."""
        try:
            from granian import Granian
            from granian.constants import Interfaces
        except ImportError:
            raise CommandError("--server granian needs granian (pip install granian).") from None
        # Like gunicorn's workers, each process imports the application itself (no connection crosses a fork).
        # X-Forwarded-For / -Proto are read by Qorgau itself, from QORGAU_TRUSTED_PROXY_ADDRESS only.
        Granian("qorgau.wsgi:application", address=host, port=port, interface=Interfaces.WSGI, workers=workers,
                blocking_threads=threads, log_access=False).serve()
