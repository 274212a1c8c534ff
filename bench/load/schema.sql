-- The quotedb records as PostgreSQL tables, for the side-by-side load test
-- with PostGraphile. Partial dates are kept as text (as quotedb shows them),
-- as their sort key (YYYYMMDD with zeros for what is unknown, quotedb's
-- order) and as the first and last day they stand for.

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  short_name text,
  kind text NOT NULL,
  qid text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE speakers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  aliases text[],
  description text,
  qid text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE topics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  aliases text[],
  parent_id uuid REFERENCES topics,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  publisher_id uuid REFERENCES organisations,
  url text,
  archived_url text,
  published text,
  language text,
  content_hash text,
  text text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE affiliations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  speaker_id uuid NOT NULL REFERENCES speakers,
  organisation_id uuid NOT NULL REFERENCES organisations,
  role text,
  start_first date,
  end_last date,
  source_id uuid REFERENCES sources,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE statements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  text text NOT NULL,
  kind text NOT NULL,
  speaker_id uuid REFERENCES speakers,
  organisation_id uuid REFERENCES organisations,
  role text,
  cue text,
  said text,
  said_key int NOT NULL DEFAULT 0,
  said_first date,
  said_last date,
  source_id uuid REFERENCES sources,
  span_start int,
  span_end int,
  language text,
  status text NOT NULL DEFAULT 'UNVERIFIED',
  confidence double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Topics of a statement, with the statement's date said copied in so that
-- a topic's timeline is one index range.
CREATE TABLE statement_topics (
  statement_id uuid NOT NULL REFERENCES statements,
  topic_id uuid NOT NULL REFERENCES topics,
  said_key int NOT NULL,
  PRIMARY KEY (topic_id, said_key, statement_id)
);
