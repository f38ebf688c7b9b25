/** The JSON Schema of playbook frontmatter, generated from the zod schema (one source of truth). */
import { z } from 'astro/zod';
import { frontmatterSchema } from '../core/schema.ts';

export function frontmatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frontmatterSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'https://playbook.dev/schema/frontmatter-v1.json', title: 'Playbook frontmatter (format version 1)', ...schema };
}
