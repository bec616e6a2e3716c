-- CreateTable
CREATE TABLE "LookupAttempt" (
    "id" BIGSERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LookupAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LookupAttempt_code_createdAt_idx" ON "LookupAttempt"("code", "createdAt");

-- CreateIndex
CREATE INDEX "LookupAttempt_ip_createdAt_idx" ON "LookupAttempt"("ip", "createdAt");
