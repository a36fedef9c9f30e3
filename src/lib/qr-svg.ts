import QRCode from 'qrcode';

/**
 * Returns the QR code of `text` as SVG markup, rendered at build time so a
 * printed notice carries it without JavaScript. Error correction M (15%):
 * a sheet on a village notice board gets creased and faded. `label` names the
 * image for screen readers; it is escaped here, the rest is the library's own
 * path data, so the markup is safe to insert as HTML.
 */
export async function qrSvg(text: string, label: string): Promise<string> {
  // One byte-mode segment: the library's search for the shortest mix of modes (a shortest path over the text) took
  // half of each code's time, tens of seconds over a city's notices, and saves no version on an address.
  const svg = await QRCode.toString([{data: new TextEncoder().encode(text), mode: 'byte'}], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4
  });
  return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(label)}" `);
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
