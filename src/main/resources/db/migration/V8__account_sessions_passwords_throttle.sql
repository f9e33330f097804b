-- Accounts, second round: sessions follow changes to their user at once, passwords can be changed
-- and reset, and sign-in throttling counts per username, per address and per pair of the two.

-- Raised whenever a user's password changes or the user is disabled: a session signed in under an
-- older value ends on its next request.
ALTER TABLE users ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
-- Set when an administrator resets the password: the user must choose a new one before anything else.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per throttled key ("user:<name>", "addr:<address>", "pair:<name>@<address>"). A sign-in
-- takes a slot in each of its keys with one conditional update before its password is checked, so
-- parallel guesses can never get more checks than the limit.
CREATE TABLE login_counters (
    throttle_key  VARCHAR(200) PRIMARY KEY,
    failures      INTEGER NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);

DROP TABLE login_failures;
DROP TABLE login_lockouts;
