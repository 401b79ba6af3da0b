ALTER TABLE "payments" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "check_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "payments_next_check_idx" ON "payments" USING btree ("next_check_at") WHERE status = 'pending';--> statement-breakpoint
-- Payments pending before the sweeper existed are followed up at its first round.
UPDATE "payments" SET "next_check_at" = now() WHERE "status" = 'pending';