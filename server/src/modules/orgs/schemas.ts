import { z } from 'zod';

export const orgNodeKindSchema = z.enum(['head_office', 'branch', 'sub_branch']);

export const orgNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  kind: orgNodeKindSchema,
  regionCode: z.string(),
  regionName: z.string(),
  depth: z.number().int(),
  staffCount: z.number().int(),
  createdAt: z.string(),
});

const codeSchema = z.string().regex(/^[A-Z0-9]{2,16}$/, '2–16 uppercase letters or digits');
const nameSchema = z.string().trim().min(2).max(60);
const regionCodeSchema = z.string().regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code');

export const createOrgNodeSchema = z.strictObject({
  parentId: z.string().min(1),
  code: codeSchema,
  name: nameSchema,
  regionCode: regionCodeSchema,
});

export const updateOrgNodeSchema = z.strictObject({
  name: nameSchema.optional(),
  regionCode: regionCodeSchema.optional(),
});

export const moveOrgNodeSchema = z.strictObject({ parentId: z.string().min(1) });

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county']),
  hasChildren: z.boolean(),
});
