-- 032: the right to cancellation (seed 002 §7.3.2, LFPDPPP "ARCO" rights):
-- DELETE /api/v1/privacy/delete-account anonymises the account as the seed
-- does ("soft delete (mark as deleted, anonymize data)": email
-- deleted_<id>@deleted.local, first name "Deleted", last name "User") and
-- marks when.  NULL: a live account.  src/store/bz-privacy-repo.c writes it.
ALTER TABLE users ADD COLUMN deleted_at TEXT;
