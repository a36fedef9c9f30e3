/**
 * Whether a text an office typed into a public column (责任单位, 资产权属, a
 * fund's category) names an office or other body rather than a person. An
 * office's name is public wording — a head named 文明 must not be found in
 * 安远县文明办 — while a person typed in must be found: the scans and the
 * check that a unit is not a person (personal-data-in-projects.ts) draw the
 * line here, in one place.
 */

// Words only the name of an office, a collective or a registered business holds (a single character only where
// it is next to never part of a person's name).
const OFFICE_WORDS =
  /集体|村委|居委|委员会|协会|商会|政府|公司|合作社|中心|办公室|管理|服务|基地|农场|[局站所队处科厂院办部]/;

/** Whether `text` names an office, collective or business (by the words above), not a person. */
export function isOfficeName(text: string): boolean {
  return OFFICE_WORDS.test(text);
}
