/** Host integration: application-menu commands and invite links (warroom:// on the desktop, #join= in a browser). */
export { DesktopBridge } from './DesktopBridge';
