-- Several nodes on one database (issue 20).

-- The change journal: publishing and archiving write one entry in the same transaction, and every
-- node applies the entries in order to its own search index, storing how far it has got. The head
-- row hands out positions: taking the next one locks that row until the transaction ends, so
-- entries become visible in position order and a follower never steps over one still to come.
CREATE TABLE content_changes (
    seq          BIGINT NOT NULL PRIMARY KEY,
    kind         VARCHAR(16) NOT NULL,
    item_id      BIGINT,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX content_changes_recorded_at ON content_changes (recorded_at);

CREATE TABLE content_change_head (
    id        INT NOT NULL PRIMARY KEY,
    seq       BIGINT NOT NULL
);
INSERT INTO content_change_head (id, seq) VALUES (1, 0);

-- The taxonomy of the last import, so that every node reads the same one.
CREATE TABLE content_taxonomy (
    id          INT NOT NULL PRIMARY KEY,
    yaml        VARCHAR NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The nodes: each writes its own row when it starts and every few seconds after, for the admin
-- page and for the checks one node makes about the others.
CREATE TABLE cluster_nodes (
    id              VARCHAR(64) NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at      TIMESTAMP WITH TIME ZONE,
    index_position  BIGINT NOT NULL,
    index_items     INT NOT NULL,
    index_state     VARCHAR(16) NOT NULL,
    blob_store      VARCHAR(300) NOT NULL,
    version         VARCHAR(64)
);

-- Scheduled work runs on one node at a time (ShedLock's table).
CREATE TABLE shedlock (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP NOT NULL,
    locked_at   TIMESTAMP NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);

-- Spring Modulith's event publication registry (schema v2): an event between features is stored
-- with the transaction that sent it and marked complete when its listener succeeded; what failed
-- or was left half-done by a stopped node is submitted again.
CREATE TABLE event_publication (
    id                      UUID NOT NULL PRIMARY KEY,
    listener_id             VARCHAR(512) NOT NULL,
    event_type              VARCHAR(512) NOT NULL,
    serialized_event        VARCHAR NOT NULL,
    publication_date        TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date         TIMESTAMP WITH TIME ZONE,
    status                  VARCHAR(20),
    completion_attempts     INT,
    last_resubmission_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id);

CREATE TABLE event_publication_archive (
    id                      UUID NOT NULL PRIMARY KEY,
    listener_id             VARCHAR(512) NOT NULL,
    event_type              VARCHAR(512) NOT NULL,
    serialized_event        VARCHAR NOT NULL,
    publication_date        TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date         TIMESTAMP WITH TIME ZONE,
    status                  VARCHAR(20),
    completion_attempts     INT,
    last_resubmission_date  TIMESTAMP WITH TIME ZONE
);
