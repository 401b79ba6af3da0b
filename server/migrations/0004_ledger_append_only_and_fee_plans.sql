-- Ledger entries and journals are append-only: corrections are reversing journals (DESIGN.md §5).
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only
  BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate
  BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_journals_append_only
  BEFORE UPDATE OR DELETE ON ledger_journals
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_journals_no_truncate
  BEFORE TRUNCATE ON ledger_journals
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- The four fee plans a reviewer chooses from (merchants/fee-plans.ts) and their default rates
-- (DOMAIN.md §4): 0.6% standard on QR wallets, preferential rates for micro merchants, market
-- members and public services; debit cards 0.35% capped at 13 CNY, credit cards 0.45%.
INSERT INTO fee_plans (code, name_zh, name_en, refund_fee, updated_at) VALUES
  ('standard', '标准费率', 'Standard', 'pro_rata', now()),
  ('micro_preferential', '小微优惠费率', 'Micro merchant preferential', 'pro_rata', now()),
  ('market_member', '市场商户费率', 'Market member', 'pro_rata', now()),
  ('public_service', '民生行业费率', 'Public service', 'pro_rata', now());
--> statement-breakpoint
-- The bank's own app costs the bank no scheme fee, so it charges half the wallet rate.
INSERT INTO fee_plan_rates (plan_code, channel, card_type, rate_bp, cap_fen)
SELECT plan.code, rate.channel, rate.card_type,
       CASE rate.channel WHEN 'card' THEN rate.card_bp WHEN 'bankapp' THEN plan.qr_bp / 2 ELSE plan.qr_bp END,
       rate.cap_fen
FROM (VALUES ('standard', 60), ('micro_preferential', 38), ('market_member', 30), ('public_service', 20))
       AS plan(code, qr_bp)
CROSS JOIN (VALUES
  ('wechat', 'any', 0, NULL::bigint),
  ('alipay', 'any', 0, NULL),
  ('unionpay', 'any', 0, NULL),
  ('bankapp', 'any', 0, NULL),
  ('card', 'debit', 35, 1300),
  ('card', 'credit', 45, NULL)
) AS rate(channel, card_type, card_bp, cap_fen);
