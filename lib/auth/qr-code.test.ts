import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { QUIET_ZONE, qrDrawing } from "./qr-code";

describe("the QR code drawing", () => {
  const text = "otpauth://totp/Operation%20Venetic:ed%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Operation%20Venetic";

  it("draws exactly the dark modules of the code, inside a four-module margin", () => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
    const drawing = qrDrawing(text);
    expect(drawing.size).toBe(modules.size + 2 * QUIET_ZONE);
    const drawn = new Set([...drawing.path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, x, y]) => `${x},${y}`));
    let dark = 0;
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        const isDrawn = drawn.has(`${column + QUIET_ZONE},${row + QUIET_ZONE}`);
        expect(isDrawn).toBe(Boolean(modules.get(row, column)));
        if (isDrawn) dark += 1;
      }
    }
    expect(drawn.size).toBe(dark);
  });

  it("holds nothing but path commands and numbers, whatever the text", () => {
    const { path } = qrDrawing('otpauth://totp/"><script>alert(1)</script>?secret=AAAA');
    expect(path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
  });
});
