/**
 * Copies `text` with the legacy copy command on a hidden text field: the way
 * to reach the clipboard where `navigator.clipboard` does not exist, which is
 * any page outside a secure context (a browser on the LAN host's plain-http
 * address). Like the Clipboard API it needs a user gesture, so call it from a
 * click or key handler. Throws an Error saying what to do when the browser
 * refuses.
 */
export const copyBySelection = (text: string): void => {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  // Inside an open modal <dialog> everything else is inert and cannot be selected: stay within it.
  const host = previous?.closest('dialog[open]') ?? document.body;
  const field = document.createElement('textarea');
  field.value = text;
  field.readOnly = true;
  field.setAttribute('aria-hidden', 'true');
  field.tabIndex = -1;
  // Off screen rather than display:none, which cannot hold a selection.
  field.style.cssText = 'position:fixed;top:0;left:-10000px;width:1px;height:1px;opacity:0';
  host.append(field);
  let copied = false;
  try {
    field.focus({ preventScroll: true });
    field.select();
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    field.remove();
    previous?.focus({ preventScroll: true });
  }
  if (!copied) throw new Error('this browser does not allow copying from this page; select the text and press Ctrl+C');
};
