import { parserRule } from './model-diagnostics.ts';

/** A playbook whose URL is a route the site needs (`gaps`, `people/…`, `docs/…`). Found by the parser (src/core/reserved.ts); see docs/rules/reserved-slug.md. */
export const reservedSlug = parserRule('reserved-slug', 'A playbook whose URL is a route the site needs for itself', 'error');
