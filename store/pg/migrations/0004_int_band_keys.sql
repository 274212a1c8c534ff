-- Near-duplicate band keys as integers: a key is dedup.KeyLen (4) bytes,
-- the band number and 3 bytes of hash, kept as the big-endian int4 of
-- those bytes. Equal keys stay equal and different ones different, so
-- Appearances finds the same candidates; a load of a million statements
-- writes eight million of these rows, and an integer is cheaper than a
-- bytea to send, store and sort into the primary key.
ALTER TABLE statement_bands ALTER COLUMN band TYPE integer
    USING ('x' || encode(band, 'hex'))::bit(32)::integer;
