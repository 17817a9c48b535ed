/**
 * Cadence step instructions are small templates: `Call {{first_name}} about {{lead_title}}`. Only the names
 * below exist; a template using any other name is refused when the cadence is saved, so a typo never reaches
 * a follow-up as literal braces.
 */
export const TEMPLATE_FIELDS = [
  'first_name',
  'last_name',
  'lead_title',
  'company',
  'campaign',
  'key_message',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Partial<Record<TemplateField, string | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function isTemplateField(name: string): name is TemplateField {
  return (TEMPLATE_FIELDS as readonly string[]).includes(name);
}

/** Every placeholder name used in the text, in order of first use, without duplicates. */
export function placeholdersIn(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) seen.add(match[1] ?? '');
  return [...seen];
}

/** Placeholder names the renderer does not know. Names are case-sensitive: `{{First_Name}}` is unknown. */
export function unknownPlaceholders(text: string): string[] {
  return placeholdersIn(text).filter((name) => !isTemplateField(name));
}

/**
 * Fills the placeholders. A known field without a value renders as nothing and the spaces around it are
 * tidied (`Hi {{first_name}}, …` with no first name reads `Hi, …`); unknown placeholders are left untouched.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  let blanked = false;
  const filled = text.replace(PLACEHOLDER, (whole, rawName: string) => {
    if (!isTemplateField(rawName)) return whole;
    const value = values[rawName]?.trim() ?? '';
    if (!value) blanked = true;
    return value;
  });
  if (!blanked) return filled;
  return filled
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.;:!?])/g, '$1')
    .trim();
}
