/**
 * Masking of personal data (DOMAIN.md §9) for replies, logs and audit records. Field names
 * decide the rule, so a new field with a known name is masked without anyone remembering to.
 */
const rules: Array<{ pattern: RegExp; mask: (value: string) => string }> = [
  { pattern: /password|secret|token|recoveryCode|otp|cvn/i, mask: () => '[redacted]' },
  {
    pattern: /mobile|phone/i,
    mask: (v) => (v.length >= 7 ? `${v.slice(0, 3)}****${v.slice(-4)}` : '****'),
  },
  {
    pattern: /idNumber|idCard/i,
    mask: (v) =>
      v.length >= 7 ? `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}` : '****',
  },
  {
    pattern: /cardNumber|accountNumber|pan$/i,
    mask: (v) =>
      v.length >= 10 ? `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}` : '****',
  },
  {
    pattern: /personName|legalName|legalRepName|holderName|accountName/i,
    mask: (v) => (v.length > 0 ? `${Array.from(v)[0]}*` : v),
  },
];

export function maskField(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const rule = rules.find((candidate) => candidate.pattern.test(field));
  return rule ? rule.mask(String(value)) : value;
}

export function maskMobile(value: string): string {
  return maskField('mobile', value) as string;
}
