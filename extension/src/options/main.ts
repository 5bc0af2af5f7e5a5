import { ask } from '../shared/ask.js';
import { byId, errorText, say } from '../shared/dom.js';
import { loadSettings, normalizeServerUrl, originPattern, saveSettings } from '../shared/settings.js';

/**
 * Options: the faceleak server's address and the moderator's token. Saving asks the browser for access
 * to that one server origin (the only host access the extension ever asks for), stores both in
 * extension storage, and tests the connection. "Test connection" checks what is typed without saving.
 */

const form = byId('settings', HTMLFormElement);
const serverInput = byId('server-url', HTMLInputElement);
const tokenInput = byId('token', HTMLInputElement);
const status = byId('status', HTMLElement);
const access = byId('access', HTMLElement);
const extensionOrigin = new URL(chrome.runtime.getURL('')).origin;

async function test(serverUrl: string, token: string): Promise<void> {
  say(status, 'Testing the connection…');
  const result = await ask({ type: 'connection/test', serverUrl, token });
  if (result.ok) say(status, `Connected as ${result.name} (${result.role}).`, 'ok');
  else say(status, `${problemTitle[result.problem]}: ${result.message}`, 'error');
}

const problemTitle = {
  'bad-url': 'Bad address',
  unreachable: 'Server unreachable',
  'bad-token': 'Bad token',
  'wrong-role': 'Wrong role',
  'server-error': 'Server error',
} as const;

/**
 * Asks for host access to the server origin. It must start inside the click (browsers want a user
 * gesture), so it is not awaited before saving: the settings are kept whatever the answer, since a
 * server that lists this extension in EXTENSION_ORIGINS works without host access.
 */
function requestAccess(pattern: string): Promise<void> {
  say(access, `Asking the browser for access to ${pattern}…`);
  return chrome.permissions.request({ origins: [pattern] }).then(
    (granted) =>
      say(
        access,
        granted ? `Access to ${pattern} granted.` : `Access to ${pattern} not granted: the server must list ${extensionOrigin} in EXTENSION_ORIGINS.`,
        granted ? 'ok' : 'info',
      ),
    (error: unknown) => say(access, `Could not ask for access: ${errorText(error)}`, 'error'),
  );
}

async function save(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const normalized = normalizeServerUrl(serverInput.value);
  if (!normalized.ok) return say(status, normalized.error, 'error');
  const pattern = originPattern(normalized.url);
  void requestAccess(pattern);
  const previous = await loadSettings();
  await saveSettings({ serverUrl: normalized.url, token: tokenInput.value.trim() });
  serverInput.value = normalized.url;
  // Least privilege: access to a server no longer used is given back.
  if (previous && originPattern(previous.serverUrl) !== pattern)
    await chrome.permissions.remove({ origins: [originPattern(previous.serverUrl)] }).catch(() => false);
  say(status, 'Saved.', 'ok');
  await test(normalized.url, tokenInput.value);
}

async function start(): Promise<void> {
  const settings = await loadSettings();
  if (settings) {
    serverInput.value = settings.serverUrl;
    tokenInput.value = settings.token;
    const granted = await chrome.permissions.contains({ origins: [originPattern(settings.serverUrl)] });
    say(
      access,
      granted
        ? `Access to ${originPattern(settings.serverUrl)} granted.`
        : `No host access to the server: it must list ${extensionOrigin} in EXTENSION_ORIGINS.`,
    );
  }
  byId('extension-origin', HTMLElement).textContent = extensionOrigin;
  form.addEventListener('submit', (event) => void save(event).catch((e: unknown) => say(status, errorText(e), 'error')));
  byId('test', HTMLButtonElement).addEventListener(
    'click',
    () => void test(serverInput.value, tokenInput.value).catch((e: unknown) => say(status, errorText(e), 'error')),
  );
}

start().catch((error: unknown) => say(status, errorText(error), 'error'));
