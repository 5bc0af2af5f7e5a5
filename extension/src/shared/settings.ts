import { z } from 'zod';

/**
 * The server address and the moderator's token. They live in chrome.storage.local only, which the
 * background worker restricts to extension pages (setAccessLevel TRUSTED_CONTEXTS in Chrome), so the
 * content script, and the web page around it, cannot read them. Only the options page writes them.
 */
export const SETTINGS_KEY = 'settings.v1';

export const SettingsSchema = z.object({ serverUrl: z.string(), token: z.string() });
export type Settings = z.infer<typeof SettingsSchema>;

/** The server base URL of what the moderator typed: http(s), no query or fragment, no trailing slash. */
export function normalizeServerUrl(input: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: 'the server address must be a full URL, such as https://faceleak.example.org' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'the server address must start with http:// or https://' };
  if (url.username || url.password) return { ok: false, error: 'put the token in the token field, not in the address' };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The host permission pattern of a server: its origin, every path. */
export const originPattern = (serverUrl: string) => `${new URL(serverUrl).origin}/*`;

export async function loadSettings(): Promise<Settings | null> {
  const stored = await chrome.storage.local.get(SETTINGS_KEY);
  const parsed = SettingsSchema.safeParse(stored[SETTINGS_KEY]);
  return parsed.success && parsed.data.serverUrl && parsed.data.token ? parsed.data : null;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await chrome.storage.local.set({ [SETTINGS_KEY]: settings });
}
