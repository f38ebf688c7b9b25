/** The playbook model: one parser, one schema, shared by the checker and the site. */
export * from './diagnostic.ts';
export * from './schema.ts';
export * from './model.ts';
export { parsePlaybook, parsePlaybookBytes, formatPath, MAX_FILE_BYTES } from './parse.ts';
export * from './corpus.ts';
export * from './load.ts';
export { slugOf } from './slug.ts';
export { STEP_ID_PATTERN } from './body.ts';
export { loadCorpusInWorkers, parseFilesInWorkers, type ParallelOptions } from './load-parallel.ts';
export { findSecrets, maskSecrets, SECRET_PATTERNS, type SecretMatch } from './secrets.ts';
export { renderPlaybookHtml, playbookUrl, sanitizeSchema, type RenderOptions } from './render.ts';
