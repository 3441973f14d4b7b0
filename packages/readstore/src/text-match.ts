// The case rule of the `contains` operator, shared by the adapters and the contract's reference model.

/** Lower-cases ASCII letters only: `contains` folds A-Z and leaves every other character as it is. */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** True when `text` contains `needle` under the `contains` rule (ASCII letters in either case). */
export function containsText(text: string, needle: string): boolean {
  return foldAsciiCase(text).includes(foldAsciiCase(needle));
}
