// Content collections, fed by loaders built on src/core: one parse for the checker and the site.
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, playbookLoader } from './site/loader.ts';

export const collections = {
  // Entries are validated by src/core and the view model; the schema here only passes them through.
  playbooks: defineCollection({ loader: playbookLoader(), schema: z.looseObject({}) }),
  docs: defineCollection({ loader: docsLoader(), schema: z.looseObject({}) }),
};
