import { FIGURE_CARD_LAYOUT as CARD } from "@/lib/figures/card";
import { EMBED_THEME_CSS } from "./styles";

/**
 * The figure card's whole stylesheet: the embeds' colours and type, and a layout whose line
 * heights are the ones figureCardHeight (lib/figures/card.ts) estimates the iframe from.
 */
export const FIGURE_CARD_CSS = `${EMBED_THEME_CSS}
body{padding:${CARD.paddingY}px ${CARD.paddingX}px;min-width:0}
a{color:var(--link)}
main{border-left:4px solid var(--link);padding-left:${CARD.ruleWidth - 4}px}
h1{font-size:.95rem;line-height:${CARD.labelLineHeight}px;font-weight:600;margin:0;overflow-wrap:anywhere}
.value{font:700 2.5rem/${CARD.valueHeight}px Georgia,"Times New Roman",serif;margin:0;overflow-wrap:anywhere}
.value::first-letter{text-transform:uppercase}
.context{margin:0;font-size:.85rem;line-height:${CARD.contextLineHeight}px}
details{margin-top:4px;font-size:.8rem;line-height:20px}
summary{cursor:pointer;color:var(--link)}
blockquote{margin:4px 0 0;padding-left:8px;border-left:2px solid var(--line);font-style:italic;overflow-wrap:anywhere}
.source{margin:4px 0 0;font-size:.75rem;line-height:${CARD.sourceLineHeight}px;color:var(--muted);overflow-wrap:anywhere}
.corrected{font-weight:700}
`;
