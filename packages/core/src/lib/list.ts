/**
 * Split a list written as text (`a, b; c`) into its trimmed, non-empty,
 * distinct items (`['a', 'b', 'c']`): how front matter, ninjs and other
 * inputs write keywords in one string.
 */
export function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}
