import { isIP } from "node:net";

/** Tells whether a host name or address is this machine only: `localhost`, 127.0.0.0/8 or ::1. */
export function isLoopback(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, "").replace(/^::ffff:/i, "");
  if (address === "localhost") return true;
  if (isIP(address) === 4) return address.startsWith("127.");
  return isIP(address) === 6 && /^(?:0{0,4}:){2,7}0{0,3}1$/.test(address);
}
