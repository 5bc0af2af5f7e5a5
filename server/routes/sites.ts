import { allowedHostsOf } from '../../contracts/index.js';
import { reportSites } from '../../store/index.js';
import type { Api, AppDeps } from '../app-deps.js';
import { ANY_ROLE } from '../auth.js';
import { ErrorResponses, SitesResponseSchema } from '../../contracts/api.js';

/**
 * GET /api/v1/sites: the registered sites' hosts and field selectors, so the extension reads a
 * listing the way the crawler does. Start URLs, rate limits and network policy stay server-side.
 */
export function registerSiteRoutes(app: Api, deps: AppDeps): void {
  app.get(
    '/api/v1/sites',
    {
      config: { roles: ANY_ROLE },
      schema: { summary: 'Configured sites: hosts and field selectors', tags: ['reports'], response: { ...ErrorResponses, 200: SitesResponseSchema } },
    },
    async () => {
      const sites = await reportSites(deps.store);
      return { items: sites.map(({ site }) => ({ name: site.name, hosts: allowedHostsOf(site), fields: site.fields })) };
    },
  );
}
