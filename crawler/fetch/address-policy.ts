import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { PermanentError } from '../../contracts/index.js';

/**
 * Which addresses the crawler may connect to. Only public unicast addresses, unless the site
 * allows its private network (local and test sites): loopback, private, link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, multicast, reserved and the rest are refused.
 */
export function isPublicAddress(address: string): boolean {
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

export class BlockedAddressError extends PermanentError {
  override name = 'BlockedAddressError';
}

/** Whether an address may be connected to. */
export type AddressRule = (address: string) => boolean;

export function checkAddress(host: string, address: string, allowed: AddressRule): void {
  if (!allowed(address)) throw new BlockedAddressError(`refused to connect to ${host} at ${address}: not an allowed address (SSRF protection)`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup for net.connect that refuses blocked addresses, so the check happens on the
 * address actually connected to (no gap between checking a name and resolving it again).
 */
export function guardedLookup(allowed: AddressRule) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      try {
        for (const a of addresses) checkAddress(hostname, a.address, allowed);
      } catch (error) {
        return callback(error as NodeJS.ErrnoException, []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
