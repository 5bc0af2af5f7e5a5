import type { Decision } from './types.js';

export interface ShortcutHandlers {
  /** False while signed out: the keys then do nothing. */
  active(): boolean;
  move(step: 1 | -1): void;
  decide(decision: Decision): void;
  toggleChecked(): void;
}

const DECISION_KEYS: Readonly<Record<string, Decision>> = { c: 'confirmed', d: 'dismissed', e: 'escalated' };
// Controls where a letter key is not text: shortcuts still work while one of them has focus.
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Whether a key press belongs to a text field the investigator is typing in. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** j/k move, c/d/e decide and move on, x checks the selected row; Escape leaves a text field. */
export function installShortcuts(handlers: ShortcutHandlers): void {
  document.addEventListener('keydown', (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) {
      if (event.key === 'Escape' && event.target instanceof HTMLElement) event.target.blur();
      return;
    }
    if (!handlers.active()) return;
    const decision = DECISION_KEYS[event.key];
    if (decision) {
      // A held-down key must not decide listing after listing.
      if (!event.repeat) handlers.decide(decision);
    } else if (event.key === 'j') handlers.move(1);
    else if (event.key === 'k') handlers.move(-1);
    else if (event.key === 'x') {
      if (!event.repeat) handlers.toggleChecked();
    } else return;
    event.preventDefault();
  });
}
