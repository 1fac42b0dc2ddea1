import QRCode from 'qrcode';

/**
 * A PNG data: URL of a QR code (the CSP allows img data:). Dark on white and
 * with a quiet zone whatever the theme: phone scanners need the contrast.
 */
export const qrDataUrl = (text: string): Promise<string> =>
  QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 480, color: { dark: '#000000', light: '#ffffff' } });
