import { ApiFailure, ReviewApi } from './api.js';
import { byId, errorMessage, showStatus } from './dom.js';
import type { Me } from './types.js';

// sessionStorage, not localStorage: the token dies with the tab and is not shared between tabs.
const TOKEN_KEY = 'faceleak.review.token';

export interface SessionHandlers {
  signedIn(api: ReviewApi, me: Me): void;
  signedOut(): void;
}

function showSignedIn(me: Me | null): void {
  byId('sign-in-view', HTMLElement).hidden = me !== null;
  byId('review-view', HTMLDivElement).hidden = me === null;
  byId('session', HTMLDivElement).hidden = me === null;
  byId('who', HTMLSpanElement).textContent = me ? `${me.name} (${me.role})` : '';
}

async function trySignIn(token: string, handlers: SessionHandlers): Promise<void> {
  showStatus('Signing in…');
  const api = new ReviewApi(token);
  try {
    const me = await api.me();
    if (me.role === 'moderator') {
      sessionStorage.removeItem(TOKEN_KEY);
      showStatus(`${me.name} is a moderator: this page is for investigators. Report listings with the browser extension instead.`, 'error');
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    byId('token', HTMLInputElement).value = '';
    showSignedIn(me);
    showStatus(`Signed in as ${me.name}.`);
    handlers.signedIn(api, me);
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    showStatus(`Sign-in failed: ${errorMessage(error)}`, 'error');
  }
}

/** Wires the sign-in form and the sign-out button, and resumes a session kept in this tab. */
export function setUpSession(handlers: SessionHandlers): { signOut(reason?: string): void } {
  const signOut = (reason?: string) => {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignedIn(null);
    handlers.signedOut();
    showStatus(reason ?? 'Signed out.', reason ? 'error' : 'info');
    byId('token', HTMLInputElement).focus();
  };
  byId('sign-in-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    const token = byId('token', HTMLInputElement).value.trim();
    if (token) void trySignIn(token, handlers);
  });
  byId('sign-out', HTMLButtonElement).addEventListener('click', () => signOut());
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) void trySignIn(saved, handlers);
  return { signOut };
}

/** True when an API call failed because the token stopped working (revoked while the page was open). */
export const lostSession = (error: unknown): boolean => error instanceof ApiFailure && error.status === 401;
