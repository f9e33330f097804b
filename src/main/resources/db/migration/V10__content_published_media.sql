-- Which media files each revision uses (a lesson's attachments, a module's media units, the
-- /media/{id} URLs in its Markdown), written with the revision, which never changes. A file is
-- public when the published revision of a live item uses it: one indexed lookup per download.

CREATE TABLE content_revision_media (
    item_id   BIGINT NOT NULL,
    revision  INT NOT NULL,
    media_id  VARCHAR(36) NOT NULL REFERENCES media (id),
    PRIMARY KEY (item_id, revision, media_id),
    FOREIGN KEY (item_id, revision) REFERENCES content_revisions (item_id, revision)
);
CREATE INDEX ix_content_revision_media_media ON content_revision_media (media_id);

-- Revisions saved before this table: the published and the latest of each item (an older one only
-- comes back as a new revision). In their JSON a file's id stands in "mediaId":"<id>" or in a
-- /media/<id> URL; only revisions that hold either are compared with every file.
INSERT INTO content_revision_media (item_id, revision, media_id)
SELECT DISTINCT r.item_id, r.revision, m.id
FROM content_items i
JOIN content_revisions r
  ON r.item_id = i.id AND (r.revision = i.latest_revision OR r.revision = i.published_revision)
JOIN media m
  ON LOWER(r.fields) LIKE ('%/media/' || m.id || '%')
  OR LOWER(r.fields) LIKE ('%"mediaid":"' || m.id || '"%')
WHERE LOWER(r.fields) LIKE '%/media/%' OR LOWER(r.fields) LIKE '%"mediaid":"%';
