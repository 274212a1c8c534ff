-- Sources are found by their exact URL (SourceFilter.URL): imports that
-- bring URLs match the sources they already stored.
CREATE INDEX sources_url ON sources ((doc->>'url'));
