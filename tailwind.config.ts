import type { Config } from "tailwindcss";
import { PALETTE } from "./lib/charts/palette";

/** Design tokens. The colours are the ones the embeds and chart images use too (lib/charts/palette.ts). */
export default {
  theme: {
    extend: {
      colors: PALETTE,
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
        serif: ["Georgia", "Cambria", "Times New Roman", "serif"],
      },
      maxWidth: { page: "72rem" },
    },
  },
} satisfies Config;
