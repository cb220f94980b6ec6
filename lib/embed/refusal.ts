/**
 * A plain-text refusal for an embed or image address: a person reads it in the iframe or the
 * browser. No cache may keep it, since it may stop being one (a revision not yet written).
 */
export function plainRefusal(message: string, status: 400 | 404, headers: Record<string, string> = {}): Response {
  return new Response(message, {
    status,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
