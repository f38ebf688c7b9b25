import { describe, expect, it } from 'vitest';
import { markForIndex } from '../../src/site/search-index.ts';

describe('the copy of a page the search indexes', () => {
  it('titles each step as a section of its own, so a result links to the step', () => {
    const html = '<ol><li id="user-content-step-1" data-step="1" class="step">Do it</li><li id="user-content-pause" data-step="2.1" class="step">Pause</li><li>Not a step</li></ol>';
    expect(markForIndex(html)).toBe('<ol><li id="user-content-step-1" data-step="1" class="step" data-pagefind-title="Step 1">Do it</li><li id="user-content-pause" data-step="2.1" class="step" data-pagefind-title="Step 2.1">Pause</li><li>Not a step</li></ol>');
  });

  it('weighs code above prose', () => {
    expect(markForIndex('<p>Run <code>kubectl</code>.</p><pre><code class="language-sh">oc get nodes</code></pre><p>a <codex> b</p>', 3)).toBe('<p>Run <code data-pagefind-weight="3">kubectl</code>.</p><pre><code data-pagefind-weight="3" class="language-sh">oc get nodes</code></pre><p>a <codex> b</p>');
  });
});
