// Escaping for the server-rendered producer page: every value from storage or the request goes through `escapeHtml`.

/** Text safe inside HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
