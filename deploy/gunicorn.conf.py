"""gunicorn settings of the production web server (deploy/nghiquyet.service).

Read by ``gunicorn -c deploy/gunicorn.conf.py nghiquyet.wsgi``. Every value can be
changed from the environment file without editing this one, so that an upgrade
(``git pull``) never conflicts with a province's own tuning.
"""

import multiprocessing
import os

# Under systemd the socket unit (nghiquyet.socket) hands gunicorn its listening socket
# and this address is not used; started by hand, gunicorn listens here.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Pages spend most of their time in Python, so one process per core plus one (to keep
# a core busy while another process waits on the database) serves the most requests;
# more processes only queue for the same cores and hold more memory.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))

# nginx buffers slow clients' requests and answers, so a worker is held only while
# Django works, never while a phone on a weak link uploads. Synchronous processes by
# default: under `make loadtest` on two cores, threads (gthread) cost more CPU per
# request than they won back from requests waiting on PostgreSQL on the same machine.
# With the database on another machine, GUNICORN_THREADS=2..4 lets a process run
# another request while one waits on the network.
threads = int(os.environ.get("GUNICORN_THREADS", 1))
worker_class = "gthread" if threads > 1 else "sync"

# Import the application once in the parent: the URLconf, both catalogues and the
# libraries behind them are loaded and frozen before forking (nghiquyet.wsgi), and the
# workers share those pages of memory instead of each loading its own copy.
preload_app = True

# The longest request is a large Excel import or a PDF report generated on the spot;
# nginx waits as long (proxy_read_timeout in deploy/nginx/nghiquyet.conf).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
keepalive = 5

# A worker is replaced after this many requests (at a random point around it, so that
# they are not all replaced at once): memory that a large import or report took is
# given back to the system.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10

# nginx on the same machine sets X-Forwarded-Proto; no other peer is believed.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs go to standard error, which systemd's journal keeps (journalctl -u nghiquyet).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# systemctl reload is how the server is managed; gunicorn's own control socket would
# otherwise be made in the service user's home folder, which the unit keeps read-only.
control_socket_disable = True
