-- The indexes a competent user would create for the journalist's queries,
-- built after the bulk COPY.
CREATE INDEX statements_speaker_said ON statements (speaker_id, said_key, id);
CREATE INDEX statements_said ON statements (said_key, id);
CREATE INDEX statements_source ON statements (source_id);
CREATE INDEX statements_organisation ON statements (organisation_id);
CREATE INDEX statement_topics_statement ON statement_topics (statement_id);
CREATE INDEX affiliations_speaker ON affiliations (speaker_id, start_first);
CREATE INDEX affiliations_organisation ON affiliations (organisation_id);
CREATE INDEX topics_parent ON topics (parent_id);
CREATE INDEX sources_publisher ON sources (publisher_id, published);
CREATE INDEX speakers_name ON speakers (lower(name) text_pattern_ops);

-- Who said what on a topic (with its subtopics) in a date range, in
-- quotedb's order. from_key and to_key are sort keys (YYYYMMDD, zeros for
-- unknown parts); year_key the key of the range's year alone, which
-- overlaps the range too (quotedb shows coarser dates that overlap).
CREATE FUNCTION who_said_what(topic uuid, from_key int, to_key int, year_key int)
RETURNS SETOF statements LANGUAGE sql STABLE AS $$
  WITH RECURSIVE sub(id) AS (
    SELECT topic
    UNION
    SELECT t.id FROM topics t JOIN sub ON t.parent_id = sub.id
  )
  SELECT s.* FROM statements s
  WHERE (s.said_key BETWEEN from_key AND to_key OR s.said_key = year_key)
    -- The same again as one range, so that the OR does not make the
    -- planner read statements_said from the start.
    AND s.said_key BETWEEN year_key AND to_key
    AND EXISTS (
      SELECT 1 FROM statement_topics st
      WHERE st.statement_id = s.id AND st.topic_id IN (SELECT id FROM sub)
    )
  ORDER BY s.said_key, s.id
$$;

-- The affiliation of a statement's speaker valid on the date said, as
-- quotedb picks it: one with a role first, then the latest start.
CREATE FUNCTION statement_affiliation(s statements) RETURNS affiliations LANGUAGE sql STABLE AS $$
  SELECT a.* FROM affiliations a
  WHERE a.speaker_id = s.speaker_id AND s.said_first IS NOT NULL
    AND (a.start_first IS NULL OR a.start_first <= s.said_last)
    AND (a.end_last IS NULL OR a.end_last >= s.said_first)
  ORDER BY (coalesce(a.role, '') <> '') DESC, a.start_first DESC NULLS LAST
  LIMIT 1
$$;

-- The organisation and role at the time said: the explicit ones, or the
-- affiliation's.
CREATE FUNCTION statements_organisation_at_time(s statements) RETURNS organisations LANGUAGE sql STABLE AS $$
  SELECT o.* FROM organisations o
  WHERE o.id = coalesce(s.organisation_id, (statement_affiliation(s)).organisation_id)
$$;

CREATE FUNCTION statements_role_at_time(s statements) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN s.organisation_id IS NOT NULL THEN s.role ELSE (statement_affiliation(s)).role END
$$;

ANALYZE;
