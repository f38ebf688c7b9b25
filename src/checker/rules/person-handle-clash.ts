import { clashingHandles, mentionsOf, personSlugOf } from '../../core/people.ts';
import type { Corpus } from '../../core/corpus.ts';
import type { Rule } from '../rule.ts';

/** The clashes of a corpus, computed once: every playbook of every run asks. */
const clashesOfCorpus = new WeakMap<Corpus, Map<string, string[]>>();

/** Two ways of writing what looks like one person (`alex.smith`, `alexsmith`): they would share one page's URL. */
export const personHandleClash: Rule = {
  id: 'person-handle-clash',
  description: 'Two handles that look like one person written two ways',
  defaultSeverity: 'warning',
  check({ playbook, corpus, report }) {
    let clashes = clashesOfCorpus.get(corpus);
    if (!clashes) {
      clashes = clashingHandles(corpus.playbooks.flatMap((p) => mentionsOf(p).map((mention) => mention.handle)));
      clashesOfCorpus.set(corpus, clashes);
    }
    const reported = new Set<string>();
    for (const mention of mentionsOf(playbook)) {
      const others = clashes.get(mention.handle);
      if (!others || reported.has(mention.handle)) continue;
      reported.add(mention.handle);
      report({
        place: mention.place,
        message: `\`${mention.handle}\` (${mention.role}) and ${others.map((h) => `\`${h}\``).join(', ')} look like one person written two ways: both would be /people/${personSlugOf(mention.handle)}/`,
        fix: `write the handle the same way everywhere (the site gives them separate pages until then)`,
        data: { handle: mention.handle, others },
      });
    }
  },
};
