-- quotedb schema, version 1.
--
-- Each record type has a table whose columns are what lists filter and
-- order by and what the database itself can check; doc holds the record as
-- the store's JSON, byte for byte as written, so that a record read back
-- equals the one stored (timestamps to the nanosecond included).
--
-- Partial dates (a year, a month or a day) are stored as the daterange of
-- the days they denote with their precision beside (0 unknown, 1 year,
-- 2 month, 3 day); an unknown date is NULL. Sort keys (sk, name_sk) are the
-- bytes the store's cursors carry: a 4-byte date key and the 16-byte id,
-- or 32 bytes of folded name and the id.
--
-- Ids are UUIDv7 and unique across types. No sequences, triggers or
-- cross-table functions: every write is plain row DML, so that a
-- distributed PostgreSQL can run it.

CREATE TABLE organisations (
    id        uuid PRIMARY KEY,
    name_key  text COLLATE "C" NOT NULL UNIQUE CHECK (name_key <> ''),
    short_key text COLLATE "C" UNIQUE CHECK (short_key <> ''),
    kind      text NOT NULL CHECK (kind IN ('PARTY', 'MEDIA', 'GOVERNMENT', 'NGO', 'THINK_TANK', 'OTHER')),
    qid       text CHECK (qid ~ '^Q[0-9]+$'),
    name_sk   bytea NOT NULL UNIQUE CHECK (length(name_sk) = 48),
    doc       json NOT NULL
);
CREATE INDEX organisations_kind ON organisations (kind, id);
CREATE INDEX organisations_qid ON organisations (qid) WHERE qid IS NOT NULL;

CREATE TABLE organisation_names (
    key text COLLATE "C" NOT NULL,
    id  uuid NOT NULL REFERENCES organisations ON DELETE CASCADE,
    PRIMARY KEY (key, id)
);
CREATE INDEX organisation_names_id ON organisation_names (id);

CREATE TABLE speakers (
    id       uuid PRIMARY KEY,
    name_key text COLLATE "C" NOT NULL UNIQUE CHECK (name_key <> ''),
    qid      text CHECK (qid ~ '^Q[0-9]+$'),
    name_sk  bytea NOT NULL UNIQUE CHECK (length(name_sk) = 48),
    doc      json NOT NULL
);
CREATE INDEX speakers_qid ON speakers (qid) WHERE qid IS NOT NULL;

CREATE TABLE speaker_names (
    key text COLLATE "C" NOT NULL,
    id  uuid NOT NULL REFERENCES speakers ON DELETE CASCADE,
    PRIMARY KEY (key, id)
);
CREATE INDEX speaker_names_id ON speaker_names (id);

CREATE TABLE topics (
    id        uuid PRIMARY KEY,
    slug      text COLLATE "C" NOT NULL UNIQUE CHECK (slug <> ''),
    parent_id uuid REFERENCES topics CHECK (parent_id <> id),
    doc       json NOT NULL
);
CREATE INDEX topics_parent ON topics (parent_id, id);

CREATE TABLE topic_names (
    key text COLLATE "C" NOT NULL,
    id  uuid NOT NULL REFERENCES topics ON DELETE CASCADE,
    PRIMARY KEY (key, id)
);
CREATE INDEX topic_names_id ON topic_names (id);

CREATE TABLE sources (
    id                  uuid PRIMARY KEY,
    publisher_id        uuid REFERENCES organisations,
    published           daterange CHECK (NOT isempty(published)),
    published_precision smallint NOT NULL CHECK (published_precision BETWEEN 0 AND 3),
    sk                  bytea NOT NULL UNIQUE CHECK (length(sk) = 20),
    content_hash        text UNIQUE CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    title_folded        text NOT NULL,
    doc                 json NOT NULL,
    CHECK ((published IS NULL) = (published_precision = 0))
);
CREATE INDEX sources_publisher ON sources (publisher_id, sk);
CREATE INDEX sources_published ON sources USING gist (published);

-- "Member at the time said": an affiliation holds over period, the days
-- from its start's first day to its end's last, open where unknown.
CREATE TABLE affiliations (
    id              uuid PRIMARY KEY,
    speaker_id      uuid NOT NULL REFERENCES speakers,
    organisation_id uuid NOT NULL REFERENCES organisations,
    source_id       uuid REFERENCES sources,
    role            text NOT NULL,
    period          daterange NOT NULL CHECK (NOT isempty(period)),
    start_precision smallint NOT NULL CHECK (start_precision BETWEEN 0 AND 3),
    end_precision   smallint NOT NULL CHECK (end_precision BETWEEN 0 AND 3),
    doc             json NOT NULL
);
CREATE INDEX affiliations_speaker ON affiliations (speaker_id, id);
CREATE INDEX affiliations_organisation ON affiliations (organisation_id, speaker_id);
CREATE INDEX affiliations_source ON affiliations (source_id) WHERE source_id IS NOT NULL;
CREATE INDEX affiliations_period ON affiliations USING gist (period);

CREATE TABLE statements (
    id              uuid PRIMARY KEY,
    sk              bytea NOT NULL UNIQUE CHECK (length(sk) = 20),
    speaker_id      uuid REFERENCES speakers,
    organisation_id uuid REFERENCES organisations,
    source_id       uuid REFERENCES sources,
    kind            text NOT NULL CHECK (kind IN ('DIRECT', 'INDIRECT')),
    status          text NOT NULL CHECK (status IN ('UNVERIFIED', 'VERIFIED', 'DISPUTED', 'MISATTRIBUTED', 'RETRACTED')),
    said            daterange CHECK (NOT isempty(said)),
    said_precision  smallint NOT NULL CHECK (said_precision BETWEEN 0 AND 3),
    covers          datemultirange NOT NULL,
    text_folded     text NOT NULL,
    -- dedup shingles, 4 bytes each, for Appearances
    shingles        bytea,
    doc             json NOT NULL,
    CHECK ((said IS NULL) = (said_precision = 0))
);
CREATE INDEX statements_speaker ON statements (speaker_id, sk);
CREATE INDEX statements_organisation ON statements (organisation_id, sk);
CREATE INDEX statements_source ON statements (source_id, sk);
CREATE INDEX statements_kind ON statements (kind, sk);
CREATE INDEX statements_status ON statements (status, sk);
CREATE INDEX statements_said ON statements USING gist (said);
CREATE INDEX statements_covers ON statements USING gist (covers);

CREATE TABLE statement_topics (
    statement_id uuid NOT NULL REFERENCES statements ON DELETE CASCADE,
    topic_id     uuid NOT NULL REFERENCES topics,
    PRIMARY KEY (statement_id, topic_id)
);
CREATE INDEX statement_topics_topic ON statement_topics (topic_id, statement_id);

-- Near-duplicate band keys (package dedup).
CREATE TABLE statement_bands (
    band         bytea NOT NULL,
    statement_id uuid NOT NULL REFERENCES statements ON DELETE CASCADE,
    PRIMARY KEY (band, statement_id)
);
CREATE INDEX statement_bands_statement ON statement_bands (statement_id);

CREATE TABLE claim_reviews (
    id           uuid PRIMARY KEY,
    statement_id uuid NOT NULL REFERENCES statements,
    reviewer_id  uuid NOT NULL REFERENCES organisations,
    date         daterange CHECK (NOT isempty(date)),
    doc          json NOT NULL
);
CREATE INDEX claim_reviews_statement ON claim_reviews (statement_id, id);
CREATE INDEX claim_reviews_reviewer ON claim_reviews (reviewer_id, id);

-- The change log, written in the transaction of the records it logs.
-- Writers take one lock (see Store.Update), so seqs are assigned in commit
-- order, from 1, without gaps; they are not from a sequence, which would
-- leave gaps at rollback.
CREATE TABLE change_log (
    seq       bigint PRIMARY KEY CHECK (seq > 0),
    time      timestamptz NOT NULL,
    -- the nanoseconds of time below its microseconds, which timestamptz
    -- drops: entries copied from bbolt keep their times exactly
    time_nanos smallint NOT NULL DEFAULT 0 CHECK (time_nanos BETWEEN 0 AND 999),
    actor     text NOT NULL,
    op        text NOT NULL CHECK (op IN ('CREATE', 'UPDATE', 'DELETE')),
    type      text NOT NULL CHECK (type IN ('speaker', 'organisation', 'affiliation', 'topic', 'source', 'statement', 'claimReview')),
    record_id uuid NOT NULL,
    before    json,
    after     json,
    CHECK (before IS NOT NULL OR after IS NOT NULL)
);
CREATE INDEX change_log_record ON change_log (record_id, seq);

CREATE TABLE tokens (
    id   uuid PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name <> '' AND length(name) <= 100),
    role text NOT NULL CHECK (role IN ('editor', 'admin')),
    hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    doc  json NOT NULL
);
