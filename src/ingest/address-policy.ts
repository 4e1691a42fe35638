/**
 * Which network addresses ingestion may connect to. By default only global unicast addresses:
 * loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT
 * (100.64/10, Alibaba's metadata), unique-local IPv6 (fd00:ec2::254), multicast, reserved and
 * unspecified addresses are refused, also when written as IPv4-mapped IPv6 (`::ffff:127.0.0.1`).
 */
import ipaddr from 'ipaddr.js';

/** Decides whether ingestion may connect to a resolved IP address. */
export type AddressPolicy = (address: string) => boolean;

/**
 * Whether `address` is a global unicast address (the only kind a public web page lives at).
 *
 * @example isPublicAddress('93.184.216.34') // true
 * @example isPublicAddress('::ffff:169.254.169.254') // false
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns an IPv4-mapped IPv6 address into the IPv4 address it stands for.
  // 6to4, Teredo and NAT64 prefixes embed an IPv4 address a relay would reach: not 'unicast', so refused.
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * The policy of a run: public addresses only, or anything with `--allow-private` (tests, an intranet wiki).
 *
 * @example addressPolicy(false)('127.0.0.1') // false
 */
export function addressPolicy(allowPrivate: boolean): AddressPolicy {
  return allowPrivate ? () => true : isPublicAddress;
}
