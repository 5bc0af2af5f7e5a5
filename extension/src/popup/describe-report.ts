import type { OutboxItem } from '../shared/report.js';

/** How a report's state reads in the popup, and its tone (which colour its label gets, see popup.css). */
export type Tone = 'waiting' | 'progress' | 'flagged' | 'review' | 'clear' | 'error';

export interface ReportState {
  /** One word for the label: waiting, queued, processing, classified, failed, refused. */
  readonly label: string;
  readonly detail: string;
  readonly tone: Tone;
}

export function describeReport(item: OutboxItem): ReportState {
  switch (item.stage) {
    case 'pending':
      if (item.blocked === 'setup') return { label: 'waiting', detail: 'set the server and token in the options to send it', tone: 'error' };
      if (item.blocked === 'auth') return { label: 'waiting', detail: item.lastError ?? 'the server refused the token', tone: 'error' };
      if (item.attempts > 0)
        return {
          label: 'waiting',
          detail: `not sent yet, tried ${item.attempts}×, trying again at ${time(item.nextAt)}: ${item.lastError ?? ''}`,
          tone: 'waiting',
        };
      return { label: 'sending', detail: 'sending to the server…', tone: 'progress' };
    case 'sent':
      return {
        label: item.status ?? 'queued',
        detail: item.lastError ? `waiting for the verdict (${item.lastError})` : 'waiting for the verdict…',
        tone: 'progress',
      };
    case 'done':
      if (item.status === 'classified' && item.verdict) {
        const v = item.verdict;
        if (v.flagged) return { label: 'classified', detail: `flagged: ${v.category ?? 'unknown category'}, score ${v.score.toFixed(2)}`, tone: 'flagged' };
        // The review band: not flagged, but an investigator will look at it.
        if (v.review) return { label: 'needs review', detail: `not flagged, but sent to an investigator (score ${v.score.toFixed(2)})`, tone: 'review' };
        return { label: 'classified', detail: `not flagged, score ${v.score.toFixed(2)}`, tone: 'clear' };
      }
      if (item.status === 'failed')
        return { label: 'failed', detail: `the server could not process it: ${item.serverError ?? 'no reason given'}`, tone: 'error' };
      return { label: item.status ?? 'unknown', detail: item.lastError ?? '', tone: 'error' };
    case 'rejected':
      return { label: 'refused', detail: item.lastError ?? 'the server refused this report', tone: 'error' };
  }
}

const time = (ms: number) => new Date(ms).toLocaleTimeString();
