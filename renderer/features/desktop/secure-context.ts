/**
 * A browser decrypts Warroom rooms with Web Crypto, which exists only in a
 * secure context. A page the LAN host serves over plain http:// to another
 * computer is not one (http://localhost and the desktop app are), so such a
 * browser can show the app but cannot join a room. Until the LAN host serves
 * https, the person is told why and how to allow the address.
 */
export const insecureContextHelp = (isSecureContext: boolean, origin: string): string | null => {
  if (isSecureContext) return null;
  return (
    `This browser will not decrypt incident rooms on ${origin}: plain http from another computer is not a secure context. ` +
    `Use the Warroom desktop app, or allow this address once — Chrome or Edge: chrome://flags/#unsafely-treat-insecure-origin-as-secure, ` +
    `add ${origin}, relaunch; Firefox: about:config, dom.securecontext.allowlist, add the host name.`
  );
};
