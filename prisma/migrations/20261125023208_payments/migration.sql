-- AlterEnum
BEGIN;
CREATE TYPE "StatementLineStatus_new" AS ENUM ('MATCHED', 'PARTIAL', 'EXCESS', 'DUPLICATE', 'UNMATCHED');
ALTER TABLE "BankStatementLine" ALTER COLUMN "status" TYPE "StatementLineStatus_new" USING ("status"::text::"StatementLineStatus_new");
ALTER TYPE "StatementLineStatus" RENAME TO "StatementLineStatus_old";
ALTER TYPE "StatementLineStatus_new" RENAME TO "StatementLineStatus";
DROP TYPE "public"."StatementLineStatus_old";
COMMIT;

-- AlterTable
ALTER TABLE "BankStatementLine" DROP COLUMN "note",
ADD COLUMN     "reason" TEXT NOT NULL,
ADD COLUMN     "resolutionNote" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" UUID;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ProcedureVersion" ADD COLUMN     "feeRule" JSONB NOT NULL DEFAULT '{"kind": "FIXED"}';

-- CreateTable
CREATE TABLE "PaymentRefund" (
    "id" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "communeId" UUID NOT NULL,
    "amountVnd" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "refundedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentRefund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentRefund_paymentId_idx" ON "PaymentRefund"("paymentId");

-- CreateIndex
CREATE INDEX "PaymentRefund_communeId_createdAt_idx" ON "PaymentRefund"("communeId", "createdAt");

-- CreateIndex
CREATE INDEX "BankStatementLine_communeId_bankTxnId_idx" ON "BankStatementLine"("communeId", "bankTxnId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_dossierId_sequence_key" ON "Payment"("dossierId", "sequence");

-- AddForeignKey
ALTER TABLE "PaymentRefund" ADD CONSTRAINT "PaymentRefund_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRefund" ADD CONSTRAINT "PaymentRefund_refundedById_fkey" FOREIGN KEY ("refundedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Refunds and raw gateway callbacks are records of money: append-only like DossierEvent and AuditLog.
CREATE TRIGGER "PaymentRefund_append_only"
  BEFORE UPDATE OR DELETE ON "PaymentRefund"
  FOR EACH ROW EXECUTE FUNCTION motcua_reject_change();
CREATE TRIGGER "PaymentRefund_no_truncate"
  BEFORE TRUNCATE ON "PaymentRefund"
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_reject_change();

CREATE TRIGGER "PaymentCallback_append_only"
  BEFORE UPDATE OR DELETE ON "PaymentCallback"
  FOR EACH ROW EXECUTE FUNCTION motcua_reject_change();
CREATE TRIGGER "PaymentCallback_no_truncate"
  BEFORE TRUNCATE ON "PaymentCallback"
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_reject_change();
