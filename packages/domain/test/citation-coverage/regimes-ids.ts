/** The citation ids of ../shared/design/REGIMES.md, the article model every rule and test answers to. */
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

export const REGIMES_IDS: ReadonlyArray<string> = [
  "WC.1",
  "WC.2",
  "WC.3",
  "WC.4",
  ...range("WC.5", 7),
  ...range("WC.6", 11),
  "WC.7",
  ...range("WC.8", 6),
  "WC.9",
  "WC.9a",
  "WC.9b",
  "WC.9c",
  ...range("WC.10", 3),
  ...range("WC.11", 6),
  "WC.12",
  "WC.13",
  ...range("IF", 9).map((id) => id.replace("IF.", "IF.")),
  ...range("IF.10", 7),
  "IF.11",
  "IF.12a",
  "IF.12b",
  ...range("IF.13", 2),
  "IF.14",
];
