import { REPORT_PAGE_COMMAND } from '../src/shared/commands.js';

export type BrowserTarget = 'chrome' | 'firefox';

/** The PNG icons in src/static/icons (made from icon.svg by build/render-icons.ts). */
export const ICON_SIZES = [16, 32, 48, 128] as const;
const pngIcons = (sizes: readonly number[]) => Object.fromEntries(sizes.map((n) => [String(n), `icons/icon-${n}.png`]));

/** The add-on id Firefox keys storage and permissions by; it must never change once published. */
export const GECKO_ID = 'faceleak-moderator@faceleak.invalid';

/**
 * The manifest of one browser. What each permission is for:
 * - activeTab: read the page the moderator is on, only after they click the button, menu or shortcut;
 * - scripting: that read, and the term highlighter, injected only on demand (no content_scripts entry,
 *   so the extension has no standing access to any site);
 * - storage: settings and the report outbox; contextMenus: "report link" and "report selected text";
 * - alarms: wake the service worker to retry the outbox and poll verdicts after the browser killed it
 *   (a timer does not survive that). It grants no access to anything.
 * Host access is asked at run time for the one server origin (options page); optional_host_permissions
 * lists what may be asked, not what is granted.
 */
export function manifestFor(target: BrowserTarget, version: string): Record<string, unknown> {
  const common = {
    manifest_version: 3,
    name: 'faceleak for moderators',
    short_name: 'faceleak',
    version,
    description: 'Report marketplace listings that sell face data, and see coded terms highlighted on the page.',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'alarms'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // Chrome shows only PNG icons (it ignores SVG here): without them the toolbar has its grey placeholder.
    icons: pngIcons(ICON_SIZES),
    action: { default_title: 'faceleak: report this page', default_popup: 'popup.html', default_icon: pngIcons([16, 32]) },
    options_ui: { page: 'options.html', open_in_tab: true },
    commands: {
      [REPORT_PAGE_COMMAND]: {
        // Alt+Shift+F: free in Chrome and Firefox (Chrome silently drops a suggested key it reserves, such as Alt+Shift+R).
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Report this page to faceleak',
      },
    },
    // Only our own bundled scripts; no eval, no remote code, no plugins.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'" },
  };
  if (target === 'chrome') {
    return { ...common, minimum_chrome_version: '120', background: { service_worker: 'background.js' } };
  }
  return {
    ...common,
    // Firefox also takes the SVG, which stays sharp at any size and zoom.
    icons: { ...common.icons, '64': 'icon.svg' },
    action: { ...common.action, default_icon: { ...common.action.default_icon, '64': 'icon.svg' } },
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // optional_host_permissions and scripting in MV3 need Firefox 128.
        strict_min_version: '128.0',
        // The page's text and address go to the moderator's own faceleak server when they report it.
        data_collection_permissions: { required: ['websiteContent', 'websiteActivity'] },
      },
    },
  };
}
