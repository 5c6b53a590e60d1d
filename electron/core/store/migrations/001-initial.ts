/**
 * The schema for the whole review loop (import, review, inference, export, training), so later
 * features add code, not tables. Every table is STRICT: a wrong type is an error, not a silent
 * coercion that surfaces months later in an export.
 */
export const version = 1;
export const name = 'initial';

export const sql = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE image_roots (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE domains (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  domain_id INTEGER NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  UNIQUE (domain_id, name)
) STRICT;

CREATE TABLE defect_types (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  category   TEXT,
  color      TEXT NOT NULL CHECK (length(color) = 7 AND color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  hotkey     TEXT UNIQUE CHECK (hotkey IN ('1', '2', '3', '4', '5', '6', '7', '8', '9')),
  rule       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE samples (
  id           INTEGER PRIMARY KEY,
  path         TEXT NOT NULL UNIQUE,
  rel_path     TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  -- NULL only for a file that was never readable (see error)
  content_hash TEXT CHECK (content_hash IS NULL OR (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*')),
  file_size    INTEGER NOT NULL DEFAULT 0 CHECK (file_size >= 0),
  mtime_ms     REAL NOT NULL DEFAULT 0,
  width        INTEGER NOT NULL DEFAULT 0 CHECK (width >= 0),
  height       INTEGER NOT NULL DEFAULT 0 CHECK (height >= 0),
  bit_depth    INTEGER CHECK (bit_depth > 0),
  channels     INTEGER CHECK (channels > 0),
  format       TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL,
  domain       TEXT,
  category     TEXT,
  split        TEXT CHECK (split IN ('train', 'val', 'test')),
  part_id      TEXT,
  error        TEXT,
  imported_at  TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX samples_content_hash ON samples (content_hash);
CREATE INDEX samples_source ON samples (source, path);
CREATE INDEX samples_split ON samples (split);
CREATE INDEX samples_category ON samples (category);
CREATE INDEX samples_part ON samples (part_id) WHERE part_id IS NOT NULL;
CREATE INDEX samples_error ON samples (error) WHERE error IS NOT NULL;

-- One per sample. review_state is the human workflow state; a sample whose file is unreadable
-- shows as 'error' through samples.error, so fixing the file restores the state underneath.
CREATE TABLE labels (
  sample_id    INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
  verdict      TEXT CHECK (verdict IN ('OK', 'NG', 'unsure')),
  review_state TEXT NOT NULL DEFAULT 'unreviewed'
               CHECK (review_state IN ('unreviewed', 'ok', 'ng', 'corrected', 'audit', 'error')),
  texts        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(texts)),
  -- id of the last revision that changed this label (0: none yet); a version token for saves
  revision     INTEGER NOT NULL DEFAULT 0,
  origin       TEXT NOT NULL CHECK (origin IN ('imported', 'human')),
  audit        INTEGER NOT NULL DEFAULT 0 CHECK (audit IN (0, 1)),
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX labels_verdict ON labels (verdict);
CREATE INDEX labels_review_state ON labels (review_state);

CREATE TABLE model_packs (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  version  TEXT NOT NULL,
  kind     TEXT NOT NULL,
  dir      TEXT NOT NULL,
  manifest TEXT NOT NULL CHECK (json_valid(manifest)),
  sha256   TEXT NOT NULL,
  added_at TEXT NOT NULL,
  UNIQUE (name, version)
) STRICT;

-- Immutable: a model pack's answer for the exact bytes it saw (content_hash), so re-running
-- inference on an unchanged image is a lookup.
CREATE TABLE predictions (
  id               INTEGER PRIMARY KEY,
  sample_id        INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  model_pack_id    INTEGER NOT NULL REFERENCES model_packs(id) ON DELETE CASCADE,
  content_hash     TEXT NOT NULL,
  score            REAL,
  verdict          TEXT CHECK (verdict IN ('OK', 'NG', 'unsure')),
  anomaly_map_path TEXT,
  answers          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
  created_at       TEXT NOT NULL,
  UNIQUE (model_pack_id, content_hash)
) STRICT;
CREATE INDEX predictions_sample ON predictions (sample_id);
CREATE TRIGGER predictions_immutable BEFORE UPDATE ON predictions
BEGIN SELECT RAISE(ABORT, 'predictions are immutable: write a new one instead'); END;

CREATE TABLE prediction_regions (
  id             INTEGER PRIMARY KEY,
  prediction_id  INTEGER NOT NULL REFERENCES predictions(id) ON DELETE CASCADE,
  defect_type_id INTEGER REFERENCES defect_types(id) ON DELETE SET NULL,
  label          TEXT,
  score          REAL,
  kind           TEXT NOT NULL CHECK (kind IN ('box', 'polygon', 'mask')),
  x              REAL NOT NULL,
  y              REAL NOT NULL,
  w              REAL NOT NULL CHECK (w >= 0),
  h              REAL NOT NULL CHECK (h >= 0),
  geometry       TEXT CHECK (geometry IS NULL OR json_valid(geometry)),
  rle            BLOB,
  CHECK ((kind = 'mask') = (rle IS NOT NULL AND geometry IS NULL))
) STRICT;
CREATE INDEX prediction_regions_prediction ON prediction_regions (prediction_id);

-- Append-only: undo/redo, the audit trail and "what did the model get wrong" read from it.
-- sample_id has no ON DELETE CASCADE on purpose: a sample with history cannot vanish silently.
CREATE TABLE revisions (
  id            INTEGER PRIMARY KEY,
  sample_id     INTEGER NOT NULL REFERENCES samples(id),
  author        TEXT NOT NULL,
  at            TEXT NOT NULL,
  action        TEXT NOT NULL,
  payload       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  prediction_id INTEGER REFERENCES predictions(id)
) STRICT;
CREATE INDEX revisions_sample ON revisions (sample_id, id);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only: a revision cannot be changed'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only: a revision cannot be deleted'); END;

-- x, y, w, h: the bounding box of every kind (for a mask, exactly its crop); geometry: the
-- shape as JSON for box and polygon; rle: a mask's run-length counts, packed (see region-codec).
-- Deleting sets deleted_revision, so history can be replayed to any revision.
CREATE TABLE regions (
  id                   INTEGER PRIMARY KEY,
  sample_id            INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  defect_type_id       INTEGER REFERENCES defect_types(id) ON DELETE SET NULL,
  kind                 TEXT NOT NULL CHECK (kind IN ('box', 'polygon', 'mask')),
  x                    REAL NOT NULL,
  y                    REAL NOT NULL,
  w                    REAL NOT NULL CHECK (w >= 0),
  h                    REAL NOT NULL CHECK (h >= 0),
  geometry             TEXT CHECK (geometry IS NULL OR json_valid(geometry)),
  rle                  BLOB,
  origin               TEXT NOT NULL CHECK (origin IN ('imported', 'human')),
  review_outcome       TEXT CHECK (review_outcome IN ('confirmed', 'false_positive', 'retyped', 'redrawn', 'missed')),
  prediction_region_id INTEGER REFERENCES prediction_regions(id) ON DELETE SET NULL,
  created_revision     INTEGER NOT NULL REFERENCES revisions(id),
  deleted_revision     INTEGER REFERENCES revisions(id),
  CHECK ((kind = 'mask') = (rle IS NOT NULL AND geometry IS NULL))
) STRICT;
CREATE INDEX regions_sample ON regions (sample_id) WHERE deleted_revision IS NULL;
CREATE INDEX regions_sample_all ON regions (sample_id, created_revision);

-- Denormalised so filters and facets by defect type never scan regions. explicit: the type is
-- known for the whole image without a region (e.g. an MVTec defect folder); region_count: live
-- regions of that type. A row exists while either says so.
CREATE TABLE sample_defect_types (
  sample_id      INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
  defect_type_id INTEGER NOT NULL REFERENCES defect_types(id) ON DELETE CASCADE,
  explicit       INTEGER NOT NULL DEFAULT 0 CHECK (explicit IN (0, 1)),
  region_count   INTEGER NOT NULL DEFAULT 0 CHECK (region_count >= 0),
  PRIMARY KEY (sample_id, defect_type_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sample_defect_types_type ON sample_defect_types (defect_type_id, sample_id);

CREATE TABLE jobs (
  id            TEXT PRIMARY KEY CHECK (id GLOB 'job:*'),
  kind          TEXT NOT NULL,
  title         TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  done          INTEGER NOT NULL DEFAULT 0,
  total         INTEGER NOT NULL DEFAULT 0,
  failed        INTEGER NOT NULL DEFAULT 0,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  eta_ms        REAL,
  message       TEXT NOT NULL DEFAULT '',
  problems      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(problems)),
  problem_count INTEGER NOT NULL DEFAULT 0,
  outcome       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(outcome)),
  params        TEXT CHECK (params IS NULL OR json_valid(params)),
  report        TEXT CHECK (report IS NULL OR json_valid(report))
) STRICT, WITHOUT ROWID;
CREATE INDEX jobs_started ON jobs (started_at);

CREATE TABLE exports (
  id         INTEGER PRIMARY KEY,
  format     TEXT NOT NULL,
  out_dir    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  filter     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filter)),
  counts     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
  job_id     TEXT REFERENCES jobs(id) ON DELETE SET NULL
) STRICT;
`;
