/**
 * The renderer's Content-Security-Policy. Kept as data so the test can check
 * every directive, and so a future relay host is added in one reviewed place.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  // Only the bundled scripts: no inline script, no eval, no CDN.
  ['script-src', ["'self'"]],
  // 'unsafe-inline' for styles only: React's style={...} props and the
  // virtualized lists set element styles at runtime. Inline style cannot run
  // code, so the cost is limited to CSS-based exfiltration tricks, which the
  // img-src/connect-src limits below already blunt.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // data: and blob: for avatars, pasted screenshots and generated exports.
  ['img-src', ["'self'", 'data:', 'blob:']],
  // ws:/wss: for y-webrtc signaling and relays, which live on LAN hosts whose
  // addresses are only known from the invite code at run time.
  ['connect-src', ["'self'", 'ws:', 'wss:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  // Never framed by anything (clickjacking); only honoured as a header, not in <meta>.
  ['frame-ancestors', ["'none'"]],
  ['form-action', ["'none'"]],
];

export function buildContentSecurityPolicy(): string {
  return DIRECTIVES.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Response headers with our CSP in place of any the server sent. Header names
 * are case-insensitive, so every spelling of the old one is dropped; otherwise
 * a looser policy could survive next to ours.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  csp: string,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
