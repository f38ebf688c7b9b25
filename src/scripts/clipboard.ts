// Copying to the clipboard and saying so: the clipboard API, else a selection copy (older browsers, pages
// not in a secure context); the page's one live region tells screen readers what happened.
const announcer = document.querySelector<HTMLElement>('[data-announcer]');

export function announce(text: string): void {
  if (!announcer) return;
  announcer.textContent = '';
  // A change the live region notices even when the same words are said twice.
  setTimeout(() => (announcer.textContent = text), 50);
}

function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  let done: boolean;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/** Copy text to the clipboard: the clipboard API, else a selection copy. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, an unfocused page): try the selection copy.
  }
  return copyWithSelection(text);
}
