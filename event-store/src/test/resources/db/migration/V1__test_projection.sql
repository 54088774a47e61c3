-- A projection for the inbox test: how many times each subject's events were applied.
CREATE TABLE test_applied (
    subject TEXT PRIMARY KEY,
    times   INT NOT NULL
);
