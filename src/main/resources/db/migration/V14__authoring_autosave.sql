-- Never lose a draft (issue 24): one autosave slot per author and editor (an item, or the form of a
-- new one), overwritten every few seconds while they type and cleared by a real save. A slot holds
-- the form's fields as JSON; it is never a revision, so autosaving leaves the history alone.
CREATE TABLE authoring_autosaves (
    username  VARCHAR(64) NOT NULL,
    slot      VARCHAR(64) NOT NULL,
    fields    TEXT NOT NULL,
    saved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_authoring_autosaves PRIMARY KEY (username, slot)
);
