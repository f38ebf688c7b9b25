/** Put a marker for each gap at the start of the step it concerns, in the rendered HTML. Text is escaped here. */
import type { SiteGap } from './view-model.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

export function withGapMarkers(html: string, gaps: readonly SiteGap[]): string {
  let result = html;
  for (const gap of gaps) {
    if (!gap.stepAnchor || gap.status === 'wontfix') continue;
    const open = new RegExp(`(<li id="${gap.stepAnchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>)`);
    const label = gap.status === 'open' ? 'Open gap' : 'Gap found while shadowing, now covered here';
    const marker = `<span class="gap-marker ${escapeHtml(gap.status)}"><strong>${label}</strong> (${escapeHtml(gap.date)}): ${escapeHtml(gap.found)}</span>`;
    result = result.replace(open, `$1${marker}`);
  }
  return result;
}
