CREATE TABLE "merchant_api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" text
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"owner_id" text,
	"merchant_id" text,
	"balance_fen" bigint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"journal_id" text NOT NULL,
	"account_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"merchant_id" text,
	"posted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_entries_non_zero" CHECK (amount_fen <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_journals" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"merchant_id" text,
	"description" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"dedup_key" text,
	"payment_id" text,
	"refund_id" text,
	"outcome" text NOT NULL,
	"reason" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_daily_usage" (
	"subject" text NOT NULL,
	"day" date NOT NULL,
	"scope" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "payment_daily_usage_subject_day_scope_pk" PRIMARY KEY("subject","day","scope")
);
--> statement-breakpoint
CREATE TABLE "fee_plan_rates" (
	"plan_code" text NOT NULL,
	"channel" text NOT NULL,
	"card_type" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"cap_fen" bigint,
	CONSTRAINT "fee_plan_rates_plan_code_channel_card_type_pk" PRIMARY KEY("plan_code","channel","card_type"),
	CONSTRAINT "fee_plan_rates_rate_bp" CHECK (rate_bp between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "fee_plans" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"refund_fee" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"store_id" text NOT NULL,
	"method" text NOT NULL,
	"channel" text,
	"status" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"fee_fen" bigint DEFAULT 0 NOT NULL,
	"commission_fen" bigint DEFAULT 0 NOT NULL,
	"market_id" text,
	"market_operator_merchant_id" text,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"refunding_fen" bigint DEFAULT 0 NOT NULL,
	"refund_count" integer DEFAULT 0 NOT NULL,
	"fee_returned_fen" bigint DEFAULT 0 NOT NULL,
	"description" text,
	"order_reference" text,
	"code_kind" text NOT NULL,
	"payer_ref" text,
	"channel_transaction_id" text,
	"card_bin" text,
	"card_last4" text,
	"card_type" text,
	"card_token" text,
	"terminal_id" text,
	"auth_code_prefix" text,
	"created_by_user_id" text,
	"api_key_id" text,
	"expires_at" timestamp with time zone,
	"reverse_at" timestamp with time zone,
	"succeeded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"failure_code" text,
	"failure_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK (amount_fen > 0),
	CONSTRAINT "payments_refunds_within_amount" CHECK (refunded_fen >= 0 and refunding_fen >= 0 and refunded_fen + refunding_fen <= amount_fen)
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"fee_returned_fen" bigint NOT NULL,
	"commission_returned_fen" bigint DEFAULT 0 NOT NULL,
	"reason" text,
	"channel_refund_id" text,
	"failure_code" text,
	"failure_message" text,
	"created_by_user_id" text,
	"api_key_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_positive" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "store_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"store_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_journal_id_ledger_journals_id_fk" FOREIGN KEY ("journal_id") REFERENCES "public"."ledger_journals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_plan_rates" ADD CONSTRAINT "fee_plan_rates_plan_code_fee_plans_code_fk" FOREIGN KEY ("plan_code") REFERENCES "public"."fee_plans"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_api_keys_secret_uq" ON "merchant_api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "merchant_api_keys_merchant_idx" ON "merchant_api_keys" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_code_uq" ON "ledger_accounts" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ledger_accounts_merchant_idx" ON "ledger_accounts" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_journal_idx" ON "ledger_entries" USING btree ("journal_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_journals_kind_source_uq" ON "ledger_journals" USING btree ("kind","source_id");--> statement-breakpoint
CREATE INDEX "ledger_journals_source_idx" ON "ledger_journals" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "ledger_journals_merchant_idx" ON "ledger_journals" USING btree ("merchant_id","posted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_notifications_dedup_uq" ON "channel_notifications" USING btree ("channel","dedup_key") WHERE outcome = 'applied';--> statement-breakpoint
CREATE INDEX "channel_notifications_payment_idx" ON "channel_notifications" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payments_merchant_idx" ON "payments" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "payments_created_idx" ON "payments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments" USING btree ("status","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "payments_payer_idx" ON "payments" USING btree ("payer_ref","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_channel_txn_uq" ON "payments" USING btree ("channel","channel_transaction_id");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refunds_merchant_idx" ON "refunds" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "refunds" USING btree ("status","created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "store_codes_code_uq" ON "store_codes" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "store_codes_store_uq" ON "store_codes" USING btree ("store_id");