# ITU Tracker: the web app under gunicorn (and, with another command, the task worker).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    ITU_TRACKER_VAR_DIR=/var/lib/itu-tracker DJANGO_MEDIA_ROOT=/var/lib/itu-tracker/uploads \
    DJANGO_STATIC_ROOT=/app/staticfiles

RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --uid 10001 tracker

WORKDIR /app
COPY pyproject.toml README.md ./
COPY itu_tracker itu_tracker
COPY resolutions resolutions
COPY contributions contributions
COPY meetings meetings
RUN pip install .
COPY . .
# collectstatic needs a key to import settings; this one is thrown away with the build layer.
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --no-input \
 && mkdir -p /var/lib/itu-tracker/uploads && chown -R tracker /var/lib/itu-tracker

USER tracker
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/').status != 200)"
CMD ["sh", "-c", "python manage.py migrate --no-input && gunicorn itu_tracker.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
