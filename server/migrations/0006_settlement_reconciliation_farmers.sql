CREATE TABLE "farmer_purchases" (
	"id" text PRIMARY KEY NOT NULL,
	"purchaser_merchant_id" text NOT NULL,
	"client_purchase_id" text NOT NULL,
	"farmer_id" text NOT NULL,
	"produce" text NOT NULL,
	"weight_grams" bigint NOT NULL,
	"unit_price_fen_per_kg" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"purchase_day" text NOT NULL,
	"payout_id" text,
	"receipt_token" text NOT NULL,
	"recorded_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "farmer_purchases_weight_positive" CHECK (weight_grams > 0),
	CONSTRAINT "farmer_purchases_price_positive" CHECK (unit_price_fen_per_kg > 0),
	CONSTRAINT "farmer_purchases_amount_positive" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "farmers" (
	"id" text PRIMARY KEY NOT NULL,
	"purchaser_merchant_id" text NOT NULL,
	"name_enc" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_index" text NOT NULL,
	"account_number_enc" text NOT NULL,
	"account_luhn_ok" boolean NOT NULL,
	"bank_code" text NOT NULL,
	"region_code" text NOT NULL,
	"mobile_enc" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchaser_deposits" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reference" text NOT NULL,
	"journal_id" text NOT NULL,
	"deposited_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "purchaser_deposits_amount_positive" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"source_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"source_account" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payee_name_enc" text NOT NULL,
	"payee_account_number_enc" text NOT NULL,
	"payee_account_masked" text NOT NULL,
	"payee_bank_code" text NOT NULL,
	"memo" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"settlement_date" text,
	"gateway_reference" text,
	"failure_code" text,
	"failure_message" text,
	"next_check_at" timestamp with time zone,
	"check_attempts" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"retried_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payouts_amount_positive" CHECK (amount_fen > 0)
);
--> statement-breakpoint
CREATE TABLE "recon_daily_fetches" (
	"statement_date" date PRIMARY KEY NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recon_breaks" (
	"id" text PRIMARY KEY NOT NULL,
	"import_id" text NOT NULL,
	"channel" text NOT NULL,
	"statement_date" date NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"payment_id" text,
	"refund_id" text,
	"line_number" integer,
	"channel_transaction_id" text,
	"channel_refund_id" text,
	"their_amount_fen" bigint,
	"their_status" text,
	"our_amount_fen" bigint,
	"our_status" text,
	"our_booked_at" timestamp with time zone,
	"status" text NOT NULL,
	"resolution_action" text,
	"resolution_reason" text,
	"proposed_by_user_id" text,
	"proposed_at" timestamp with time zone,
	"approved_by_user_id" text,
	"approved_at" timestamp with time zone,
	"adjusting_journal_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recon_statement_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"statement_date" date NOT NULL,
	"file_sha256" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"line_count" integer NOT NULL,
	"their_payment_total_fen" bigint NOT NULL,
	"their_refund_total_fen" bigint NOT NULL,
	"their_fee_total_fen" bigint NOT NULL,
	"our_payment_count" integer NOT NULL,
	"our_payment_total_fen" bigint NOT NULL,
	"our_refund_count" integer NOT NULL,
	"our_refund_total_fen" bigint NOT NULL,
	"matched_payment_count" integer NOT NULL,
	"matched_payment_total_fen" bigint NOT NULL,
	"matched_refund_count" integer NOT NULL,
	"matched_refund_total_fen" bigint NOT NULL,
	"break_count" integer NOT NULL,
	"settled_net_fen" bigint NOT NULL,
	"settlement_journal_id" text,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"imported_by_user_id" text,
	"superseded_by_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"settlement_date" date NOT NULL,
	"cycle" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"payment_count" integer NOT NULL,
	"payments_fen" bigint NOT NULL,
	"refund_count" integer NOT NULL,
	"refunds_fen" bigint NOT NULL,
	"fees_fen" bigint NOT NULL,
	"commission_fen" bigint NOT NULL,
	"loan_deduction_fen" bigint DEFAULT 0 NOT NULL,
	"d0_premium_fen" bigint DEFAULT 0 NOT NULL,
	"credited_fen" bigint NOT NULL,
	"net_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"journal_id" text,
	"payout_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "settlement_lines_net" CHECK (net_fen >= 0)
);
--> statement-breakpoint
CREATE TABLE "settlement_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"settlement_date" date NOT NULL,
	"status" text NOT NULL,
	"started_by_user_id" text,
	"merchant_count" integer DEFAULT 0 NOT NULL,
	"payments_fen" bigint DEFAULT 0 NOT NULL,
	"refunds_fen" bigint DEFAULT 0 NOT NULL,
	"fees_fen" bigint DEFAULT 0 NOT NULL,
	"net_fen" bigint DEFAULT 0 NOT NULL,
	"payout_count" integer DEFAULT 0 NOT NULL,
	"payout_file" text,
	"payout_file_sha256" text,
	"last_error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settlement_terms" (
	"merchant_id" text PRIMARY KEY NOT NULL,
	"cycle" text NOT NULL,
	"d0_premium_bp" integer DEFAULT 0 NOT NULL,
	"updated_by_user_id" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "settlement_terms_premium_bp" CHECK (d0_premium_bp between 0 and 1000)
);
--> statement-breakpoint
ALTER TABLE "farmer_purchases" ADD CONSTRAINT "farmer_purchases_purchaser_merchant_id_merchants_id_fk" FOREIGN KEY ("purchaser_merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "farmer_purchases" ADD CONSTRAINT "farmer_purchases_farmer_id_farmers_id_fk" FOREIGN KEY ("farmer_id") REFERENCES "public"."farmers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "farmers" ADD CONSTRAINT "farmers_purchaser_merchant_id_merchants_id_fk" FOREIGN KEY ("purchaser_merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchaser_deposits" ADD CONSTRAINT "purchaser_deposits_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recon_breaks" ADD CONSTRAINT "recon_breaks_import_id_recon_statement_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."recon_statement_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_run_id_settlement_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."settlement_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "farmer_purchases_client_id_uq" ON "farmer_purchases" USING btree ("purchaser_merchant_id","client_purchase_id");--> statement-breakpoint
CREATE UNIQUE INDEX "farmer_purchases_receipt_token_uq" ON "farmer_purchases" USING btree ("receipt_token");--> statement-breakpoint
CREATE INDEX "farmer_purchases_purchaser_idx" ON "farmer_purchases" USING btree ("purchaser_merchant_id","id");--> statement-breakpoint
CREATE INDEX "farmer_purchases_purchaser_day_idx" ON "farmer_purchases" USING btree ("purchaser_merchant_id","purchase_day");--> statement-breakpoint
CREATE INDEX "farmer_purchases_farmer_idx" ON "farmer_purchases" USING btree ("farmer_id","id");--> statement-breakpoint
CREATE INDEX "farmer_purchases_day_idx" ON "farmer_purchases" USING btree ("purchase_day");--> statement-breakpoint
CREATE UNIQUE INDEX "farmers_purchaser_id_number_uq" ON "farmers" USING btree ("purchaser_merchant_id","id_number_index");--> statement-breakpoint
CREATE INDEX "farmers_purchaser_idx" ON "farmers" USING btree ("purchaser_merchant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchaser_deposits_reference_uq" ON "purchaser_deposits" USING btree ("merchant_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_source_uq" ON "payouts" USING btree ("purpose","source_id");--> statement-breakpoint
CREATE INDEX "payouts_merchant_idx" ON "payouts" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "payouts_settlement_date_idx" ON "payouts" USING btree ("settlement_date");--> statement-breakpoint
CREATE INDEX "payouts_next_check_idx" ON "payouts" USING btree ("next_check_at") WHERE status in ('created', 'submitted');--> statement-breakpoint
CREATE INDEX "payouts_status_idx" ON "payouts" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "recon_breaks_import_idx" ON "recon_breaks" USING btree ("import_id","id");--> statement-breakpoint
CREATE INDEX "recon_breaks_status_idx" ON "recon_breaks" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "recon_imports_file_uq" ON "recon_statement_imports" USING btree ("channel","statement_date","file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "recon_imports_current_uq" ON "recon_statement_imports" USING btree ("channel","statement_date") WHERE status = 'matched';--> statement-breakpoint
CREATE INDEX "recon_imports_date_idx" ON "recon_statement_imports" USING btree ("statement_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_lines_merchant_date_uq" ON "settlement_lines" USING btree ("merchant_id","settlement_date");--> statement-breakpoint
CREATE INDEX "settlement_lines_run_idx" ON "settlement_lines" USING btree ("run_id","merchant_id");--> statement-breakpoint
CREATE INDEX "settlement_lines_merchant_end_idx" ON "settlement_lines" USING btree ("merchant_id","window_end");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_runs_date_uq" ON "settlement_runs" USING btree ("settlement_date");--> statement-breakpoint
CREATE INDEX "payments_channel_succeeded_idx" ON "payments" USING btree ("channel","succeeded_at") WHERE succeeded_at is not null;--> statement-breakpoint
CREATE INDEX "refunds_channel_refund_idx" ON "refunds" USING btree ("channel","channel_refund_id");--> statement-breakpoint
CREATE INDEX "refunds_channel_closed_idx" ON "refunds" USING btree ("channel","closed_at") WHERE status = 'succeeded';