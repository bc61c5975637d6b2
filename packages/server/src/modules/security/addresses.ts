import { BlockList, isIP } from 'node:net';

/** An IPv4/IPv6 address, or one with a prefix length (CIDR). */
export function isAddressRange(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** Whether an address falls in one of the ranges (node's BlockList does the matching, IPv4 and IPv6). */
export function addressIn(address: string, ranges: readonly string[]): boolean {
  const family = isIP(address);
  if (family === 0 || ranges.length === 0) return false;
  const list = new BlockList();
  for (const r of ranges) {
    const [a, prefix] = r.split('/');
    const type = isIP(a!) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(a!, type);
    else list.addSubnet(a!, Number(prefix), type);
  }
  return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
