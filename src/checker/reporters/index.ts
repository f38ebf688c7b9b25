import { github } from './github.ts';
import { json } from './json.ts';
import { junit } from './junit.ts';
import { sarif } from './sarif.ts';
import { stylish } from './stylish.ts';
import type { Reporter } from './types.ts';

export const REPORTERS: Record<string, Reporter> = { stylish, json, sarif, github, junit };
export type { CheckResult, Reporter } from './types.ts';
