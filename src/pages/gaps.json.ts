// Every gap and finding as JSON: the gaps page filters it in the browser when there are too many rows for one page.
import type { APIRoute } from 'astro';
import { allPlaybooks } from '../site/collection.ts';
import { gapRows } from '../site/gap-rows.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(gapRows(await allPlaybooks())), { headers: { 'content-type': 'application/json' } });
