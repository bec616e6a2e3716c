-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "applicantNameSearch" TEXT;

-- CreateIndex
CREATE INDEX "Dossier_applicantNameSearch_idx" ON "Dossier" USING GIN ("applicantNameSearch" gin_trgm_ops);

-- Hand-written: the search column is derived from the name by the database itself, so every writer (the
-- application, the seed's bulk inserts, imports) keeps it right without knowing of it.
CREATE OR REPLACE FUNCTION motcua_dossier_name_search() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW."applicantNameSearch" := motcua_search_text(NEW."applicantName");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Dossier_applicantNameSearch"
  BEFORE INSERT OR UPDATE OF "applicantName" ON "Dossier"
  FOR EACH ROW EXECUTE FUNCTION motcua_dossier_name_search();

UPDATE "Dossier" SET "applicantNameSearch" = motcua_search_text("applicantName");
