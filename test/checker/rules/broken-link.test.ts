/** broken-link: links to missing playbooks or anchors, out of the content folder, or with a scheme the site removes. */
import { brokenLink } from '../../../src/checker/rules/broken-link.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** The linked playbook: a `## Background` heading and a step with the id `drain`. */
const target = playbook('', '1. Drain the queue {#drain}', '## Background\n\n');
const others = { 'team/target.md': target };
/** `team/a.md` with `links` on line 7, above its steps. */
const linking = (links: string) => ({ path: 'team/a.md', others, code: playbook('', '1. Restart.', `${links}\n\n`) });

testRule(brokenLink, {
  valid: [
    { name: 'links to playbooks, their headings and steps, own anchors, and web links', ...linking('[a](target.md) [b](target.md#background) [c](target.md#drain) [d](#verify) [e](#step-1) [f](https://example.com/x.md) [g](mailto:a@b.c)') },
    { name: 'an absolute path from the content folder', ...linking('[a](/team/target.md#drain)') },
    { name: 'files beside the playbook, linked and embedded', ...linking('[form](forms/leave.pdf) ![map](map.png)'), others: { ...others, 'team/forms/leave.pdf': '%PDF-1.4\n', 'team/map.png': 'x' } },
    { name: 'a footnote and a link to it', ...linking('A note[^1] and [back to it](#fn-1).\n\n[^1]: The note.') },
    { name: 'an anchor written percent-encoded', path: 'team/a.md', others, code: playbook('', '1. Restart.', '## Café\n\nSee [this](#caf%C3%A9).\n\n') },
  ],
  invalid: [
    { name: 'an image of a file that is not there (even one named .md)', ...linking('![diagram](missing.md)'), findings: [{ line: 7, column: 1, message: 'image `missing.md` points to `team/missing.md`, which is not a file in the content folder', data: { path: 'team/missing.md' } }] },
    { name: 'a link to a file that is not there', ...linking('[the form](forms/leave.pdf)'), findings: [{ line: 7, column: 1, message: 'link `forms/leave.pdf` points to `team/forms/leave.pdf`, which is not a file in the content folder' }] },
    { name: 'a missing playbook', ...linking('[x](missing.md)'), findings: [{ line: 7, column: 1, severity: 'error', message: 'link `missing.md` points to `team/missing`, which is not a playbook', fix: 'correct the path (relative to this file) or write that playbook', data: { url: 'missing.md', slug: 'team/missing' } }] },
    { name: 'a missing anchor of another playbook', ...linking('[x](target.md#nope)'), findings: [{ line: 7, column: 1, message: 'link `target.md#nope` points to `#nope`, which `team/target` does not have', data: { slug: 'team/target', anchor: 'nope' } }] },
    { name: 'a missing own anchor', ...linking('[x](#nowhere)'), findings: [{ line: 7, column: 1, message: 'link `#nowhere` points to no heading, step or footnote of this playbook', fix: /^use one of the page's anchors, e\.g\. `#/ }] },
    { name: 'a path out of the content folder', ...linking('[x](../../../etc/passwd.md)'), findings: [{ line: 7, column: 1, message: 'link `../../../etc/passwd.md` leaves the content folder: it will not work on the site' }] },
    { name: 'a missing playbook by absolute path', ...linking('[x](/team/gone.md)'), findings: [{ line: 7, column: 1, message: 'link `/team/gone.md` points to `team/gone`, which is not a playbook', data: { slug: 'team/gone' } }] },
    { name: 'a javascript: link', ...linking('[x](javascript:alert(1))'), findings: [{ line: 7, column: 1, message: 'link `javascript:alert(1)` uses a scheme the site removes (`javascript:`): it will not work', data: { url: 'javascript:alert(1)' } }] },
    {
      name: 'every broken link of the file, each at its own place',
      ...linking('See [one](missing.md) and [two](#nowhere).\n\nAlso [fine](target.md) and [three](data:text/html,x).'),
      findings: [
        { line: 7, column: 5, message: /points to `team\/missing`/ },
        { line: 7, column: 27, message: /points to no heading, step or footnote/ },
        { line: 9, column: 28, message: /uses a scheme the site removes/ },
      ],
    },
    { name: 'a link inside a step', path: 'team/a.md', others, code: playbook('', '1. Follow [the drain step](target.md#drian).'), findings: [{ line: 9, column: 11, message: 'link `target.md#drian` points to `#drian`, which `team/target` does not have' }] },
  ],
});
