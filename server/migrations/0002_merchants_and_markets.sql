CREATE TABLE "buyer_members" (
	"id" text PRIMARY KEY NOT NULL,
	"market_id" text NOT NULL,
	"name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_index" text NOT NULL,
	"account_number_enc" text NOT NULL,
	"account_luhn_ok" boolean NOT NULL,
	"bank_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"market_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" text
);
--> statement-breakpoint
CREATE TABLE "markets" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_merchant_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"commission_bp" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"type" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "merchant_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"registered_name" text,
	"short_name" text,
	"credit_code" text,
	"legal_rep_name" text,
	"legal_rep_id_number_enc" text,
	"mobile_enc" text,
	"mobile_index" text,
	"region_code" text,
	"address" text,
	"mcc" text,
	"settlement_account_name" text,
	"settlement_account_number_enc" text,
	"settlement_bank_code" text,
	"org_node_id" text NOT NULL,
	"referral_code_given" text,
	"referred_by_merchant_id" text,
	"referral_code" text,
	"review_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risk_level" text,
	"fee_plan" text,
	"reviewer_user_id" text,
	"recommended_at" timestamp with time zone,
	"approver_user_id" text,
	"status_reason" text,
	"owner_user_id" text,
	"applicant_token_hash" text,
	"submitted_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_account_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"status" text NOT NULL,
	"account_name" text NOT NULL,
	"account_number_enc" text NOT NULL,
	"bank_code" text NOT NULL,
	"requested_by_user_id" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"cancelled_by_user_id" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text NOT NULL,
	"hours" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "merchant_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "store_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mobile_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "setup_code_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "setup_code_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "buyer_members" ADD CONSTRAINT "buyer_members_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_memberships" ADD CONSTRAINT "market_memberships_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_memberships" ADD CONSTRAINT "market_memberships_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "markets" ADD CONSTRAINT "markets_operator_merchant_id_merchants_id_fk" FOREIGN KEY ("operator_merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_documents" ADD CONSTRAINT "merchant_documents_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_notifications" ADD CONSTRAINT "merchant_notifications_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_org_node_id_org_nodes_id_fk" FOREIGN KEY ("org_node_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_account_changes" ADD CONSTRAINT "settlement_account_changes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_members_market_id_number_uq" ON "buyer_members" USING btree ("market_id","id_number_index");--> statement-breakpoint
CREATE UNIQUE INDEX "market_memberships_market_merchant_uq" ON "market_memberships" USING btree ("market_id","merchant_id");--> statement-breakpoint
CREATE INDEX "markets_operator_idx" ON "markets" USING btree ("operator_merchant_id");--> statement-breakpoint
CREATE INDEX "merchant_documents_merchant_idx" ON "merchant_documents" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "merchant_notifications_merchant_idx" ON "merchant_notifications" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "merchants_org_node_idx" ON "merchants" USING btree ("org_node_id");--> statement-breakpoint
CREATE INDEX "merchants_status_idx" ON "merchants" USING btree ("status");--> statement-breakpoint
CREATE INDEX "merchants_mobile_index_idx" ON "merchants" USING btree ("mobile_index");--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_referral_code_uq" ON "merchants" USING btree ("referral_code");--> statement-breakpoint
CREATE UNIQUE INDEX "merchants_applicant_token_uq" ON "merchants" USING btree ("applicant_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_account_changes_one_pending_uq" ON "settlement_account_changes" USING btree ("merchant_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "stores_merchant_idx" ON "stores" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "users_merchant_idx" ON "users" USING btree ("merchant_id");