"""The store's tables, by schema version, and the migrations between versions.

A store records its version in ``schema_version`` (one row per migration
applied). Opening a store of an older version applies the missing migrations,
each in its own transaction, after copying the file aside; a store of a newer
version is refused. Data is never dropped by a migration.

Version 1: the articles and what the engine found in each (one row per entity,
mention, quotation, event, participant, credited source, time expression).
Version 2: the collection layer — actor registry, alias file, blocks, collection
events and their links; derived from version-1 rows, so migrating computes it.

Columns ``speaker_ref`` (quotes) and ``entity_ref`` (event participants) hold
the entity used to resolve the speaker or participant: the one the record
gives, else the article's only entity of that name. Some derived columns repeat
what a join would give (``quotes.speaker_actor_id``, ``quotes.published``, the
report fields of ``collection_event_links``, the counts of ``actors``) so that
queries on large collections read one table; they are rewritten with the rows
they derive from.
"""

from __future__ import annotations

V1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL,
                             description VARCHAR);
CREATE TABLE articles (
    article_id VARCHAR NOT NULL, title VARCHAR, url VARCHAR, source VARCHAR, outlet VARCHAR,
    published DATE, language VARCHAR, text VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
    text_hash VARCHAR NOT NULL, origin VARCHAR, engine_version VARCHAR,
    ingested_at TIMESTAMP NOT NULL, sentences JSON, paragraphs JSON);
CREATE TABLE entities (
    article_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
    type VARCHAR, roles VARCHAR[], aliases VARCHAR[]);
CREATE TABLE mentions (
    article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text VARCHAR, label VARCHAR, entity_id VARCHAR);
CREATE TABLE quotes (
    article_id VARCHAR NOT NULL, quote_id VARCHAR NOT NULL, text VARCHAR,
    start_char INTEGER, end_char INTEGER, kind VARCHAR, speaker_entity VARCHAR,
    speaker_name VARCHAR, speaker_ref VARCHAR, speaker_key VARCHAR, cue VARCHAR, speaker_named BOOLEAN,
    speaker_start INTEGER, speaker_end INTEGER, speaker_text VARCHAR,
    cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR);
CREATE TABLE events (
    article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
    date VARCHAR, location VARCHAR, modality VARCHAR,
    evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR, attributes JSON);
CREATE TABLE event_participants (
    article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
    position INTEGER NOT NULL, entity_id VARCHAR, entity_ref VARCHAR, name VARCHAR);
CREATE TABLE event_sources (
    article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, name VARCHAR, entity_id VARCHAR,
    quote_id VARCHAR);
CREATE TABLE timexes (
    article_id VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text VARCHAR, type VARCHAR, value VARCHAR);
"""

V2 = """
ALTER TABLE entities ADD COLUMN actor_id VARCHAR;
ALTER TABLE entities ADD COLUMN person_key VARCHAR;
ALTER TABLE events ADD COLUMN date_lo DATE;
ALTER TABLE events ADD COLUMN date_hi DATE;
ALTER TABLE events ADD COLUMN group_key VARCHAR;
ALTER TABLE quotes ADD COLUMN speaker_actor_id VARCHAR;
ALTER TABLE quotes ADD COLUMN published DATE;
CREATE TABLE meta (key VARCHAR NOT NULL, value VARCHAR);
CREATE TABLE alias_entries (position INTEGER NOT NULL, canonical VARCHAR NOT NULL,
                            aliases VARCHAR[], type VARCHAR, country VARCHAR);
CREATE TABLE entity_blocks (article_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL,
                            block VARCHAR NOT NULL);
CREATE TABLE registry_ambiguous (block VARCHAR NOT NULL, node_key VARCHAR NOT NULL);
CREATE TABLE actors (actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL, type VARCHAR,
                     country VARCHAR, origin VARCHAR, explanation JSON,
                     n_articles INTEGER DEFAULT 0, first_seen DATE, last_seen DATE);
CREATE TABLE actor_aliases (actor_id VARCHAR NOT NULL, alias VARCHAR NOT NULL,
                            alias_key VARCHAR NOT NULL);
CREATE TABLE collection_events (
    cevent_id VARCHAR NOT NULL, group_key VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
    modality VARCHAR, date VARCHAR, date_lo DATE, date_hi DATE, precision VARCHAR,
    location VARCHAR, first_published DATE, first_article_id VARCHAR, n_articles INTEGER,
    n_sources INTEGER, n_independent INTEGER, explanation JSON);
CREATE TABLE collection_event_links (
    cevent_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
    reason VARCHAR, published DATE, outlet VARCHAR, url VARCHAR, title VARCHAR, date VARCHAR,
    mode VARCHAR, location VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    evidence_text VARCHAR, attributed_to VARCHAR);
CREATE TABLE collection_event_actors (cevent_id VARCHAR NOT NULL, actor_key VARCHAR NOT NULL,
                                      actor_id VARCHAR, name VARCHAR, role VARCHAR);
CREATE VIEW actor_roles AS
    SELECT actor_id, role, min(published) AS first_seen, max(published) AS last_seen,
           count(DISTINCT article_id) AS n_articles
    FROM (SELECT en.actor_id, en.article_id, a.published, unnest(en.roles) AS role
          FROM entities en JOIN articles a USING (article_id)
          WHERE en.actor_id IS NOT NULL)
    GROUP BY actor_id, role;
"""

# (version, description, SQL, whether the derived tables must be rebuilt after it)
MIGRATIONS: tuple[tuple[int, str, str, bool], ...] = (
    (1, "articles, entities, mentions, quotes, events, sources, timexes", V1, False),
    (2, "actor registry, alias file, collection events", V2, True),
)
LATEST = MIGRATIONS[-1][0]

# Every table, in export order (the view actor_roles is exported too).
TABLES = ("articles", "entities", "mentions", "quotes", "events", "event_participants",
          "event_sources", "timexes", "actors", "actor_aliases", "actor_roles",
          "alias_entries", "collection_events", "collection_event_links",
          "collection_event_actors")
# Tables whose rows belong to one article (deleted when it is replaced).
ARTICLE_TABLES = ("articles", "entities", "mentions", "quotes", "events", "event_participants",
                  "event_sources", "timexes", "entity_blocks")


def statements(sql: str) -> list[str]:
    """The statements of a migration script (no semicolons inside our literals)."""
    return [s.strip() for s in sql.split(";") if s.strip()]
