import type { Config } from "tailwindcss";

/**
 * Design tokens. The series colours are the Okabe–Ito palette, which readers with the common
 * kinds of colour blindness can tell apart; each has a lighter twin for dark backgrounds.
 */
export default {
  theme: {
    extend: {
      colors: {
        ink: { DEFAULT: "#1a1a1a", muted: "#555555", inverse: "#f2f2f2" },
        paper: { DEFAULT: "#fbfaf7", raised: "#ffffff", dark: "#121417", "dark-raised": "#1c1f24" },
        accent: { DEFAULT: "#0b5cab", dark: "#7cb7f2" },
        series: {
          blue: "#0072b2",
          orange: "#e69f00",
          green: "#009e73",
          vermillion: "#d55e00",
          sky: "#56b4e9",
          purple: "#cc79a7",
          yellow: "#f0e442",
        },
        conflict: { DEFAULT: "#9a3412", dark: "#fdba74" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
        serif: ["Georgia", "Cambria", "Times New Roman", "serif"],
      },
      maxWidth: { page: "72rem" },
    },
  },
} satisfies Config;
