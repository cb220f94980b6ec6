import QRCode from "qrcode";

/** The blank margin scanners need around a QR code, in modules (the standard's minimum). */
export const QUIET_ZONE = 4;

export type QrDrawing = {
  /** The side of the square, in modules, margin included. */
  size: number;
  /** One SVG path of unit squares, one per dark module. */
  path: string;
};

/**
 * A QR code as an SVG path made only of numbers and path commands, for a server component to
 * draw. Neither the text nor anything derived from it as text reaches the markup, so nothing in
 * an email address or an issuer name can inject into the page.
 */
export function qrDrawing(text: string): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const squares: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) squares.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: squares.join("") };
}
