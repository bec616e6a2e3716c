-- CreateTable
CREATE TABLE "DossierCommuneDayStat" (
    "communeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "receivedOnline" INTEGER NOT NULL DEFAULT 0,
    "receivedDigitised" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "resolvedEarly" INTEGER NOT NULL DEFAULT 0,
    "resolvedOnTime" INTEGER NOT NULL DEFAULT 0,
    "resolvedLate" INTEGER NOT NULL DEFAULT 0,
    "resolvedElectronic" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,
    "processingMinutes" BIGINT NOT NULL DEFAULT 0,
    "feeDue" INTEGER NOT NULL DEFAULT 0,
    "feePaidOnline" INTEGER NOT NULL DEFAULT 0,
    "ratingsCount" INTEGER NOT NULL DEFAULT 0,
    "ratingsSum" INTEGER NOT NULL DEFAULT 0,
    "ratingsSatisfied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DossierCommuneDayStat_pkey" PRIMARY KEY ("day","communeId")
);

-- AddForeignKey
ALTER TABLE "DossierCommuneDayStat" ADD CONSTRAINT "DossierCommuneDayStat_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the rollup is DossierDailyStat summed over procedures, kept by a statement-level trigger on
-- DossierDailyStat itself (transition tables: one grouped upsert per statement, so the per-dossier upkeep and a
-- full recount alike keep it exact). Rows falling to zero are deleted, as in DossierDailyStat.
CREATE OR REPLACE FUNCTION motcua_commune_day_rollup() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH delta AS (
      SELECT "communeId", day, sum("received")::int, sum("receivedOnline")::int, sum("receivedDigitised")::int, sum("resolved")::int, sum("resolvedEarly")::int, sum("resolvedOnTime")::int, sum("resolvedLate")::int, sum("resolvedElectronic")::int, sum("refused")::int, sum("withdrawn")::int, sum("processingMinutes")::bigint, sum("feeDue")::int, sum("feePaidOnline")::int, sum("ratingsCount")::int, sum("ratingsSum")::int, sum("ratingsSatisfied")::int
      FROM (SELECT "communeId", day, "received", "receivedOnline", "receivedDigitised", "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic", "refused", "withdrawn", "processingMinutes", "feeDue", "feePaidOnline", "ratingsCount", "ratingsSum", "ratingsSatisfied" FROM rollup_new) x
      GROUP BY "communeId", day
    ), applied AS (
      INSERT INTO "DossierCommuneDayStat" AS r ("communeId", day, "received", "receivedOnline", "receivedDigitised", "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic", "refused", "withdrawn", "processingMinutes", "feeDue", "feePaidOnline", "ratingsCount", "ratingsSum", "ratingsSatisfied")
      SELECT * FROM delta
      ON CONFLICT (day, "communeId") DO UPDATE SET
        "received" = r."received" + EXCLUDED."received",
        "receivedOnline" = r."receivedOnline" + EXCLUDED."receivedOnline",
        "receivedDigitised" = r."receivedDigitised" + EXCLUDED."receivedDigitised",
        "resolved" = r."resolved" + EXCLUDED."resolved",
        "resolvedEarly" = r."resolvedEarly" + EXCLUDED."resolvedEarly",
        "resolvedOnTime" = r."resolvedOnTime" + EXCLUDED."resolvedOnTime",
        "resolvedLate" = r."resolvedLate" + EXCLUDED."resolvedLate",
        "resolvedElectronic" = r."resolvedElectronic" + EXCLUDED."resolvedElectronic",
        "refused" = r."refused" + EXCLUDED."refused",
        "withdrawn" = r."withdrawn" + EXCLUDED."withdrawn",
        "processingMinutes" = r."processingMinutes" + EXCLUDED."processingMinutes",
        "feeDue" = r."feeDue" + EXCLUDED."feeDue",
        "feePaidOnline" = r."feePaidOnline" + EXCLUDED."feePaidOnline",
        "ratingsCount" = r."ratingsCount" + EXCLUDED."ratingsCount",
        "ratingsSum" = r."ratingsSum" + EXCLUDED."ratingsSum",
        "ratingsSatisfied" = r."ratingsSatisfied" + EXCLUDED."ratingsSatisfied"
      RETURNING r."communeId", r.day, (abs(r."received") + abs(r."receivedOnline") + abs(r."receivedDigitised") + abs(r."resolved") + abs(r."resolvedEarly") + abs(r."resolvedOnTime") + abs(r."resolvedLate") + abs(r."resolvedElectronic") + abs(r."refused") + abs(r."withdrawn") + abs(r."processingMinutes") + abs(r."feeDue") + abs(r."feePaidOnline") + abs(r."ratingsCount") + abs(r."ratingsSum") + abs(r."ratingsSatisfied")) = 0 AS empty
    )
    DELETE FROM "DossierCommuneDayStat" r USING applied a
    WHERE a.empty AND r."communeId" = a."communeId" AND r.day = a.day;
  ELSIF TG_OP = 'DELETE' THEN
    WITH delta AS (
      SELECT "communeId", day, sum("received")::int, sum("receivedOnline")::int, sum("receivedDigitised")::int, sum("resolved")::int, sum("resolvedEarly")::int, sum("resolvedOnTime")::int, sum("resolvedLate")::int, sum("resolvedElectronic")::int, sum("refused")::int, sum("withdrawn")::int, sum("processingMinutes")::bigint, sum("feeDue")::int, sum("feePaidOnline")::int, sum("ratingsCount")::int, sum("ratingsSum")::int, sum("ratingsSatisfied")::int
      FROM (SELECT "communeId", day, -"received" AS "received", -"receivedOnline" AS "receivedOnline", -"receivedDigitised" AS "receivedDigitised", -"resolved" AS "resolved", -"resolvedEarly" AS "resolvedEarly", -"resolvedOnTime" AS "resolvedOnTime", -"resolvedLate" AS "resolvedLate", -"resolvedElectronic" AS "resolvedElectronic", -"refused" AS "refused", -"withdrawn" AS "withdrawn", -"processingMinutes" AS "processingMinutes", -"feeDue" AS "feeDue", -"feePaidOnline" AS "feePaidOnline", -"ratingsCount" AS "ratingsCount", -"ratingsSum" AS "ratingsSum", -"ratingsSatisfied" AS "ratingsSatisfied" FROM rollup_old) x
      GROUP BY "communeId", day
    ), applied AS (
      INSERT INTO "DossierCommuneDayStat" AS r ("communeId", day, "received", "receivedOnline", "receivedDigitised", "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic", "refused", "withdrawn", "processingMinutes", "feeDue", "feePaidOnline", "ratingsCount", "ratingsSum", "ratingsSatisfied")
      SELECT * FROM delta
      ON CONFLICT (day, "communeId") DO UPDATE SET
        "received" = r."received" + EXCLUDED."received",
        "receivedOnline" = r."receivedOnline" + EXCLUDED."receivedOnline",
        "receivedDigitised" = r."receivedDigitised" + EXCLUDED."receivedDigitised",
        "resolved" = r."resolved" + EXCLUDED."resolved",
        "resolvedEarly" = r."resolvedEarly" + EXCLUDED."resolvedEarly",
        "resolvedOnTime" = r."resolvedOnTime" + EXCLUDED."resolvedOnTime",
        "resolvedLate" = r."resolvedLate" + EXCLUDED."resolvedLate",
        "resolvedElectronic" = r."resolvedElectronic" + EXCLUDED."resolvedElectronic",
        "refused" = r."refused" + EXCLUDED."refused",
        "withdrawn" = r."withdrawn" + EXCLUDED."withdrawn",
        "processingMinutes" = r."processingMinutes" + EXCLUDED."processingMinutes",
        "feeDue" = r."feeDue" + EXCLUDED."feeDue",
        "feePaidOnline" = r."feePaidOnline" + EXCLUDED."feePaidOnline",
        "ratingsCount" = r."ratingsCount" + EXCLUDED."ratingsCount",
        "ratingsSum" = r."ratingsSum" + EXCLUDED."ratingsSum",
        "ratingsSatisfied" = r."ratingsSatisfied" + EXCLUDED."ratingsSatisfied"
      RETURNING r."communeId", r.day, (abs(r."received") + abs(r."receivedOnline") + abs(r."receivedDigitised") + abs(r."resolved") + abs(r."resolvedEarly") + abs(r."resolvedOnTime") + abs(r."resolvedLate") + abs(r."resolvedElectronic") + abs(r."refused") + abs(r."withdrawn") + abs(r."processingMinutes") + abs(r."feeDue") + abs(r."feePaidOnline") + abs(r."ratingsCount") + abs(r."ratingsSum") + abs(r."ratingsSatisfied")) = 0 AS empty
    )
    DELETE FROM "DossierCommuneDayStat" r USING applied a
    WHERE a.empty AND r."communeId" = a."communeId" AND r.day = a.day;
  ELSE
    WITH delta AS (
      SELECT "communeId", day, sum("received")::int, sum("receivedOnline")::int, sum("receivedDigitised")::int, sum("resolved")::int, sum("resolvedEarly")::int, sum("resolvedOnTime")::int, sum("resolvedLate")::int, sum("resolvedElectronic")::int, sum("refused")::int, sum("withdrawn")::int, sum("processingMinutes")::bigint, sum("feeDue")::int, sum("feePaidOnline")::int, sum("ratingsCount")::int, sum("ratingsSum")::int, sum("ratingsSatisfied")::int
      FROM (SELECT "communeId", day, "received", "receivedOnline", "receivedDigitised", "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic", "refused", "withdrawn", "processingMinutes", "feeDue", "feePaidOnline", "ratingsCount", "ratingsSum", "ratingsSatisfied" FROM rollup_new UNION ALL SELECT "communeId", day, -"received" AS "received", -"receivedOnline" AS "receivedOnline", -"receivedDigitised" AS "receivedDigitised", -"resolved" AS "resolved", -"resolvedEarly" AS "resolvedEarly", -"resolvedOnTime" AS "resolvedOnTime", -"resolvedLate" AS "resolvedLate", -"resolvedElectronic" AS "resolvedElectronic", -"refused" AS "refused", -"withdrawn" AS "withdrawn", -"processingMinutes" AS "processingMinutes", -"feeDue" AS "feeDue", -"feePaidOnline" AS "feePaidOnline", -"ratingsCount" AS "ratingsCount", -"ratingsSum" AS "ratingsSum", -"ratingsSatisfied" AS "ratingsSatisfied" FROM rollup_old) x
      GROUP BY "communeId", day
    ), applied AS (
      INSERT INTO "DossierCommuneDayStat" AS r ("communeId", day, "received", "receivedOnline", "receivedDigitised", "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic", "refused", "withdrawn", "processingMinutes", "feeDue", "feePaidOnline", "ratingsCount", "ratingsSum", "ratingsSatisfied")
      SELECT * FROM delta
      ON CONFLICT (day, "communeId") DO UPDATE SET
        "received" = r."received" + EXCLUDED."received",
        "receivedOnline" = r."receivedOnline" + EXCLUDED."receivedOnline",
        "receivedDigitised" = r."receivedDigitised" + EXCLUDED."receivedDigitised",
        "resolved" = r."resolved" + EXCLUDED."resolved",
        "resolvedEarly" = r."resolvedEarly" + EXCLUDED."resolvedEarly",
        "resolvedOnTime" = r."resolvedOnTime" + EXCLUDED."resolvedOnTime",
        "resolvedLate" = r."resolvedLate" + EXCLUDED."resolvedLate",
        "resolvedElectronic" = r."resolvedElectronic" + EXCLUDED."resolvedElectronic",
        "refused" = r."refused" + EXCLUDED."refused",
        "withdrawn" = r."withdrawn" + EXCLUDED."withdrawn",
        "processingMinutes" = r."processingMinutes" + EXCLUDED."processingMinutes",
        "feeDue" = r."feeDue" + EXCLUDED."feeDue",
        "feePaidOnline" = r."feePaidOnline" + EXCLUDED."feePaidOnline",
        "ratingsCount" = r."ratingsCount" + EXCLUDED."ratingsCount",
        "ratingsSum" = r."ratingsSum" + EXCLUDED."ratingsSum",
        "ratingsSatisfied" = r."ratingsSatisfied" + EXCLUDED."ratingsSatisfied"
      RETURNING r."communeId", r.day, (abs(r."received") + abs(r."receivedOnline") + abs(r."receivedDigitised") + abs(r."resolved") + abs(r."resolvedEarly") + abs(r."resolvedOnTime") + abs(r."resolvedLate") + abs(r."resolvedElectronic") + abs(r."refused") + abs(r."withdrawn") + abs(r."processingMinutes") + abs(r."feeDue") + abs(r."feePaidOnline") + abs(r."ratingsCount") + abs(r."ratingsSum") + abs(r."ratingsSatisfied")) = 0 AS empty
    )
    DELETE FROM "DossierCommuneDayStat" r USING applied a
    WHERE a.empty AND r."communeId" = a."communeId" AND r.day = a.day;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "DossierDailyStat_rollup_insert" AFTER INSERT ON "DossierDailyStat"
  REFERENCING NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION motcua_commune_day_rollup();
CREATE TRIGGER "DossierDailyStat_rollup_update" AFTER UPDATE ON "DossierDailyStat"
  REFERENCING OLD TABLE AS rollup_old NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION motcua_commune_day_rollup();
CREATE TRIGGER "DossierDailyStat_rollup_delete" AFTER DELETE ON "DossierDailyStat"
  REFERENCING OLD TABLE AS rollup_old FOR EACH STATEMENT EXECUTE FUNCTION motcua_commune_day_rollup();

-- What DossierDailyStat holds now, rolled up.
INSERT INTO "DossierCommuneDayStat" ("communeId", day, "received", "receivedOnline", "receivedDigitised", "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic", "refused", "withdrawn", "processingMinutes", "feeDue", "feePaidOnline", "ratingsCount", "ratingsSum", "ratingsSatisfied")
SELECT "communeId", day, sum("received")::int, sum("receivedOnline")::int, sum("receivedDigitised")::int, sum("resolved")::int, sum("resolvedEarly")::int, sum("resolvedOnTime")::int, sum("resolvedLate")::int, sum("resolvedElectronic")::int, sum("refused")::int, sum("withdrawn")::int, sum("processingMinutes")::bigint, sum("feeDue")::int, sum("feePaidOnline")::int, sum("ratingsCount")::int, sum("ratingsSum")::int, sum("ratingsSatisfied")::int
FROM "DossierDailyStat"
GROUP BY "communeId", day;

-- ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Hand-written, from a review of 20261125055929_dashboard_aggregates:
-- 1. Files and payments touch the aggregates only when they change what is counted (a paid-online payment; an
--    application, supplement or result file). A pending payment expiring, or a receipt slip, no longer locks the
--    dossier — the payments page's expiry sweep locked payment then dossier, against the credit paths' dossier
--    then payment order.
-- 2. The aggregate rows of one change are locked in day order, and a change of the working calendar waits for
--    (and holds off) every fact computation, so its recomputed minutes cannot be overwritten by a concurrent return.
-- ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

CREATE OR REPLACE FUNCTION motcua_apply_dossier_stats(d "Dossier", sign int) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- Shared with every other dossier change, exclusive for a change of the working calendar (motcua_calendar_stats),
  -- which recomputes processing minutes from what is committed once no fact computation is in flight.
  PERFORM pg_advisory_xact_lock_shared(hashtext('motcua_working_calendar'));
  INSERT INTO "DossierDailyStat" AS s ("communeId", day, "procedureId", received, "receivedOnline", "receivedDigitised",
    "feeDue", "feePaidOnline", resolved, "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic",
    refused, withdrawn, "processingMinutes", "ratingsCount", "ratingsSum", "ratingsSatisfied")
  SELECT f."communeId", f.day, f."procedureId", sign * f.received, sign * f."receivedOnline", sign * f."receivedDigitised",
    sign * f."feeDue", sign * f."feePaidOnline", sign * f.resolved, sign * f."resolvedEarly", sign * f."resolvedOnTime",
    sign * f."resolvedLate", sign * f."resolvedElectronic", sign * f.refused, sign * f.withdrawn,
    sign * f."processingMinutes", sign * f."ratingsCount", sign * f."ratingsSum", sign * f."ratingsSatisfied"
  FROM motcua_dossier_daily_facts(d) f
  -- Rows locked in one order (by day) by every writer: two dossiers sharing two days cannot deadlock.
  ORDER BY f.day
  ON CONFLICT ("communeId", day, "procedureId") DO UPDATE SET
    received = s.received + EXCLUDED.received,
    "receivedOnline" = s."receivedOnline" + EXCLUDED."receivedOnline",
    "receivedDigitised" = s."receivedDigitised" + EXCLUDED."receivedDigitised",
    "feeDue" = s."feeDue" + EXCLUDED."feeDue",
    "feePaidOnline" = s."feePaidOnline" + EXCLUDED."feePaidOnline",
    resolved = s.resolved + EXCLUDED.resolved,
    "resolvedEarly" = s."resolvedEarly" + EXCLUDED."resolvedEarly",
    "resolvedOnTime" = s."resolvedOnTime" + EXCLUDED."resolvedOnTime",
    "resolvedLate" = s."resolvedLate" + EXCLUDED."resolvedLate",
    "resolvedElectronic" = s."resolvedElectronic" + EXCLUDED."resolvedElectronic",
    refused = s.refused + EXCLUDED.refused,
    withdrawn = s.withdrawn + EXCLUDED.withdrawn,
    "processingMinutes" = s."processingMinutes" + EXCLUDED."processingMinutes",
    "ratingsCount" = s."ratingsCount" + EXCLUDED."ratingsCount",
    "ratingsSum" = s."ratingsSum" + EXCLUDED."ratingsSum",
    "ratingsSatisfied" = s."ratingsSatisfied" + EXCLUDED."ratingsSatisfied";

  IF sign < 0 THEN
    DELETE FROM "DossierDailyStat" s
    WHERE s."communeId" = d."communeId" AND s."procedureId" = d."procedureId"
      AND s.day IN (SELECT f.day FROM motcua_dossier_daily_facts(d) f)
      AND s.received = 0 AND s."receivedOnline" = 0 AND s."receivedDigitised" = 0 AND s."feeDue" = 0
      AND s."feePaidOnline" = 0 AND s.resolved = 0 AND s."resolvedEarly" = 0 AND s."resolvedOnTime" = 0
      AND s."resolvedLate" = 0 AND s."resolvedElectronic" = 0 AND s.refused = 0 AND s.withdrawn = 0
      AND s."processingMinutes" = 0 AND s."ratingsCount" = 0 AND s."ratingsSum" = 0 AND s."ratingsSatisfied" = 0;
  END IF;

  IF d.state IN ('SUBMITTED', 'PROCESSING', 'AWAITING_SUPPLEMENT', 'READY_TO_RETURN') THEN
    INSERT INTO "DossierOpenStat" AS o ("communeId", "procedureId", state, "clockPaused", "dueDay", count)
    VALUES (d."communeId", d."procedureId", d.state, d."clockPausedAt" IS NOT NULL,
            coalesce(motcua_local_time(d."dueAt")::date, 'infinity'::date), sign)
    ON CONFLICT ("communeId", "procedureId", state, "clockPaused", "dueDay") DO UPDATE SET count = o.count + EXCLUDED.count;
    IF sign < 0 THEN
      DELETE FROM "DossierOpenStat" o
      WHERE o."communeId" = d."communeId" AND o."procedureId" = d."procedureId" AND o.state = d.state
        AND o."clockPaused" = (d."clockPausedAt" IS NOT NULL)
        AND o."dueDay" = coalesce(motcua_local_time(d."dueAt")::date, 'infinity'::date) AND o.count = 0;
    END IF;
  END IF;
END
$$;


DROP TRIGGER "Attachment_stats_before" ON "Attachment";
DROP TRIGGER "Attachment_stats_after" ON "Attachment";
DROP TRIGGER "Payment_stats_before" ON "Payment";
DROP TRIGGER "Payment_stats_after" ON "Payment";

CREATE TRIGGER "Attachment_stats_before_insert" BEFORE INSERT ON "Attachment"
  FOR EACH ROW WHEN (NEW."dossierId" IS NOT NULL AND (NEW.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT'))) EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Attachment_stats_before_update" BEFORE UPDATE ON "Attachment"
  FOR EACH ROW WHEN (OLD."dossierId" IS DISTINCT FROM NEW."dossierId" OR OLD."communeId" IS DISTINCT FROM NEW."communeId" OR (OLD.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT')) IS DISTINCT FROM (NEW.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT')))
  EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Attachment_stats_before_delete" BEFORE DELETE ON "Attachment"
  FOR EACH ROW WHEN (OLD."dossierId" IS NOT NULL AND (OLD.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT'))) EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Attachment_stats_after_insert" AFTER INSERT ON "Attachment"
  FOR EACH ROW WHEN (NEW."dossierId" IS NOT NULL AND (NEW.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT'))) EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Attachment_stats_after_update" AFTER UPDATE ON "Attachment"
  FOR EACH ROW WHEN (OLD."dossierId" IS DISTINCT FROM NEW."dossierId" OR OLD."communeId" IS DISTINCT FROM NEW."communeId" OR (OLD.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT')) IS DISTINCT FROM (NEW.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT')))
  EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Attachment_stats_after_delete" AFTER DELETE ON "Attachment"
  FOR EACH ROW WHEN (OLD."dossierId" IS NOT NULL AND (OLD.kind IN ('APPLICATION', 'SUPPLEMENT', 'RESULT'))) EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_before_insert" BEFORE INSERT ON "Payment"
  FOR EACH ROW WHEN (NEW."dossierId" IS NOT NULL AND (NEW.status IN ('PAID', 'REFUNDED') AND NEW.method IN ('VIETQR', 'GATEWAY'))) EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_before_update" BEFORE UPDATE ON "Payment"
  FOR EACH ROW WHEN (OLD."dossierId" IS DISTINCT FROM NEW."dossierId" OR (OLD.status IN ('PAID', 'REFUNDED') AND OLD.method IN ('VIETQR', 'GATEWAY')) IS DISTINCT FROM (NEW.status IN ('PAID', 'REFUNDED') AND NEW.method IN ('VIETQR', 'GATEWAY')))
  EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_before_delete" BEFORE DELETE ON "Payment"
  FOR EACH ROW WHEN (OLD."dossierId" IS NOT NULL AND (OLD.status IN ('PAID', 'REFUNDED') AND OLD.method IN ('VIETQR', 'GATEWAY'))) EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_after_insert" AFTER INSERT ON "Payment"
  FOR EACH ROW WHEN (NEW."dossierId" IS NOT NULL AND (NEW.status IN ('PAID', 'REFUNDED') AND NEW.method IN ('VIETQR', 'GATEWAY'))) EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_after_update" AFTER UPDATE ON "Payment"
  FOR EACH ROW WHEN (OLD."dossierId" IS DISTINCT FROM NEW."dossierId" OR (OLD.status IN ('PAID', 'REFUNDED') AND OLD.method IN ('VIETQR', 'GATEWAY')) IS DISTINCT FROM (NEW.status IN ('PAID', 'REFUNDED') AND NEW.method IN ('VIETQR', 'GATEWAY')))
  EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_after_delete" AFTER DELETE ON "Payment"
  FOR EACH ROW WHEN (OLD."dossierId" IS NOT NULL AND (OLD.status IN ('PAID', 'REFUNDED') AND OLD.method IN ('VIETQR', 'GATEWAY'))) EXECUTE FUNCTION motcua_related_stats();

CREATE OR REPLACE FUNCTION motcua_calendar_stats() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  changed date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := ARRAY(SELECT date FROM changed_new);
  ELSIF TG_OP = 'DELETE' THEN
    changed := ARRAY(SELECT date FROM changed_old);
  ELSE
    -- Only days whose kind changed (a renamed holiday changes no minutes).
    changed := ARRAY(SELECT n.date FROM changed_new n JOIN changed_old o ON o.id = n.id WHERE n.kind IS DISTINCT FROM o.kind OR n.date IS DISTINCT FROM o.date
                     UNION SELECT o.date FROM changed_new n JOIN changed_old o ON o.id = n.id WHERE n.kind IS DISTINCT FROM o.kind OR n.date IS DISTINCT FROM o.date);
  END IF;
  IF cardinality(changed) > 0 THEN
    -- Waits for the dossier changes in flight to commit and holds off new ones until this transaction ends; the
    -- recompute below then reads every committed return (a new statement, a new snapshot).
    PERFORM pg_advisory_xact_lock(hashtext('motcua_working_calendar'));
    PERFORM motcua_recompute_processing_minutes(changed);
  END IF;
  RETURN NULL;
END
$$;
