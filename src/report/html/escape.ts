import { escapeControl } from '../safe-text.ts';

/**
 * Escapes text for HTML element content and attribute values. Control characters
 * are shown as visible escapes too: they have no place in a page, and a report
 * that is `cat` to a terminal must not drive it.
 */
export function escapeHtml(text: string): string {
  return escapeControl(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
