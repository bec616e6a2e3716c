-- AlterTable
ALTER TABLE "DossierDailyStat" DROP COLUMN "paidOnline",
ADD COLUMN     "feeDue" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "feePaidOnline" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingsSatisfied" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "receivedDigitised" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resolvedElectronic" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DossierOpenStat" (
    "communeId" UUID NOT NULL,
    "procedureId" UUID NOT NULL,
    "state" "DossierState" NOT NULL,
    "clockPaused" BOOLEAN NOT NULL,
    "dueDay" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "DossierOpenStat_pkey" PRIMARY KEY ("communeId","procedureId","state","clockPaused","dueDay")
);

-- AddForeignKey
ALTER TABLE "DossierOpenStat" ADD CONSTRAINT "DossierOpenStat_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierOpenStat" ADD CONSTRAINT "DossierOpenStat_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "Procedure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Hand-written: the dashboard aggregates are kept by the database itself, in the same transaction as every change
-- of their inputs, so no writer (transitions, desk reception, payments, ratings, the seed, imports) can forget
-- them. The rule: an aggregate row is the sum over dossiers of each dossier's facts. Before a change of an input
-- the dossier's facts are subtracted, after it they are added again (motcua_apply_dossier_stats). Inputs: the
-- dossier's own columns, its attachments (digitised files, electronic result), its payments (paid online), its
-- rating, and the working calendar (processing minutes). src/server/stats/recount.ts recounts the same figures
-- set-based and independently; a test replays random workloads and compares both.
-- Dates are stored in UTC (timestamp without time zone); days are Vietnam's local days.
-- ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

CREATE OR REPLACE FUNCTION motcua_local_time(utc timestamp) RETURNS timestamp
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (utc AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh' $$;

-- Office minutes (07:30–17:00 on working days of the calendar: a CalendarDay row decides, else Monday–Friday)
-- between two local times; what domain/calendar/working-days.ts `workingMinutesBetween` counts.
CREATE OR REPLACE FUNCTION motcua_working_minutes(from_local timestamp, to_local timestamp) RETURNS bigint
  LANGUAGE sql STABLE
  AS $$
  SELECT coalesce(floor(sum(greatest(0, extract(epoch FROM
           least(g.day + time '17:00', to_local) - greatest(g.day + time '07:30', from_local)))) / 60), 0)::bigint
  FROM generate_series(from_local::date::timestamp, to_local::date::timestamp, interval '1 day') AS g(day)
  LEFT JOIN "CalendarDay" c ON c.date = g.day::date
  WHERE to_local > from_local
    AND (c.kind = 'WORKING_DAY' OR (c.kind IS NULL AND extract(isodow FROM g.day) < 6))
$$;

-- One dossier's contribution to DossierDailyStat (one row per key; VOLATILE so that every call sees the latest
-- committed attachments, payments and rating, never an older snapshot).
CREATE OR REPLACE FUNCTION motcua_dossier_daily_facts(d "Dossier")
  RETURNS TABLE ("communeId" uuid, day date, "procedureId" uuid, received int, "receivedOnline" int,
                 "receivedDigitised" int, "feeDue" int, "feePaidOnline" int, resolved int, "resolvedEarly" int,
                 "resolvedOnTime" int, "resolvedLate" int, "resolvedElectronic" int, refused int, withdrawn int,
                 "processingMinutes" bigint, "ratingsCount" int, "ratingsSum" int, "ratingsSatisfied" int)
  LANGUAGE sql VOLATILE
  AS $$
  WITH facts AS (
    SELECT motcua_local_time(d."submittedAt")::date AS day,
           1 AS received, (d.channel = 'ONLINE')::int AS online,
           (EXISTS (SELECT 1 FROM "Attachment" a WHERE a."communeId" = d."communeId" AND a."dossierId" = d.id AND a.kind IN ('APPLICATION', 'SUPPLEMENT')))::int AS digitised,
           (d."feeVnd" > 0)::int AS fee_due,
           (d."feeVnd" > 0 AND EXISTS (SELECT 1 FROM "Payment" p WHERE p."dossierId" = d.id
              AND p.status IN ('PAID', 'REFUNDED') AND p.method IN ('VIETQR', 'GATEWAY')))::int AS fee_paid_online,
           0 AS resolved, 0 AS early, 0 AS on_time, 0 AS late, 0 AS electronic, 0 AS refused, 0 AS withdrawn,
           0::bigint AS minutes, 0 AS ratings, 0 AS rating_sum, 0 AS satisfied
    UNION ALL
    SELECT motcua_local_time(d."completedAt")::date, 0, 0, 0, 0, 0,
           (d.state = 'RETURNED')::int,
           (d.state = 'RETURNED' AND d.outcome IS NOT DISTINCT FROM 'EARLY')::int,
           (d.state = 'RETURNED' AND d.outcome IS NOT DISTINCT FROM 'ON_TIME')::int,
           (d.state = 'RETURNED' AND d.outcome IS NOT DISTINCT FROM 'LATE')::int,
           (d.state = 'RETURNED' AND EXISTS (SELECT 1 FROM "Attachment" a WHERE a."communeId" = d."communeId" AND a."dossierId" = d.id AND a.kind = 'RESULT'))::int,
           (d.state = 'REFUSED')::int, (d.state = 'WITHDRAWN')::int,
           CASE WHEN d.state = 'RETURNED' AND d."receivedAt" IS NOT NULL
                THEN motcua_working_minutes(motcua_local_time(d."receivedAt"), motcua_local_time(d."completedAt"))
                ELSE 0 END,
           0, 0, 0
    WHERE d."completedAt" IS NOT NULL AND d.state IN ('RETURNED', 'REFUSED', 'WITHDRAWN')
    UNION ALL
    SELECT motcua_local_time(r."createdAt")::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, r.score, (r.score >= 4)::int
    FROM "DossierRating" r WHERE r."dossierId" = d.id
  )
  SELECT d."communeId", f.day, d."procedureId", sum(received)::int, sum(online)::int, sum(digitised)::int,
         sum(fee_due)::int, sum(fee_paid_online)::int, sum(resolved)::int, sum(early)::int, sum(on_time)::int,
         sum(late)::int, sum(electronic)::int, sum(refused)::int, sum(withdrawn)::int, sum(minutes)::bigint,
         sum(ratings)::int, sum(rating_sum)::int, sum(satisfied)::int
  FROM facts f
  GROUP BY f.day
$$;

-- Adds (sign 1) or subtracts (sign -1) one dossier's facts; rows that fall to zero are deleted, so the table
-- always holds exactly what a recount would write.
CREATE OR REPLACE FUNCTION motcua_apply_dossier_stats(d "Dossier", sign int) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO "DossierDailyStat" AS s ("communeId", day, "procedureId", received, "receivedOnline", "receivedDigitised",
    "feeDue", "feePaidOnline", resolved, "resolvedEarly", "resolvedOnTime", "resolvedLate", "resolvedElectronic",
    refused, withdrawn, "processingMinutes", "ratingsCount", "ratingsSum", "ratingsSatisfied")
  SELECT f."communeId", f.day, f."procedureId", sign * f.received, sign * f."receivedOnline", sign * f."receivedDigitised",
    sign * f."feeDue", sign * f."feePaidOnline", sign * f.resolved, sign * f."resolvedEarly", sign * f."resolvedOnTime",
    sign * f."resolvedLate", sign * f."resolvedElectronic", sign * f.refused, sign * f.withdrawn,
    sign * f."processingMinutes", sign * f."ratingsCount", sign * f."ratingsSum", sign * f."ratingsSatisfied"
  FROM motcua_dossier_daily_facts(d) f
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

-- The dossier itself: subtract what it was before the change, add what it is after.
CREATE OR REPLACE FUNCTION motcua_dossier_stats_before() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM motcua_apply_dossier_stats(OLD, -1);
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION motcua_dossier_stats_after() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM motcua_apply_dossier_stats(NEW, 1);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Dossier_stats_before_update"
  BEFORE UPDATE ON "Dossier" FOR EACH ROW
  WHEN (OLD."communeId" IS DISTINCT FROM NEW."communeId" OR OLD."procedureId" IS DISTINCT FROM NEW."procedureId"
     OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.state IS DISTINCT FROM NEW.state
     OR OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt"
     OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt" OR OLD."completedAt" IS DISTINCT FROM NEW."completedAt"
     OR OLD."dueAt" IS DISTINCT FROM NEW."dueAt" OR OLD."clockPausedAt" IS DISTINCT FROM NEW."clockPausedAt"
     OR OLD."feeVnd" IS DISTINCT FROM NEW."feeVnd")
  EXECUTE FUNCTION motcua_dossier_stats_before();

CREATE TRIGGER "Dossier_stats_after_update"
  AFTER UPDATE ON "Dossier" FOR EACH ROW
  WHEN (OLD."communeId" IS DISTINCT FROM NEW."communeId" OR OLD."procedureId" IS DISTINCT FROM NEW."procedureId"
     OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.state IS DISTINCT FROM NEW.state
     OR OLD.outcome IS DISTINCT FROM NEW.outcome OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt"
     OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt" OR OLD."completedAt" IS DISTINCT FROM NEW."completedAt"
     OR OLD."dueAt" IS DISTINCT FROM NEW."dueAt" OR OLD."clockPausedAt" IS DISTINCT FROM NEW."clockPausedAt"
     OR OLD."feeVnd" IS DISTINCT FROM NEW."feeVnd")
  EXECUTE FUNCTION motcua_dossier_stats_after();

CREATE TRIGGER "Dossier_stats_insert"
  AFTER INSERT ON "Dossier" FOR EACH ROW EXECUTE FUNCTION motcua_dossier_stats_after();

CREATE TRIGGER "Dossier_stats_delete"
  BEFORE DELETE ON "Dossier" FOR EACH ROW EXECUTE FUNCTION motcua_dossier_stats_before();

-- Attachments, payments and ratings change their dossier's facts. The dossier row is locked (FOR NO KEY UPDATE,
-- which a concurrent transition's UPDATE also takes) so that a transition and, say, the upload of the electronic
-- result cannot each compute their delta without seeing the other.
CREATE OR REPLACE FUNCTION motcua_related_stats() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  dossier_id uuid;
  d "Dossier";
  sign int := CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END;
BEGIN
  FOREACH dossier_id IN ARRAY ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD."dossierId" END,
    CASE WHEN TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."dossierId" IS DISTINCT FROM OLD."dossierId") THEN NEW."dossierId" END
  ] LOOP
    CONTINUE WHEN dossier_id IS NULL;
    SELECT * INTO d FROM "Dossier" WHERE id = dossier_id FOR NO KEY UPDATE;
    IF FOUND THEN
      PERFORM motcua_apply_dossier_stats(d, sign);
    END IF;
  END LOOP;
  IF TG_WHEN = 'AFTER' THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Attachment_stats_before" BEFORE INSERT OR DELETE OR UPDATE OF "dossierId", kind ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Attachment_stats_after" AFTER INSERT OR DELETE OR UPDATE OF "dossierId", kind ON "Attachment"
  FOR EACH ROW EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_before" BEFORE INSERT OR DELETE OR UPDATE OF "dossierId", status, method ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "Payment_stats_after" AFTER INSERT OR DELETE OR UPDATE OF "dossierId", status, method ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "DossierRating_stats_before" BEFORE INSERT OR DELETE OR UPDATE OF "dossierId", score, "createdAt" ON "DossierRating"
  FOR EACH ROW EXECUTE FUNCTION motcua_related_stats();
CREATE TRIGGER "DossierRating_stats_after" AFTER INSERT OR DELETE OR UPDATE OF "dossierId", score, "createdAt" ON "DossierRating"
  FOR EACH ROW EXECUTE FUNCTION motcua_related_stats();

-- The working calendar: a changed day changes the processing minutes of every returned dossier whose processing
-- spans it. Those dossiers' completion-day rows get their minutes recomputed (an administrator's rare act).
CREATE OR REPLACE FUNCTION motcua_recompute_processing_minutes(changed date[]) RETURNS void
  LANGUAGE sql
  AS $$
  WITH affected AS (
    SELECT DISTINCT d."communeId", motcua_local_time(d."completedAt")::date AS day, d."procedureId"
    FROM "Dossier" d
    WHERE d.state = 'RETURNED' AND d."receivedAt" IS NOT NULL AND d."completedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM unnest(changed) AS c(date)
                  WHERE c.date BETWEEN motcua_local_time(d."receivedAt")::date AND motcua_local_time(d."completedAt")::date)
  ),
  minutes AS (
    SELECT a."communeId", a.day, a."procedureId",
           coalesce(sum(motcua_working_minutes(motcua_local_time(d."receivedAt"), motcua_local_time(d."completedAt"))), 0)::bigint AS minutes
    FROM affected a
    JOIN "Dossier" d ON d."communeId" = a."communeId" AND d."procedureId" = a."procedureId" AND d.state = 'RETURNED'
      AND d."receivedAt" IS NOT NULL AND d."completedAt" IS NOT NULL
      AND motcua_local_time(d."completedAt")::date = a.day
    GROUP BY a."communeId", a.day, a."procedureId"
  )
  UPDATE "DossierDailyStat" s SET "processingMinutes" = m.minutes
  FROM minutes m
  WHERE s."communeId" = m."communeId" AND s.day = m.day AND s."procedureId" = m."procedureId"
$$;

-- Statement-level, with the changed rows as transition tables (a trigger with transition tables serves one event;
-- PL/pgSQL only resolves the table named in the branch that runs).
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
    PERFORM motcua_recompute_processing_minutes(changed);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "CalendarDay_stats_insert" AFTER INSERT ON "CalendarDay"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION motcua_calendar_stats();
CREATE TRIGGER "CalendarDay_stats_update" AFTER UPDATE ON "CalendarDay"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION motcua_calendar_stats();
CREATE TRIGGER "CalendarDay_stats_delete" AFTER DELETE ON "CalendarDay"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION motcua_calendar_stats();

-- What was there is recounted through the same facts.
DELETE FROM "DossierDailyStat";
DELETE FROM "DossierOpenStat";
SELECT motcua_apply_dossier_stats(d, 1) FROM "Dossier" d;
