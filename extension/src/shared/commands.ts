/** The keyboard shortcut's command name: the manifest declares it, the background worker listens for it. */
export const REPORT_PAGE_COMMAND = 'report-page';
