-- One row that every transaction writing training progress locks first (SELECT ... FOR UPDATE), so
-- statements get their sequence numbers in commit order: a reader paging through the log by
-- sequence never skips one that a slower transaction commits later.
CREATE TABLE xapi_append_lock (
    id  INT NOT NULL PRIMARY KEY
);
INSERT INTO xapi_append_lock (id) VALUES (1);
