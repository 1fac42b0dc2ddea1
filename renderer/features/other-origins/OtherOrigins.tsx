import { useEffect, useMemo } from 'react';
import { useIncidentRows } from '../../data/use-incident-list';
import './other-origins.css';
import { cookieFor, otherAddresses, portOf, portsFromCookie, withThisPort } from './known-ports';

const isWebPage = () => window.location.protocol === 'http:' || window.location.protocol === 'https:';

/**
 * On the incident list of the browser build: when this browser keeps Warroom
 * incidents under another port of the same host (a LAN host that came back on
 * another port, `npm run web` with another PORT), say where, with a link. A
 * page's data is per origin, port included, so they are not lost, only there.
 */
export const OtherOrigins = () => {
  const rows = useIncidentRows(true);
  const holds = rows === undefined ? undefined : rows.length > 0;
  // Read once per render of the list; the cookie changes only from these pages.
  const others = useMemo(() => (isWebPage() ? otherAddresses(portsFromCookie(document.cookie), window.location) : []), []);

  useEffect(() => {
    if (holds === undefined || !isWebPage()) return;
    const next = withThisPort(portsFromCookie(document.cookie), portOf(window.location), holds);
    document.cookie = cookieFor(next);
  }, [holds]);

  if (others.length === 0) return null;
  return (
    <aside className="other-origins" aria-label="Incidents at other addresses" data-testid="other-origins">
      <p>
        This browser also keeps Warroom incidents at {others.length === 1 ? 'another address' : 'other addresses'} of this host. A browser keeps
        each address's data apart (the port counts), so what you recorded there is not lost; it is there:
      </p>
      <ul>
        {others.map((url) => (
          <li key={url}>
            <a href={url}>{url}</a>
          </li>
        ))}
      </ul>
    </aside>
  );
};
