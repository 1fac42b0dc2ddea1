import { originOf } from './origin';

/**
 * The only web permission the renderer may have. Notifications let the page
 * nudge the commander when a stakeholder update is due; camera, microphone,
 * geolocation, clipboard-read, HID/USB/serial etc. have no use in Warroom, and
 * a compromised page must not get them.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Used by both the permission request handler and the check handler, so they cannot disagree. */
export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && originOf(requestingUrl) === appOrigin;
}
