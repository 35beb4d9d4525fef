// The client side of wrappingKeyBurst, run in its own Node process: reads
// `{ url, requests: [{ headers, body }] }` as JSON on stdin, sends every request at once with
// `fetch` (undici: kept-alive connections, one per request in flight), and writes one
// `{ status, type, ms }` per request as JSON on stdout, `ms` counted from the burst's start.

interface BurstInput {
  readonly url: string;
  readonly requests: readonly {
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  }[];
}

let text = "";
for await (const chunk of process.stdin) text += String(chunk);
const { url, requests } = JSON.parse(text) as BurstInput;

const start = performance.now();
const answers = await Promise.all(
  requests.map(async ({ headers, body }) => {
    const { host: _host, ...sent } = headers;
    const response = await fetch(url, { method: "POST", headers: sent, body });
    const answer = (await response.json()) as { __type?: string };
    return { status: response.status, type: answer.__type ?? "", ms: performance.now() - start };
  }),
);
process.stdout.write(JSON.stringify(answers));
