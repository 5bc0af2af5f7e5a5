import type { OutboxItem } from '../shared/report.js';

/**
 * The toolbar badge counts reports not yet accepted by the server, so a moderator sees at a glance
 * that something waits (offline, server down, token refused) without opening the popup.
 */
export function showPending(items: readonly OutboxItem[]): void {
  const pending = items.filter((i) => i.stage === 'pending');
  const blocked = pending.some((i) => i.blocked !== null);
  void chrome.action.setBadgeText({ text: pending.length > 0 ? String(Math.min(pending.length, 999)) : '' });
  void chrome.action.setBadgeBackgroundColor({ color: blocked ? '#b00020' : '#a05a00' });
  void chrome.action.setTitle({
    title:
      pending.length === 0 ? 'faceleak: report this page' : `faceleak: ${pending.length} report(s) waiting to be sent${blocked ? ' (check the options)' : ''}`,
  });
}

/** A short sign on the badge after the shortcut or a menu item could not report (cleared by the next update). */
export function showProblem(message: string): void {
  void chrome.action.setBadgeText({ text: '!' });
  void chrome.action.setBadgeBackgroundColor({ color: '#b00020' });
  void chrome.action.setTitle({ title: `faceleak: ${message}` });
}
