/**
 * Fills the `{name}` placeholders of a UI string from `params`; a placeholder
 * not given stays as it is. The one placeholder function of the pages, the
 * browser code and the command line. A replacement is taken literally (a
 * query typed as `$&` stays `$&`, which String.replace with a string would
 * expand).
 */
export function fillPlaceholders(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}
