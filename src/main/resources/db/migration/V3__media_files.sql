-- Media: metadata of uploaded files. The bytes live in the blob store, addressed by SHA-256, so one
-- file uploaded twice is stored once; each upload still gets its own id and name.

CREATE TABLE media (
    id            VARCHAR(36) PRIMARY KEY,
    sha256        VARCHAR(64) NOT NULL,
    filename      VARCHAR(200) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size          BIGINT NOT NULL,
    uploaded_by   VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_media_sha256 ON media (sha256);
