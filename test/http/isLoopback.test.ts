import { describe, expect, it } from "vitest";
import { isLoopback } from "../../src/http/isLoopback.js";

describe("isLoopback", () => {
  it.each([
    "127.0.0.1",
    "127.9.9.9",
    "127.255.255.254",
    "::1",
    "[::1]",
    "0:0:0:0:0:0:0:1",
    "0000:0000:0000:0000:0000:0000:0000:0001",
    "::ffff:127.0.0.1",
    "::FFFF:127.0.0.1",
    "[::ffff:127.0.0.1]",
    "localhost",
  ])("says %s is loopback", (host) => {
    expect(isLoopback(host)).toBe(true);
  });

  it.each([
    "0.0.0.0",
    "::",
    "[::]",
    "10.0.0.1",
    "192.168.1.1",
    "128.0.0.1",
    "1.127.0.0",
    "::2",
    "::ffff:10.0.0.1",
    "::ffff:0.0.0.0",
    "fe80::1",
    "example.com",
    "localhost.example.com",
    "127.0.0.1.example.com",
    "",
  ])("says %s is not loopback", (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});
