-- The plain check-in transaction (perf-notes §3d) on jifen's schema: check-in row, balance, ledger row.
-- Random writer members (-D first=… -D last=…) and a random past day, so the unique (member, day) and
-- (member, idem_key) keys almost never collide; ON CONFLICT keeps a rare collision from aborting a client.
\set mid random(:first, :last)
\set d random(1, 999999)
BEGIN;
INSERT INTO checkins (member_id, day, streak, makeup, created_at)
  VALUES (:mid, current_date - CAST(:d AS int), 1, false, now()) ON CONFLICT (member_id, day) DO NOTHING;
UPDATE members SET balance = balance + 5, updated_at = now() WHERE id = :mid RETURNING balance \gset
INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key, balance_after,
                           growth, trace, created_at)
  VALUES (:mid, 'available', 5, 'earn', 'check_in', 'pgbench', NULL, 'pgbench:' || CAST(:d AS text), :balance, 0, NULL, now())
  ON CONFLICT (member_id, idem_key) DO NOTHING;
END;
