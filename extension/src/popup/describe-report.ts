import { categoryWords } from '../shared/category-words.js';
import type { OutboxItem } from '../shared/report.js';

/** How a report's state reads in the popup, and its tone (which colour its label gets, see popup.css). */
export type Tone = 'waiting' | 'progress' | 'flagged' | 'review' | 'clear' | 'error';

export interface ReportState {
  /**
   * Words for the label: waiting, sending, queued, processing, flagged, needs review, not flagged,
   * failed, refused. The outcome is in the words and its icon, never in the colour alone.
   */
  readonly label: string;
  /** A symbol beside the label, so outcomes differ in shape as well as colour. */
  readonly icon: string;
  /** What else there is to say (empty when the label and the verdict say it all). */
  readonly detail: string;
  readonly tone: Tone;
}

export function describeReport(item: OutboxItem): ReportState {
  switch (item.stage) {
    case 'pending':
      if (item.blocked === 'setup')
        return { label: 'waiting', icon: '⏸', detail: 'not sent: set the server and token in the options to send it', tone: 'error' };
      if (item.blocked === 'auth')
        return { label: 'waiting', icon: '⏸', detail: `not sent: ${item.lastError ?? 'the server refused the token'}`, tone: 'error' };
      if (item.attempts > 0)
        return {
          label: 'waiting',
          icon: '⏳',
          detail: `not sent yet, tried ${item.attempts}×, trying again by ${time(item.nextAt)}: ${item.lastError ?? ''}`,
          tone: 'waiting',
        };
      return { label: 'sending', icon: '↗', detail: 'sending to the server…', tone: 'progress' };
    case 'sent':
      return {
        label: item.status ?? 'queued',
        icon: '⋯',
        detail: item.lastError ? `waiting for the verdict (${item.lastError})` : 'waiting for the verdict…',
        tone: 'progress',
      };
    case 'done':
      if (item.status === 'classified' && item.verdict) {
        const v = item.verdict;
        if (v.flagged) return { label: 'flagged', icon: '⚠', detail: '', tone: 'flagged' };
        // The review band: not flagged, but an investigator will look at it.
        if (v.review) return { label: 'needs review', icon: '◐', detail: '', tone: 'review' };
        return { label: 'not flagged', icon: '✓', detail: '', tone: 'clear' };
      }
      if (item.status === 'failed')
        return { label: 'failed', icon: '✕', detail: `the server could not process it: ${item.serverError ?? 'no reason given'}`, tone: 'error' };
      return { label: item.status ?? 'unknown', icon: '?', detail: item.lastError ?? '', tone: 'error' };
    case 'rejected':
      return { label: 'refused', icon: '✕', detail: item.lastError ?? 'the server refused this report', tone: 'error' };
  }
}

/** The verdict in one sentence (said once: the label names the outcome, this says what and how sure). */
export function verdictSentence(verdict: NonNullable<OutboxItem['verdict']>): string {
  const score = `score ${verdict.score.toFixed(2)}`;
  if (verdict.flagged) return `Flagged as ${categoryWords(verdict.category)} (${score}).`;
  if (verdict.review) return `Not flagged, but in the review band: an investigator will look at it (${score}).`;
  return `Not flagged (${score}).`;
}

/** What investigators decided, in words with an icon and when: the moderator's report mattered. */
export function decisionWords(decision: NonNullable<OutboxItem['decision']>): { icon: string; text: string } {
  const when = dateTime(Date.parse(decision.at));
  switch (decision.decision) {
    case 'confirmed':
      return { icon: '✔', text: `Investigators confirmed it on ${when}: a face-data sale.` };
    case 'dismissed':
      return { icon: '✖', text: `Investigators dismissed it on ${when}: not a face-data sale.` };
    case 'escalated':
      return { icon: '⬆', text: `Investigators escalated it on ${when}: it is being looked into further.` };
  }
}

/** HH:MM, the moderator's local time (the popup's own clock). */
export const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const dateTime = (ms: number) =>
  Number.isFinite(ms) ? `${new Date(ms).toLocaleDateString([], { day: 'numeric', month: 'short' })} at ${time(ms)}` : 'an unknown date';
