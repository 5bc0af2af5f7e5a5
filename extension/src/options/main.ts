import { ask } from '../shared/ask.js';
import { byId, errorText, say } from '../shared/dom.js';
import type { ConnectionProblem } from '../shared/messages.js';
import { loadSettings, normalizeServerUrl, originPattern, saveSettings } from '../shared/settings.js';

/**
 * Options: the faceleak server's address and the moderator's token. Saving asks the browser for access
 * to that one server origin (the only host access the extension ever asks for), stores both in
 * extension storage, and tests the connection once the browser's access prompt is answered (a test
 * while it is open would fail on CORS and say so in red). The test runs again when access is granted
 * later, and whenever the page is opened, so the page always shows the connection as it is now.
 * "Test connection" checks what is typed without saving.
 */

const form = byId('settings', HTMLFormElement);
const serverInput = byId('server-url', HTMLInputElement);
const tokenInput = byId('token', HTMLInputElement);
const status = byId('status', HTMLElement);
const access = byId('access', HTMLElement);
const extensionOrigin = new URL(chrome.runtime.getURL('')).origin;

const problemTitle: Record<ConnectionProblem, string> = {
  'bad-url': 'Bad address',
  cors: 'Server refuses this extension',
  'no-answer': 'No answer',
  'wrong-port': 'Wrong port',
  'unknown-host': 'Unknown host',
  'not-faceleak': 'Not a faceleak server',
  'bad-token': 'Bad token',
  'wrong-role': 'Wrong role',
  'server-error': 'Server error',
};

// A later test supersedes an earlier one still running (the answers could come back in either order).
let testRun = 0;

/**
 * Tests the connection and shows the result. `quiet`: show it only if it works (while the browser's
 * access prompt is open, a failure may be what granting access fixes, so it is not shown yet).
 */
async function test(serverUrl: string, token: string, checking = 'Testing the connection…', quiet = false): Promise<boolean> {
  const run = ++testRun;
  if (!quiet) say(status, checking);
  const result = await ask({ type: 'connection/test', serverUrl, token });
  if (run !== testRun) return result.ok;
  if (result.ok) say(status, `Connected as ${result.name} (${result.role}).`, 'ok');
  else if (!quiet) say(status, `${problemTitle[result.problem]}: ${result.message}`, 'error');
  return result.ok;
}

/** The access line: said only when access was granted or is being asked for; its absence is no error. */
async function showAccess(serverUrl: string): Promise<boolean> {
  const pattern = originPattern(serverUrl);
  const granted = await chrome.permissions.contains({ origins: [pattern] });
  if (granted) say(access, `This extension may reach ${new URL(serverUrl).origin}.`, 'ok');
  else access.textContent = '';
  return granted;
}

async function save(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const normalized = normalizeServerUrl(serverInput.value);
  if (!normalized.ok) return say(status, `${problemTitle['bad-url']}: ${normalized.error}`, 'error');
  const pattern = originPattern(normalized.url);
  // Asked inside the click (browsers want a user gesture), before anything is awaited.
  const answer = chrome.permissions.request({ origins: [pattern] }).catch((error: unknown) => {
    console.warn('faceleak: could not ask for host access', error);
    return false;
  });
  say(access, `Asking the browser for access to ${new URL(normalized.url).origin}: answer its prompt.`);
  say(status, 'Saving…');
  const previous = await loadSettings();
  // Saved whatever the answer: a server that lists this extension in EXTENSION_ORIGINS needs no host access.
  await saveSettings({ serverUrl: normalized.url, token: tokenInput.value.trim() });
  serverInput.value = normalized.url;
  // Least privilege: access to a server no longer used is given back.
  if (previous && originPattern(previous.serverUrl) !== pattern)
    await chrome.permissions.remove({ origins: [originPattern(previous.serverUrl)] }).catch(() => false);
  say(status, 'Saved. Answer the browser’s access request; the connection is tested then.');
  // A server that lets this extension in by its origin works before the prompt is answered: say so
  // at once. A failure waits for the answer, since granting access may be its fix.
  const worksAlready = test(normalized.url, tokenInput.value, '', true);
  void worksAlready.then((ok) => {
    if (ok && access.textContent?.startsWith('Asking')) say(access, 'The server lets this extension in already: allowing the browser’s request is optional.');
  });
  const granted = await answer;
  await showAccess(normalized.url);
  if (granted || !(await worksAlready)) await test(normalized.url, tokenInput.value, 'Saved. Testing the connection…');
}

async function start(): Promise<void> {
  byId('extension-origin', HTMLElement).textContent = extensionOrigin;
  form.addEventListener('submit', (event) => void save(event).catch((e: unknown) => say(status, errorText(e), 'error')));
  byId('test', HTMLButtonElement).addEventListener(
    'click',
    () => void test(serverInput.value, tokenInput.value).catch((e: unknown) => say(status, errorText(e), 'error')),
  );
  // Access granted after the test ran (from the browser's own extension settings, say): test again with it.
  chrome.permissions.onAdded.addListener(() => {
    void loadSettings().then(async (settings) => {
      if (!settings) return;
      await showAccess(settings.serverUrl);
      await test(settings.serverUrl, settings.token);
    });
  });
  const settings = await loadSettings();
  if (!settings) return say(status, 'Not set up yet: enter the server address and your token, then Save.');
  serverInput.value = settings.serverUrl;
  tokenInput.value = settings.token;
  await showAccess(settings.serverUrl);
  await test(settings.serverUrl, settings.token, 'Checking the saved connection…');
}

start().catch((error: unknown) => say(status, errorText(error), 'error'));
