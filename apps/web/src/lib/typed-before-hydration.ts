/**
 * What a reader types before the page's script has run — on a slow connection the form is there to fill
 * well before — would be lost to hydration, which sets every field to the value the page was rendered
 * with. The root layout notes each field the reader has changed as its script starts (before any page
 * hydrates), and once the page has mounted puts the reader's words and choices back, telling the page as
 * typing would (`input`, or `change` for boxes and lists), so bound state and live previews follow.
 */

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

// Fields no reader types into, or whose value a page may not be given back (a file).
const UNTYPED = new Set(["hidden", "file", "submit", "button", "reset", "image"]);

const tell = (field: Field, event: "input" | "change") =>
  field.dispatchEvent(new Event(event, { bubbles: true }));

/** What the reader changed in one field, as a way to put it back; null if they changed nothing. */
const changeIn = (field: Field): (() => void) | null => {
  if (field instanceof HTMLSelectElement) {
    const chosen = [...field.options].map((option) => option.selected);
    if (chosen.every((selected, n) => selected === field.options[n]?.defaultSelected)) return null;
    return () => {
      [...field.options].forEach((option, n) => {
        option.selected = chosen[n] ?? false;
      });
      tell(field, "change");
    };
  }
  if (field instanceof HTMLInputElement && UNTYPED.has(field.type)) return null;
  if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
    const checked = field.checked;
    if (checked === field.defaultChecked) return null;
    return () => {
      if (field.checked === checked) return;
      field.checked = checked;
      tell(field, "change");
    };
  }
  const value = field.value;
  if (value === field.defaultValue) return null;
  return () => {
    if (field.value === value) return;
    field.value = value;
    tell(field, "input");
  };
};

/** Notes the fields under `root` the reader has changed; the function returned puts them back. */
export const noteTypedBeforeHydration = (root: ParentNode = document): (() => void) => {
  const changes = [...root.querySelectorAll<Field>("input, textarea, select")].flatMap((field) => {
    const change = changeIn(field);
    return change === null ? [] : [change];
  });
  return () => {
    for (const putBack of changes) putBack();
  };
};
