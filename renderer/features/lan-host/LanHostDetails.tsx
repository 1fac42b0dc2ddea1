import { useEffect, useState } from 'react';
import type { LanHostStatus } from '@shared/platform/lan';
import { platform } from '../../platform';
import { qrDataUrl } from './qr';

type Hosting = Extract<LanHostStatus, { state: 'hosting' }>;

/** Where others find the room: the LAN address(es), and a QR code of the browser link with the invite. */
export const LanHostDetails = ({ status, browserLink }: { status: Hosting; browserLink: string | null }) => {
  const [qr, setQr] = useState<{ link: string; image: string } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!browserLink) return;
    let live = true;
    qrDataUrl(browserLink).then(
      (image) => live && setQr({ link: browserLink, image }),
      () => live && setQr(null),
    );
    return () => {
      live = false;
    };
  }, [browserLink]);

  const copy = async () => {
    if (!browserLink) return;
    await platform.copyText(browserLink);
    setCopied(true);
  };

  return (
    <div className="lan-details" data-testid="lan-hosting">
      <p role="status">
        Hosting as <strong>{status.name}</strong> on port {status.port}.
        {status.advertised ? ' Other copies of Warroom on this network list it.' : ' It is not advertised on the network (mDNS unavailable): hand out the address.'}
      </p>
      <p className="lan-dim">Browsers on the network open:</p>
      <ul className="lan-urls" aria-label="LAN addresses">
        {status.pageUrls.map((url) => (
          <li key={url}>
            <code>{url}</code>
          </li>
        ))}
      </ul>
      {qr && qr.link === browserLink && (
        <figure className="lan-qr">
          <img src={qr.image} width={240} height={240} alt="QR code that opens this incident in a browser on the LAN" />
          <figcaption className="lan-dim">Scan to open this room with its invite. Anyone who scans it can edit the incident.</figcaption>
        </figure>
      )}
      {!browserLink && <p className="lan-dim">Preparing the invite…</p>}
      {browserLink && (
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied browser link' : 'Copy browser link'}
        </button>
      )}
    </div>
  );
};
