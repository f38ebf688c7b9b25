/** unsafe-html: raw HTML the site's sanitiser removes, in whole or in part, named as the sanitiser sees it. */
import { unsafeHtml } from '../../../src/checker/rules/unsafe-html.ts';
import { playbook } from '../helpers.ts';
import { testRule } from '../rule-tester.ts';

/** A playbook with `body` on line 7, above its steps. */
const above = (body: string) => playbook('', '1. Restart.', `${body}\n\n`);
const loses = (...removed: string[]) => ({ message: `raw HTML loses ${removed.join(', ')} when it is published: the site's sanitiser removes ${removed.length === 1 ? 'it' : 'them'}`, data: { removed } });

testRule(unsafeHtml, {
  valid: [
    { name: 'formatting HTML the site keeps', code: above('<details open><summary>More</summary>\n\nText\n\n</details>') },
    { name: 'inline formatting', code: above('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then read x<sup>2</sup>.') },
    { name: 'an HTML comment, on its own line or inline', code: above('<!-- a note for editors -->\n\nText <!-- inline comment --> more.') },
    { name: 'a suppression comment', code: above('<!-- playbook-disable-next-line vague-step -- defined in the team README -->') },
    { name: 'a task-list checkbox', code: above('- [ ] <input type="checkbox"> task') },
    { name: 'tags in code are text', code: above('```html\n<script>alert(1)</script>\n```\n\nAnd `<iframe>` inline.') },
  ],
  invalid: [
    {
      name: 'an event handler, not the formatting HTML beside it',
      code: above('<img src=x onerror=alert(1)>\n\n<details><summary>x</summary>y</details>'),
      findings: [{ line: 7, column: 1, severity: 'warning', ...loses('`onerror` on `<img>`'), fix: /^write it in Markdown instead/ }],
    },
    { name: 'a script block, named alone', code: above('<script>alert(1)</script>'), findings: [{ line: 7, column: 1, ...loses('`<script>`') }] },
    { name: 'a style attribute, inline, at the tag', code: above('Some <span style="color:red">red</span> text.'), findings: [{ line: 7, column: 6, ...loses('`style` on `<span>`') }] },
    { name: 'a javascript: link', code: above('<a href="javascript:alert(1)">x</a>'), findings: [{ line: 7, column: 1, ...loses('`href` on `<a>`') }] },
    { name: 'a data: image', code: above('<img src="data:image/png;base64,AAAA">'), findings: [{ line: 7, column: 1, ...loses('`src` on `<img>`') }] },
    {
      name: 'each piece of raw HTML, in order',
      code: above('<iframe src="https://example.com"></iframe>\n\n<form action="/x"><input name=a></form>'),
      findings: [
        { line: 7, column: 1, ...loses('`<iframe>`') },
        { line: 9, column: 1, ...loses('`<form>`') },
      ],
    },
    {
      name: 'more than three removals: three named, the rest counted',
      code: above('<div onclick="x()" style="a" onmouseover="y" class="c">hi</div>'),
      findings: [{ line: 7, column: 1, message: "raw HTML loses `onclick` on `<div>`, `style` on `<div>`, `onmouseover` on `<div>` and 1 more when it is published: the site's sanitiser removes them", data: { removed: ['`onclick` on `<div>`', '`style` on `<div>`', '`onmouseover` on `<div>`', '`class` on `<div>`'] } }],
    },
  ],
});
