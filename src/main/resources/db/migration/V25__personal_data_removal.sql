-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 14+.

-- When a lead's personal data (answers, payloads, contact terms) was removed, and why:
-- 'erasure' (a person's request, or Meta's callback) or 'retention' (its window ran out).
-- The lead's row stays, with its ids and times, so that counts and statistics stay right.
ALTER TABLE lead ADD COLUMN personal_data_removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lead ADD COLUMN personal_data_removed_by VARCHAR(16);
