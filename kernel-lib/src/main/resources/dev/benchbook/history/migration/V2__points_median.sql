-- Each point's median over its measured iterations: a robust per-run figure for the run-to-run spread that
-- comparisons take from the history (a few slow iterations move a run's mean, not its median). Points stored
-- before this migration have none; readers fall back to the value.
ALTER TABLE points ADD COLUMN median DOUBLE PRECISION;
