/**
 * Text as a reader of the site would see it: escapes that hide a character
 * from a plain search are undone before the PII scan, so that `&#x5F20;`,
 * `\u5f20` or `%E5%BC%A0` in a page, a JSON file or a URL still reads 张.
 */

const ESCAPES =
  /&#[xX]([0-9a-fA-F]{1,6});|&#(\d{1,7});|\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|(?:%[0-9a-fA-F]{2})+/g;
const TRIGGER = /&#|\\u|%[0-9a-fA-F]{2}|[\uFF10-\uFF19\uFF38\uFF58]/;
// Full-width digits and Ｘ/ｘ, folded one for one so offsets do not move.
const FULL_WIDTH = /[\uFF10-\uFF19\uFF38\uFF58]/g;

/**
 * Returns `text` with HTML numeric character references, JavaScript `\u`
 * escapes and percent-encoded UTF-8 decoded, and full-width digits folded to
 * ASCII. Text without any of them is returned as it is (and offsets in it
 * stay the offsets of the file's text). A `\u` surrogate pair decodes to its
 * character; a percent sequence that is not valid UTF-8 is left alone.
 */
export function unescapeText(text: string): string {
  if (!TRIGGER.test(text)) return text;
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(ESCAPES, (match, hex?: string, decimal?: string, braced?: string, unit?: string) => {
      if (unit !== undefined) return String.fromCharCode(parseInt(unit, 16));
      const code = (hex ?? braced) ? parseInt((hex ?? braced)!, 16) : decimal ? parseInt(decimal, 10) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : match;
      try {
        return decodeURIComponent(match);
      } catch {
        return match;
      }
    });
}
