"""PostgreSQL full-text search columns: kept up to date by triggers, indexed with GIN.

Every write path (the ORM, bulk inserts, the importer, raw SQL) goes through the trigger, so the
stored vector never lags behind the text. Each row is indexed with the text search
configuration of its own language; the search (contributions.search) asks one configuration per
language, which lets PostgreSQL use the GIN index. On other databases these operations do
nothing: the column stays NULL and the search falls back to icontains.
"""

from django.db import migrations

CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}
FALLBACK = "simple"

_CONFIG_FUNCTION = """
CREATE OR REPLACE FUNCTION itu_search_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE lang {whens} ELSE '{fallback}' END)::regconfig
$$;
""".format(
    whens=" ".join(f"WHEN '{code}' THEN '{name}'" for code, name in CONFIGS.items()),
    fallback=FALLBACK,
)


def _forward(table: str, language: str, fields: tuple[str, ...]) -> list[str]:
    document = " || ' ' || ".join(f"coalesce(NEW.{field}, '')" for field in fields)
    return [
        _CONFIG_FUNCTION,
        f"""
        CREATE OR REPLACE FUNCTION {table}_search_vector() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          NEW.search_vector := to_tsvector(itu_search_config({language}), {document});
          RETURN NEW;
        END $$;
        """,
        f"""
        CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {table}_search_vector();
        """,
        f"UPDATE {table} SET id = id",  # fills the column for the rows already there
        f"CREATE INDEX {table}_search_gin ON {table} USING gin (search_vector)",
    ]


def _backward(table: str) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {table}_search_gin",
        f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table}",
        f"DROP FUNCTION IF EXISTS {table}_search_vector()",
    ]


def search_trigger(table: str, *, language: str, fields: tuple[str, ...]) -> migrations.RunPython:
    """A migration operation installing the trigger and index on PostgreSQL only.

    `language` is an SQL expression over NEW giving the row's language code.
    """

    def run(statements):
        def apply(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement)

        return apply

    return migrations.RunPython(
        run(_forward(table, language, fields)), run(_backward(table)), elidable=False
    )
