/**
 * A PNG data: URL of a QR code (the CSP allows img data:). Dark on white and
 * with a quiet zone whatever the theme: phone scanners need the contrast.
 * The encoder is loaded on first use: only the LAN host's details show a code,
 * so it stays out of the first screen's JavaScript.
 */
export const qrDataUrl = async (text: string): Promise<string> => {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 480, color: { dark: '#000000', light: '#ffffff' } });
};
